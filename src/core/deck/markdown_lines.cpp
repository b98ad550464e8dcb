// One pass over the lines. Unclosed fences and comments are remembered, not followed: the next
// separator still ends the slide, so one bad slide costs one slide.
#include "core/deck/markdown_lines.h"

#include <algorithm>
#include <cstdint>

#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

std::string_view trim_spaces(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

// Position of "<!--" outside inline code on this line, from `from`; npos if none.
size_t comment_open(std::string_view line, size_t from) {
  size_t at = line.find("<!--", from);
  while (at != std::string_view::npos) {
    size_t ticks = std::count(line.begin(), line.begin() + static_cast<long>(at), '`');
    if (ticks % 2 == 0) return at;
    at = line.find("<!--", at + 4);
  }
  return at;
}

}  // namespace

std::optional<Fence> fence_open(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return std::nullopt;
  char c = line[indent];
  if (c != '`' && c != '~') return std::nullopt;
  size_t n = line.find_first_not_of(c, indent);
  n = (n == std::string_view::npos ? line.size() : n) - indent;
  if (n < 3) return std::nullopt;
  // A backtick fence's info string may not contain a backtick (that is inline code).
  if (c == '`' && line.find('`', indent + n) != std::string_view::npos) return std::nullopt;
  return Fence{c, n};
}

bool fence_closes(std::string_view line, Fence fence) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return false;
  std::string_view t = trim_spaces(line);
  return t.size() >= fence.length && t.find_first_not_of(fence.ch) == std::string_view::npos;
}

char thematic_break(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return 0;
  char c = line[indent];
  if (c != '-' && c != '*' && c != '_') return 0;
  int count = 0;
  for (char x : line.substr(indent)) {
    if (x == c)
      ++count;
    else if (x != ' ' && x != '\t' && x != '\r')
      return 0;
  }
  return count >= 3 ? c : 0;
}

int atx_heading_level(std::string_view line) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return 0;
  size_t n = line.find_first_not_of('#', indent);
  if (n == std::string_view::npos) n = line.size();
  size_t level = n - indent;
  if (level < 1 || level > 6) return 0;
  if (n < line.size() && line[n] != ' ' && line[n] != '\t') return 0;
  return static_cast<int>(level);
}

MarkdownLines::MarkdownLines(const LineIndex& index, int first) {
  int lines = index.lines();
  flags_.assign(static_cast<size_t>(std::max(lines, 0)), 0);
  // Once a fence found no closer, no longer fence of that kind after it will either:
  // remembering that keeps a hostile file of unclosed fences linear.
  size_t hopeless[2] = {SIZE_MAX, SIZE_MAX};
  bool comment_hopeless = false;
  int line = std::max(first, 1);
  while (line <= lines) {
    std::string_view text = index.line(line);
    if (std::optional<Fence> fence = fence_open(text)) {
      size_t& memo = hopeless[fence->ch == '`' ? 0 : 1];
      int close = fence->length >= memo ? lines + 1 : line + 1;
      while (close <= lines && !fence_closes(index.line(close), *fence)) ++close;
      if (close > lines) {
        memo = std::min(memo, fence->length);
        unclosed_fences_.push_back({line, static_cast<int>(text.find(fence->ch)) + 1, *fence});
        flags_[line - 1] |= kOpener;
        ++line;
        continue;
      }
      for (int l = line; l <= close; ++l) flags_[l - 1] |= kCode;
      flags_[line - 1] |= kOpener;
      line = close + 1;
      continue;
    }
    // Comments: follow each "<!--" on the line to its "-->", across lines if it must.
    size_t from = 0;
    int current = line;
    while (true) {
      std::string_view cur = index.line(current);
      size_t open = comment_open(cur, from);
      if (open == std::string_view::npos) break;
      size_t close = cur.find("-->", open + 4);
      if (close != std::string_view::npos) {
        from = close + 3;
        continue;
      }
      // Spans lines: find the closer.
      int end = comment_hopeless ? lines + 1 : current + 1;
      while (end <= lines && index.line(end).find("-->") == std::string_view::npos) ++end;
      if (end > lines) {
        comment_hopeless = true;
        unclosed_comments_.push_back(
            {current, static_cast<int>(count_code_points(cur.substr(0, open))) + 1, {}});
        break;
      }
      for (int l = current + 1; l <= end; ++l) flags_[l - 1] |= kComment;
      current = end;
      from = index.line(end).find("-->") + 3;
    }
    line = current + 1;
  }
}

}  // namespace boothdeck
