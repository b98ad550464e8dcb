// Linear scan: `<` followed by a letter or `/` opens a tag, `<!--` a comment; anything else is
// text.
#include "core/deck/html_tags.h"

#include <cctype>

#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_' ||
         c == '.' || c == '@';
}

}  // namespace

std::string HtmlToken::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return v;
  return "";
}

bool HtmlToken::has(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return true;
  return false;
}

bool is_hidden_element(std::string_view name) {
  for (std::string_view hidden : {"script", "style", "template", "iframe", "video", "audio",
                                  "object", "embed", "svg", "canvas", "head", "noscript"})
    if (name == hidden) return true;
  return false;
}

std::vector<HtmlAttribute> read_attributes(std::string_view text, size_t* pos) {
  std::vector<HtmlAttribute> out;
  size_t p = *pos;
  auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text[i])); };
  while (p < text.size() && text[p] != '>') {
    if (space(p) || text[p] == '/') {
      ++p;
      continue;
    }
    size_t key = p;
    while (p < text.size() && text[p] != '=' && text[p] != '>' && text[p] != '/' && !space(p)) ++p;
    HtmlAttribute a{text.substr(key, p - key), {}};
    if (p < text.size() && text[p] == '=') {
      ++p;
      char quote = p < text.size() && (text[p] == '"' || text[p] == '\'') ? text[p] : 0;
      if (quote) ++p;
      size_t value = p;
      while (p < text.size() && (quote ? text[p] != quote : !space(p) && text[p] != '>')) ++p;
      a.value = text.substr(value, p - value);
      if (quote && p < text.size()) ++p;
    }
    out.push_back(a);
  }
  *pos = p;
  return out;
}

std::vector<HtmlToken> tokenize_html(std::string_view html) {
  std::vector<HtmlToken> tokens;
  size_t pos = 0, text_start = 0;
  auto flush_text = [&](size_t end) {
    if (end > text_start)
      tokens.push_back({HtmlToken::Kind::Text, "", {}, html.substr(text_start, end - text_start)});
  };
  while (pos < html.size()) {
    if (html[pos] != '<') {
      ++pos;
      continue;
    }
    if (html.substr(pos, 4) == "<!--") {
      flush_text(pos);
      size_t close = html.find("-->", pos + 4);
      HtmlToken t;
      t.kind = HtmlToken::Kind::Comment;
      t.unclosed = close == std::string_view::npos;
      size_t body_end = t.unclosed ? html.size() : close;
      t.raw = html.substr(pos + 4, body_end - pos - 4);
      pos = t.unclosed ? html.size() : close + 3;
      tokens.push_back(std::move(t));
      text_start = pos;
      continue;
    }
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t name_start = pos + (closing ? 2 : 1);
    if (name_start >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_start]))) {
      ++pos;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < html.size() && name_char(html[name_end])) ++name_end;
    HtmlToken t;
    t.kind = closing ? HtmlToken::Kind::Close : HtmlToken::Kind::Open;
    t.name = ascii_lower(html.substr(name_start, name_end - name_start));
    size_t p = name_end;
    for (const HtmlAttribute& a : read_attributes(html, &p))
      t.attributes.emplace_back(ascii_lower(a.name), std::string(a.value));
    t.self_closing = p > name_end && html[p - 1] == '/';
    flush_text(pos);
    size_t end = p < html.size() ? p + 1 : html.size();
    t.raw = html.substr(pos, end - pos);
    tokens.push_back(std::move(t));
    pos = end;
    text_start = pos;
  }
  flush_text(html.size());
  return tokens;
}

}  // namespace boothdeck
