// Detection by weighed signs: each construct that only one tool writes adds to that tool's
// score; the highest score of at least kEnough wins. A sign that another tool could also write
// (`--`, a `Note:` paragraph) weighs little, so one ambiguous line never changes how a deck reads.
#include "core/deck/dialect.h"

#include <array>
#include <cctype>

#include "core/deck/line_index.h"
#include "core/deck/markdown_lines.h"
#include "core/deck/settings.h"
#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

constexpr int kEnough = 2;

struct Sign {
  Dialect dialect;
  int weight;
};

struct KeySign {
  std::string_view key;
  Dialect dialect;
  int weight;
};

// Front matter keys that only one tool uses.
constexpr KeySign kKeySigns[] = {
    {"marp", Dialect::Marp, 10},
    {"headingDivider", Dialect::Marp, 3},
    {"paginate", Dialect::Marp, 2},
    {"backgroundColor", Dialect::Marp, 2},
    {"backgroundImage", Dialect::Marp, 2},
    {"revealOptions", Dialect::Reveal, 3},
    {"verticalSeparator", Dialect::Reveal, 3},
    {"highlightTheme", Dialect::Reveal, 3},
    {"separator", Dialect::Reveal, 2},
    {"highlighter", Dialect::Slidev, 3},
    {"drawings", Dialect::Slidev, 3},
    {"mdc", Dialect::Slidev, 3},
    {"colorSchema", Dialect::Slidev, 3},
    {"canvasWidth", Dialect::Slidev, 3},
    {"lineNumbers", Dialect::Slidev, 2},
    {"themeConfig", Dialect::Slidev, 3},
    {"routerMode", Dialect::Slidev, 3},
    {"layout", Dialect::Slidev, 2},
    {"addons", Dialect::Slidev, 3},
    {"slidenumbers", Dialect::Deckset, 3},
    {"autoscale", Dialect::Deckset, 3},
    {"build-lists", Dialect::Deckset, 3},
};

// Deckset's settings lines at the top of the file, written without `---`.
constexpr std::string_view kDecksetTopKeys[] = {"autoscale",
                                                "slidenumbers",
                                                "slidecount",
                                                "build-lists",
                                                "slide-transition",
                                                "presenter-notes",
                                                "slide-dividers",
                                                "fit-header",
                                                "code-language",
                                                "footer",
                                                "theme",
                                                "text",
                                                "header",
                                                "background-color",
                                                "list",
                                                "quote",
                                                "table-separator",
                                                "footer-style",
                                                "slidenumber-style"};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view leading_trimmed(std::string_view s) {
  size_t a = s.find_first_not_of(" \t");
  return a == std::string_view::npos ? std::string_view{} : s.substr(a);
}

class Scorer {
 public:
  void add(Sign sign, int line, int col, std::string_view what) {
    auto& s = scores_[static_cast<size_t>(sign.dialect)];
    if (s.score == 0)
      s.first = std::string(what) + " at " + std::to_string(line) + ":" + std::to_string(col);
    s.score += sign.weight;
  }
  DialectGuess best() const {
    DialectGuess guess;
    int best = kEnough - 1;
    for (size_t i = 1; i < scores_.size(); ++i) {
      if (scores_[i].score > best) {
        best = scores_[i].score;
        guess.dialect = static_cast<Dialect>(i);
        guess.reason = scores_[i].first;
      }
    }
    return guess;
  }

 private:
  struct Score {
    int score = 0;
    std::string first;
  };
  std::array<Score, 6> scores_{};
};

// The sign on one line outside code, if any.
void scan_line(std::string_view raw, int line, bool after_separator, bool paragraph_start,
               Scorer& scorer) {
  std::string_view text = leading_trimmed(raw);
  auto col = [&](std::string_view at) { return static_cast<int>(at.data() - raw.data()) + 1; };
  if (text.empty()) return;
  // Marp: spot directives, image keywords, fitting headings.
  if (starts_with(text, "<!-- _") || starts_with(text, "<!--_"))
    scorer.add({Dialect::Marp, 3}, line, col(text), "a Marp spot directive");
  for (std::string_view key : {"paginate:", "headingDivider:", "backgroundColor:", "_class:"})
    if (text.find("<!-- " + std::string(key)) != std::string_view::npos)
      scorer.add({Dialect::Marp, 2}, line, col(text), "a Marp directive");
  if (size_t at = text.find("![bg");
      at != std::string_view::npos &&
      (at + 4 == text.size() || text[at + 4] == ']' || text[at + 4] == ' '))
    scorer.add({Dialect::Marp, 2}, line, col(text.substr(at)), "a Marp background image");
  if (text.find("<!--fit-->") != std::string_view::npos ||
      text.find("<!-- fit -->") != std::string_view::npos)
    scorer.add({Dialect::Marp, 2}, line, col(text), "a Marp fitting heading");
  // reveal.js: slide and element attributes, `Note:` paragraphs, vertical slides.
  if (starts_with(text, "<!-- .slide:") || starts_with(text, "<!-- .element:") ||
      starts_with(text, "<!-- .slide "))
    scorer.add({Dialect::Reveal, 3}, line, col(text), "a reveal.js attribute comment");
  if (paragraph_start &&
      (starts_with_ignoring_case(text, "note:") || starts_with_ignoring_case(text, "notes:")))
    scorer.add({Dialect::Reveal, 1}, line, col(text), "reveal.js `Note:`");
  if (text == "--" || text == "--\r") {
    scorer.add({Dialect::Reveal, 1}, line, col(text), "`--`");
    scorer.add({Dialect::Remark, 1}, line, col(text), "`--`");
  }
  // Slidev: named slots and click components.
  if (text == "::right::" || text == "::left::" || starts_with(text, "::right::"))
    scorer.add({Dialect::Slidev, 3}, line, col(text), "a Slidev slot");
  if (text.find("<v-click") != std::string_view::npos ||
      text.find("v-click>") != std::string_view::npos)
    scorer.add({Dialect::Slidev, 3}, line, col(text), "a Slidev click");
  // remark: notes, slide properties, content classes.
  if (text == "???" || text == "???\r")
    scorer.add({Dialect::Remark, 3}, line, col(text), "remark `???`");
  if (after_separator && (starts_with(text, "class:") || starts_with(text, "name:") ||
                          starts_with(text, "template:") || starts_with(text, "layout: true")))
    scorer.add({Dialect::Remark, 2}, line, col(text), "a remark slide property");
  if (text.size() > 2 && text[0] == '.' && std::isalpha(static_cast<unsigned char>(text[1]))) {
    size_t bracket = text.find('[');
    if (bracket != std::string_view::npos &&
        text.find_first_not_of("abcdefghijklmnopqrstuvwxyz-_0123456789", 1) == bracket)
      scorer.add({Dialect::Remark, 1}, line, col(text), "a remark content class");
  }
  // Deckset: `^` notes, [fit], [.commands], image placement words.
  if (paragraph_start && starts_with(text, "^ "))
    scorer.add({Dialect::Deckset, 2}, line, col(text), "Deckset `^` notes");
  if (text.find("[fit]") != std::string_view::npos)
    scorer.add({Dialect::Deckset, 3}, line, col(text), "Deckset `[fit]`");
  if (starts_with(text, "[.") && text.find(']') != std::string_view::npos)
    scorer.add({Dialect::Deckset, 3}, line, col(text), "a Deckset command");
  for (std::string_view word : {"![inline", "![left", "![right", "![fit]"})
    if (text.find(word) != std::string_view::npos)
      scorer.add({Dialect::Deckset, 1}, line, col(text), "a Deckset image");
}

}  // namespace

