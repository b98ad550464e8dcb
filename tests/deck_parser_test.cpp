// The deck format, construct by construct, and every diagnostic the parser can give.
// Decks are parsed from string literals; only image tests touch the file system.
#include "core/deck/deck_parser.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/deck_loading.h"
#include "core/deck/latex_text.h"
#include "core/deck/utf8.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

ParseResult parse(std::string_view text) {
  return parse_deck(text, {"t.md", {}, false});
}

const Diagnostic* find(const ParseResult& r, Code code) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

// A scratch folder with real files, for image references.
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("boothdeck-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path / "deck"); }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, std::string_view bytes) {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

}  // namespace

TEST_CASE("front matter sets every deck setting") {
  ParseResult r = parse(
      "---\ntitle: 부스 데모\nauthor: Kim\ndate: 2024\nduration: 7.5\nloop: false\nidle-return: 0\n"
      "theme: light\nfont: NanumGothic\ntransition: slide\nprogress: no\ncounter: off\n---\n# A\n");
  REQUIRE(r.ok());
  const DeckSettings& s = r.deck.settings;
  CHECK(s.title == "부스 데모");
  CHECK(s.author == "Kim");
  CHECK(s.date == "2024");
  CHECK(s.duration == 7.5);
  CHECK_FALSE(s.loop);
  CHECK(s.idle_return == 0);
  CHECK(s.theme == "light");
  CHECK(s.font == "NanumGothic");
  CHECK(s.transition == Transition::Slide);
  CHECK_FALSE(s.progress);
  CHECK_FALSE(s.counter);
}

TEST_CASE("defaults without front matter; title from the first heading") {
  ParseResult r = parse("# 첫 슬라이드\n");
  REQUIRE(r.ok());
  CHECK(r.deck.settings.duration == 10);
  CHECK(r.deck.settings.loop);
  CHECK(r.deck.settings.title == "첫 슬라이드");
}

TEST_CASE("--- splits slides, but not inside a fenced block") {
  ParseResult r = parse("# One\n\n---\n\n# Two\n\n```\n---\n```\n\n---\n# Three\n");
  REQUIRE(r.ok());
  REQUIRE(r.deck.slides.size() == 3);
  CHECK(r.deck.slides[1].title() == "Two");
  CHECK(r.deck.slides[1].blocks.back().kind == BlockKind::Code);
  CHECK(r.deck.slides[2].line == 12);
}

TEST_CASE("per-slide settings and notes in comments") {
  ParseResult r = parse(
      "# A\n<!-- duration: 20; transition: none -->\n<!-- layout: cover -->\n"
      "<!-- notes: say hello\nand more -->\n\n---\n# B\n<!-- a plain comment -->\n");
  REQUIRE(r.ok());
  const Slide& a = r.deck.slides[0];
  CHECK(a.duration == 20);
  CHECK(a.transition == Transition::None);
  CHECK(a.layout == SlideLayout::Cover);
  CHECK(a.notes == "say hello\nand more");
  CHECK(r.deck.duration_of(0) == 20);
  CHECK(r.deck.duration_of(1) == 10);
  CHECK(r.deck.slides[1].notes == "a plain comment");
  CHECK(r.deck.transition_into(1) == Transition::Fade);
}

TEST_CASE("headings, paragraphs and inline styles") {
  ParseResult r = parse("# H1\n## H2\n### H3\n\n**굵게** 보통 *기울임* `code` &amp; &#44032;\n");
  REQUIRE(r.ok());
  const auto& blocks = r.deck.slides[0].blocks;
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].level == 1);
  CHECK(blocks[1].level == 2);
  CHECK(blocks[2].level == 3);
  const RichText& text = blocks[3].text;
  CHECK(plain_text(text) == "굵게 보통 기울임 code & 가");
  CHECK(text[0].bold);
  CHECK(text[0].text == "굵게");
  bool italic = false, code = false;
  for (const Span& span : text) {
    italic |= span.italic && span.text == "기울임";
    code |= span.code && span.text == "code";
  }
  CHECK(italic);
  CHECK(code);
  CHECK(blocks[3].line == 5);
}

