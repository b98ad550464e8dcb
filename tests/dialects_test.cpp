// One deck per tool in tests/data (Marp, reveal.js, Slidev, remark, Deckset), each read as its
// author meant it: how many slides, what is on screen (laid out with the fake measurer), what is
// kept as notes and never drawn, and which diagnostics it gives. Then detection and separators.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/deck/deck_parser.h"
#include "core/layout/layout.h"
#include "fake_measurer.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

const fs::path kData = BOOTHDECK_TEST_DATA;

ParseResult load(const std::string& name) {
  return load_deck_file(kData / name);
}

std::set<Code> codes(const ParseResult& r) {
  std::set<Code> out;
  for (const Diagnostic& d : r.diagnostics) out.insert(d.code);
  return out;
}

// Every image is a 16:9 picture of 1600×900 pixels.
ImageSize picture(const std::string&, int) {
  return {1600, 900};
}

SlideDisplay lay(const Deck& deck, int slide, Viewport v = {1920, 1080}) {
  FakeMeasurer measurer;
  return layout_slide(deck, slide, v, theme_named(deck.settings.theme), measurer, picture);
}

// The words a visitor sees on a slide.
std::string on_screen(const Deck& deck, int slide) {
  std::string out;
  for (const DisplayItem& item : lay(deck, slide).items)
    if (item.kind == ItemKind::Text) out += item.text + " ";
  return out;
}

bool shows(const Deck& deck, int slide, std::string_view text) {
  return on_screen(deck, slide).find(text) != std::string::npos;
}

std::vector<const DisplayItem*> images(const SlideDisplay& d) {
  std::vector<const DisplayItem*> out;
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Image) out.push_back(&item);
  return out;
}

// Notes are kept, and none of their words is drawn.
void check_notes(const Deck& deck, int slide, std::string_view notes) {
  CAPTURE(slide);
  CHECK(deck.slides[slide].notes.find(notes) != std::string::npos);
  CHECK_FALSE(shows(deck, slide, notes));
}

}  // namespace

TEST_CASE("Marp: directives, split background, sized images, math, fitted title") {
  ParseResult r = load("marp.md");
  CHECK(r.dialect == Dialect::Marp);
  CHECK(r.ok());
  CHECK(codes(r) == std::set<Code>{Code::UnknownTheme, Code::UnsupportedKey, Code::MathAsText});
  const Deck& deck = r.deck;
  REQUIRE(deck.slides.size() == 4);       // ---, ***, ___ and ---- all split
  CHECK(deck.settings.theme == "light");  // gaia is a light theme

  const Slide& lead = deck.slides[0];
  CHECK(lead.layout == SlideLayout::Cover);  // _class: lead
  CHECK_FALSE(lead.paginate);                // _paginate: false, this slide only
  CHECK(plain_text(lead.header) == "Booth 2025");
  CHECK(lead.header[0].bold);
  CHECK(shows(deck, 0, "Bring your Marp deck"));
  CHECK(shows(deck, 0, "boothdeck · Marp"));
  check_notes(deck, 0, "Welcome everyone: this plain comment is a speaker note.");

  const Slide& split = deck.slides[1];
  CHECK(split.paginate);
  REQUIRE(split.background.images.size() == 1);
  CHECK(split.background.side == BackgroundSide::Left);
  CHECK(split.background.fraction == doctest::Approx(0.4));
  SlideDisplay d = lay(deck, 1);
  REQUIRE(images(d).size() == 1);
  CHECK(images(d)[0]->rect.x == 0);
  CHECK(images(d)[0]->rect.w == doctest::Approx(0.4 * 1920));
  CHECK(images(d)[0]->crop.w < 1);  // covered: a 16:9 picture in a tall box is cropped
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Text) CHECK(item.rect.x >= 0.4f * 1920);
  CHECK(shows(deck, 1, "2"));  // the page number
  check_notes(deck, 1, "참고: 이 부분은 발표자 노트입니다");

  const Slide& sized = deck.slides[2];
  const Block* row = nullptr;
  for (const Block& b : sized.blocks)
    if (b.kind == BlockKind::Image) row = &b;
  REQUIRE(row);
  REQUIRE(row->images.size() == 2);                     // side by side, one row
  CHECK(row->images[0].width == doctest::Approx(450));  // Marp px at 1280×720 → 1080p px
  CHECK(row->images[1].height == doctest::Approx(300));
  SlideDisplay s = lay(deck, 2);
  REQUIRE(images(s).size() == 2);
  CHECK(images(s)[0]->rect.w == doctest::Approx(450));
  CHECK(images(s)[1]->rect.h == doctest::Approx(300));
  CHECK(images(s)[1]->rect.x > images(s)[0]->rect.right());
  CHECK(shows(deck, 2, "E = mc²"));
  CHECK(shows(deck, 2, "α ≤ β"));

  const Slide& last = deck.slides[3];
  CHECK(last.background_color == Rgb{0x1e, 0x3a, 0x5f});
  CHECK(last.text_color == Rgb{255, 255, 255});
  CHECK(last.footer.empty());  // _footer: ''
  REQUIRE(!last.blocks.empty());
  CHECK(last.blocks[0].fit);
  SlideDisplay fitted = lay(deck, 3);
  CHECK(fitted.background == Color{0x1e, 0x3a, 0x5f, 255});
  const DisplayItem* title = nullptr;
  for (const DisplayItem& item : fitted.items)
    if (item.kind == ItemKind::Text && item.text == "Fitted to the width") title = &item;
  REQUIRE(title);
  CHECK(title->color == Color{255, 255, 255, 255});
  CHECK(title->rect.w > 0.85f * (1920 - 2 * 0.06f * 1080));  // fills the width
}

