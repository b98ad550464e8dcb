// Line-level facts about a Markdown deck that slide splitting and dialect detection share:
// which lines are inside fenced code or inside an HTML comment (so a `---` there splits
// nothing), thematic breaks and ATX headings. No md4c: these are the CommonMark rules for
// single lines.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/deck/line_index.h"

namespace boothdeck {

struct Fence {
  char ch = '`';
  size_t length = 3;
};

// A fence opener: 3+ backticks or tildes after at most 3 spaces.
std::optional<Fence> fence_open(std::string_view line);
bool fence_closes(std::string_view line, Fence fence);

// The character of a thematic break (`---`, `***`, `___`, `- - -`, `----`), or 0.
char thematic_break(std::string_view line);
// The level of an ATX heading (`## Title` → 2), or 0.
int atx_heading_level(std::string_view line);

class MarkdownLines {
 public:
  // Scans lines [first, index.lines()].
  MarkdownLines(const LineIndex& index, int first);
  // Inside a closed fenced code block, its fence lines included.
  bool code(int line) const { return flag(line) & kCode; }
  // Starts inside an HTML comment opened on an earlier line (and closed later).
  bool comment(int line) const { return flag(line) & kComment; }
  bool fence_opener(int line) const { return flag(line) & kOpener; }
  struct Unclosed {
    int line, col;
    Fence fence;  // for fences
  };
  const std::vector<Unclosed>& unclosed_fences() const { return unclosed_fences_; }
  const std::vector<Unclosed>& unclosed_comments() const { return unclosed_comments_; }

 private:
  static constexpr unsigned char kCode = 1, kComment = 2, kOpener = 4;
  unsigned char flag(int line) const {
    return line >= 1 && line <= static_cast<int>(flags_.size()) ? flags_[line - 1] : 0;
  }
  std::vector<unsigned char> flags_;
  std::vector<Unclosed> unclosed_fences_, unclosed_comments_;
};

}  // namespace boothdeck
