// Layout with a fake measurer (geometry checked by hand) and at four viewports: everything
// inside the screen, sizes scaling with it, bars proportional, shrink-to-fit down to a floor.
#include "core/layout/layout.h"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "app/exporter.h"
#include "core/deck/deck_parser.h"
#include "fake_measurer.h"

using namespace boothdeck;

namespace {

const Viewport kViewports[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

Deck deck_of(std::string_view markdown) {
  ParseResult r = parse_deck(markdown, {"t.md", {}, false});
  REQUIRE(r.ok());
  return r.deck;
}

SlideDisplay lay(const Deck& deck, int slide, Viewport v) {
  FakeMeasurer measurer;
  return layout_slide(deck, slide, v, theme_named(deck.settings.theme), measurer);
}

void check_inside(const SlideDisplay& d, Viewport v) {
  for (const DisplayItem& item : d.items) {
    CHECK(item.rect.x >= 0);
    CHECK(item.rect.y >= 0);
    CHECK(item.rect.right() <= v.width + 0.5f);
    CHECK(item.rect.bottom() <= v.height + 0.5f);
  }
}

const DisplayItem* first_text(const SlideDisplay& d, std::string_view text) {
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Text && item.text.find(text) != std::string::npos) return &item;
  return nullptr;
}

// A theme size in pixels at 1920x1080 (scale 1).
int px_at_1080(float size) {
  return static_cast<int>(std::lround(size));
}

}  // namespace

TEST_CASE("text sizes scale with the viewport's short side") {
  Deck deck = deck_of("# 제목\n\n본문입니다\n");
  SlideDisplay small = lay(deck, 0, {1280, 720}), big = lay(deck, 0, {3840, 2160});
  SlideDisplay portrait = lay(deck, 0, {1080, 1920}), full_hd = lay(deck, 0, {1920, 1080});
  REQUIRE(first_text(small, "본문"));
  REQUIRE(first_text(big, "본문"));
  REQUIRE(first_text(portrait, "본문"));
  CHECK(first_text(big, "본문")->font.size ==
        doctest::Approx(first_text(small, "본문")->font.size * 3).epsilon(0.05));
  // A totem grows a short slide further than a landscape screen of the same width.
  CHECK(first_text(portrait, "본문")->font.size >= first_text(full_hd, "본문")->font.size);
}

TEST_CASE("a sparse slide grows to the largest step that fits, found in a few layouts") {
  // Counts the layouts tried: layout_slide releases the font sizes before each retry. Its text
  // widens faster than its size, so a larger step wraps into more lines than its size predicts
  // and the search meets steps that do not fit.
  struct CountingMeasurer final : TextMeasurer {
    FakeMeasurer fake;
    int layouts = 1;
    float width(std::string_view text, const FontSpec& font) override {
      return fake.width(text, font) * font.size / 40;
    }
    float line_height(const FontSpec& font) override { return fake.line_height(font); }
    void release_sizes() override { ++layouts; }
  };
  float previous = 1.5f;
  std::set<float> grown;
  std::string words;
  int count = 1;
  for (; count <= 200; ++count) {
    words += "낱말 ";
    Deck deck = deck_of("# 제목\n\n" + words + "\n");
    CountingMeasurer measurer;
    SlideDisplay d = layout_slide(deck, 0, {1920, 1080}, theme_named("dark"), measurer);
    CAPTURE(count);
    // Until it is back at full size, more text never grows the slide more; it stays on screen.
    CHECK(d.scale <= previous);
    check_inside(d, {1920, 1080});
    if (d.scale <= 1) break;
    // A grown slide fills at most 85% of the safe area's height (it grows while it fits
    // comfortably): a step that did not fit must not be the one kept.
    float top = 1e9f, bottom = 0;
    for (const DisplayItem& item : d.items) {
      top = std::min(top, item.rect.y);
      bottom = std::max(bottom, item.rect.bottom());
    }
    float safe = 1080 * (1 - 2 * theme_named("dark").safe_margin);
    CHECK(bottom - top <= 0.85f * safe + 1);
    // Scale 1, the cap, then a bisection of the four steps below it (at most three).
    CHECK(measurer.layouts <= 5);
    grown.insert(d.scale);
    previous = d.scale;
  }
  CHECK(count <= 200);  // the paragraph grew long enough to stop growing
  CHECK(grown.count(1.5f) == 1);
  CHECK(grown.size() >= 3);  // steps between 1 and the cap were chosen too
}

