// A tokenizer for the raw HTML decks carry (`<img src=…>`, `<div class="columns">`, comments):
// tags with their attributes, text between them, comments. Not a validating parser: it only
// has to find what boothdeck can show. Depends on nothing.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boothdeck {

struct HtmlToken {
  enum class Kind { Text, Open, Close, Comment } kind = Kind::Text;
  std::string name;  // tag name, lower case
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string_view raw;  // the token's text in the input (a comment's body for a Comment)
  bool self_closing = false;
  bool unclosed = false;  // a comment without its "-->"
  std::string attribute(std::string_view key) const;
  bool has(std::string_view key) const;
};

std::vector<HtmlToken> tokenize_html(std::string_view html);

// `a="x" b='y' c=z d` read from text[*pos] up to a '>' or the end; *pos ends on the '>'.
// Views into `text`; a name without a value has an empty value.
struct HtmlAttribute {
  std::string_view name, value;
};
std::vector<HtmlAttribute> read_attributes(std::string_view text, size_t* pos);

// Elements whose content is never text to show.
bool is_hidden_element(std::string_view name);  // script, style, template, …

}  // namespace boothdeck