TEST_CASE("nested bullet and numbered lists keep depth and numbers") {
  ParseResult r = parse("- a\n  - a1\n    - a1x\n- b\n\n3. three\n4. four\n   - inner\n");
  REQUIRE(r.ok());
  const auto& blocks = r.deck.slides[0].blocks;
  REQUIRE(blocks.size() == 2);
  const auto& bullets = blocks[0].items;
  REQUIRE(bullets.size() == 4);
  CHECK(plain_text(bullets[0].text) == "a");
  CHECK(bullets[1].depth == 1);
  CHECK(bullets[2].depth == 2);
  CHECK(bullets[3].depth == 0);
  CHECK_FALSE(bullets[0].ordered);
  const auto& numbered = blocks[1].items;
  REQUIRE(numbered.size() == 3);
  CHECK(numbered[0].ordered);
  CHECK(numbered[0].number == 3);
  CHECK(numbered[1].number == 4);
  CHECK(plain_text(numbered[1].text) == "four");
  CHECK_FALSE(numbered[2].ordered);
  CHECK(numbered[2].depth == 1);
}

TEST_CASE("GFM tables: header, rows, alignment, short rows padded") {
  ParseResult r = parse("| 항목 | 값 |\n|:---|---:|\n| 코딩 | **64%** |\n| 속도 |\n");
  REQUIRE(r.ok());
  const Table& t = r.deck.slides[0].blocks[0].table;
  REQUIRE(t.columns() == 2);
  CHECK(plain_text(t.header[0]) == "항목");
  REQUIRE(t.rows.size() == 2);
  CHECK(plain_text(t.rows[0][1]) == "64%");
  CHECK(t.rows[0][1][0].bold);
  CHECK(t.rows[1].size() == 2);
  CHECK(t.align[0] == Align::Left);
  CHECK(t.align[1] == Align::Right);
}

TEST_CASE("bars: options, units, ratios, highlight") {
  ParseResult r = parse(
      "```bars title=\"코딩 문제 해결률\" unit=% max=100\nClaude 3 Opus: 38%\nClaude 3.5 Sonnet: "
      "64 *\n```\n\n"
      "```bars\nOpus: 1x\nSonnet: 2× *\n```\n\n```bars unit=ms\nA: 12.5\nB: 3 ms\n```\n");
  REQUIRE(r.ok());
  const auto& blocks = r.deck.slides[0].blocks;
  REQUIRE(blocks.size() == 3);
  const BarChart& coding = blocks[0].chart;
  CHECK(coding.title == "코딩 문제 해결률");
  CHECK(coding.max == 100);
  REQUIRE(coding.bars.size() == 2);
  CHECK(coding.bars[0].value == 38);
  CHECK(coding.bars[0].unit == "%");
  CHECK_FALSE(coding.bars[0].highlight);
  CHECK(coding.bars[1].unit == "%");
  CHECK(coding.bars[1].highlight);
  CHECK(coding.axis_max() == 100);
  const BarChart& speed = blocks[1].chart;
  CHECK(speed.bars[0].unit == "×");
  CHECK(speed.bars[1].value == 2);
  CHECK(speed.axis_max() == 2);
  CHECK(blocks[2].chart.bars[0].unit == "ms");
  CHECK(blocks[2].chart.bars[0].value == 12.5);
}

TEST_CASE("images resolve against the deck's folder") {
  TempDir dir;
  dir.write("deck/logo.png", "\x89PNG\r\n\x1a\n0000");
  ParseResult r =
      parse_deck("# Logo\n\n![회사 로고](logo.png)\n", {"d.md", dir.path / "deck", true});
  REQUIRE(r.ok());
  const Block& image = r.deck.slides[0].blocks[1];
  CHECK(image.kind == BlockKind::Image);
  REQUIRE(image.images.size() == 1);
  CHECK(image.images[0].alt == "회사 로고");
  CHECK(fs::path(image.images[0].path).filename() == "logo.png");
}

