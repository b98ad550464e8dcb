// Each dialect's line syntax, as its tool documents it:
//   reveal.js  everything after a `Note:` / `Notes:` line is notes (the default notes separator);
//   remark     `key: value` lines opening a slide are its properties, everything after `???` is
//              notes, `.name[ … ]` wraps content in a class (columns for left/right ones);
//   Deckset    a paragraph starting with `^` is notes, `[.column]` starts a column,
//              `[.key: value]` and `[.key]` are commands for the slide;
//   Slidev     `::right::` (and `::left::`) split the two-column layouts.
#include "core/deck/slide_source.h"

#include <algorithm>
#include <cctype>

#include "core/deck/front_matter.h"
#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

// A remark content class opening a line: `.left-column[` → "left-column"; "" if none.
std::string_view content_class(std::string_view t) {
  if (t.size() < 3 || t[0] != '.' || !std::isalpha(static_cast<unsigned char>(t[1]))) return {};
  size_t end =
      t.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_0123456789", 1);
  if (end == std::string_view::npos || t[end] != '[') return {};
  return t.substr(1, end - 1);
}

bool column_class(std::string_view name) {
  for (std::string_view c : {"left-column", "right-column", "pull-left", "pull-right", "left",
                             "right", "col", "column", "col-left", "col-right"})
    if (name == c) return true;
  return false;
}

class SourceReader {
 public:
  SourceReader(const LineIndex& index, const MarkdownLines& lines, const SlideChunk& chunk,
               Dialect dialect, std::string& work, DiagnosticList& out)
      : index_(index), lines_(lines), chunk_(chunk), dialect_(dialect), work_(work), out_(out) {}

  SlideSource read() {
    source_.line = chunk_.first_line;
    source_.vertical = chunk_.vertical;
    size_t begin = index_.offset_of_line(chunk_.first_line);
    size_t end = index_.offset_of_line(chunk_.end_line);
    if (chunk_.header_first)
      read_yaml_settings(index_, chunk_.header_first, chunk_.header_end, &source_.header, out_);
    if (dialect_ == Dialect::Remark) read_properties();
    for (int line = chunk_.first_line; line < chunk_.end_line; ++line) {
      if (lines_.code(line) || lines_.comment(line)) continue;
      std::string_view raw = index_.line(line);
      std::string_view t = trim(raw);
      bool paragraph_start = line == chunk_.first_line || trim(index_.line(line - 1)).empty();
      if (dialect_ == Dialect::Reveal && paragraph_start &&
          (starts_with_ignoring_case(t, "note:") || starts_with_ignoring_case(t, "notes:"))) {
        take_notes_to_end(line, static_cast<size_t>(t.data() - raw.data()) + t.find(':') + 1);
        break;
      }
      if (dialect_ == Dialect::Remark && t == "???") {
        take_notes_to_end(line + 1, 0);
        blank_line(line);
        break;
      }
      if (dialect_ == Dialect::Deckset && paragraph_start && !t.empty() && t[0] == '^') {
        line = take_paragraph_notes(line);
        continue;
      }
      if (dialect_ == Dialect::Deckset && t.size() > 3 && t.substr(0, 2) == "[." &&
          t.back() == ']') {
        deckset_command(line, raw, t);
        continue;
      }
      if (t == "::right::" || t == "::left::") {
        slot(line, t == "::left::");
        continue;
      }
      if (dialect_ == Dialect::Remark) remark_classes(line, raw);
    }
    if (!columns_.empty()) {
      std::sort(columns_.begin(), columns_.end());
      size_t stop_all = columns_end_ ? std::max(columns_end_, columns_.back()) : end;
      source_.head = {begin, columns_.front()};
      for (size_t i = 0; i < columns_.size(); ++i)
        source_.columns.push_back(
            {columns_[i], i + 1 < columns_.size() ? columns_[i + 1] : stop_all});
      source_.tail = {stop_all, end};
    } else {
      source_.head = {begin, end};
    }
    return std::move(source_);
  }

 private:
  void blank_line(int line) {
    size_t at = index_.offset_of_line(line);
    blank(work_, at, at + index_.line(line).size());
  }

  void add_note(std::string_view text) {
    text = trim(text);
    if (text.empty()) return;
    if (!source_.notes.empty()) source_.notes += "\n";
    source_.notes += text;
  }

  // Lines from `line` (its text from byte `skip`) to the end of the slide become notes.
  void take_notes_to_end(int line, size_t skip) {
    std::string notes;
    for (int l = line; l < chunk_.end_line; ++l) {
      std::string_view text = index_.line(l);
      notes += text.substr(l == line ? std::min(skip, text.size()) : 0);
      notes += "\n";
      blank_line(l);
    }
    add_note(notes);
  }

