// An image reference as decks write it: the keywords in its alt text (Marp's `bg left:40%`,
// `w:300`; Deckset's `inline`, `left`, `fit`) and its path (`%20` decoded, a `?query`
// dropped, `#page=3` of a PDF). Pure string work; image_probe checks the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deck/deck.h"
#include "core/deck/dialect.h"

namespace boothdeck {

struct ImageSpec {
  std::string alt;          // the words that are not keywords
  bool background = false;  // behind or beside the slide (Marp `bg`, a Deckset image alone)
  BackgroundSide side = BackgroundSide::Full;
  float fraction = 0.5f;  // of the slide's width, for a side image
  std::optional<ImageFit> fit;
  float width = 0, height = 0;       // asked for, in the dialect's pixels (0 = not asked)
  float width_fraction = 0;          // of the content's width (Deckset `inline 50%`)
  std::vector<std::string> ignored;  // keywords boothdeck does not honour (filters, …)
};

ImageSpec parse_image_alt(std::string_view alt, Dialect dialect);

// Pixels of the dialect's slide (Marp 1280×720, reveal.js 960×700, Slidev 980 wide) → layout
// pixels (1080-pixel short side).
float dialect_pixel_scale(Dialect dialect);

struct ImageSource {
  std::string path;  // decoded, without query or fragment
  int page = 0;      // `#page=N`; 0 = none given
  bool had_query = false;
};

ImageSource parse_image_source(std::string_view src);

bool is_pdf_path(std::string_view path);

}  // namespace boothdeck
