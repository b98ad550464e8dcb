// A PDF given as the deck (`boothdeck talk.pdf`): one slide per page, each page shown whole on
// the theme's background, per-page durations from /Dur. Export, --check, the timer, the operator
// panel and hot reload see an ordinary Deck.
//
//   if (is_pdf_file(path)) result = load_pdf_deck(path);
#pragma once

#include <filesystem>

#include "core/deck/deck_parser.h"

namespace boothdeck {

// By its first bytes ("%PDF-"), or by its name when it cannot be read.
bool is_pdf_file(const std::filesystem::path& path);

// An unreadable, damaged or password-protected file is a diagnostic, with an empty deck.
ParseResult load_pdf_deck(const std::filesystem::path& path);

}  // namespace boothdeck
