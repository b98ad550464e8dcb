// TextMeasurer with real font metrics from SDL_ttf (HarfBuzz-shaped widths), cached.
#pragma once

#include <string>
#include <unordered_map>

#include "core/layout/text_measurer.h"
#include "render/font_set.h"

namespace boothdeck {

class TtfTextMeasurer final : public TextMeasurer {
 public:
  explicit TtfTextMeasurer(FontSet& fonts) : fonts_(fonts) {}
  float width(std::string_view utf8, const FontSpec& font) override;
  float line_height(const FontSpec& font) override;

 private:
  FontSet& fonts_;
  std::unordered_map<std::string, float> widths_;  // capped: cleared when it grows too large
  size_t key_bytes_ = 0;
};

}  // namespace boothdeck