TEST_CASE("content stays inside the safe margin") {
  Deck deck = deck_of("# 제목\n\n- 하나\n- 둘\n");
  for (Viewport v : kViewports) {
    SlideDisplay d = lay(deck, 0, v);
    float margin = theme_named("dark").safe_margin * std::min(v.width, v.height);
    for (const DisplayItem& item : d.items) {
      CHECK(item.rect.x >= margin - 0.5f);
      CHECK(item.rect.y >= margin - 0.5f);
      CHECK(item.rect.right() <= v.width - margin + 0.5f);
    }
  }
}

TEST_CASE("bars are proportional to their values, highlighted in the accent colour") {
  Deck deck =
      deck_of("```bars max=100\nOpus: 38%\nSonnet: 64% *\n```\n\n```bars\nA: 1x\nB: 2x\n```\n");
  for (Viewport v : kViewports) {
    SlideDisplay d = lay(deck, 0, v);
    std::vector<const DisplayItem*> bars;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Bar) bars.push_back(&item);
    REQUIRE(bars.size() == 4);
    CHECK(bars[0]->rect.w / bars[1]->rect.w == doctest::Approx(38.0 / 64).epsilon(0.01));
    CHECK(bars[3]->rect.w == doctest::Approx(2 * bars[2]->rect.w).epsilon(0.01));
    Theme theme = theme_named("dark");
    CHECK(bars[1]->color == theme.accent);
    CHECK(bars[0]->color == theme.bar);
    // With max=100, 64% fills 64% of the track; the largest ratio fills all of it.
    float track = 0;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Box && item.rect.y == bars[1]->rect.y) track = item.rect.w;
    CHECK(bars[1]->rect.w == doctest::Approx(0.64 * track).epsilon(0.01));
    check_inside(d, v);
  }
}

TEST_CASE("bar value labels read naturally") {
  CHECK(format_bar_value(64, "%") == "64%");
  CHECK(format_bar_value(2, "×") == "2×");
  CHECK(format_bar_value(12.5, "ms") == "12.5 ms");
  CHECK(format_bar_value(3, "") == "3");
}

TEST_CASE("table columns follow content and fill the width") {
  Deck deck = deck_of(
      "| 기술 분야 | 주요 내용이 아주 긴 설명 칸 |\n|---|---|\n| AI | 효율적이고 안전한 학습 방식 "
      "|\n");
  Viewport v{1920, 1080};
  SlideDisplay d = lay(deck, 0, v);
  const DisplayItem* header = nullptr;
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Box && !header) header = &item;
  REQUIRE(header);
  float margin = theme_named("dark").safe_margin * 1080;
  CHECK(header->rect.w == doctest::Approx(v.width - 2 * margin));
  const DisplayItem* first = first_text(d, "기술");
  const DisplayItem* second = first_text(d, "주요");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(second->rect.x - first->rect.x < 0.5f * header->rect.w);  // the short column is narrower
  check_inside(d, v);
}

TEST_CASE("a cover slide is centred") {
  Deck deck = deck_of("<!-- layout: cover -->\n# 제목\n\n부제\n");
  Viewport v{1920, 1080};
  SlideDisplay d = lay(deck, 0, v);
  const DisplayItem* title = first_text(d, "제목");
  REQUIRE(title);
  CHECK(title->rect.x + title->rect.w / 2 == doctest::Approx(v.width / 2.0).epsilon(0.01));
  CHECK(title->rect.y > v.height * 0.25);
}

TEST_CASE("a long slide shrinks to fit, and past the last step is cut, never drawn off screen") {
  std::string some = "# 제목\n\n";
  for (int i = 0; i < 8; ++i) some += "- 항목 " + std::to_string(i) + "\n";
  std::string far_too_much = "# 제목\n\n";
  for (int i = 0; i < 80; ++i) far_too_much += "- 아주 많은 항목 " + std::to_string(i) + "\n";
  for (Viewport v : kViewports) {
    SlideDisplay fits = lay(deck_of(some), 0, v);
    CHECK_FALSE(fits.overflow);
    SlideDisplay cut = lay(deck_of(far_too_much), 0, v);
    CHECK(cut.overflow);
    CHECK(cut.scale < theme_named("dark").min_scale);  // below the readable floor, flagged
    CHECK(cut.below_floor);
    CHECK(cut.overflow_block == 1);
    check_inside(cut, v);
  }
}