TEST_CASE("image problems are errors with their own codes") {
  TempDir dir;
  dir.write("deck/fake.png", "this is text");
  dir.write("secret.png", "\x89PNG\r\n\x1a\n");
  auto code_of = [&](const std::string& src) {
    ParseResult r = parse_deck("# I\n\n![x](" + src + ")\n", {"d.md", dir.path / "deck", true});
    CHECK_FALSE(r.ok());
    if (!r.diagnostics.empty()) CHECK(r.diagnostics[0].line == 3);  // where the image is written
    return r.diagnostics.empty() ? std::string() : std::string(r.diagnostics[0].code_name());
  };
  CHECK(code_of("missing.png") == "missing-image");
  CHECK(code_of("fake.png") == "unreadable-image");
  CHECK(code_of("../secret.png") == "image-outside-deck");
  CHECK(code_of("/etc/passwd") == "image-outside-deck");
  CHECK(code_of("https://example.com/a.png") == "remote-image");
}

TEST_CASE("diagnostics carry file, line and column") {
  ParseResult r = parse("---\ndurration: 5\n---\n# A\n");
  const Diagnostic* d = find(r, Code::UnknownKey);
  REQUIRE(d);
  CHECK(d->file == "t.md");
  CHECK(d->line == 2);
  CHECK(d->col == 1);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->message.find("'duration'") != std::string::npos);  // did you mean
  CHECK(format_diagnostic(*d).rfind("t.md:2:1: warning: ", 0) == 0);
  CHECK(r.ok());  // an unknown key is a warning: the deck still runs
}

// A bad setting leaves no hole on screen: a warning, and the default is used.
TEST_CASE("bad setting values are warnings at the value, and the default stays") {
  struct Row {
    std::string_view deck;
    Code code;
    int line, col;
  };
  const Row rows[] = {
      {"---\nduration: fast\n---\n# A\n", Code::BadValue, 2, 11},
      {"---\nduration: 0\n---\n# A\n", Code::BadValue, 2, 11},
      {"---\nidle-return:   nan\n---\n# A\n", Code::BadValue, 2, 16},
      {"---\nloop: maybe\n---\n# A\n", Code::BadValue, 2, 7},
      {"---\ntheme: pink\n---\n# A\n", Code::UnknownTheme, 2, 8},
      {"# A\n<!-- transition: spin -->\n", Code::BadValue, 2, 18},
      {"# A\n<!-- layout: wide -->\n", Code::BadValue, 2, 14},
      {"# A\n<!-- duration: 20; layout: wide -->\n", Code::BadValue, 2, 28},
      {"# A\n<!-- duraton: 3 -->\n", Code::UnknownKey, 2, 6},
      {"# 가나\n<!-- 제목: 1; duraton: 3 -->\n", Code::UnknownKey, 0, 0},  // not all keys: a note
  };
  for (const Row& row : rows) {
    CAPTURE(row.deck);
    ParseResult r = parse(row.deck);
    CHECK(r.ok());
    CHECK(r.deck.settings.duration == 10);
    CHECK(r.deck.settings.theme == "dark");
    CHECK(r.deck.slides[0].layout == SlideLayout::Default);
    const Diagnostic* d = find(r, row.code);
    if (row.line == 0) {
      CHECK_FALSE(d);
      continue;
    }
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->line == row.line);
    CHECK(d->col == row.col);
  }
}

