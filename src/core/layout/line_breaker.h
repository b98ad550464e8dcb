// Korean-aware line breaking: UAX #14 from libunibreak, with the keep-all rule on top
// (Hangul words break only at spaces, as Korean typesetting expects).
//
//   auto lines = break_lines(text, [&](size_t b, size_t e) { return measure(b, e); }, 800);
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace boothdeck {

enum class BreakKind : char { None, Allowed, Mandatory };

// Per byte: whether a line may (or must) end after this byte.
std::vector<BreakKind> break_opportunities(std::string_view utf8);

struct LineRange {
  size_t begin, end;  // bytes; `end` excludes trailing spaces
  float width;
};

// Width of text[begin, end) as it will be drawn.
using MeasureRange = std::function<float(size_t begin, size_t end)>;

// Greedy fill. A word wider than the line is broken between characters.
std::vector<LineRange> break_lines(std::string_view text, const MeasureRange& measure,
                                   float max_width);

// Like break_lines, then narrows the measure to the smallest width that keeps the line count:
// headings come out balanced, with no lone syllable on the last line.
std::vector<LineRange> break_lines_balanced(std::string_view text, const MeasureRange& measure,
                                            float max_width);

}  // namespace boothdeck