TEST_CASE("a 10 MB paragraph is laid out quickly and stays on screen") {
  std::string huge = "# 큰 문단\n\n" + std::string(10 << 20, 'x') + "\n";
  Deck deck = deck_of(huge);
  SlideDisplay d = lay(deck, 0, {1920, 1080});
  CHECK(d.overflow);
  check_inside(d, {1920, 1080});
}

namespace {

SlideDisplay lay_pictures(const Deck& deck, int slide, Viewport v, int w = 1600, int h = 900) {
  FakeMeasurer measurer;
  auto sizes = [w, h](const std::string&, int) { return ImageSize{w, h}; };
  return layout_slide(deck, slide, v, theme_named(deck.settings.theme), measurer, sizes);
}

std::vector<const DisplayItem*> of_kind(const SlideDisplay& d, ItemKind kind) {
  std::vector<const DisplayItem*> out;
  for (const DisplayItem& item : d.items)
    if (item.kind == kind) out.push_back(&item);
  return out;
}

}  // namespace

TEST_CASE("an image shrinks before anything on the slide is dropped") {
  std::string deck = "# 사진과 일곱 줄\n\n";
  for (int i = 1; i <= 7; ++i) deck += "- 짧은 줄 " + std::to_string(i) + "\n";
  deck += "\n![](photo.jpg)\n";
  for (Viewport v : kViewports) {
    CAPTURE(v.width);
    SlideDisplay d = lay_pictures(deck_of(deck), 0, v);
    CHECK_FALSE(d.overflow);
    for (int i = 1; i <= 7; ++i) CHECK(first_text(d, "짧은 줄 " + std::to_string(i)));
    auto images = of_kind(d, ItemKind::Image);
    REQUIRE(images.size() == 1);
    float content_h = v.height - 2 * 0.06f * std::min(v.width, v.height);
    CHECK(images[0]->rect.h > 0.1f * content_h);
    check_inside(d, v);
  }
  // With room for it, the text keeps its full size: only the image gives way.
  std::string shorter = "# 사진과 네 줄\n\n- 하나\n- 둘\n- 셋\n- 넷\n\n![](photo.jpg)\n";
  SlideDisplay landscape = lay_pictures(deck_of(shorter), 0, {1920, 1080});
  CHECK(landscape.scale == 1);
  CHECK_FALSE(landscape.overflow);
  REQUIRE(of_kind(landscape, ItemKind::Image).size() == 1);
  CHECK(of_kind(landscape, ItemKind::Image)[0]->rect.h < 0.55f * (1080 - 2 * 0.06f * 1080));
}

TEST_CASE("backgrounds: cover crops, contain letterboxes, a side leaves the rest to the text") {
  SUBCASE("cover on a portrait screen") {
    SlideDisplay d = lay_pictures(deck_of("![bg](p.jpg)\n\n# 제목\n"), 0, {1080, 1920});
    auto images = of_kind(d, ItemKind::Image);
    REQUIRE(images.size() == 1);
    CHECK(images[0]->rect.w == 1080);
    CHECK(images[0]->rect.h == 1920);
    CHECK(images[0]->crop.h == doctest::Approx(1));
    CHECK(images[0]->crop.w == doctest::Approx((1080.0 / 1920) / (1600.0 / 900)));
    CHECK(images[0]->crop.x == doctest::Approx((1 - images[0]->crop.w) / 2));
    // The title sits on a veil of the theme's background.
    const DisplayItem* title = first_text(d, "제목");
    REQUIRE(title);
    bool veiled = false;
    for (const DisplayItem* box : of_kind(d, ItemKind::Box))
      veiled |= box->color.a < 255 && box->rect.x <= title->rect.x &&
                box->rect.right() >= title->rect.right();
    CHECK(veiled);
  }
  SUBCASE("contain: a 4:3 page on a 16:9 screen") {
    SlideDisplay d = lay_pictures(deck_of("![bg contain](page.png)\n"), 0, {1920, 1080}, 400, 300);
    auto images = of_kind(d, ItemKind::Image);
    REQUIRE(images.size() == 1);
    CHECK(images[0]->rect.h == doctest::Approx(1080));
    CHECK(images[0]->rect.w == doctest::Approx(1440));
    CHECK(images[0]->rect.x == doctest::Approx(240));
    CHECK(images[0]->crop.w == 1);
  }
  SUBCASE("right 30%") {
    SlideDisplay d =
        lay_pictures(deck_of("![bg right:30%](p.jpg)\n\n# 제목\n\n본문\n"), 0, {1920, 1080});
    auto images = of_kind(d, ItemKind::Image);
    REQUIRE(images.size() == 1);
    CHECK(images[0]->rect.x == doctest::Approx(1920 * 0.7));
    for (const DisplayItem* text : of_kind(d, ItemKind::Text))
      CHECK(text->rect.right() <= 1920 * 0.7f);
  }
}