TEST_CASE("bars problems") {
  struct Row {
    std::string_view deck;
    Code code;
    Severity severity;
  };
  const Row rows[] = {
      {"```bars\nA: -3\n```\n", Code::BadBar, Severity::Error},
      {"```bars\nA: nan\nB: 1\n```\n", Code::BadBar, Severity::Error},
      {"```bars\nA: 1e300\nB: 1\n```\n", Code::BadBar, Severity::Error},
      {"```bars\nA:\nB: 2\n```\n", Code::BadBar, Severity::Error},
      {"```bars\njust a label\nB: 2\n```\n", Code::BadBar, Severity::Error},
      {"```bars\nA: 1,5\nB: 2\n```\n", Code::BadBar, Severity::Error},  // not thousands
      {"# A\n```bars\n```\n", Code::EmptyBars, Severity::Error},
      {"```bars\nA: 3%\nB: 2x\n```\n", Code::MixedUnits, Severity::Warning},
      {"```bars max=50\nA: 60\n```\n", Code::BarOverMax, Severity::Warning},
      {"```bars max=lots\nA: 6\n```\n", Code::BadOption, Severity::Warning},
      {"```bars\nmax: lots\nA: 6\n```\n", Code::BadOption, Severity::Warning},
      {"```bars maks=5\nA: 6\n```\n", Code::UnknownKey, Severity::Warning},
      {"```bars\n: 6\n```\n", Code::BarWithoutLabel, Severity::Warning},
  };
  for (const Row& row : rows) {
    CAPTURE(row.deck);
    ParseResult r = parse(row.deck);
    const Diagnostic* d = find(r, row.code);
    REQUIRE(d);
    CHECK(d->severity == row.severity);
  }
  SUBCASE("line and column of the bad value") {
    ParseResult r = parse("# A\n\n```bars\nA: 1\n  B: x\n```\n");
    const Diagnostic* d = find(r, Code::BadBar);
    REQUIRE(d);
    CHECK(d->line == 5);
    CHECK(d->col == 6);
  }
}

// Numbers as booths write them, and options written as lines of the block.
TEST_CASE("bars read thousands separators and options written inside the block") {
  ParseResult r = parse(
      "```bars\ntitle: 월간 방문자\nunit: 명\nmax: 2,000\n서울: 1,250\n부산: 980 *\n"
      "대구: 12,500.5\n```\n");
  REQUIRE(r.ok());
  const BarChart& chart = r.deck.slides[0].blocks[0].chart;
  CHECK(chart.title == "월간 방문자");
  CHECK(chart.unit == "명");
  CHECK(chart.max == 2000);
  REQUIRE(chart.bars.size() == 3);
  CHECK(chart.bars[0].label == "서울");
  CHECK(chart.bars[0].value == 1250);
  CHECK(chart.bars[0].unit == "명");
  CHECK(chart.bars[1].highlight);
  CHECK(chart.bars[2].value == 12500.5);
}

TEST_CASE("structural problems") {
  SUBCASE("unclosed front matter") {
    CHECK(find(parse("---\ntitle: x\n# A\n"), Code::UnclosedFrontMatter));
  }
  SUBCASE("unclosed comment") {
    CHECK(find(parse("# A\n<!-- duration: 3\n"), Code::UnclosedComment));
  }
  SUBCASE("empty deck") {
    CHECK(find(parse(""), Code::EmptyDeck));
  }
  SUBCASE("only separators") {
    CHECK(find(parse("---\n---\n\n---\n"), Code::EmptyDeck));
  }
  SUBCASE("empty slide") {
    ParseResult r = parse("# A\n---\n<!-- duration: 3 -->\n---\n# B\n");
    CHECK(find(r, Code::EmptySlide));
    CHECK(r.deck.slides.size() == 2);
  }
  SUBCASE("raw html") {
    CHECK(find(parse("# A\n\n<iframe src=x></iframe>\n"), Code::RawHtml));
  }
  SUBCASE("binary") {
    CHECK(find(parse(std::string("\x7f"
                                 "ELF\0\0\0\0\0\0\0\0\0\0\0",
                                 16)),
               Code::BinaryFile));
  }
}

TEST_CASE("an unclosed fence costs one slide, not the rest of the deck") {
  ParseResult r = parse("# A\n\n```bars\nA: 1\n\n---\n# B\n\n---\n# C\n");
  const Diagnostic* d = find(r, Code::UnclosedFence);
  REQUIRE(d);
  CHECK(d->line == 3);
  REQUIRE(r.deck.slides.size() == 3);
  CHECK(r.deck.slides[2].title() == "C");
}

