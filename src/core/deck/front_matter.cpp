// yaml-cpp reports positions as byte offsets into the text it was given; the block's offset in
// the deck turns them into the deck's line and column. YAML that does not parse falls back to
// reading `key: value` lines one by one, with a warning, so a title with a colon in it is not lost.
#include "core/deck/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace boothdeck {

namespace {

bool is_fence_line(std::string_view line) {
  std::string_view t = trim(line);
  return t == "---" && line.substr(0, 3) == "---";
}

struct Positions {
  const LineIndex& index;
  size_t base;  // offset of the YAML text in the deck
  void place(const YAML::Mark& mark, int* line, int* col) const {
    if (mark.pos < 0) return;
    size_t at = base + static_cast<size_t>(mark.pos);
    *line = index.line_of(at);
    *col = index.col_of(at);
  }
};

std::string scalar_text(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "";
  if (node.IsScalar()) return std::string(trim(node.Scalar()));
  YAML::Emitter emitter;
  emitter << YAML::Flow << node;
  return emitter.c_str();
}

Setting to_setting(const YAML::Node& key, const YAML::Node& value, const Positions& at) {
  Setting s;
  s.key = key.IsScalar() ? key.Scalar() : scalar_text(key);
  at.place(key.Mark(), &s.line, &s.col);
  s.value_line = s.line;
  s.value_col = s.col;
  if (!value.IsNull()) at.place(value.Mark(), &s.value_line, &s.value_col);
  if (value.IsSequence()) {
    s.shape = Setting::Shape::List;
    for (const YAML::Node& item : value) {
      s.items.push_back(scalar_text(item));
      s.value += (s.value.empty() ? "" : ", ") + s.items.back();  // `class: [lead, invert]`
    }
  } else if (value.IsMap()) {
    s.shape = Setting::Shape::Map;
    for (auto it = value.begin(); it != value.end(); ++it)
      s.children.push_back(to_setting(it->first, it->second, at));
  } else {
    s.value = scalar_text(value);
  }
  return s;
}

enum class YamlShape { Mapping, Empty, Other, Broken };

// Parses lines [first, end) as YAML. A mapping fills `settings`; a syntax error fills `error`.
YamlShape parse_yaml(const LineIndex& index, int first, int end, std::vector<Setting>* settings,
                     Diagnostic* error) {
  size_t begin = index.offset_of_line(first), stop = index.offset_of_line(end);
  std::string text(index.text().substr(begin, stop - begin));
  Positions at{index, begin};
  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) return YamlShape::Empty;
    if (!root.IsMap()) return YamlShape::Other;
    for (auto it = root.begin(); it != root.end(); ++it)
      settings->push_back(to_setting(it->first, it->second, at));
    return YamlShape::Mapping;
  } catch (const YAML::Exception& e) {
    at.place(e.mark, &error->line, &error->col);
    error->message = e.msg;
  } catch (const std::exception& e) {
    error->message = e.what();
  }
  return YamlShape::Broken;
}

bool looks_like_setting(std::string_view line) {
  Setting s;
  return !line.empty() && line[0] != ' ' && line[0] != '#' && split_setting(line, 1, 1, &s);
}

// The YAML did not parse: read each top-level `key: value` line as it is written.
void read_lines(const LineIndex& index, int first, int end, const Diagnostic& error,
                std::vector<Setting>* settings, DiagnosticList& out) {
  int line = error.line ? error.line : first;
  out.add(Code::BadFrontMatter, line, std::max(error.col, 1),
          "front matter is not valid YAML (" + error.message +
              "); each 'key: value' line is read as it is written. Quote a value that "
              "contains ': ' or starts with a special character");
  for (int l = first; l < end; ++l) {
    std::string_view text = index.line(l);
    Setting s;
    if (looks_like_setting(text) && split_setting(text, l, 1, &s)) settings->push_back(s);
  }
}

}  // namespace

FrontMatter read_front_matter(const LineIndex& index, DiagnosticList& out) {
  FrontMatter front;
  if (index.lines() == 0 || !is_fence_line(index.line(1))) return front;
  int close = 2;
  while (close <= index.lines() && !is_fence_line(index.line(close)) &&
         trim(index.line(close)) != "...")
    ++close;
  if (close > index.lines()) {
    // No closing line: front matter only if it starts like settings; else the deck's first slide.
    if (index.lines() >= 2 && looks_like_setting(index.line(2))) {
      out.add(Code::UnclosedFrontMatter, 1, 1,
              "front matter opened here is never closed; add a '---' line after the settings");
      front.body = 2;
    }
    return front;
  }
  Diagnostic error;
  std::vector<Setting> settings;
  YamlShape shape = parse_yaml(index, 2, close, &settings, &error);
  bool blank = true;
  for (int l = 2; l < close; ++l) blank = blank && trim(index.line(l)).empty();
  if (shape == YamlShape::Other || (shape == YamlShape::Empty && !blank)) return front;
  if (shape == YamlShape::Broken) {
    bool settings_like = false;
    for (int l = 2; l < close && !settings_like; ++l)
      settings_like = looks_like_setting(index.line(l));
    if (!settings_like) return front;
    read_lines(index, 2, close, error, &settings, out);
  }
  front.present = true;
  front.first_line = 1;
  front.end_line = close + 1;
  front.body = close + 1;
  front.settings = std::move(settings);
  return front;
}

bool read_yaml_settings(const LineIndex& index, int first, int end, std::vector<Setting>* settings,
                        DiagnosticList& out) {
  Diagnostic error;
  YamlShape shape = parse_yaml(index, first, end, settings, &error);
  if (shape == YamlShape::Broken) read_lines(index, first, end, error, settings, out);
  return shape == YamlShape::Mapping || shape == YamlShape::Broken;
}

FrontMatter read_deckset_settings(const LineIndex& index, int first) {
  FrontMatter front;
  int line = first;
  while (line <= index.lines() && looks_like_setting(index.line(line))) {
    Setting s;
    split_setting(index.line(line), line, 1, &s);
    front.settings.push_back(s);
    ++line;
  }
  if (front.settings.empty() || (line <= index.lines() && !trim(index.line(line)).empty())) {
    FrontMatter none;
    none.body = first;
    return none;
  }
  front.present = true;
  front.first_line = first;
  front.end_line = line;
  front.body = line;
  return front;
}

}  // namespace boothdeck
