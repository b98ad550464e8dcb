// Right-to-left text in a line (UAX #9 through ICU): levels per byte and the visual order of
// runs, checked against the order a reader expects.
#include "core/layout/bidi.h"

#include <doctest/doctest.h>

#include <string>

using namespace boothdeck;

namespace {

// The text's runs of one level in visual order, left to right, "|" between them; a run drawn
// right to left (odd level) is in <>, its bytes in logical order as the shaper receives them.
std::string visual(std::string_view text) {
  std::vector<uint8_t> levels = bidi_levels(text);
  if (levels.empty()) return std::string(text);
  std::vector<std::string> runs;
  std::vector<uint8_t> run_levels;
  for (size_t i = 0; i < text.size(); ++i) {
    if (run_levels.empty() || levels[i] != run_levels.back()) {
      runs.emplace_back();
      run_levels.push_back(levels[i]);
    }
    runs.back() += text[i];
  }
  std::string out;
  for (int i : visual_order(run_levels)) {
    bool rtl = run_levels[i] % 2;
    out += (out.empty() ? "" : "|") + std::string(rtl ? "<" : "") + runs[i] + (rtl ? ">" : "");
  }
  return out;
}

}  // namespace

TEST_CASE("left-to-right text needs no bidi pass") {
  for (std::string_view text : {"", "Hello", "한국어 漢字 かな 😀 123", "a\u200Db\uFEFF"})
    CHECK(bidi_levels(text).empty());
}

TEST_CASE("right-to-left words inside a line come in the reader's order") {
  struct Row {
    const char* what;
    std::string_view text;
    std::string seen;
  };
  const Row rows[] = {
      // A Hebrew phrase in a Latin line keeps its place; its words swap; the number after it
      // belongs to it and reads left to right.
      {"Hebrew in a Latin line", "Hi שלום עולם 12 ok", "Hi |12|<שלום עולם >| ok"},
      {"Arabic in a Korean line", "부스 مرحبا بالعالم 끝", "부스 |<مرحبا بالعالم>| 끝"},
      // A line that starts right to left is a right-to-left paragraph: its number is leftmost.
      {"an Arabic line with a number", "عربي 2024", "2024|<عربي >"},
      {"an emoji between two right-to-left words", "שלום 😀 مرحبا", "<שלום 😀 مرحبا>"},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.what));
    CHECK(visual(row.text) == row.seen);
  }
}

TEST_CASE("visual order reverses runs at odd levels (UAX #9 rule L2)") {
  CHECK(visual_order({0, 1, 1, 0}) == std::vector<int>{0, 2, 1, 3});
  CHECK(visual_order({1, 2, 1}) == std::vector<int>{2, 1, 0});
  CHECK(visual_order({}).empty());
}