TEST_CASE("invalid UTF-8 is reported where it is and replaced") {
  ParseResult r = parse(
      "# 제목\n\nab\xff"
      "cd\n");
  const Diagnostic* d = find(r, Code::InvalidUtf8);
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(d->col == 3);
  CHECK_FALSE(r.ok());
  REQUIRE(r.deck.slides.size() == 1);
  CHECK(plain_text(r.deck.slides[0].blocks[1].text) ==
        "ab\xEF\xBF\xBD"
        "cd");
}

TEST_CASE("a missing deck file is one diagnostic") {
  ParseResult r = load_deck_file("/nonexistent/deck.md");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == Code::Unreadable);
}

TEST_CASE("the built-in deck parses with no diagnostic") {
  ParseResult builtin = parse_deck(kBuiltinDeck, {kBuiltinDeckName, {}, true});
  for (const Diagnostic& d : builtin.diagnostics) FAIL_CHECK(format_diagnostic(d));
  CHECK(builtin.deck.slides.size() >= 12);
  // The installed copy is the same file.
  ParseResult file =
      load_deck_file(fs::path(BOOTHDECK_SOURCE_DIR) / "assets/decks/claude-3-5-sonnet.md");
  CHECK(file.diagnostics.empty());
  CHECK(file.deck.slides.size() == builtin.deck.slides.size());
  // Every figure of 표 2 is on a bar.
  int bars = 0;
  for (const Slide& slide : builtin.deck.slides)
    for (const Block& block : slide.blocks)
      if (block.kind == BlockKind::Bars) bars += static_cast<int>(block.chart.bars.size());
  CHECK(bars >= 4);
}

TEST_CASE("messages quote user text in excerpts, cut at a character boundary") {
  std::string key(100000, 'k');
  ParseResult r =
      parse("---\n" + key + ": 1\n---\n# A\n\n```bars\n" + std::string(50000, '\xEA') + "\n```\n");
  REQUIRE_FALSE(r.diagnostics.empty());
  for (const Diagnostic& d : r.diagnostics) CHECK(d.message.size() < 300);
  CHECK(excerpt("가나다라", 7) == "'가나\xE2\x80\xA6'");
}

// Each of these broke a real deck; each row stands for its kind.
TEST_CASE("a --- inside a comment or a fence splits nothing, and lines after it stay true") {
  struct Row {
    std::string_view deck;
    size_t slides;
  };
  const Row rows[] = {
      {"# A\n\n<!--\nold version:\n---\n# Old\n-->\n\n```bars\nx: bad\n```\n", 1},
      {"# A\n\n```\n---\n```\n\n```bars\n\n\n\nx: bad\n```\n", 1},
      {"# A\n\n<!-- one line --> text\n\n---\n\n# B\n\n```bars\nx: bad\n```\n", 2},
      {"# A\n\n~~~md\n<!--\n~~~\n\n---\n\n# B\n\n```bars\nx: bad\n```\n", 2},
  };
  for (const Row& row : rows) {
    CAPTURE(row.deck);
    ParseResult r = parse(row.deck);
    CHECK(r.deck.slides.size() == row.slides);
    // The bar after the comment or fence is reported on its own line.
    const Diagnostic* d = find(r, Code::BadBar);
    REQUIRE(d);
    size_t bad = row.deck.find("x: bad");
    CHECK(d->line == 1 + std::count(row.deck.begin(), row.deck.begin() + bad, '\n'));
  }
  ParseResult unclosed = parse("# A\n\n<!-- never closed\n\n---\n\n# B\n");
  const Diagnostic* d = find(unclosed, Code::UnclosedComment);
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(unclosed.deck.slides.size() == 2);  // the separator still ends the slide
}

TEST_CASE("list items and table rows know their own lines") {
  ParseResult r = parse(
      "# Title\n\n- one\n- two\n  - two and a half\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 "
      "|\n");
  const auto& blocks = r.deck.slides[0].blocks;
  REQUIRE(blocks.size() >= 3);
  const Block& list = blocks[1];
  CHECK(list.line == 3);
  REQUIRE(list.items.size() == 3);
  CHECK(list.items[0].line == 3);
  CHECK(list.items[1].line == 4);
  CHECK(list.items[2].line == 5);
  const Block& table = blocks[2];
  CHECK(table.line == 7);
  CHECK(table.table.row_lines == std::vector<int>{7, 9});
  TempDir dir;
  ParseResult image = parse_deck("# I\n\n- text\n- ![x](missing.png)\n", {"d.md", dir.path, true});
  const Diagnostic* d = find(image, Code::MissingImage);
  REQUIRE(d);
  CHECK(d->line == 4);
  CHECK(d->col == 8);
}

