// Images as decks write them: alt-text keywords (Marp, Deckset), path forms (%20, <…>, raw
// spaces, ?query, #page=), <img>, <div> columns, and how layout places and shrinks them.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/deck/deck_parser.h"
#include "core/deck/image_ref.h"
#include "core/layout/layout.h"
#include "fake_measurer.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

// A deck folder with files whose first bytes say what they are.
struct DeckDir {
  fs::path path = fs::temp_directory_path() / ("boothdeck-images-" + std::to_string(::getpid()));
  DeckDir() {
    fs::create_directories(path / "public");
    for (const char* name : {"logo.png", "my logo.png", "public/logo.png"})
      std::ofstream(path / name, std::ios::binary) << "\x89PNG\r\n\x1a\n0000";
    std::ofstream(path / "talk.pdf", std::ios::binary) << "%PDF-1.4\n";
  }
  ~DeckDir() { fs::remove_all(path); }
  ParseResult parse(std::string_view deck) const { return parse_deck(deck, {"d.md", path, true}); }
};

const Diagnostic* find(const ParseResult& r, Code code) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

const Block* image_row(const Slide& slide) {
  for (const Block& b : slide.blocks)
    if (b.kind == BlockKind::Image) return &b;
  return nullptr;
}

}  // namespace

TEST_CASE("image keywords in the alt text") {
  struct Row {
    std::string_view alt;
    Dialect dialect;
    bool background;
    BackgroundSide side;
    float fraction;
    std::optional<ImageFit> fit;
    float width, height;
    std::string_view rest;  // the alt text left
  };
  constexpr auto Full = BackgroundSide::Full, Left = BackgroundSide::Left,
                 Right = BackgroundSide::Right;
  const Row rows[] = {
      {"bg", Dialect::Marp, true, Full, 0.5f, {}, 0, 0, ""},
      {"bg left:40%", Dialect::Marp, true, Left, 0.4f, {}, 0, 0, ""},
      {"bg right", Dialect::Marp, true, Right, 0.5f, {}, 0, 0, ""},
      {"bg contain", Dialect::Marp, true, Full, 0.5f, ImageFit::Contain, 0, 0, ""},
      {"bg fit", Dialect::Boothdeck, true, Full, 0.5f, ImageFit::Contain, 0, 0, ""},
      {"w:300", Dialect::Marp, false, Full, 0.5f, {}, 300, 0, ""},
      {"Logo h:200", Dialect::Marp, false, Full, 0.5f, {}, 0, 200, "Logo"},
      {"width:120px height:80px", Dialect::Boothdeck, false, Full, 0.5f, {}, 120, 80, ""},
      {"left arrow", Dialect::Marp, false, Full, 0.5f, {}, 0, 0, "left arrow"},
      {"left", Dialect::Deckset, true, Left, 0.5f, {}, 0, 0, ""},
      {"right fit", Dialect::Deckset, true, Right, 0.5f, ImageFit::Contain, 0, 0, ""},
      {"", Dialect::Deckset, true, Full, 0.5f, {}, 0, 0, ""},
      {"inline", Dialect::Deckset, false, Full, 0.5f, {}, 0, 0, ""},
      {"inline Chart", Dialect::Deckset, false, Full, 0.5f, {}, 0, 0, "Chart"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.alt);
    ImageSpec spec = parse_image_alt(row.alt, row.dialect);
    CHECK(spec.background == row.background);
    CHECK(spec.side == row.side);
    CHECK(spec.fraction == doctest::Approx(row.fraction));
    CHECK(spec.fit == row.fit);
    CHECK(spec.width == row.width);
    CHECK(spec.height == row.height);
    CHECK(spec.alt == row.rest);
  }
  CHECK(parse_image_alt("inline 50%", Dialect::Deckset).width_fraction == doctest::Approx(0.5));
  CHECK(parse_image_alt("bg sepia blur:3px", Dialect::Marp).ignored.size() == 2);
}

TEST_CASE("image paths: %20, <with spaces>, a raw space, ?query, #page=") {
  DeckDir dir;
  struct Row {
    std::string_view markdown;
    std::string_view file;
    std::optional<Code> warning;
    int col;  // of the warning
  };
  const Row rows[] = {
      {"![Logo](my%20logo.png)", "my logo.png", {}, 0},
      {"![Logo](<my logo.png>)", "my logo.png", {}, 0},
      {"![Logo](my logo.png)", "my logo.png", Code::ImagePathSpace, 9},
      {"![Logo](logo.png?v=2)", "logo.png", Code::ImageQuery, 9},
      {"<img src=\"logo.png\" alt=\"Logo\">", "logo.png", {}, 0},
      {"Text <img src='logo.png' width=\"200\"> after", "logo.png", {}, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.markdown);
    ParseResult r = dir.parse("# Images\n\n" + std::string(row.markdown) + "\n");
    CHECK(r.ok());
    REQUIRE(r.deck.slides.size() == 1);
    const Block* images = image_row(r.deck.slides[0]);
    REQUIRE(images);
    REQUIRE(images->images.size() == 1);
    CHECK(fs::path(images->images[0].path).filename() == row.file);
    CHECK(images->line == 3);
    const Diagnostic* d = row.warning ? find(r, *row.warning) : nullptr;
    CHECK(r.diagnostics.size() == (row.warning ? 1u : 0u));
    if (row.warning) {
      REQUIRE(d);
      CHECK(d->line == 3);
      CHECK(d->col == row.col);
    }
  }
  ParseResult sized = dir.parse("<img src=\"logo.png\" width=\"200\">\n");
  REQUIRE(image_row(sized.deck.slides[0]));
  CHECK(image_row(sized.deck.slides[0])->images[0].width == 200);
}

