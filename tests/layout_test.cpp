// Layout with a fake measurer (geometry checked by hand) and at four viewports: everything
// inside the screen, sizes scaling with it, bars proportional, shrink-to-fit down to a floor.
#include "core/layout/layout.h"

#include <doctest/doctest.h>

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
  CHECK(first_text(portrait, "본문")->font.size == first_text(full_hd, "본문")->font.size);
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

TEST_CASE("a long slide shrinks to fit, and past the floor is cut, never drawn off screen") {
  std::string some = "# 제목\n\n";
  for (int i = 0; i < 8; ++i) some += "- 항목 " + std::to_string(i) + "\n";
  std::string far_too_much = "# 제목\n\n";
  for (int i = 0; i < 80; ++i) far_too_much += "- 아주 많은 항목 " + std::to_string(i) + "\n";
  for (Viewport v : kViewports) {
    SlideDisplay fits = lay(deck_of(some), 0, v);
    CHECK_FALSE(fits.overflow);
    SlideDisplay cut = lay(deck_of(far_too_much), 0, v);
    CHECK(cut.overflow);
    CHECK(cut.scale == doctest::Approx(theme_named("dark").min_scale));
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
