// Composition at the four screens a booth meets (720p, 1080p, a 1080x1920 totem, 4K) with the
// real fonts, on tests/data/composition.md and qr.md: readable minimum sizes, how much of the
// safe area content fills, the same line breaks at every 16:9 size, bars in portrait, QR codes.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>

#include "core/deck/deck_parser.h"
#include "core/layout/layout.h"
#include "core/layout/qr_code.h"
#include "render/animation.h"
#include "render/ttf_text_measurer.h"
#include "test_fonts.h"

using namespace boothdeck;

namespace {

const Viewport kScreens[] = {{1280, 720}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

Deck deck_file(const std::string& name) {
  std::ifstream in(std::string(BOOTHDECK_TEST_DATA) + "/" + name, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ParseResult r = parse_deck(text, {name, {}, false});
  REQUIRE(r.ok());
  return r.deck;
}

SlideDisplay lay(const Deck& deck, int slide, Viewport v) {
  TtfTextMeasurer measurer(shared_fonts().fonts);
  return layout_slide(deck, slide, v, theme_named(deck.settings.theme), measurer);
}

float short_side(Viewport v) {
  return static_cast<float>(std::min(v.width, v.height));
}

// The safe area's height: the screen less the theme's margin top and bottom.
float safe_height(Viewport v) {
  return v.height - 2 * theme_named("dark").safe_margin * short_side(v);
}

// Every line of text as "block:text", in order: what a reader sees, without positions.
std::vector<std::string> lines_of(const SlideDisplay& d) {
  std::vector<std::string> out;
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Text) out.push_back(std::to_string(item.block) + ":" + item.text);
  return out;
}

// The bars of a slide, in drawing order.
std::vector<const DisplayItem*> bars_of(const SlideDisplay& d) {
  std::vector<const DisplayItem*> bars;
  for (const DisplayItem& item : d.items)
    if (item.kind == ItemKind::Bar) bars.push_back(&item);
  return bars;
}

}  // namespace

TEST_CASE("body and table text stay readable from 3 m at every screen: 40 px at 1080p") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("composition.md");
  for (Viewport v : kScreens) {
    float k = short_side(v) / 1080;
    for (int s = 0; s < static_cast<int>(deck.slides.size()); ++s) {
      CAPTURE(v.width);
      CAPTURE(s);
      SlideDisplay d = lay(deck, s, v);
      CHECK_FALSE(d.overflow);
      CHECK_FALSE(d.below_floor);
      for (const DisplayItem& item : d.items)
        if (item.kind == ItemKind::Text && item.block >= 0 && !item.font.mono)
          CHECK(item.font.size >= std::floor(40 * k));
    }
  }
}

TEST_CASE("a slide past the readable floor is set smaller only to lose nothing, and flagged") {
  REQUIRE(shared_fonts().ok);
  std::string markdown = "## 너무 많은 항목\n\n";
  for (int i = 0; i < 15; ++i) markdown += "- 항목 " + std::to_string(i + 1) + "\n";
  ParseResult r = parse_deck(markdown, {"t.md", {}, false});
  REQUIRE(r.ok());
  for (Viewport v : kScreens) {
    CAPTURE(v.width);
    SlideDisplay d = lay(r.deck, 0, v);
    if (v.width > v.height) {
      CHECK(d.below_floor);
      CHECK(d.scale < theme_named("dark").min_scale);
      CHECK_FALSE(d.overflow);
    }
  }
}

TEST_CASE("content fills the safe area: a sparse slide grows, a full one reaches the bottom") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("composition.md");
  // Slide, the least share of the safe area's height its content covers on a landscape screen
  // and on the totem. A short slide grows to its cap (higher on the totem); a table stops
  // growing before a cell would wrap; the full slide reaches the bottom.
  struct Row {
    int slide;
    float landscape, portrait;
  };
  const Row rows[] = {{0, 0.4f, 0.28f}, {1, 0.7f, 0.7f}, {2, 0.7f, 0.45f}, {3, 0.9f, 0.7f}};
  for (const Row& row : rows)
    for (Viewport v : kScreens) {
      CAPTURE(row.slide);
      CAPTURE(v.width);
      SlideDisplay d = lay(deck, row.slide, v);
      Rect content = d.content_bounds();
      CHECK(content.h >= (v.height > v.width ? row.portrait : row.landscape) * safe_height(v));
      CHECK(content.bottom() <= v.height - theme_named("dark").safe_margin * short_side(v) + 1);
    }
  // The two-line slide grew to the cap; the long one did not grow.
  CHECK(lay(deck, 0, {1920, 1080}).scale == doctest::Approx(1.5));
  CHECK(lay(deck, 0, {1080, 1920}).scale == doctest::Approx(2));
  CHECK(lay(deck, 3, {1920, 1080}).scale <= 1);
}

