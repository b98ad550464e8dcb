// A slide laid out for one viewport: positioned text runs, boxes, bars and images.
// Plain data: the renderer draws it, layout.json serialises it, tests inspect it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/layout/text_measurer.h"
#include "core/layout/theme.h"

namespace boothdeck {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

enum class ItemKind { Text, Box, Bar, Image, Qr };

struct DisplayItem {
  ItemKind kind = ItemKind::Text;
  Rect rect;  // for a bar: its full length, reached when the animation ends
  Color color;
  int block = 0;  // index of the deck block this came from
  // Text: one line (or the part of a line in one style), exactly as the deck wrote it.
  std::string text;
  FontSpec font;
  bool mark = false;  // drawn by layout, not written in the deck: a code line's continuation
  // Bar: value and unit, for the counting label drawn at the bar's end.
  double value = 0;
  std::string unit;
  Rect label_rect;  // where the value label sits when the bar is full
  Color label_color;
  // Image: the file, its page (a PDF's, 1-based; 0 for an image file), and the part of it that
  // shows, as fractions of its width and height (a cover-fitted background is cropped).
  std::string path;
  int page = 0;
  Rect crop{0, 0, 1, 1};
  // Qr: the symbol's modules (side × side, 1 = dark) in `qr`, drawn dark on light in `rect`,
  // which holds side + 2 × kQrQuietZone modules of `module_px` whole pixels each; `text` is
  // what it encodes. The colours are fixed, not the theme's: phones read dark on light.
  std::vector<uint8_t> qr;
  int qr_side = 0;
  int module_px = 0;
};

struct SlideDisplay {
  std::vector<DisplayItem> items;
  Color background;
  float scale = 1;          // fit-to-screen factor that was applied (over 1: grown)
  bool overflow = false;    // content did not fit even at the floor; the excess is not drawn
  int overflow_block = -1;  // the first block cut off (an index into the slide's blocks)
  int cramped_block = -1;   // a table too wide to keep its words whole, even set small
  // Text set below the theme's readable floor (min_scale) for the slide to fit: --check says to
  // split the slide.
  bool below_floor = false;
  bool has_bars() const;
  Rect bars_bounds() const;     // every bar's full track and value label; empty without bars
  Rect content_bounds() const;  // everything drawn over the background
};

// "64%", "2×", "12.5 ms": how a bar value reads on the slide.
std::string format_bar_value(double value, const std::string& unit);

// What a growing bar's label says at `progress` (0..1 of its own growth, render/animation.h):
// its value times its own progress, so the number and the bar move together and a longer bar of
// a chart never shows a smaller number (issue 13); a whole value under 10 (2×) counts in tenths;
// once grown, exactly the deck's value.
double bar_shown_value(const DisplayItem& bar, double progress);
std::string bar_label_at(const DisplayItem& bar, double progress);

}  // namespace boothdeck
