// Byte offsets in a deck's text → 1-based line and column (in characters), as editors count.
// md4c gives no positions, but its text pointers point into our buffer: offsets become lines.
#pragma once

#include <string_view>
#include <vector>

namespace boothdeck {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::string_view text() const { return text_; }
  int lines() const { return static_cast<int>(starts_.size()); }
  int line_of(size_t offset) const;
  int col_of(size_t offset) const;
  // Line `n` (1-based) without its newline (and without a trailing '\r').
  std::string_view line(int n) const;
  // Offset of the first byte of line `n`; the text's size past the last line.
  size_t offset_of_line(int n) const;
  // Offset of a view that points into the text.
  size_t offset_of(std::string_view inside) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

}  // namespace boothdeck