TEST_CASE("GFM: \\| in a table cell is a pipe, inside code too") {
  ParseResult r = parse("| op | meaning |\n|---|---|\n| `a \\| b` | either a \\| b |\n");
  const Table& t = r.deck.slides[0].blocks[0].table;
  REQUIRE(t.rows.size() == 1);
  CHECK(plain_text(t.rows[0][0]) == "a | b");
  CHECK(t.rows[0][0][0].code);
  CHECK(plain_text(t.rows[0][1]) == "either a | b");
}

TEST_CASE("math and diagrams are shown readably as text, with one warning per deck") {
  ParseResult r = parse(
      "---\nmarp: true\n---\n# Math\n\nEnergy $E = mc^2$ and $\\frac{a}{b} \\leq \\sqrt{x}$.\n\n"
      "$$\\sum_{i=1}^{n} x_i$$\n\n```math\n\\alpha + \\beta\n```\n\n---\n\n# Diagram\n\n"
      "```mermaid\ngraph LR\nA --> B\n```\n\n```mermaid\ngraph TD\n```\n");
  CHECK(r.ok());
  CHECK(count_code(r.diagnostics, Code::MathAsText) == 1);
  CHECK(count_code(r.diagnostics, Code::DiagramAsCode) == 1);
  const auto& math = r.deck.slides[0].blocks;
  REQUIRE(math.size() == 4);
  CHECK(plain_text(math[1].text) == "Energy E = mc² and a/b ≤ √x.");
  CHECK(plain_text(math[2].text) == "∑ᵢ₌₁ⁿ xᵢ");
  CHECK(plain_text(math[3].text) == "α + β");
  const auto& diagram = r.deck.slides[1].blocks;
  REQUIRE(diagram.size() == 3);
  CHECK(diagram[1].kind == BlockKind::Code);
  CHECK(plain_text(diagram[1].text).find("A --> B") != std::string::npos);
  // Without a dialect that writes math, dollars are prices.
  ParseResult prices = parse("# Prices\n\nFrom $5 to $10 a day\n");
  CHECK(plain_text(prices.deck.slides[0].blocks[1].text) == "From $5 to $10 a day");
}