std::string_view dialect_name(Dialect dialect) {
  switch (dialect) {
    case Dialect::Boothdeck:
      return "boothdeck";
    case Dialect::Marp:
      return "Marp";
    case Dialect::Reveal:
      return "reveal.js";
    case Dialect::Slidev:
      return "Slidev";
    case Dialect::Remark:
      return "remark";
    case Dialect::Deckset:
      return "Deckset";
  }
  return "?";
}

std::optional<Dialect> dialect_named(std::string_view name) {
  std::string lower = ascii_lower(name);
  if (lower == "boothdeck" || lower == "markdown") return Dialect::Boothdeck;
  if (lower == "marp" || lower == "marpit") return Dialect::Marp;
  if (lower == "reveal" || lower == "reveal.js" || lower == "revealjs" || lower == "reveal-md")
    return Dialect::Reveal;
  if (lower == "slidev") return Dialect::Slidev;
  if (lower == "remark" || lower == "remarkjs" || lower == "xaringan") return Dialect::Remark;
  if (lower == "deckset") return Dialect::Deckset;
  return std::nullopt;
}

DialectGuess detect_dialect(const LineIndex& index, int body, const std::vector<Setting>& front) {
  Scorer scorer;
  for (const Setting& s : front)
    for (const KeySign& sign : kKeySigns)
      if (s.key == sign.key)
        scorer.add({sign.dialect, sign.weight}, s.line, s.col, "`" + s.key + ":`");

  // Deckset's settings lines open the file, without `---` around them.
  if (front.empty()) {
    for (int line = body; line <= index.lines(); ++line) {
      std::string_view text = index.line(line);
      if (leading_trimmed(text).empty()) break;
      size_t colon = text.find(':');
      if (colon == std::string_view::npos) break;
      std::string_view key = text.substr(0, colon);
      for (std::string_view known : kDecksetTopKeys)
        if (key == known && key != "theme" && key != "footer" && key != "text" && key != "header")
          scorer.add({Dialect::Deckset, 3}, line, 1, "a Deckset setting line");
    }
  }

  MarkdownLines lines(index, body);
  bool after_separator = true, blank_before = true;
  for (int line = body; line <= index.lines(); ++line) {
    std::string_view text = index.line(line);
    if (lines.code(line)) {
      blank_before = false;
      continue;
    }
    if (lines.comment(line)) continue;
    std::string_view t = leading_trimmed(text);
    if (t.empty() || t == "\r") {
      blank_before = true;
      continue;
    }
    if (t.substr(0, 3) == "---" && thematic_break(text) == '-') {
      // Slidev: a block of `key: value` lines between two `---` is the next slide's front matter.
      int end = line + 1;
      bool keys = false, only_keys = true;
      while (end <= index.lines() && thematic_break(index.line(end)) != '-' && end - line < 40) {
        std::string_view raw = index.line(end);
        std::string_view l = leading_trimmed(raw);
        if (!l.empty()) {
          Setting s;
          if (raw[0] != ' ' && split_setting(l, end, 1, &s) && is_slide_header_key(s.key))
            keys = true;
          else if (raw[0] != ' ' || !keys)  // indented: a nested YAML value
            only_keys = false;
        }
        ++end;
      }
      if (keys && only_keys && end <= index.lines() && line > body)
        scorer.add({Dialect::Slidev, 3}, line + 1, 1, "Slidev slide front matter");
      after_separator = true;
      blank_before = true;
      continue;
    }
    scan_line(text, line, after_separator, blank_before, scorer);
    after_separator = false;
    blank_before = false;
  }
  return scorer.best();
}

}  // namespace boothdeck
