// The ```bars fenced block: options on the info string, one `label: value` bar per line.
#pragma once

#include <string_view>

#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"

namespace boothdeck {

// `info` is what follows "bars" on the fence line; `body` the block's text.
// `first_line` is the deck line of the first body line, `fence_line` that of the fence.
BarChart parse_bars_block(std::string_view info, std::string_view body, int fence_line,
                          int first_line, DiagnosticList& out);

// "64%" -> 64 + "%", "2x" / "2×" -> 2 + "×", "12 ms" -> 12 + "ms". False if no number leads.
bool parse_bar_value(std::string_view text, double* value, std::string* unit);

}  // namespace boothdeck
