// Where a deck comes from: a file the user named, or the report compiled into the binary; and
// where the fonts configuration is.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/deck/deck_parser.h"

namespace boothdeck {

extern const std::string_view kBuiltinDeck;
constexpr const char* kBuiltinDeckName = "builtin:claude-3-5-sonnet.md";

struct LoadedDeck {
  ParseResult result;
  std::filesystem::path path;  // as the user gave it; empty for the built-in deck
  const Deck& deck() const { return result.deck; }
};

LoadedDeck load_deck(const std::string& path);  // "" = built-in

// fonts/ as given, else the source tree's (a build run in place), else the installed one.
std::string find_fonts_dir(const std::string& given);

}  // namespace boothdeck
