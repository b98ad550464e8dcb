// --check: the parser's diagnostics plus what only fonts can tell: glyphs no installed font
// has, and slides that do not fit the screen even at the smallest text size.
#pragma once

#include <vector>

#include "app/deck_loading.h"
#include "app/options.h"
#include "core/deck/diagnostic.h"
#include "render/font_set.h"

namespace boothdeck {

// `source` is the deck's text, for the line:col of each character no font has; without it a
// warning points at its block's line.
std::vector<Diagnostic> check_rendering(const Deck& deck, FontSet& fonts,
                                        std::string_view source = {});
int run_check(const Options& options, const LoadedDeck& deck);

}  // namespace boothdeck
