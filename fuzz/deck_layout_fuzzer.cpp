// libFuzzer target: any bytes → parse_deck → layout of the first slides with fixed advances.
// Links only src/core/deck and src/core/layout (plus md4c, ICU); no SDL, no fonts. Slow (tens
// of inputs a second at 16 KB): deck_parser_fuzzer and text_fuzzer are the fast halves.
// Build and run with fuzz/run.sh layout SECONDS; a crash, leak, UB report or timeout is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/deck/deck_parser.h"
#include "core/layout/layout.h"
#include "fake_measurer.h"  // tests/: fixed advances, no fonts
#include "fuzz_deck.h"

namespace {

using namespace boothdeck;

constexpr int kSlidesToLayout = 4;  // layout is the slow half; a few slides cover its paths

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ParseResult result = parse_fuzz_deck(data, size);

  // Formatting touches every diagnostic's fields (line, col, code, message).
  size_t total = 0;
  for (const Diagnostic& d : result.diagnostics) total += format_diagnostic(d).size();

  FakeMeasurer measurer;
  Theme theme = theme_named(result.deck.settings.theme);
  ImageSizer sizes = [](const std::string& path, int) {
    return ImageSize{static_cast<int>(path.size() % 7), 9};  // 0 x 9 sometimes: the fallback
  };
  int slides = static_cast<int>(result.deck.slides.size());
  for (int i = 0; i < slides && i < kSlidesToLayout; ++i) {
    SlideDisplay display = layout_slide(result.deck, i, {1920, 1080}, theme, measurer, sizes);
    total += display.items.size();
  }
  // The last slide too (and an index out of range), at a portrait size.
  if (slides > kSlidesToLayout)
    total += layout_slide(result.deck, slides - 1, {1080, 1920}, theme, measurer).items.size();
  total += layout_slide(result.deck, slides, {1920, 1080}, theme, measurer).items.size();
  (void)total;
  return 0;
}
