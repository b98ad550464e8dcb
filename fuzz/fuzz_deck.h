// What both deck fuzz targets do first: any bytes parsed as a deck, with images probed against
// a folder that does not exist (every path is probed, none is found).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/deck/deck_parser.h"

namespace boothdeck {

inline ParseResult parse_fuzz_deck(const uint8_t* data, size_t size) {
  ParseOptions options;
  options.file = "fuzz.md";
  options.deck_dir = "/nonexistent/boothdeck-fuzz";
  options.check_images = true;
  return parse_deck(std::string_view(reinterpret_cast<const char*>(data), size), options);
}

}  // namespace boothdeck
