// Colours and proportions of a slide, for a dark booth screen and a light one.
// Sizes are in pixels at a 1080-pixel short side; layout scales them to the viewport.
#pragma once

#include <cstdint>
#include <string_view>

namespace boothdeck {

struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

struct Theme {
  Color background, text, muted, strong, accent, bar, bar_track, table_header, table_header_text,
      table_stripe, rule;
  float title_size = 84;  // a cover slide's first heading
  float h1_size = 68;
  float h2_size = 54;
  float h3_size = 46;
  float body_size = 44;  // readable from three metres on a 55" screen
  float table_size = 36;
  float small_size = 34;       // chart titles, captions
  float line_spacing = 1.38f;  // Hangul needs more leading than Latin
  float block_gap = 0.7f;      // in body-size units
  float safe_margin = 0.06f;   // fraction of each side kept clear for TV overscan
  float min_scale = 0.6f;      // shrink-to-fit floor: body text never under ~26 px at 1080p
};

// "dark" or "light"; anything else gives dark.
Theme theme_named(std::string_view name);

}  // namespace boothdeck
