// A TextMeasurer with fixed advances: Hangul a full em, everything else half an em.
// Layout tests use it to compute expected geometry by hand.
#pragma once

#include "core/deck/utf8.h"
#include "core/layout/text_measurer.h"

namespace boothdeck {

class FakeMeasurer final : public TextMeasurer {
 public:
  float width(std::string_view text, const FontSpec& font) override {
    float w = 0;
    for (size_t pos = 0; pos < text.size();) {
      char32_t c = next_code_point(text, pos);
      w += (c >= 0xAC00 && c <= 0xD7A3) ? font.size : font.size * 0.5f;
    }
    return w;
  }
  float line_height(const FontSpec& font) override { return font.size * 1.2f; }
};

}  // namespace boothdeck
