// libFuzzer target for the parser alone: any bytes → parse_deck (front matter, slides, md4c,
// bars, comments, images probed against a folder that does not exist) → every diagnostic
// formatted (fuzz_deck.h). No layout, no fonts. Besides the sanitizers it checks, and traps when
// violated:
//   - every diagnostic has a code and a message, and a line within the file (0 = whole file);
//   - no text of the deck holds invalid UTF-8 (it is repaired and reported, never passed on).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/deck/deck_parser.h"
#include "core/deck/utf8.h"
#include "fuzz_deck.h"

namespace {

using namespace boothdeck;

void require(bool ok) {
  if (!ok) __builtin_trap();
}

void require_valid(const std::string& text) {
  std::vector<Utf8Problem> problems;
  repair_utf8(text, &problems);
  require(problems.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseResult result = parse_fuzz_deck(data, size);

  // Lines end at LF, CRLF or a lone CR (CommonMark).
  int lines = 1;
  for (size_t i = 0; i < size; ++i)
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == size || text[i + 1] != '\n'));
  for (const Diagnostic& d : result.diagnostics) {
    require(!d.message.empty());
    require(d.line >= 0 && d.line <= lines + 1 && d.col >= 0);
    require(!format_diagnostic(d).empty());
  }
  for (const Slide& slide : result.deck.slides) {
    require(!slide.blocks.empty());
    for (const Block& block : slide.blocks) {
      for (const Span& span : block.text) require_valid(span.text);
      for (const ListItem& item : block.items)
        for (const Span& span : item.text) require_valid(span.text);
      for (const auto& row : block.table.rows)
        for (const RichText& cell : row)
          for (const Span& span : cell) require_valid(span.text);
      for (const Bar& bar : block.chart.bars) require_valid(bar.label);
    }
  }
  return 0;
}
