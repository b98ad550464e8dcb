// One pass over the lines with the fence and comment facts from MarkdownLines.
#include "core/deck/slide_splitter.h"

#include <algorithm>

namespace boothdeck {

namespace {

bool is_dashes(std::string_view line) {
  return trim(line) == "---" && line.substr(0, 3) == "---";
}

enum class LineRole { Content, Separator, Vertical, Join };

LineRole role_of(std::string_view line, std::string_view previous, const SplitOptions& o) {
  std::string_view t = trim(line);
  const DeckDirectives& d = *o.directives;
  if (!d.separator.empty() && t == d.separator) return LineRole::Separator;
  if (!d.vertical_separator.empty() && t == d.vertical_separator) return LineRole::Vertical;
  if (is_dashes(line) && d.separator.empty()) return LineRole::Separator;
  switch (o.dialect) {
    case Dialect::Marp:
      // Marp splits on every ruler; after a text line, `----` would underline a heading.
      if (thematic_break(line) && trim(previous).empty()) return LineRole::Separator;
      break;
    case Dialect::Reveal:
      if (t == "--" || t == "----") return LineRole::Vertical;
      break;
    case Dialect::Remark:
      if (t == "--") return LineRole::Join;
      break;
    default:
      break;
  }
  return LineRole::Content;
}

// Lines after a separator that are only `key: value` settings of a slide, up to a closing `---`.
int slide_front_matter_end(const LineIndex& index, int from, Dialect dialect) {
  bool any = false;
  for (int line = from; line <= index.lines() && line - from < 60; ++line) {
    std::string_view raw = index.line(line);
    if (is_dashes(raw)) return any ? line : 0;
    std::string_view t = trim(raw);
    if (t.empty()) continue;
    if (raw[0] == ' ' && any) continue;  // a nested YAML value
    Setting s;
    if (raw[0] == ' ' || !split_setting(raw, line, 1, &s)) return 0;
    if (dialect != Dialect::Slidev && !is_slide_header_key(s.key)) return 0;
    any = true;
  }
  return 0;
}

bool has_content(const LineIndex& index, const MarkdownLines& lines, int first, int end) {
  for (int line = first; line < end; ++line) {
    std::string_view t = trim(index.line(line));
    if (t.empty() || lines.comment(line)) continue;
    if (t.substr(0, 4) == "<!--" && t.find("-->") == t.size() - 3) continue;
    return true;
  }
  return false;
}

}  // namespace

void blank(std::string& work, size_t begin, size_t end) {
  end = std::min(end, work.size());
  for (size_t i = begin; i < end; ++i)
    if (work[i] != '\n') work[i] = ' ';
}

void find_heading_divider(const LineIndex& index, const MarkdownLines& lines, int body,
                          DeckDirectives& directives) {
  if (!directives.heading_divider.empty()) return;
  for (int line = body; line <= index.lines(); ++line) {
    if (lines.code(line)) continue;
    std::string_view t = trim(index.line(line));
    size_t at = t.find("headingDivider:");
    if (t.substr(0, 4) != "<!--" || at == std::string_view::npos) continue;
    std::string_view value = trim(t.substr(at + 15));
    if (value.size() >= 3 && value.substr(value.size() - 3) == "-->")
      value = trim(value.substr(0, value.size() - 3));
    double level;
    if (parse_number(value, &level) && level >= 1 && level <= 6)
      for (int l = 1; l <= static_cast<int>(level); ++l) directives.heading_divider.push_back(l);
    return;
  }
}

std::vector<SlideChunk> split_slides(const LineIndex& index, const MarkdownLines& lines, int body,
                                     const SplitOptions& options, std::string& work,
                                     DiagnosticList& out) {
  for (const auto& fence : lines.unclosed_fences())
    out.add(Code::UnclosedFence, fence.line, fence.col,
            "code block opened here is never closed; add a line with " +
                std::string(fence.fence.length, fence.fence.ch));
  for (const auto& comment : lines.unclosed_comments())
    out.add(Code::UnclosedComment, comment.line, comment.col,
            "comment '<!--' is never closed, so what follows is hidden; add '-->'");

  const std::vector<int>& divider = options.directives->heading_divider;
  std::vector<SlideChunk> chunks;
  SlideChunk current{body, body};
  bool reported_join = false;
  auto finish = [&](int end) {
    current.end_line = end;
    chunks.push_back(current);
  };
  for (int line = body; line <= index.lines(); ++line) {
    if (lines.code(line) || lines.comment(line)) continue;
    std::string_view text = index.line(line);
    LineRole role = role_of(text, line > body ? index.line(line - 1) : "", options);
    if (role == LineRole::Join) {
      blank(work, index.offset_of_line(line), index.offset_of_line(line) + text.size());
      if (!reported_join) {
        out.add(Code::BuildSteps, line, 1,
                "remark's '--' increments are shown complete, on one slide");
        reported_join = true;
      }
      continue;
    }
    if (role == LineRole::Separator || role == LineRole::Vertical) {
      finish(line);
      current = SlideChunk{line + 1, line + 1};
      current.vertical = role == LineRole::Vertical;
      if (role == LineRole::Separator) {
        if (int end = slide_front_matter_end(index, line + 1, options.dialect)) {
          current.header_first = line + 1;
          current.header_end = end;
          current.first_line = end + 1;
          line = end;
        }
      }
      continue;
    }
    int level = divider.empty() ? 0 : atx_heading_level(text);
    if (level && std::find(divider.begin(), divider.end(), level) != divider.end() &&
        has_content(index, lines, current.first_line, line)) {
      finish(line);
      current = SlideChunk{line, line};
    }
  }
  finish(index.lines() + 1);
  return chunks;
}

}  // namespace boothdeck
