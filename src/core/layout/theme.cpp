// The two built-in themes. Dark is the default: booths are bright, and dark slides glare less.
#include "core/layout/theme.h"

#include <cmath>

namespace boothdeck {

Theme theme_named(std::string_view name) {
  Theme t;
  if (name == "light") {
    t.background = {0xF7, 0xF6, 0xF2};
    t.text = {0x1E, 0x22, 0x2B};
    t.muted = {0x5F, 0x66, 0x73};
    t.strong = {0x0B, 0x4F, 0xA8};
    t.accent = {0xB8, 0x48, 0x0F};
    t.accent_text = {0xA8, 0x43, 0x0E};
    t.bar = {0x6E, 0x77, 0x88};
    t.bar_track = {0xE4, 0xE3, 0xDE};
    t.table_header = {0x1E, 0x22, 0x2B};
    t.table_header_text = {0xF7, 0xF6, 0xF2};
    t.table_stripe = {0xEC, 0xEA, 0xE4};
    t.rule = {0xB8, 0x48, 0x0F};
  } else {
    t.background = {0x12, 0x15, 0x1C};
    t.text = {0xEE, 0xEF, 0xF2};
    t.muted = {0x9A, 0xA2, 0xB1};
    t.strong = {0xFF, 0xC8, 0x7A};
    t.accent = {0xF2, 0x8C, 0x38};
    t.accent_text = t.accent;
    t.bar = {0x7C, 0x87, 0x9B};
    t.bar_track = {0x23, 0x28, 0x33};
    t.table_header = {0x2C, 0x33, 0x42};
    t.table_header_text = {0xFF, 0xC8, 0x7A};
    t.table_stripe = {0x1A, 0x1E, 0x27};
    t.rule = {0xF2, 0x8C, 0x38};
  }
  return t;
}

double contrast_ratio(Color a, Color b) {
  auto channel = [](uint8_t v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  auto luminance = [&](Color c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  };
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace boothdeck
