// What layout needs to know about fonts, and nothing more: widths and line heights.
// The renderer implements it with SDL_ttf; tests implement it with fixed advances.
#pragma once

#include <string_view>

namespace boothdeck {

struct FontSpec {
  int size = 44;  // pixels
  bool bold = false;
  bool heading = false;  // the heading family (may differ from the body family)
  bool mono = false;
  bool operator==(const FontSpec&) const = default;
};

// A number that tells font specs apart, for cache keys.
inline int font_id(const FontSpec& f) {
  return f.size * 8 + f.bold * 4 + f.heading * 2 + f.mono;
}

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  virtual float width(std::string_view utf8, const FontSpec& font) = 0;
  virtual float line_height(const FontSpec& font) = 0;  // baseline to baseline, unspaced
  // A hint from layout between two attempts at a slide (another scale): the sizes measured so
  // far may not be needed again, so what was opened for them (a font per size) may be freed.
  // Measuring afterwards stays correct; it may cost a reopening.
  virtual void release_sizes() {}
};

}  // namespace boothdeck