TEST_CASE("reveal.js: Note:, vertical slides, slide attributes, revealOptions") {
  ParseResult r = load("reveal.md");
  CHECK(r.dialect == Dialect::Reveal);
  CHECK(r.ok());
  CHECK(codes(r) == std::set<Code>{Code::UnknownTheme, Code::UnsupportedKey, Code::BuildSteps,
                                   Code::DiagramAsCode});
  const Deck& deck = r.deck;
  REQUIRE(deck.slides.size() == 5);      // two horizontal, two vertical below the second, one more
  CHECK(deck.settings.theme == "dark");  // black
  CHECK(deck.settings.transition == Transition::Slide);
  CHECK(deck.settings.duration == 8);  // autoSlide: 8000 ms
  CHECK(deck.slides[0].background_color == Rgb{0x1e, 0x3a, 0x5f});
  check_notes(deck, 0, "Greet visitors first; this is a note.");
  CHECK(shows(deck, 1, "Fragment one"));
  CHECK(shows(deck, 1, "Fragment two"));
  CHECK(shows(deck, 2, "Below the horizontal one"));
  check_notes(deck, 2, "This vertical slide has its own note.");
  const Background& bg = deck.slides[3].background;
  REQUIRE(bg.images.size() == 1);
  CHECK(fs::path(bg.images[0].path).filename() == "photo.svg");
  CHECK(bg.fit == ImageFit::Contain);
  CHECK(deck.slides[4].blocks.back().kind == BlockKind::Code);
  CHECK(shows(deck, 4, "Visitor --> Booth"));
  check_notes(deck, 4, "Mention that the diagram is source text.");
}

TEST_CASE("Slidev: head matter is the first slide's, slide front matter, layouts, slots") {
  ParseResult r = load("slidev.md");
  CHECK(r.dialect == Dialect::Slidev);
  CHECK(r.ok());
  CHECK(codes(r) == std::set<Code>{Code::UnknownTheme, Code::UnsupportedKey, Code::BuildSteps});
  const Deck& deck = r.deck;
  REQUIRE(deck.slides.size() == 4);  // `hide: true` leaves the fifth out
  CHECK(deck.settings.title == "Slidev at the booth");
  CHECK(deck.settings.transition == Transition::Slide);  // slide-left
  CHECK(deck.settings.theme == "light");

  const Slide& cover = deck.slides[0];
  CHECK(cover.layout == SlideLayout::Cover);
  REQUIRE(cover.background.images.size() == 1);
  CHECK(cover.background.side == BackgroundSide::Full);
  CHECK(shows(deck, 0, "Slidev deck"));
  check_notes(deck, 0, "The last comment of a slide is its presenter note.");
  // The head matter's layout is the first slide's only.
  CHECK(deck.slides[2].layout == SlideLayout::Default);
  CHECK(deck.slides[2].background.empty());

  CHECK(deck.slides[1].layout == SlideLayout::Cover);  // layout: center
  CHECK(shows(deck, 1, "Click two"));
  for (int i = 1; i < 4; ++i) CHECK_FALSE(shows(deck, i, "layout"));  // no junk slides

  const Slide& cols = deck.slides[2];
  REQUIRE(cols.blocks.size() == 1);
  REQUIRE(cols.blocks[0].kind == BlockKind::Columns);
  REQUIRE(cols.blocks[0].columns.size() == 2);
  CHECK(cols.blocks[0].columns[0][0].text[0].text == "Left column");
  CHECK(cols.blocks[0].columns[1][0].text[0].text == "Right column");
  SlideDisplay d = lay(deck, 2);
  float left_x = 0, right_x = 0;
  for (const DisplayItem& item : d.items) {
    if (item.text == "Left column") left_x = item.rect.x;
    if (item.text == "Right column") right_x = item.rect.x;
  }
  CHECK(right_x > left_x + 0.4f * 1920);

  const Slide& right = deck.slides[3];
  REQUIRE(right.background.images.size() == 1);
  CHECK(right.background.side == BackgroundSide::Right);
  CHECK(fs::path(right.background.images[0].path) == kData / "public/photo.svg");  // `/photo.svg`
  CHECK(right.notes == "Notes for the image slide,\non two lines.");
}

