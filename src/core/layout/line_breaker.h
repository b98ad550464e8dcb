// Korean-aware line breaking: UAX #14 line break opportunities from ICU, with the rules Korean
// typesetting needs on top (keep-all, a number kept with its unit, KLREQ's marks, addresses
// whole); no break and no cut ever splits a UAX #29 grapheme cluster. Pure text logic: widths
// come through a callback.
//
//   auto lines = break_lines(text, [&](size_t b, size_t e) { return measure(b, e); }, 800);
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace boothdeck {

enum class BreakKind : char { None, Allowed, Mandatory };

// Per byte: whether a line may (or must) end after this byte. Mandatory after a line end
// (LF, CR, U+2028, ...); never inside a grapheme cluster; never inside a Korean word.
std::vector<BreakKind> break_opportunities(std::string_view utf8);

struct LineRange {
  size_t begin, end;  // bytes; `end` excludes trailing spaces and the line end
  float width;
};

// Width of text[begin, end) as it will be drawn.
using MeasureRange = std::function<float(size_t begin, size_t end)>;

// Greedy fill. A word wider than the line is cut between grapheme clusters. The width of a
// candidate line is the sum of its words' widths; each emitted line is measured once whole.
// Linear in the text's length (a word that is cut costs O(n log n)).
std::vector<LineRange> break_lines(std::string_view text, const MeasureRange& measure,
                                   float max_width);

// Like break_lines, then narrows the measure to the smallest width that keeps the line count:
// headings come out balanced, with no lone syllable on the last line. Two lines break just
// after a ',' '·' or '—' instead when that keeps them within 15% of even.
std::vector<LineRange> break_lines_balanced(std::string_view text, const MeasureRange& measure,
                                            float max_width);

// Like break_lines, but no lone word (어절) on the last line: the line before gives it its
// last word, when both lines still fit (bar labels, table cells, list items, paragraphs).
std::vector<LineRange> break_lines_even_end(std::string_view text, const MeasureRange& measure,
                                            float max_width);

}  // namespace boothdeck
