// UTF-8 helpers: validation with repair, decoding one code point, counting characters; and the
// ASCII case folding that keys, tags and file extensions need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace boothdeck {

struct Utf8Problem {
  size_t offset;  // byte offset of the invalid sequence in the original text
};

// Returns `text` with every invalid sequence replaced by U+FFFD; fills `problems`.
std::string repair_utf8(std::string_view text, std::vector<Utf8Problem>* problems);

// Decodes the code point at `pos` and advances `pos`; invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view text, size_t& pos);

size_t count_code_points(std::string_view text);

void append_utf8(std::string& out, char32_t cp);

// ASCII letters lowered; every other byte (UTF-8 included) kept.
std::string ascii_lower(std::string_view text);
// `text` starts with `lower_prefix` (given in lower case), ignoring ASCII case.
bool starts_with_ignoring_case(std::string_view text, std::string_view lower_prefix);

}  // namespace boothdeck
