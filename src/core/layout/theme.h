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
  // Text colours have at least 4.5:1 contrast with what they are drawn on, bars 3:1 with their
  // track (WCAG 2.2, 1.4.3 and 1.4.11), in both themes: tests/theme_test.cpp holds the pairs.
  Color background, text, muted, strong, accent, accent_text, bar, bar_track, table_header,
      table_header_text, table_stripe, rule;
  // A QR code is dark on light in every theme: phones read inverted codes badly.
  Color qr_dark{0x00, 0x00, 0x00}, qr_light{0xFF, 0xFF, 0xFF};
  float title_size = 84;  // a cover slide's first heading
  float h1_size = 68;
  float h2_size = 54;
  float h3_size = 46;
  float body_size = 44;   // readable from three metres on a 55" screen
  float table_size = 44;  // tables are read from as far as body text
  float code_size = 36;
  float small_size = 40;       // chart titles, captions
  float line_spacing = 1.38f;  // Hangul needs more leading than Latin
  // Headings are display type: lines about 1.3 em apart (the font's own spacing when larger).
  float heading_line_height = 1.3f;
  float block_gap = 0.7f;     // in body-size units
  float safe_margin = 0.06f;  // fraction of each side kept clear for TV overscan
  // The readable floor of fit-to-screen: body and tables never under 40 px at 1080p, which a
  // visitor reads from 3 m on a 55" screen. Past it a slide is set smaller only to lose nothing,
  // and --check says to split it.
  float min_scale = 0.91f;
};

// "dark" or "light"; anything else gives dark.
Theme theme_named(std::string_view name);

// WCAG 2.2 contrast ratio of two opaque colours, 1 to 21: (L1 + 0.05) / (L2 + 0.05) of their
// relative luminances (sRGB linearised), the lighter first.
double contrast_ratio(Color a, Color b);

}  // namespace boothdeck
