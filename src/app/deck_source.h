// Where the deck comes from: a file the user named, or the report compiled into the binary.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/deck/deck_parser.h"
#include "core/show/show.h"

namespace boothdeck {

extern const std::string_view kBuiltinDeck;
constexpr const char* kBuiltinDeckName = "builtin:claude-3-5-sonnet.md";

struct LoadedDeck {
  ParseResult result;
  std::filesystem::path path;  // empty for the built-in deck
};

LoadedDeck load_deck(const std::string& path);  // "" = built-in

// fonts/ as given, else the source tree's (a build run in place), else the installed one.
std::string find_fonts_dir(const std::string& given);

// The show's timers from the deck; `duration_override` > 0 replaces every slide's.
ShowTiming timing_of(const Deck& deck, double duration_override);

}  // namespace boothdeck