TEST_CASE("720p, 1080p and 4K break every line at the same place and scale alike") {
  REQUIRE(shared_fonts().ok);
  for (const char* file : {"composition.md", "typography.md", "qr.md"}) {
    Deck deck = deck_file(file);
    for (int s = 0; s < static_cast<int>(deck.slides.size()); ++s) {
      CAPTURE(file);
      CAPTURE(s);
      SlideDisplay hd = lay(deck, s, {1920, 1080});
      for (Viewport v : {Viewport{1280, 720}, Viewport{3840, 2160}}) {
        SlideDisplay other = lay(deck, s, v);
        CHECK(lines_of(other) == lines_of(hd));
        CHECK(other.scale == hd.scale);
        float k = v.width / 1920.0f;
        REQUIRE(other.items.size() == hd.items.size());
        for (size_t i = 0; i < hd.items.size(); ++i)
          if (hd.items[i].kind == ItemKind::Text)
            CHECK(other.items[i].rect.y == doctest::Approx(hd.items[i].rect.y * k).epsilon(0.001));
      }
    }
  }
}

TEST_CASE("bars in portrait: labels above narrow bars, whole words, equal tracks") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("composition.md");
  for (Viewport v : kScreens) {
    CAPTURE(v.width);
    SlideDisplay d = lay(deck, 1, v);
    std::vector<const DisplayItem*> bars = bars_of(d);
    REQUIRE(bars.size() == 4);
    // Every label is drawn as one line, never cut inside a word ("요금⏎제").
    std::map<std::string, int> lines;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Text) ++lines[item.text];
    for (const DisplayItem* bar : bars) CHECK(lines[bar->text] == 1);
    // On the totem the long label sits above its bar, which then starts at the content's edge.
    const DisplayItem* label = nullptr;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Text && item.text == "요금제 프로페셔널 플러스") label = &item;
    REQUIRE(label);
    if (v.height > v.width) {
      CHECK(label->rect.bottom() <= bars[1]->rect.y + 1);
      CHECK(bars[1]->rect.x == doctest::Approx(label->rect.x).epsilon(0.001));
    }
    // Both charts' tracks are one length, and their value columns line up.
    float track = 0;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Box && item.rect.y == bars[0]->rect.y) track = item.rect.w;
    REQUIRE(track > 0);
    for (const DisplayItem* bar : bars) {
      float own = 0;
      for (const DisplayItem& item : d.items)
        if (item.kind == ItemKind::Box && item.rect.y == bar->rect.y) own = item.rect.w;
      CHECK(own == doctest::Approx(track));
      CHECK(bar->rect.x == doctest::Approx(bars[0]->rect.x));
      CHECK(bar->label_rect.right() <= v.width + 0.5f);
    }
  }
}

TEST_CASE("a QR code: whole-pixel modules, a quiet zone, big enough to scan from 1.5 m") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("qr.md");
  for (Viewport v : kScreens)
    for (int s = 0; s < static_cast<int>(deck.slides.size()); ++s) {
      CAPTURE(v.width);
      CAPTURE(s);
      SlideDisplay d = lay(deck, s, v);
      const DisplayItem* qr = nullptr;
      for (const DisplayItem& item : d.items)
        if (item.kind == ItemKind::Qr) qr = &item;
      REQUIRE(qr);
      std::optional<QrMatrix> m = encode_qr(qr->text);
      REQUIRE(m);
      CHECK(qr->qr == m->module);
      int modules = qr->qr_side + 2 * kQrQuietZone;
      CHECK(qr->rect.w == static_cast<float>(qr->module_px * modules));
      CHECK(qr->rect.h == qr->rect.w);
      CHECK(qr->rect.x == std::floor(qr->rect.x));
      CHECK(qr->rect.y == std::floor(qr->rect.y));
      // 28% of the short side at least: 302 px at 1080p, 15 cm on a 43" screen.
      CHECK(qr->rect.w >= 0.28f * short_side(v) - modules);
      CHECK(qr->module_px >= 3);
      CHECK(contrast_ratio(qr->color, qr->label_color) >= 15);
      CHECK(contrast_ratio(qr->color, qr->label_color) ==
            doctest::Approx(contrast_ratio({0, 0, 0}, {255, 255, 255})));
      CHECK(qr->rect.right() <= v.width);
      CHECK(qr->rect.bottom() <= v.height);
    }
}