TEST_CASE("remark: properties, ???, -- increments, layout slides, content classes, exclude") {
  ParseResult r = load("remark.md");
  CHECK(r.dialect == Dialect::Remark);
  CHECK(r.ok());
  CHECK(codes(r) == std::set<Code>{Code::BuildSteps});
  const Deck& deck = r.deck;
  REQUIRE(deck.slides.size() == 3);  // the layout slide and the excluded one are not shown
  CHECK(deck.settings.theme == "light");
  CHECK(deck.slides[0].layout == SlideLayout::Cover);  // class: center, middle
  check_notes(deck, 0, "Say hello; these are notes.");
  CHECK_FALSE(shows(deck, 0, "boothdeck at the booth"));  // before the layout slide

  // The layout slide's content is on every slide after it; the increments on one slide.
  CHECK(shows(deck, 1, "boothdeck at the booth"));
  for (std::string_view item : {"One", "Two", "Three"}) CHECK(shows(deck, 1, item));
  CHECK_FALSE(shows(deck, 1, "--"));
  check_notes(deck, 1, "The increments are shown complete.");

  const Slide& cols = deck.slides[2];
  CHECK(cols.invert);  // class: inverse
  CHECK(shows(deck, 2, "boothdeck at the booth"));
  CHECK_FALSE(shows(deck, 2, "left-column"));
  CHECK_FALSE(shows(deck, 2, "name"));
  const Block& columns = cols.blocks.back();
  REQUIRE(columns.kind == BlockKind::Columns);
  REQUIRE(columns.columns.size() == 2);
  CHECK(plain_text(columns.columns[1][0].text) == "Right");
  CHECK(lay(deck, 2).background == theme_named("dark").background);
}

TEST_CASE("Deckset: settings lines, ^ notes, [fit], image placement, [.column], commands") {
  ParseResult r = load("deckset.md");
  CHECK(r.dialect == Dialect::Deckset);
  CHECK(r.ok());
  CHECK(r.diagnostics.empty());
  const Deck& deck = r.deck;
  REQUIRE(deck.slides.size() == 4);
  for (const Slide& slide : deck.slides) CHECK(slide.paginate);  // slidenumbers: true
  CHECK_FALSE(shows(deck, 0, "autoscale"));
  CHECK(deck.slides[0].blocks[0].fit);
  CHECK(plain_text(deck.slides[0].blocks[0].text) == "Deckset at the booth");
  check_notes(deck, 0, "Welcome visitors; these are notes.");
  CHECK(shows(deck, 0, "boothdeck · Deckset"));

  const Background& left = deck.slides[1].background;
  REQUIRE(left.images.size() == 1);
  CHECK(left.side == BackgroundSide::Left);
  CHECK(shows(deck, 1, "Text on the right half"));

  const Slide& cols = deck.slides[2];
  CHECK(cols.background_color == Rgb{0x20, 0x30, 0x40});
  CHECK(cols.footer.empty());  // [.hide-footer]
  CHECK_FALSE(shows(deck, 2, "boothdeck · Deckset"));
  REQUIRE(cols.blocks.back().kind == BlockKind::Columns);
  CHECK(cols.blocks.back().columns.size() == 2);
  check_notes(deck, 2, "Notes for the columns.");
  CHECK_FALSE(shows(deck, 2, "[.column]"));

  // An image alone is the slide's background in Deckset.
  CHECK(deck.slides[3].blocks.empty());
  REQUIRE(deck.slides[3].background.images.size() == 1);
  CHECK(deck.slides[3].background.side == BackgroundSide::Full);
}

