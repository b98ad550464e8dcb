// WCAG 2.2 contrast of every colour pair the layout draws, in both built-in themes.
#include "core/layout/theme.h"

#include <doctest/doctest.h>

using namespace boothdeck;

TEST_CASE("contrast_ratio follows WCAG 2.2's definition") {
  CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21));
  CHECK(contrast_ratio({255, 255, 255}, {0, 0, 0}) == doctest::Approx(21));
  CHECK(contrast_ratio({0x77, 0x77, 0x77}, {255, 255, 255}) == doctest::Approx(4.48).epsilon(0.01));
  CHECK(contrast_ratio({0x12, 0x34, 0x56}, {0x12, 0x34, 0x56}) == doctest::Approx(1));
}

TEST_CASE("text has 4.5:1 and bars 3:1 against what they are drawn on, in both themes") {
  struct Pair {
    const char* what;
    Color Theme::*fore;
    Color Theme::*back;
    double least;  // 4.5 for text (WCAG 1.4.3), 3 for a bar against its track (1.4.11)
  };
  const Pair pairs[] = {
      {"text on the background", &Theme::text, &Theme::background, 4.5},
      {"muted text on the background", &Theme::muted, &Theme::background, 4.5},
      {"emphasis on the background", &Theme::strong, &Theme::background, 4.5},
      {"list markers on the background", &Theme::accent, &Theme::background, 3},
      {"highlighted value on the background", &Theme::accent_text, &Theme::background, 4.5},
      {"highlighted value over the track", &Theme::accent_text, &Theme::bar_track, 4.5},
      {"value over the track", &Theme::text, &Theme::bar_track, 4.5},
      {"table text on a stripe", &Theme::text, &Theme::table_stripe, 4.5},
      {"muted text on a stripe (code)", &Theme::muted, &Theme::table_stripe, 4.5},
      {"table header text", &Theme::table_header_text, &Theme::table_header, 4.5},
      {"highlighted bar on its track", &Theme::accent, &Theme::bar_track, 3},
      {"bar on its track", &Theme::bar, &Theme::bar_track, 3},
      {"the title's rule on the background", &Theme::rule, &Theme::background, 3},
  };
  for (const char* name : {"dark", "light"}) {
    Theme theme = theme_named(name);
    for (const Pair& p : pairs) {
      CAPTURE(name);
      CAPTURE(p.what);
      CHECK(contrast_ratio(theme.*(p.fore), theme.*(p.back)) >= p.least);
    }
    // A QR code is dark on light whatever the theme.
    CHECK(contrast_ratio(theme.qr_dark, theme.qr_light) >= 15);
  }
}
