// What partial redrawing rests on, with the real fonts on the software renderer: rectangle sets,
// a slide's ink covering every pixel it draws, bar changes covering every pixel a growing bar
// changes, and a slide drawn from its snapshot looking as it does drawn item by item.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <tuple>

#include "app/deck_loading.h"
#include "app/presentation.h"
#include "render/animation.h"
#include "render/rect_set.h"
#include "test_support.h"
#include "ui/headless_screen.h"

using namespace boothdeck;

namespace {

bool same_rects(std::vector<SDL_Rect> a, std::vector<SDL_Rect> b) {
  auto key = [](const SDL_Rect& r) { return std::tuple(r.x, r.y, r.w, r.h); };
  auto less = [&](const SDL_Rect& l, const SDL_Rect& r) { return key(l) < key(r); };
  std::sort(a.begin(), a.end(), less);
  std::sort(b.begin(), b.end(), less);
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const SDL_Rect& l, const SDL_Rect& r) { return key(l) == key(r); });
}

// A deck laid out at 1920x1080 with the real fonts, and a headless screen to draw it on.
struct Stage {
  explicit Stage(const std::string& deck_text, int width = 1920, int height = 1080)
      : presentation(
            Presentation::make(LoadedDeck{parse_deck(deck_text, {"deck.md", {}, false}), {}, {}}, 1,
                               find_fonts_dir(""), {width, height}, &error)),
        screen(presentation->fonts(), width, height) {
    REQUIRE(screen.start(&error));
  }
  // The screen's pixels after drawing `slide` at `state`, from its snapshot or item by item.
  std::vector<uint32_t> draw(int slide, DrawState state, bool cached) {
    FrameScene scene;
    scene.width = screen.surface.surface()->w;
    scene.height = screen.surface.surface()->h;
    scene.layers.push_back({&presentation->layout().slide(slide), state, cached});
    screen.draw(scene);
    SDL_Surface* s = screen.surface.surface();
    const auto* p = static_cast<const uint32_t*>(s->pixels);
    return std::vector<uint32_t>(p, p + s->h * (s->pitch / 4));
  }
  int stride() const { return screen.surface.surface()->pitch / 4; }
  int slides() { return presentation->layout().size(); }
  const SlideDisplay& slide(int i) { return presentation->layout().slide(i); }

  std::string error;
  std::unique_ptr<Presentation> presentation;
  HeadlessScreen screen;
};

bool inside(const std::vector<SDL_Rect>& rects, int x, int y) {
  SDL_Point p{x, y};
  return std::any_of(rects.begin(), rects.end(),
                     [&](const SDL_Rect& r) { return SDL_PointInRect(&p, &r); });
}

// Pixels of `a` and `b` that differ, outside every rectangle of `allowed`.
int differing_outside(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, int stride,
                      const std::vector<SDL_Rect>& allowed) {
  int n = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i] &&
        !inside(allowed, static_cast<int>(i % stride), static_cast<int>(i / stride)))
      ++n;
  return n;
}

// The largest difference in a colour channel between `faded` and `rest` blended over `background`
// with `alpha`: how far a fade is from the slide fading as one picture.
int fade_error(const std::vector<uint32_t>& faded, const std::vector<uint32_t>& rest,
               Color background, float alpha) {
  int most = 0;
  const int bg[] = {background.b, background.g, background.r};
  for (size_t i = 0; i < rest.size(); ++i)
    for (int c = 0; c < 3; ++c) {
      int r = static_cast<int>((rest[i] >> (8 * c)) & 0xFF);
      int f = static_cast<int>((faded[i] >> (8 * c)) & 0xFF);
      most =
          std::max(most, std::abs(f - static_cast<int>(std::lround(bg[c] + (r - bg[c]) * alpha))));
    }
  return most;
}

