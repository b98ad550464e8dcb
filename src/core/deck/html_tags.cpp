// Linear scan: `<` followed by a letter or `/` opens a tag, `<!--` a comment; anything else is
// text.
#include "core/deck/html_tags.h"

#include <cctype>

namespace boothdeck {

namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_' ||
         c == '.' || c == '@';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
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
    t.name = lower(html.substr(name_start, name_end - name_start));
    size_t p = name_end;
    // Attributes up to '>' (quoted values may contain '>').
    while (p < html.size() && html[p] != '>') {
      while (p < html.size() && std::isspace(static_cast<unsigned char>(html[p]))) ++p;
      if (p >= html.size() || html[p] == '>') break;
      if (html[p] == '/') {
        t.self_closing = true;
        ++p;
        continue;
      }
      size_t key_start = p;
      while (p < html.size() && html[p] != '=' && html[p] != '>' && html[p] != '/' &&
             !std::isspace(static_cast<unsigned char>(html[p])))
        ++p;
      std::string key = lower(html.substr(key_start, p - key_start));
      std::string value;
      if (p < html.size() && html[p] == '=') {
        ++p;
        char quote = p < html.size() && (html[p] == '"' || html[p] == '\'') ? html[p] : 0;
        if (quote) ++p;
        size_t value_start = p;
        while (p < html.size() &&
               (quote ? html[p] != quote
                      : !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '>'))
          ++p;
        value = std::string(html.substr(value_start, p - value_start));
        if (quote && p < html.size()) ++p;
      }
      if (key.empty()) {
        ++p;
        continue;
      }
      t.attributes.emplace_back(std::move(key), std::move(value));
    }
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