TEST_CASE("header, footer and the page number stay inside the safe area, clear of the content") {
  Deck deck = deck_of(
      "---\nheader: 부스 2025\nfooter: '**boothdeck**'\npaginate: true\n---\n# 하나\n\n---\n\n# "
      "둘\n\n"
      "본문\n");
  for (Viewport v : kViewports) {
    SlideDisplay d = lay(deck, 1, v);
    const DisplayItem* header = first_text(d, "부스 2025");
    const DisplayItem* footer = first_text(d, "boothdeck");
    const DisplayItem* number = nullptr;
    for (const DisplayItem& item : d.items)
      if (item.text == "2") number = &item;
    const DisplayItem* title = first_text(d, "둘");
    REQUIRE(header);
    REQUIRE(footer);
    REQUIRE(number);
    REQUIRE(title);
    CHECK(header->rect.bottom() <= title->rect.y);
    CHECK(footer->rect.y > first_text(d, "본문")->rect.bottom());
    CHECK(number->rect.x > footer->rect.right());
    CHECK(number->rect.y == footer->rect.y);
    CHECK(footer->font.size < title->font.size);
    check_inside(d, v);
  }
}

TEST_CASE("a fitted heading fills the width on one line") {
  Deck deck = deck_of("# [fit] Booth\n\n# Booth\n");
  SlideDisplay d = lay(deck, 0, {1920, 1080});
  std::vector<const DisplayItem*> titles;
  for (const DisplayItem* text : of_kind(d, ItemKind::Text))
    if (text->text == "Booth") titles.push_back(text);
  REQUIRE(titles.size() == 2);
  CHECK(titles[0]->font.size > 2 * px_at_1080(theme_named("dark").h1_size));
  float content_w = 1920 - 2 * 0.06f * 1080;
  CHECK(titles[0]->rect.w <= content_w + 0.5f);
  // A long heading fits the width too, one line, smaller.
  SlideDisplay long_title =
      lay(deck_of("# [fit] 아주 긴 제목이 한 줄에 들어가도록 작게 맞춥니다\n"), 0, {1920, 1080});
  auto lines = of_kind(long_title, ItemKind::Text);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]->rect.w <= content_w + 0.5f);
  CHECK(lines[0]->rect.w > 0.9f * content_w);
}

TEST_CASE("a slide's own colours: a light background brings dark text") {
  Deck deck = deck_of(
      "<!-- _backgroundColor: white -->\n# 하얀 배경\n\n---\n\n<!-- class: invert -->\n# 반전\n");
  SlideDisplay white = lay(deck, 0, {1920, 1080});
  CHECK(white.background == Color{255, 255, 255, 255});
  CHECK(first_text(white, "하얀")->color == theme_named("light").text);
  // Marp's spot directive makes this a Marp deck, light by default: inverted, it is dark.
  CHECK(deck.settings.theme == "light");
  SlideDisplay inverted = lay(deck, 1, {1920, 1080});
  CHECK(inverted.background == theme_named("dark").background);
}