TEST_CASE("a PDF page alone on a slide is the whole slide; Slidev's /name is public/name") {
  DeckDir dir;
  ParseResult r = dir.parse("# Intro\n\n---\n\n![](talk.pdf#page=3)\n\n---\n\n![](talk.pdf)\n");
  CHECK(r.ok());
  REQUIRE(r.deck.slides.size() == 3);
  for (int i : {1, 2}) {
    const Slide& s = r.deck.slides[i];
    CHECK(s.blocks.empty());
    REQUIRE(s.background.images.size() == 1);
    CHECK(s.background.fit == ImageFit::Contain);
    CHECK(s.background.side == BackgroundSide::Full);
  }
  CHECK(r.deck.slides[1].background.images[0].page == 3);
  CHECK(r.deck.slides[2].background.images[0].page == 1);
  ParseResult slidev = dir.parse("# A\n\n---\nlayout: center\n---\n\n![](/logo.png)\n");
  CHECK(slidev.dialect == Dialect::Slidev);
  REQUIRE(slidev.deck.slides.size() == 2);
  const Block* images = image_row(slidev.deck.slides[1]);
  REQUIRE(images);
  CHECK(fs::path(images->images[0].path) == dir.path / "public/logo.png");
}

TEST_CASE("several images in one paragraph are one row, side by side") {
  DeckDir dir;
  ParseResult r = dir.parse("# Row\n\n![a](logo.png) ![b](logo.png)\n![c](logo.png)\n");
  REQUIRE(r.ok());
  const Block* row = image_row(r.deck.slides[0]);
  REQUIRE(row);
  CHECK(row->images.size() == 3);
  FakeMeasurer measurer;
  auto square = [](const std::string&, int) { return ImageSize{400, 400}; };
  SlideDisplay d = layout_slide(r.deck, 0, {1920, 1080}, theme_named("dark"), measurer, square);
  std::vector<Rect> rects;
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Image) rects.push_back(item.rect);
  REQUIRE(rects.size() == 3);
  for (size_t i = 1; i < rects.size(); ++i) {
    CHECK(rects[i].y == rects[0].y);
    CHECK(rects[i].h == rects[0].h);
    CHECK(rects[i].x > rects[i - 1].right());
  }
  // Centred as a row.
  float middle = (rects.front().x + rects.back().right()) / 2;
  CHECK(middle == doctest::Approx(960).epsilon(0.01));
}

TEST_CASE("HTML <div> columns become columns; other shapes keep their content, with a warning") {
  ParseResult columns = parse_deck(
      "# Two columns\n\n<div class=\"columns\">\n<div>\n\n## Left\n\n- a\n\n</div>\n<div>\n\n"
      "## Right\n\n- b\n\n</div>\n</div>\n",
      {"t.md", {}, false});
  CHECK(columns.diagnostics.empty());
  const auto& blocks = columns.deck.slides[0].blocks;
  REQUIRE(blocks.size() == 2);
  REQUIRE(blocks[1].kind == BlockKind::Columns);
  REQUIRE(blocks[1].columns.size() == 2);
  CHECK(plain_text(blocks[1].columns[0][0].text) == "Left");
  CHECK(blocks[1].columns[0][1].items.size() == 1);
  CHECK(plain_text(blocks[1].columns[1][0].text) == "Right");

  ParseResult unclear =
      parse_deck("<div>\n<div>\n\nOne\n\n</div>\n\nBetween\n\n<div>\n\nTwo\n\n</div>\n</div>\n",
                 {"t.md", {}, false});
  REQUIRE(unclear.diagnostics.size() == 1);
  CHECK(unclear.diagnostics[0].code == Code::HtmlLayout);
  CHECK(unclear.diagnostics[0].line == 1);
  std::vector<std::string> texts;
  for (const Block& b : unclear.deck.slides[0].blocks) texts.push_back(plain_text(b.text));
  CHECK(texts == std::vector<std::string>{"One", "Between", "Two"});

  ParseResult wrapper =
      parse_deck("<div align=\"center\">\n\n# Title\n\n</div>\n", {"t.md", {}, false});
  CHECK(wrapper.diagnostics.empty());
  CHECK(wrapper.deck.slides[0].title() == "Title");
}

TEST_CASE("text inside HTML is shown; what cannot be shown is reported once per tag") {
  ParseResult r = parse_deck(
      "<h2>From HTML</h2>\n\n<p align=\"center\">Kept &amp; shown</p>\n\n<iframe "
      "src=\"https://x\"></iframe>\n\n<iframe src=\"https://y\"></iframe>\n\n<style>\nh1 { color: "
      "red }\n</style>\n",
      {"t.md", {}, false});
  const auto& blocks = r.deck.slides[0].blocks;
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == BlockKind::Heading);
  CHECK(blocks[0].level == 2);
  CHECK(plain_text(blocks[1].text) == "Kept & shown");
  CHECK(count_code(r.diagnostics, Code::RawHtml) == 2);  // iframe (once), style
}
