// Settings comments are read a line at a time (or `;`-separated on one line, as boothdeck
// writes them); an indented line continues the key above it, as in Marp's YAML comments.
#include "core/deck/comment_directives.h"

#include <cctype>

#include "core/deck/html_tags.h"

namespace boothdeck {

namespace {

void place(const LineIndex& index, std::string_view at, int* line, int* col) {
  size_t offset = index.offset_of(at);
  *line = index.line_of(offset);
  *col = index.col_of(offset);
}

// reveal.js attributes: name="value" name='value' name=value.
std::vector<Setting> attributes(std::string_view text, const LineIndex& index) {
  std::vector<Setting> out;
  size_t pos = 0;
  for (const HtmlAttribute& a : read_attributes(text, &pos)) {
    Setting s;
    s.key = std::string(a.name);
    s.value = a.value.data() ? std::string(a.value) : "true";
    place(index, a.name, &s.line, &s.col);
    s.value_line = s.line;
    s.value_col = s.col;
    if (!a.value.empty()) place(index, a.value, &s.value_line, &s.value_col);
    out.push_back(std::move(s));
  }
  return out;
}

// Every top-level line `key: value` with a known key, or nothing.
bool settings_of(std::string_view body, const LineIndex& index, std::vector<Setting>* out) {
  bool one_line = body.find('\n') == std::string_view::npos;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find_first_of(one_line ? ";" : "\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view piece = body.substr(pos, end - pos);
    pos = end + 1;
    std::string_view t = trim(piece);
    if (t.empty()) continue;
    bool indented = !piece.empty() && (piece[0] == ' ' || piece[0] == '\t');
    if (indented && !out->empty() && !one_line) continue;  // a YAML block value
    Setting s;
    int line, col;
    place(index, t, &line, &col);
    if (!split_setting(t, line, col, &s) || !is_setting_key(s.key, SettingPlace::Comment))
      return false;
    out->push_back(std::move(s));
  }
  return !out->empty();
}

}  // namespace

CommentMeaning read_comment(std::string_view body, const LineIndex& index) {
  CommentMeaning meaning;
  std::string_view content = trim(body);
  if (content == "fit") {
    meaning.kind = CommentMeaning::Kind::Fit;
    return meaning;
  }
  if (content.rfind(".slide", 0) == 0) {
    std::string_view rest = content.substr(6);
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    meaning.kind = CommentMeaning::Kind::SlideAttributes;
    meaning.settings = attributes(rest, index);
    return meaning;
  }
  if (content.rfind(".element", 0) == 0) {
    meaning.kind = CommentMeaning::Kind::Ignored;
    meaning.fragments = content.find("fragment") != std::string_view::npos;
    return meaning;
  }
  for (std::string_view prefix : {"notes:", "note:", "Notes:", "Note:"}) {
    if (content.rfind(prefix, 0) == 0) {
      meaning.note = std::string(trim(content.substr(prefix.size())));
      return meaning;
    }
  }
  if (settings_of(body, index, &meaning.settings)) {
    meaning.kind = CommentMeaning::Kind::Settings;
    return meaning;
  }
  meaning.settings.clear();
  meaning.note = std::string(content);
  return meaning;
}

}  // namespace boothdeck