TEST_CASE("layouts: a big number across the screen, pictures and charts beside or above text") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("layouts.md");
  REQUIRE(deck.slides.size() == 4);
  CHECK(deck.slides[0].layout == SlideLayout::BigNumber);
  for (Viewport v : kScreens) {
    CAPTURE(v.width);
    bool portrait = v.height > v.width;
    // The figure: one line, centred, in the accent colour, far larger than any other text.
    SlideDisplay big = lay(deck, 0, v);
    std::vector<const DisplayItem*> figure, caption;
    for (const DisplayItem& item : big.items)
      if (item.kind == ItemKind::Text) (item.block == 0 ? figure : caption).push_back(&item);
    REQUIRE(figure.size() == 1);
    REQUIRE(!caption.empty());
    CHECK(figure[0]->text == "64%");
    CHECK(figure[0]->color == theme_named("light").accent_text);
    CHECK(figure[0]->font.size >= 3 * caption[0]->font.size);
    CHECK(figure[0]->rect.h >= 0.2f * safe_height(v));
    CHECK(figure[0]->rect.x + figure[0]->rect.w / 2 ==
          doctest::Approx(v.width / 2.0).epsilon(0.01));
    CHECK(figure[0]->rect.bottom() <= caption[0]->rect.y);
    // A picture on one side: beside the text on a landscape screen, above it on the totem.
    SlideDisplay side = lay(deck, 1, v);
    const DisplayItem* picture = nullptr;
    for (const DisplayItem& item : side.items)
      if (item.kind == ItemKind::Image) picture = &item;
    REQUIRE(picture);
    for (const DisplayItem& item : side.items) {
      if (item.kind != ItemKind::Text) continue;
      if (portrait)
        CHECK(item.rect.bottom() <= picture->rect.y + 0.5f);
      else
        CHECK(item.rect.right() <= picture->rect.x + 0.5f);
    }
    // A chart beside text, stacked under it on the totem; its labels stay whole words.
    SlideDisplay chart = lay(deck, 3, v);
    std::vector<const DisplayItem*> bars;
    const DisplayItem* last_bullet = nullptr;
    for (const DisplayItem& item : chart.items) {
      if (item.kind == ItemKind::Bar) bars.push_back(&item);
      if (item.kind == ItemKind::Text && item.text.find("tier") != std::string::npos)
        last_bullet = &item;
      if (item.kind == ItemKind::Text && item.block == 0) CHECK(item.text.size() > 1);
    }
    REQUIRE(bars.size() == 2);
    REQUIRE(last_bullet);
    if (portrait)
      CHECK(bars[0]->rect.y > last_bullet->rect.bottom());
    else
      CHECK(bars[0]->rect.x > last_bullet->rect.right());
  }
}

TEST_CASE("a slide grows only while every word stays whole") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("typography.md");
  for (Viewport v : kScreens) {
    CAPTURE(v.width);
    SlideDisplay cover = lay(deck, 0, v);
    CHECK(cover.scale > 1);
    bool whole = false;
    for (const DisplayItem& item : cover.items)
      whole |= item.kind == ItemKind::Text && item.text.find("타이포그래피") != std::string::npos;
    CHECK(whole);
  }
}

TEST_CASE("display type is set 1.3 em apart, body text with Hangul's wider leading") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("typography.md");
  for (Viewport v : kScreens) {
    CAPTURE(v.width);
    SlideDisplay d = lay(deck, 0, v);
    std::vector<const DisplayItem*> title;
    for (const DisplayItem& item : d.items)
      if (item.kind == ItemKind::Text && item.block == 0) title.push_back(&item);
    if (title.size() < 2) continue;  // one line on this screen
    float step = title[1]->rect.y - title[0]->rect.y;
    CHECK(step / title[0]->font.size == doctest::Approx(1.3).epsilon(0.03));
  }
  // A paragraph's lines: the font's own line height times 1.38, about 1.5 em.
  SlideDisplay body = lay(deck, 1, {1920, 1080});
  std::vector<const DisplayItem*> lines;
  for (const DisplayItem& item : body.items)
    if (item.kind == ItemKind::Text && item.block == 1 && item.rect.x < 200) lines.push_back(&item);
  REQUIRE(lines.size() >= 2);
  CHECK((lines[1]->rect.y - lines[0]->rect.y) / lines[0]->font.size > 1.4f);
}

TEST_CASE("a bar's number counts up in step with its own bar: a longer bar never shows less") {
  REQUIRE(shared_fonts().ok);
  Deck deck = deck_file("composition.md");
  for (Viewport v : kScreens) {
    CAPTURE(v.width);
    SlideDisplay d = lay(deck, 1, v);
    std::vector<const DisplayItem*> bars = bars_of(d);
    REQUIRE(bars.size() == 4);
    std::vector<double> last(bars.size(), 0);
    double settle = bars_settle_time(static_cast<int>(bars.size()));
    for (double t = 0; t <= settle + 0.05; t += 1.0 / 60) {
      CAPTURE(t);
      for (size_t a = 0; a < bars.size(); ++a) {
        double pa = bar_progress(t, static_cast<int>(a));  // the renderer's stagger: slide order
        double shown = bar_shown_value(*bars[a], pa);
        CHECK(shown >= last[a]);  // never counts down
        last[a] = shown;
        for (size_t b = 0; b < bars.size(); ++b) {
          if (bars[a]->block != bars[b]->block) continue;  // one chart: one scale
          double fill_a = bars[a]->rect.w * pa, fill_b = bars[b]->rect.w * bar_progress(t, b);
          if (fill_a > fill_b + 1) CHECK(shown >= bar_shown_value(*bars[b], bar_progress(t, b)));
        }
      }
    }
    // Grown, every label is exactly the deck's value.
    for (const DisplayItem* bar : bars)
      CHECK(bar_label_at(*bar, 1.0) == format_bar_value(bar->value, bar->unit));
  }
}
