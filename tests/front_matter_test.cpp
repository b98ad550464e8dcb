// Front matter read as YAML, and the keys of other tools: honoured, or reported once each with
// what boothdeck does instead. Decks are parsed from string literals.
#include <doctest/doctest.h>

#include "core/deck/deck_parser.h"

using namespace boothdeck;

namespace {

ParseResult parse(std::string_view text) {
  return parse_deck(text, {"t.md", {}, false});
}

int count(const ParseResult& r, Code code) {
  return count_code(r.diagnostics, code);
}

}  // namespace

TEST_CASE("front matter is YAML: quotes, multi-line values, nested keys, comments") {
  ParseResult r = parse(
      "---\n"
      "title: \"Booth: Seoul 2025\"\n"
      "author: 'Kim'\n"
      "date: >\n  June\n  2025\n"
      "# a YAML comment\n"
      "presentation:\n  theme: light\n  duration: 3\n"
      "duration: 12\n"
      "---\n# A\n");
  CHECK(r.deck.settings.title == "Booth: Seoul 2025");  // quotes are YAML's, not the title's
  CHECK(r.deck.settings.author == "Kim");
  CHECK(r.deck.settings.date == "June 2025");
  CHECK(r.deck.settings.duration == 12);
  CHECK(r.deck.settings.theme == "dark");  // presentation: theme: is not ours
  REQUIRE(count(r, Code::UnknownKey) == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.line == 8);
  CHECK(d.col == 1);
  CHECK(d.message.find("'presentation'") != std::string::npos);
}

TEST_CASE("YAML that does not parse is read line by line, with a warning at the fault") {
  ParseResult r = parse("---\ntitle: Booth: Seoul\nduration: 7\n---\n# A\n");
  CHECK(r.ok());
  CHECK(r.deck.settings.title == "Booth: Seoul");
  CHECK(r.deck.settings.duration == 7);
  REQUIRE(count(r, Code::BadFrontMatter) == 1);
  CHECK(r.diagnostics[0].line == 2);
}

TEST_CASE("a byte-order mark does not hide the front matter") {
  ParseResult r = parse("\xEF\xBB\xBF---\ntitle: 부스\nduration: 5\n---\n# 제목\n");
  CHECK(r.ok());
  CHECK(r.diagnostics.empty());
  CHECK(r.deck.settings.title == "부스");
  CHECK(r.deck.settings.duration == 5);
  REQUIRE(r.deck.slides.size() == 1);
  CHECK(r.deck.slides[0].blocks.size() == 1);
  // Columns on line 1 count without the invisible mark.
  ParseResult bad = parse("\xEF\xBB\xBF# A\n\n```bars\nx: y\n```\n");
  REQUIRE(count(bad, Code::BadBar) == 1);
}

TEST_CASE("`---` then a heading, without settings, is the first slide") {
  struct Row {
    std::string_view deck;
    size_t slides;
    std::string_view first_title;
  };
  const Row rows[] = {
      {"---\n# One\n\n---\n\n# Two\n", 2, "One"},
      {"---\n\n# One\n\nText\n\n---\n# Two\n", 2, "One"},
      {"---\n# One\n", 1, "One"},  // never closed, and no settings: content
      {"---\njust words\n---\n# Two\n", 2, ""},
      {"---\ntitle: T\n---\n# One\n", 1, "One"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.deck);
    ParseResult r = parse(row.deck);
    CHECK(r.ok());
    REQUIRE(r.deck.slides.size() == row.slides);
    CHECK(r.deck.slides[0].title() == row.first_title);
  }
}

TEST_CASE("other tools' keys are honoured or reported once each, saying what happens instead") {
  ParseResult r = parse(
      "---\nmarp: true\ntheme: uncover\npaginate: true\nheadingDivider: 2\nsize: 4:3\n"
      "style: |\n  h1 { color: red; }\nmath: katex\nbackgroundColor: '#ffffff'\n"
      "header: Seoul\nfooter: '**Booth** 12'\nclass: lead\n---\n"
      "# A\n\n<!-- style: x -->\n\n## B\n\n<!-- style: y -->\n");
  CHECK(r.ok());
  CHECK(r.deck.settings.theme == "light");
  CHECK(count(r, Code::UnknownTheme) == 1);
  CHECK(count(r, Code::UnsupportedKey) == 2);  // size 4:3 and style, style once for three
  CHECK(count(r, Code::UnknownKey) == 0);
  REQUIRE(r.deck.slides.size() == 2);  // headingDivider: 2
  for (const Slide& s : r.deck.slides) {
    CHECK(s.paginate);
    CHECK(s.layout == SlideLayout::Cover);  // class: lead in front matter: every slide
    CHECK(plain_text(s.header) == "Seoul");
    CHECK(plain_text(s.footer) == "Booth 12");
    CHECK(s.background_color == Rgb{255, 255, 255});
  }
  for (const Diagnostic& d : r.diagnostics) {
    CHECK(d.severity == Severity::Warning);
    CHECK(d.message.find("(Marp)") != std::string::npos);
  }
}