std::string two_charts() {
  std::ifstream in(std::string(BOOTHDECK_SOURCE_DIR) + "/bench/decks/two-charts.md");
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// A deck of tests/data/: QR codes, and bars with their labels above (composition.md).
std::string data_deck(const char* name) {
  std::ifstream in(std::string(BOOTHDECK_TEST_DATA) + "/" + name);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

TEST_CASE("a rectangle set merges what overlaps or nearly touches, and keeps the rest apart") {
  struct Row {
    const char* name;
    std::vector<SDL_Rect> added, expected;
  };
  std::vector<Row> rows = {
      {"overlapping", {{0, 0, 100, 50}, {50, 20, 100, 50}}, {{0, 0, 150, 70}}},
      {"two text lines, one above the other",
       {{100, 100, 800, 40}, {100, 150, 760, 40}},
       {{100, 100, 800, 90}}},
      {"a title and a far footnote",
       {{100, 50, 600, 60}, {100, 950, 300, 30}},
       {{100, 50, 600, 60}, {100, 950, 300, 30}}},
      {"a bridge makes one block of two far lines",
       {{0, 0, 500, 40}, {0, 200, 500, 40}, {0, 30, 500, 180}},
       {{0, 0, 500, 240}}},
      {"empty rectangles are nothing", {{10, 10, 0, 20}, {10, 10, 20, -1}}, {}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    std::vector<SDL_Rect> set;
    for (const SDL_Rect& r : row.added) add_rect(set, r);
    CHECK(same_rects(set, row.expected));
  }
  std::vector<SDL_Rect> clipped = {{-10, -10, 30, 30}, {1900, 1000, 100, 100}, {3000, 0, 10, 10}};
  clip_rects(clipped, {0, 0, 1920, 1080});
  CHECK(same_rects(clipped, {{0, 0, 20, 20}, {1900, 1000, 20, 80}}));
  CHECK(area(clipped) == 400 + 1600);
}

TEST_CASE("a slide's ink covers every pixel it draws, its bars at any moment") {
  REQUIRE(sdl_started());
  for (const std::string& deck :
       {std::string(kBuiltinDeck), two_charts(), data_deck("qr.md"), data_deck("composition.md")}) {
    Stage stage(deck);
    for (int i = 0; i < stage.slides(); ++i) {
      CAPTURE(i);
      std::vector<uint32_t> blank = stage.draw(i, {.alpha = 0}, false);
      const std::vector<SDL_Rect> ink =
          stage.screen.render.snapshots().ink(stage.slide(i), 1920, 1080);
      for (double t : {0.0, 0.8, 1.2, 1e9})
        CHECK(differing_outside(blank, stage.draw(i, {.seconds_shown = t}, false), stage.stride(),
                                ink) == 0);
      CHECK(area(ink) < 1920u * 1080u);  // a slide is not all ink
    }
  }
}

TEST_CASE("a bar's changes cover every pixel it changed between two moments") {
  REQUIRE(sdl_started());
  Stage stage(two_charts());
  const int chart = 2;  // the first 8-bar chart
  REQUIRE(stage.slide(chart).has_bars());
  const double pairs[][2] = {{0, 0.5},   {0.5, 0.6}, {0.6, 0.633}, {0.9, 0.933},
                             {1.2, 1.8}, {1.8, 2.5}, {2.2, 1e9},   {0, 1e9}};
  for (const auto& [before, after] : pairs) {
    CAPTURE(before);
    CAPTURE(after);
    std::vector<SDL_Rect> changes;
    stage.screen.render.slides().bar_changes(stage.slide(chart), before, after, &changes);
    std::vector<uint32_t> a = stage.draw(chart, {.seconds_shown = before}, false);
    std::vector<uint32_t> b = stage.draw(chart, {.seconds_shown = after}, false);
    CHECK(differing_outside(a, b, stage.stride(), changes) == 0);
    CHECK(changes.empty() == (a == b));
  }
}

TEST_CASE("a slide from its snapshot looks as it does drawn item by item") {
  REQUIRE(sdl_started());
  for (const std::string& deck :
       {std::string(kBuiltinDeck), two_charts(), data_deck("qr.md"), data_deck("composition.md")}) {
    Stage stage(deck);
    for (int i = 0; i < stage.slides(); ++i) {
      CAPTURE(i);
      // At rest, as it appears (bars at zero), and moved by a slide transition: the same pixels.
      for (DrawState state : {DrawState{}, DrawState{.seconds_shown = 0.1},
                              DrawState{.seconds_shown = 0.1, .offset_x = -700}}) {
        CAPTURE(state.offset_x);
        CAPTURE(state.seconds_shown);
        CHECK(stage.draw(i, state, true) == stage.draw(i, state, false));
      }
      // Fading, the slide blends with its background as one picture (item by item, a label
      // on a bar's track would show the track through it).
      std::vector<uint32_t> rest = stage.draw(i, {}, false);
      for (float alpha : {0.2f, 0.5f, 0.9f})
        CHECK(fade_error(stage.draw(i, {.alpha = alpha}, true), rest, stage.slide(i).background,
                         alpha) <= 2);
    }
    SlideSnapshots& snapshots = stage.screen.render.snapshots();
    CHECK(snapshots.composed() >= static_cast<size_t>(stage.slides()));
    snapshots.trim();
    CHECK(snapshots.bytes() <= snapshot_budget(1920, 1080));
    CHECK(snapshots.count() >= 3);
  }
}

TEST_CASE("growing bars are not drawn from a snapshot; their slide is drawn item by item") {
  REQUIRE(sdl_started());
  Stage stage(two_charts());
  const SlideDisplay& chart = stage.slide(2);
  CHECK(SlideRenderer::bars_phase(chart, 0) == BarsPhase::Start);
  CHECK(SlideRenderer::bars_phase(chart, 1.0) == BarsPhase::Moving);
  CHECK(SlideRenderer::bars_phase(chart, bars_settle_time(8)) == BarsPhase::Rest);
  CHECK(SlideRenderer::bars_phase(stage.slide(1), 0) == BarsPhase::Rest);  // no bars
  size_t before = stage.screen.render.snapshots().composed();
  CHECK(stage.draw(2, {.seconds_shown = 1.0}, true) ==
        stage.draw(2, {.seconds_shown = 1.0}, false));
  CHECK(stage.screen.render.snapshots().composed() == before);
}
