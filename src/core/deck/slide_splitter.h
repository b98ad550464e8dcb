// Splits a deck's body into slides: at `---` (and, by dialect, Marp's other rulers, reveal.js's
// vertical `--`, reveal-md's own separators, Marp's and Deckset's heading divider), never inside
// fenced code or an HTML comment. A `---` block of slide settings (Slidev's slide front matter)
// belongs to the next slide instead of being one. Line-level only: no md4c.
#pragma once

#include <string>
#include <vector>

#include "core/deck/diagnostic.h"
#include "core/deck/dialect.h"
#include "core/deck/line_index.h"
#include "core/deck/markdown_lines.h"
#include "core/deck/settings.h"

namespace boothdeck {

struct SlideChunk {
  int first_line = 0, end_line = 0;      // the slide's lines: [first, end)
  int header_first = 0, header_end = 0;  // its front matter lines (Slidev), if any
  bool vertical = false;                 // reveal.js: below the slide before it
};

struct SplitOptions {
  Dialect dialect = Dialect::Boothdeck;
  const DeckDirectives* directives = nullptr;
};

// Lines [body, index.lines()]. `work` is the deck's text, same offsets: lines that only join
// (remark's `--`) are blanked in it. Reports unclosed fences and comments.
std::vector<SlideChunk> split_slides(const LineIndex& index, const MarkdownLines& lines, int body,
                                     const SplitOptions& options, std::string& work,
                                     DiagnosticList& out);

// Marp's `<!-- headingDivider: 2 -->` may be written in any slide and counts for the whole deck.
void find_heading_divider(const LineIndex& index, const MarkdownLines& lines, int body,
                          DeckDirectives& directives);

// Replaces every byte of [begin, end) but newlines with a space: the text reads as blank to
// md4c, and every offset (so every line and column) stays where it was.
void blank(std::string& work, size_t begin, size_t end);

}  // namespace boothdeck
