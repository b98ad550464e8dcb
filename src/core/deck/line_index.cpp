// Line starts are found once; every lookup is a binary search.
#include "core/deck/line_index.h"

#include <algorithm>

#include "core/deck/utf8.h"

namespace boothdeck {

// A line ends at LF, CRLF or a lone CR, as CommonMark (and md4c) has it: a file saved with old
// Mac line ends has lines too.
LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
}

int LineIndex::line_of(size_t offset) const {
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                          starts_.begin());
}

int LineIndex::col_of(size_t offset) const {
  size_t start = starts_[line_of(offset) - 1];
  offset = std::min(offset, text_.size());
  return static_cast<int>(count_code_points(text_.substr(start, offset - start))) + 1;
}

std::string_view LineIndex::line(int n) const {
  if (n < 1 || n > lines()) return {};
  size_t start = starts_[n - 1];
  size_t end = n < lines() ? starts_[n] : text_.size();
  std::string_view l = text_.substr(start, end - start);
  if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

size_t LineIndex::offset_of_line(int n) const {
  if (n < 1) return 0;
  return n <= lines() ? starts_[n - 1] : text_.size();
}

size_t LineIndex::offset_of(std::string_view inside) const {
  if (inside.data() < text_.data() || inside.data() > text_.data() + text_.size()) return 0;
  return static_cast<size_t>(inside.data() - text_.data());
}

}  // namespace boothdeck