// A code block at 1920x1080 with the fake measurer: mono text is size/2 a character, so
// widths and positions are counted by hand.
TEST_CASE("code keeps its indentation, tabs at four columns, and wraps with a mark") {
  Deck deck = deck_of(
      "```python\n"
      "def f(x):\n"
      "    if x:\n"
      "\treturn 1\n"
      "\ta\tbc\td\n"
      "\n"
      "        " +
      std::string(200, 'w') +
      " tail\n"
      "```\n");
  SlideDisplay d = lay(deck, 0, {1920, 1080});
  std::vector<const DisplayItem*> texts;
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Text) texts.push_back(&item);
  REQUIRE(texts.size() >= 7);
  CHECK(texts[0]->text == "def f(x):");
  CHECK(texts[1]->text == "    if x:");
  CHECK(texts[2]->text == "    return 1");
  CHECK(texts[3]->text == "    a   bc  d");  // tab stops at 4, 8, 12
  // Every line of the block starts at the same x; indentation is in the text, drawn as spaces.
  for (int i = 1; i < 4; ++i) CHECK(texts[i]->rect.x == texts[0]->rect.x);
  CHECK(texts[1]->font.mono);
  // The long line was set smaller first (the block's size is the same for all its lines)...
  CHECK(texts[4]->font.size < px_at_1080(36));
  for (const DisplayItem* t : texts) CHECK(t->font.size == texts[4]->font.size);
  // ...then wrapped: the first piece keeps 8 columns of indentation, each continuation starts
  // with a mark at that indentation, and nothing of the line is lost.
  CHECK(texts[4]->text.rfind("        www", 0) == 0);
  float column = texts[4]->font.size * 0.5f;
  std::string joined = texts[4]->text.substr(8);
  bool marked = false;
  for (size_t i = 5; i < texts.size(); ++i) {
    if (texts[i]->mark) {
      marked = true;
      CHECK(texts[i]->rect.x == doctest::Approx(texts[4]->rect.x + 8 * column));
      CHECK(texts[i]->color == theme_named("dark").muted);
      continue;
    }
    CHECK(texts[i]->rect.x > texts[4]->rect.x + 8 * column);
    joined += (joined.back() == 'w' && texts[i]->text[0] == 't' ? " " : "") + texts[i]->text;
  }
  CHECK(marked);
  CHECK(joined == std::string(200, 'w') + " tail");
  // The blank line kept its height: the long line starts two line heights below "    a".
  CHECK(texts[4]->rect.y - texts[3]->rect.y ==
        doctest::Approx(2 * (texts[3]->rect.y - texts[2]->rect.y)));
  check_inside(d, {1920, 1080});

  // layout.json has the same text, indentation included, and tells marks from the deck's text.
  nlohmann::json elements = display_to_json(d)["elements"];
  std::vector<std::string> json_texts;
  int marks = 0;
  for (const auto& e : elements) {
    if (e["kind"] != "text") continue;
    CHECK(e["mono"] == true);
    if (e.contains("mark")) {
      ++marks;
      continue;
    }
    json_texts.push_back(e["text"]);
  }
  CHECK(marks >= 1);
  REQUIRE(json_texts.size() >= 4);
  CHECK(json_texts[1] == "    if x:");
  CHECK(json_texts[3] == "    a   bc  d");
}

TEST_CASE("struck text gets a rule across it, in its colour, over each line it is on") {
  Deck deck = deck_of("앞 ~~지운 말~~ 뒤\n\n# 제목 ~~취소~~\n");
  SlideDisplay d = lay(deck, 0, {1920, 1080});
  for (const char* word : {"지운 말", "취소"}) {
    INFO(word);
    const DisplayItem* text = first_text(d, word);
    REQUIRE(text != nullptr);
    const DisplayItem* rule = nullptr;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Box && item.rect.x == text->rect.x && item.rect.w == text->rect.w)
        rule = &item;
    REQUIRE(rule != nullptr);
    CHECK(rule > text);  // drawn after: over the text
    CHECK(rule->color == text->color);
    CHECK(rule->rect.y > text->rect.y + text->rect.h * 0.3f);
    CHECK(rule->rect.bottom() < text->rect.y + text->rect.h * 0.7f);
  }
  CHECK(first_text(d, "앞")->text == "앞 ");
}

TEST_CASE("<br> breaks a heading and a paragraph; U+3000 is a space a line may end at") {
  Deck deck = deck_of("# 첫 줄<br>둘째 줄\n\n하나<br>둘\n");
  SlideDisplay d = lay(deck, 0, {1920, 1080});
  const DisplayItem* first = first_text(d, "첫 줄");
  const DisplayItem* second = first_text(d, "둘째 줄");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->text == "첫 줄");
  CHECK(second->rect.y > first->rect.y);
  CHECK(second->rect.x == first->rect.x);
  const DisplayItem* one = first_text(d, "하나");
  const DisplayItem* two = nullptr;
  for (const DisplayItem& item : d.items)
    if (item.text == "둘") two = &item;
  REQUIRE(one);
  REQUIRE(two);
  CHECK(one->text == "하나");
  CHECK(two->rect.y > one->rect.y);

  // Ideographic spaces between words: a line ends at one and loses it, none starts with it.
  std::string words;
  for (int i = 0; i < 40; ++i) words += "낱말\u3000";
  SlideDisplay p = lay(deck_of(words + "\n"), 0, {1080, 1920});
  int lines = 0;
  for (const DisplayItem& item : p.items) {
    if (item.kind != ItemKind::Text) continue;
    ++lines;
    CHECK(item.text.rfind("\u3000", 0) != 0);
    CHECK(item.text.substr(item.text.size() - 3) != "\u3000");
  }
  CHECK(lines > 1);
}