TEST_CASE("a theme boothdeck does not have is a warning; the deck keeps a built-in one") {
  struct Row {
    std::string_view theme;
    std::string_view shown;
  };
  const Row rows[] = {{"dark", "dark"},   {"light", "light"},  {"gaia", "light"},
                      {"night", "dark"},  {"seriph", "light"}, {"corporate-blue", "dark"},
                      {"Next, 1", "dark"}};
  for (const Row& row : rows) {
    CAPTURE(row.theme);
    ParseResult r = parse("---\ntheme: " + std::string(row.theme) + "\n---\n# A\n");
    CHECK(r.ok());
    CHECK(r.deck.settings.theme == row.shown);
    bool ours = row.theme == "dark" || row.theme == "light";
    CHECK(count(r, Code::UnknownTheme) == (ours ? 0 : 1));
  }
}

TEST_CASE("Marp directives in comments: local ones carry on, spot ones (_) do not") {
  ParseResult r = parse(
      "---\nmarp: true\n---\n# One\n\n---\n\n<!-- paginate: true -->\n<!-- _backgroundColor: "
      "black -->\n# Two\n\n---\n\n# Three\n\n<!-- _paginate: false -->\n\n---\n\n# Four\n");
  REQUIRE(r.deck.slides.size() == 4);
  CHECK_FALSE(r.deck.slides[0].paginate);
  CHECK(r.deck.slides[1].paginate);
  CHECK(r.deck.slides[1].background_color == Rgb{0, 0, 0});
  CHECK_FALSE(r.deck.slides[2].background_color);
  CHECK_FALSE(r.deck.slides[2].paginate);
  CHECK(r.deck.slides[3].paginate);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("a plain comment is a note, not an unknown key") {
  struct Row {
    std::string_view comment;
    std::string_view notes;
  };
  const Row rows[] = {
      {"<!-- 참고: 이 수치는 2024년 기준 -->", "참고: 이 수치는 2024년 기준"},
      {"<!-- TODO: check the figure -->", "TODO: check the figure"},
      {"<!-- notes: say hello -->", "say hello"},
      {"<!-- Speaker notes, no colon at all -->", "Speaker notes, no colon at all"},
      {"<!--\nline one\nline two\n-->", "line one\nline two"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.comment);
    ParseResult r = parse("# A\n\n" + std::string(row.comment) + "\n");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.deck.slides.size() == 1);
    CHECK(r.deck.slides[0].notes == row.notes);
  }
}

TEST_CASE("Slidev and remark settings on a slide never become a slide of their own") {
  ParseResult slidev = parse("# A\n\n---\nlayout: center\nclass: text-center\n---\n\n# B\n");
  REQUIRE(slidev.deck.slides.size() == 2);
  CHECK(slidev.deck.slides[1].layout == SlideLayout::Cover);
  CHECK(slidev.deck.slides[1].title() == "B");
  CHECK(slidev.deck.slides[1].line == 7);
  ParseResult timing = parse("# A\n\n---\nduration: 30\ntransition: none\n---\n# B\n");
  REQUIRE(timing.deck.slides.size() == 2);
  CHECK(timing.deck.duration_of(1) == 30);
  CHECK(timing.deck.transition_into(1) == Transition::None);
  ParseResult unknown = parse("# A\n\n---\nlayout: center\nclicks: 3\n---\n# B\n");
  CHECK(count(unknown, Code::BuildSteps) == 1);
}

TEST_CASE("YAML lists and a background set for every slide, taken away on one") {
  ParseResult r = parse_deck(
      "---\nmarp: true\nclass:\n  - lead\n  - invert\nbackgroundImage: url('https://x/bg.svg')\n"
      "---\n# One\n\n---\n\n<!-- _backgroundImage: none -->\n# Two\n\n---\n\n# Three\n",
      {"t.md", {}, true});
  REQUIRE(r.deck.slides.size() == 3);
  for (const Slide& s : r.deck.slides) {
    CHECK(s.layout == SlideLayout::Cover);
    CHECK(s.invert);
  }
  // One remote background for three slides: one error, at the front matter.
  REQUIRE(count(r, Code::RemoteImage) == 1);
  CHECK(r.diagnostics[0].line == 6);
  CHECK(count(r, Code::MissingImage) == 0);  // `none` is no image
  CHECK(count(r, Code::UnsupportedKey) == 0);
}