  int take_paragraph_notes(int line) {
    std::string notes;
    int l = line;
    for (; l < chunk_.end_line && !trim(index_.line(l)).empty(); ++l) {
      std::string_view t = trim(index_.line(l));
      if (l == line) t = trim(t.substr(1));
      notes += std::string(t) + " ";
      blank_line(l);
    }
    add_note(notes);
    return l - 1;
  }

  // remark: `key: value` lines at the top of a slide, before any content.
  void read_properties() {
    int line = chunk_.first_line;
    while (line < chunk_.end_line && trim(index_.line(line)).empty()) ++line;
    for (; line < chunk_.end_line; ++line) {
      std::string_view raw = index_.line(line);
      if (raw.empty() || raw[0] == ' ' || raw[0] == '#') return;
      Setting s;
      if (!split_setting(raw, line, 1, &s)) return;
      for (char c : s.key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return;
      source_.header.push_back(s);
      blank_line(line);
    }
  }

  // Deckset: [.column], [.hide-footer], [.background-color: #000], …
  void deckset_command(int line, std::string_view raw, std::string_view t) {
    std::string_view body = t.substr(2, t.size() - 3);
    int col = static_cast<int>(t.data() - raw.data()) + 3;
    if (trim(body) == "column") {
      columns_.push_back(index_.offset_of_line(line + 1));
    } else {
      Setting s;
      if (!split_setting(body, line, col, &s)) {
        s.key = std::string(trim(body));
        s.value = "true";
        s.line = s.value_line = line;
        s.col = s.value_col = col;
      }
      source_.header.push_back(s);
    }
    blank_line(line);
  }

  // Slidev's two-column layouts: `::left::` (optional) and `::right::` start the columns.
  void slot(int line, bool left) {
    size_t start = index_.offset_of_line(line + 1);
    if (left) {
      columns_.insert(columns_.begin(), start);
      explicit_left_ = true;
    } else {
      if (!explicit_left_ && columns_.empty())
        columns_.push_back(index_.offset_of_line(chunk_.first_line));
      columns_.push_back(start);
    }
    blank_line(line);
  }

  // remark content classes: `.left-column[` … `]` on lines of their own become columns;
  // `.red[text]` inside a line keeps its text.
  void remark_classes(int line, std::string_view raw) {
    size_t line_start = index_.offset_of_line(line);
    std::string_view t = trim(raw);
    // A copy: blanking the marker below rewrites the text these views look at.
    std::string name(content_class(t));
    if (!name.empty() && t.back() == '[') {
      // A block class: find its closing `]` line.
      int depth = 1, close = line + 1;
      for (; close < chunk_.end_line; ++close) {
        if (lines_.code(close)) continue;
        for (char c : index_.line(close)) depth += c == '[' ? 1 : c == ']' ? -1 : 0;
        if (depth <= 0) break;
      }
      size_t open_at = line_start + static_cast<size_t>(t.data() - raw.data());
      blank(work_, open_at, open_at + t.size());
      if (close < chunk_.end_line) {
        std::string_view close_text = index_.line(close);
        size_t bracket = close_text.rfind(']');
        size_t at = index_.offset_of_line(close) + bracket;
        blank(work_, at, at + 1);
        if (column_class(name)) {
          columns_.push_back(index_.offset_of_line(line + 1));
          columns_end_ = index_.offset_of_line(close + 1);
        }
      }
      return;
    }
    // Inline classes: blank `.name[` and its matching `]` on this line.
    for (size_t pos = 0; pos < raw.size(); ++pos) {
      if (raw[pos] != '.' || (pos > 0 && raw[pos - 1] != ' ' && raw[pos - 1] != '(')) continue;
      std::string_view inline_name = content_class(raw.substr(pos));
      if (inline_name.empty()) continue;
      size_t open = pos + 1 + inline_name.size();
      int depth = 0;
      for (size_t i = open; i < raw.size(); ++i) {
        depth += raw[i] == '[' ? 1 : raw[i] == ']' ? -1 : 0;
        if (depth == 0) {
          blank(work_, line_start + pos, line_start + open + 1);
          blank(work_, line_start + i, line_start + i + 1);
          break;
        }
      }
    }
  }

  const LineIndex& index_;
  const MarkdownLines& lines_;
  const SlideChunk& chunk_;
  Dialect dialect_;
  std::string& work_;
  DiagnosticList& out_;
  SlideSource source_;
  std::vector<size_t> columns_;
  size_t columns_end_ = 0;
  bool explicit_left_ = false;
};

}  // namespace

SlideSource read_slide_source(const LineIndex& index, const MarkdownLines& lines,
                              const SlideChunk& chunk, Dialect dialect, std::string& work,
                              DiagnosticList& out) {
  return SourceReader(index, lines, chunk, dialect, work, out).read();
}

}  // namespace boothdeck
