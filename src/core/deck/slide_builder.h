// md4c's callbacks for one slide's text → the slide's blocks. Also what lives inside the
// Markdown: images (inline rows, Marp/Deckset backgrounds, `<img>`), comments (settings, notes,
// `<!-- fit -->`), HTML `<div>` columns, math and diagrams shown as text.
//
//   build_blocks(context, slide, source.head, slide.blocks, &backgrounds);
#pragma once

#include <string_view>
#include <vector>

#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"
#include "core/deck/image_ref.h"
#include "core/deck/image_resolver.h"
#include "core/deck/line_index.h"
#include "core/deck/settings.h"
#include "core/deck/slide_source.h"

namespace boothdeck {

// What the builder shares with the rest of the deck.
struct BuildContext {
  const LineIndex& index;  // over the text md4c reads, so its pointers become lines
  SettingsState& settings;
  ImageResolver& images;
  DiagnosticList& out;
};

// A background image found in the slide's Markdown (`![bg](…)`, a Deckset image).
struct FoundBackground {
  Image image;
  ImageSpec spec;
};

// Parses the text in `range` of context.index's text. Blocks go to `target`; comments set the
// slide's notes and settings (through context.settings); backgrounds are collected.
void build_blocks(BuildContext& context, Slide& slide, TextRange range, std::vector<Block>& target,
                  std::vector<FoundBackground>* backgrounds);

// Inline Markdown (**bold**, *italic*, `code`) as rich text: Marp's header and footer.
RichText parse_inline_markdown(std::string_view markdown);

}  // namespace boothdeck
