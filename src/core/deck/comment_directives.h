// What an HTML comment in a slide means: settings (`<!-- duration: 20 -->`, Marp's
// `<!-- _class: lead -->`), reveal.js slide attributes (`<!-- .slide: data-background-color=…
// -->`), Marp's `<!-- fit -->`, or a note. A comment that is not all settings is a note: kept,
// never drawn, never an error. No md4c here: the builder hands over the comment's text and place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/deck/line_index.h"
#include "core/deck/settings.h"

namespace boothdeck {

struct CommentMeaning {
  enum class Kind { Note, Settings, SlideAttributes, Fit, Ignored } kind = Kind::Note;
  std::vector<Setting> settings;  // Settings (place Comment) or SlideAttributes (SlideHeader)
  std::string note;
  bool fragments = false;  // reveal.js `<!-- .element: class="fragment" -->`
};

// `body` is the text between `<!--` and `-->`, a view into the text `index` covers.
CommentMeaning read_comment(std::string_view body, const LineIndex& index);

}  // namespace boothdeck
