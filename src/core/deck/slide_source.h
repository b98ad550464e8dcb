// One slide's lines read for what each dialect writes on a line of its own: speaker notes
// (reveal.js `Note:`, remark `???`, Deckset `^`), slide properties and commands (remark's
// `class:` lines, Deckset's `[.key: value]`), and column markers (Slidev `::right::`, Deckset
// `[.column]`, remark `.left-column[ … ]`). What is read is blanked in the work text, so md4c
// sees only content and every position stays true. Line-level only: no md4c.
#pragma once

#include <string>
#include <vector>

#include "core/deck/diagnostic.h"
#include "core/deck/dialect.h"
#include "core/deck/line_index.h"
#include "core/deck/markdown_lines.h"
#include "core/deck/settings.h"
#include "core/deck/slide_splitter.h"

namespace boothdeck {

struct TextRange {
  size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

struct SlideSource {
  int line = 0;  // first line of the slide
  // Content, full width, then in columns, then full width again.
  TextRange head;
  std::vector<TextRange> columns;  // empty: no columns
  TextRange tail;
  std::vector<Setting> header;  // the slide's own settings, in order
  std::string notes;            // speaker notes written in a notes syntax
  bool vertical = false;
};

SlideSource read_slide_source(const LineIndex& index, const MarkdownLines& lines,
                              const SlideChunk& chunk, Dialect dialect, std::string& work,
                              DiagnosticList& out);

}  // namespace boothdeck
