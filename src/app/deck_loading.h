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
  // What the deck was made from: a hash and the size of the deck file's bytes, then each image's
  // path, size and modification time. Equal inputs parse to an equal deck, so a reload with
  // equal inputs (another file saved in the deck's folder) can be skipped. "" for the built-in
  // deck.
  std::string inputs;
  const Deck& deck() const { return result.deck; }
};

LoadedDeck load_deck(const std::string& path);  // "" = built-in

// fonts/ as given, else the source tree's (a build run in place), else the installed one.
std::string find_fonts_dir(const std::string& given);

}  // namespace boothdeck
