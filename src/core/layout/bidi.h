// Right-to-left text inside a line (UAX #9, from ICU's ubidi): embedding levels for the
// characters of one line and the visual order of runs. Pure text logic: no fonts, no SDL.
//
//   std::vector<uint8_t> levels = bidi_levels(line);   // empty: all left to right
//   std::vector<int> order = visual_order(run_levels);  // draw runs[order[0]] leftmost
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace boothdeck {

// Per byte of `utf8`, its UAX #9 embedding level (odd: right to left) for a paragraph whose
// direction is its first strong character's, left to right without one. Empty when the text
// has no right-to-left character at all (the common case costs one pass). Linear.
std::vector<uint8_t> bidi_levels(std::string_view utf8);

// The visual order (UAX #9 rule L2) of runs given each run's level: indices, leftmost first.
std::vector<int> visual_order(const std::vector<uint8_t>& run_levels);

}  // namespace boothdeck