TEST_CASE("LaTeX to readable text") {
  struct Row {
    std::string_view latex, text;
  };
  const Row rows[] = {
      {"x^2 + y^2 = z^2", "x² + y² = z²"},
      {"a_{ij}", "aᵢⱼ"},
      {"e^{i\\pi} + 1 = 0", "e^(iπ) + 1 = 0"},
      {"\\frac{1}{2}", "1/2"},
      {"\\frac{a+b}{c}", "(a+b)/c"},
      {"\\sqrt{2}", "√2"},
      {"\\alpha \\to \\infty", "α → ∞"},
      {"\\text{speed} = \\frac{d}{t}", "speed = d/t"},
      {"\\left( x \\right)", "( x )"},
      {"\\unknowncommand{x}", "unknowncommandx"},
      {"x^{\\text{max}}", "x^(max)"},
      {"\\mathbb{R}^n", "Rⁿ"},
      {"\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "a = b ; c = d"},
      // A token is a code point: UTF-8 sequences stay whole under ^, _, \sqrt and nesting.
      {"x_é", "x_é"},
      {"x^가", "x^가"},
      {"x__é", "x_(_é)"},
      {"x^^한", "x^(^한)"},
      {"\\sqrt{α}", "√α"},
      {"\\sqrt{αβ}", "√(αβ)"},
      {"x_{1\uFFFD}", "x_(1\uFFFD)"},
      {"\\한", "한"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.latex);
    CHECK(latex_to_text(row.latex) == row.text);
  }
  // Found by the parser fuzzer: `_` before `_` before a multi-byte character put a parenthesis
  // inside its UTF-8 sequence. Whatever goes in, valid UTF-8 comes out.
  for (std::string_view latex : {"_____\uFFFD", "^^^^가", "_{_{_é}}", "\\\uFFFD_\uFFFD"}) {
    std::vector<Utf8Problem> problems;
    repair_utf8(latex_to_text(latex), &problems);
    CAPTURE(latex);
    CHECK(problems.empty());
  }
  // Nesting without end is read, not recursed into.
  std::string deep(100000, '{');
  CHECK(latex_to_text(deep).size() > 0);
  CHECK(latex_to_text(std::string(50000, '\\') + "frac").size() > 0);
}

TEST_CASE("every character is the one written: strikethrough, <br>, tabs, code verbatim") {
  struct Row {
    const char* what;
    std::string markdown;
    std::string text;  // the first block's plain text
  };
  const Row rows[] = {
      {"<br> in a paragraph is a line break", "첫 줄<br>둘째 줄\n", "첫 줄\n둘째 줄"},
      {"<br/> and <BR /> too", "a<br/>b<BR />c\n", "a\nb\nc"},
      {"<br> in a heading", "# 첫 줄<br>둘째 줄\n", "첫 줄\n둘째 줄"},
      {"<br> in a list item", "- a<br>b\n", ""},
      {"a tab between words is a space (md4c drops it)", "둘째\tx y\n", "둘째 x y"},
      {"tabs and spaces between words", "a \t b\n", "a b"},
      {"U+3000 stays", "가\u3000나\n", "가\u3000나"},
      {"U+FEFF stays", "가\uFEFF나\n", "가\uFEFF나"},
      {"a backslash stays", "C:\\\\Users\\\\me and \\\\10,000\n", "C:\\Users\\me and \\10,000"},
      {"inline code keeps its spaces and backslashes", "`a  \\b`\n", "a  \\b"},
      {"a code block keeps indentation, tabs and blank lines",
       "```\ndef f():\n    if x:\n\treturn 1\n\n  a\\tb\n```\n",
       "def f():\n    if x:\n    return 1\n\n  a\\tb"},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.what));
    ParseResult r = parse(row.markdown);
    CHECK(r.ok());
    REQUIRE(!r.deck.slides.empty());
    const Block& block = r.deck.slides[0].blocks[0];
    if (block.kind == BlockKind::List)
      CHECK(plain_text(block.items[0].text) == "a\nb");
    else
      CHECK(plain_text(block.text) == row.text);
  }
  for (const Diagnostic& d : parse("a<br>b\n").diagnostics) CHECK(d.code != Code::RawHtml);
}

TEST_CASE("~~text~~ is struck through, and only that text") {
  ParseResult r = parse("앞 ~~지운 **굵은** 말~~ 뒤\n");
  REQUIRE(r.ok());
  std::string struck, plain;
  for (const Span& span : r.deck.slides[0].blocks[0].text)
    (span.strike ? struck : plain) += span.text;
  CHECK(struck == "지운 굵은 말");
  CHECK(plain == "앞  뒤");
}

TEST_CASE("lines end at LF, CRLF or a lone CR, as in CommonMark: positions agree") {
  for (std::string end : {"\n", "\r\n", "\r"}) {
    std::string name = end == "\r" ? "CR" : end == "\n" ? "LF" : "CRLF";
    INFO(name);
    std::string deck = std::string("# 제목") + end + end + "```bars" + end + "A: lots" + end +
                       "```" + end + end + "---" + end + end + "# 둘" + end;
    ParseResult r = parse(deck);
    REQUIRE(r.deck.slides.size() == 2);
    CHECK(r.deck.slides[1].blocks[0].line == 9);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].line == 4);  // the bad value
    CHECK(r.diagnostics[0].col == 4);
    CHECK(r.diagnostics[1].line == 3);  // the block with no valid bar
  }
}
