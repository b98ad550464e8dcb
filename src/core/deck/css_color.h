// CSS colours as decks write them: `#rgb`, `#rrggbb`, `#rrggbbaa` (alpha dropped), `rgb(r, g, b)`
// and the CSS named colours slides use. Depends on nothing.
#pragma once

#include <optional>
#include <string_view>

#include "core/deck/deck.h"

namespace boothdeck {

// std::nullopt when `text` is not a colour (a gradient, a variable, a typo).
std::optional<Rgb> parse_css_color(std::string_view text);

}  // namespace boothdeck