TEST_CASE("the dialect is recognised from the file, or named by `dialect:`") {
  struct Row {
    std::string_view deck;
    Dialect dialect;
  };
  const Row rows[] = {
      {"# A\n\nplain\n\n---\n\n# B\n", Dialect::Boothdeck},
      {"---\nmarp: true\n---\n# A\n", Dialect::Marp},
      {"# A\n\n![bg](a.png)\n\n<!-- _class: lead -->\n", Dialect::Marp},
      {"# A\n\n<!-- .slide: data-background-color=\"#000\" -->\n", Dialect::Reveal},
      {"# A\n\nNote:\nhi\n\n---\n\n# B\n\nNote: again\n\n--\n\n# C\n", Dialect::Reveal},
      {"# A\n\n---\nlayout: center\n---\n\n# B\n", Dialect::Slidev},
      {"# A\n\n::right::\n\n# B\n", Dialect::Slidev},
      {"class: center, middle\n\n# A\n\n???\nnotes\n", Dialect::Remark},
      {"# [fit] Big\n\n^ a note\n", Dialect::Deckset},
      {"slidenumbers: true\n\n# A\n", Dialect::Deckset},
      {"---\ndialect: remark\n---\n# A\n\n^ not a note here\n", Dialect::Remark},
      // One ambiguous sign is not enough: a paragraph that starts with "Note:" stays text.
      {"# A\n\nNote: the booth opens at nine.\n", Dialect::Boothdeck},
  };
  for (const Row& row : rows) {
    CAPTURE(row.deck);
    ParseResult r = parse_deck(row.deck, {"t.md", {}, false});
    CHECK(dialect_name(r.dialect) == dialect_name(row.dialect));
    if (row.dialect != Dialect::Boothdeck) CHECK_FALSE(r.dialect_reason.empty());
  }
  ParseResult unknown = parse_deck("---\ndialect: keynote\n---\n# A\n", {"t.md", {}, false});
  REQUIRE(!unknown.diagnostics.empty());
  CHECK(unknown.diagnostics[0].code == Code::UnknownDialect);
  CHECK(unknown.diagnostics[0].line == 2);
  CHECK(unknown.diagnostics[0].col == 10);
}

TEST_CASE("separators by dialect: Marp's rulers, heading dividers, reveal-md's own") {
  struct Row {
    std::string_view deck;
    size_t slides;
  };
  const Row rows[] = {
      {"# A\n\n***\n\n# B\n", 1},                        // a ruler, in boothdeck's format
      {"---\nmarp: true\n---\n# A\n\n***\n\n# B\n", 2},  // Marp splits on every ruler
      {"---\nmarp: true\n---\n# A\n\n___\n\n# B\n\n- - -\n\n# C\n", 3},
      {"---\nmarp: true\n---\n# A\ntext\n----\n\n# B\n", 1},  // after text: a heading's underline
      {"---\nmarp: true\nheadingDivider: 2\n---\n# A\n\ntext\n\n## B\n\n### C\n\n## D\n", 3},
      {"---\nmarp: true\n---\n<!-- headingDivider: 1 -->\n# A\n\n# B\n", 2},
      {"---\nmarp: true\nheadingDivider: [1, 3]\n---\n# A\n\n## B\n\n### C\n", 2},
      {"slide-dividers: #, ##\n\n# A\n\n## B\n\n### C\n", 2},  // Deckset
      {"---\nseparator: <!--s-->\nverticalSeparator: <!--v-->\n---\n# A\n\n---\n\n<!--s-->\n\n# B\n"
       "\n<!--v-->\n\n# C\n",
       3},
      {"---\nrevealOptions:\n  transition: fade\n---\n# A\n\n---\n\n<section "
       "data-background-color=\"#000000\">\n<h2>B</h2>\n</section>\n",
       2},
      // Inside a fence, `##` is code: the only split is before `# A`.
      {"---\nmarp: true\nheadingDivider: 2\n---\n```\n## not a heading\n```\n\n# A\n", 2},
  };
  for (const Row& row : rows) {
    CAPTURE(row.deck);
    ParseResult r = parse_deck(row.deck, {"t.md", {}, false});
    CHECK(r.deck.slides.size() == row.slides);
    for (const Slide& slide : r.deck.slides) CHECK_FALSE(slide.blocks.empty());
  }
}
