// Headless rendering with the real fonts: the built-in deck at four viewports through SDL_ttf
// metrics, and pixels read back from the software renderer.
#include <doctest/doctest.h>

#include <cstring>

#include "app/deck_check.h"
#include "app/deck_loading.h"
#include "app/startup.h"
#include "core/deck/utf8.h"
#include "core/layout/layout.h"
#include "render/offscreen.h"
#include "render/ttf_text_measurer.h"
#include "test_fonts.h"
#include "ui/headless_screen.h"

using namespace boothdeck;

namespace {

const Viewport kViewports[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

Deck builtin() {
  return parse_deck(kBuiltinDeck, {kBuiltinDeckName, {}, true}).deck;
}

uint32_t pixel(SDL_Surface* s, int x, int y) {
  return static_cast<uint32_t*>(s->pixels)[y * (s->pitch / 4) + x];
}

Color color_of(SDL_Surface* s, int x, int y) {
  uint8_t r, g, b;
  SDL_GetRGB(pixel(s, x, y), s->format, &r, &g, &b);
  return {r, g, b, 255};
}

bool near(Color a, Color b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) < 24;
}

// Words of a text, whitespace collapsed.
std::string normalized(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("the built-in deck fits on screen at four viewports, lines broken between words") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  Deck deck = builtin();
  TtfTextMeasurer measurer(f.fonts);
  for (Viewport v : kViewports) {
    for (int i = 0; i < static_cast<int>(deck.slides.size()); ++i) {
      SlideDisplay d = layout_slide(deck, i, v, theme_named("dark"), measurer);
      CAPTURE(v.width);
      CAPTURE(i);
      CHECK_FALSE(d.overflow);
      for (const DisplayItem& item : d.items) {
        CHECK(item.rect.x >= 0);
        CHECK(item.rect.right() <= v.width + 0.5f);
        CHECK(item.rect.bottom() <= v.height + 0.5f);
      }
      // Paragraph and heading lines, joined with spaces, give back the source's words:
      // nothing was broken inside a word.
      for (size_t b = 0; b < deck.slides[i].blocks.size(); ++b) {
        const Block& block = deck.slides[i].blocks[b];
        if (block.kind != BlockKind::Paragraph && block.kind != BlockKind::Heading) continue;
        std::string joined;
        float last_y = -1;
        for (const DisplayItem& item : d.items) {
          if (item.block != static_cast<int>(b) || item.kind != ItemKind::Text) continue;
          if (last_y >= 0 && item.rect.y != last_y) joined += ' ';
          joined += item.text;
          last_y = item.rect.y;
        }
        CHECK(normalized(joined) == normalized(plain_text(block.text)));
      }
    }
  }
}

TEST_CASE("bars render proportionally in the accent colour") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  Deck deck;
  deck.slides.push_back(
      parse_deck("```bars max=100\nOpus: 38%\nSonnet: 64% *\n```\n", {}).deck.slides[0]);
  Viewport v{1920, 1080};
  HeadlessScreen screen(f.fonts, v.width, v.height);
  std::string error;
  REQUIRE(screen.start(&error));
  SDL_Surface* target = screen.surface.surface();
  TtfTextMeasurer measurer(f.fonts);
  const SlideDisplay display = layout_slide(deck, 0, v, theme_named("dark"), measurer);

  auto render = [&](double seconds) {
    FrameScene scene{.width = v.width, .height = v.height};
    DrawState state;
    state.seconds_shown = seconds;
    scene.layers.push_back({&display, state});
    screen.draw(scene);
  };
  // Measures the drawn length of the bar at row y: accent or bar-grey pixels from its start.
  auto drawn_length = [&](const DisplayItem& bar) {
    int y = static_cast<int>(bar.rect.y + bar.rect.h / 2);
    int x = static_cast<int>(bar.rect.x) + 2;
    while (x < v.width && near(color_of(target, x, y), bar.color)) ++x;
    return x - bar.rect.x;
  };
  std::vector<const DisplayItem*> bars;
  for (const DisplayItem& item : display.items)
    if (item.kind == ItemKind::Bar) bars.push_back(&item);
  REQUIRE(bars.size() == 2);
  CHECK(bars[1]->color == theme_named("dark").accent);

  render(0);  // a slide just shown: bars start at zero
  CHECK(drawn_length(*bars[1]) < 3);
  render(0.6);  // part way
  float part = drawn_length(*bars[1]);
  CHECK(part > 10);
  CHECK(part < bars[1]->rect.w - 10);
  render(100);  // at rest
  CHECK(drawn_length(*bars[0]) == doctest::Approx(bars[0]->rect.w).epsilon(0.02));
  CHECK(drawn_length(*bars[1]) == doctest::Approx(bars[1]->rect.w).epsilon(0.02));
  CHECK(drawn_length(*bars[0]) / drawn_length(*bars[1]) ==
        doctest::Approx(38.0 / 64).epsilon(0.03));
  // The corner of the screen is background.
  CHECK(near(color_of(target, 2, 2), theme_named("dark").background));
}

TEST_CASE("the text cache stays under its limit") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  OffscreenSurface surface(640, 360);
  std::string error;
  SDL_Renderer* renderer = surface.create_renderer(&error);
  REQUIRE(renderer);
  auto cache = std::make_unique<TextCache>(renderer, f.fonts, 1 << 20);
  for (int i = 0; i < 500; ++i) {
    cache->get("줄 번호 " + std::to_string(i), FontSpec{40}, Color{});
    cache->trim();
    CHECK(cache->bytes() <= (1u << 20));
  }
  CHECK(cache->entries() < 500);
  CHECK(cache->renders() == 500);
  CHECK(cache->get("줄 번호 499", FontSpec{40}, Color{}).texture != nullptr);
  CHECK(cache->renders() == 500);  // a hit renders nothing
  cache.reset();                   // its textures, before their renderer
  SDL_DestroyRenderer(renderer);
}

TEST_CASE("export's bands keep only the lines they draw: the text cache drops the unused") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  OffscreenSurface surface(64, 64);
  std::string error;
  SDL_Renderer* renderer = surface.create_renderer(&error);
  REQUIRE(renderer);
  auto cache = std::make_unique<TextCache>(renderer, f.fonts, 64 << 20);
  cache->get("제목", FontSpec{40}, Color{});
  cache->get("본문", FontSpec{40}, Color{});
  // A line below the target is not drawn, so not rendered; drawn with the slide moved up
  // onto the target (as export's next band), it is.
  SlideDisplay slide;
  DisplayItem line;
  line.kind = ItemKind::Text;
  line.text = "아래 줄";
  line.font = FontSpec{40};
  line.rect = {0, 500, 200, 48};
  slide.items.push_back(line);
  {
    SlideRenderer slides(renderer, *cache);
    slides.draw(slide, DrawState{}, 64, 1080);
    CHECK(cache->renders() == 2);
    slides.draw(slide, DrawState{.offset_y = -490}, 64, 1080);
    CHECK(cache->renders() == 3);
  }
  cache->evict_unused();  // all three were used since the start: kept
  CHECK(cache->entries() == 3);
  cache->get("본문", FontSpec{40}, Color{});
  cache->evict_unused();  // "제목" and "아래 줄" were not used in this band
  CHECK(cache->entries() == 1);
  cache->get("본문", FontSpec{40}, Color{});
  CHECK(cache->renders() == 3);  // kept, so not rendered again
  cache->evict_unused();
  cache->evict_unused();  // nothing used since the last call
  CHECK(cache->entries() == 0);
  CHECK(cache->bytes() == 0);
  cache.reset();
  SDL_DestroyRenderer(renderer);
}

TEST_CASE("a hard deck: long Korean paragraphs, a wide table, mixed scripts, ten bars") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  ParseResult parsed = load_deck_file(BOOTHDECK_TEST_DATA "/typography.md");
  REQUIRE(parsed.ok());
  TtfTextMeasurer measurer(f.fonts);
  for (Viewport v : kViewports) {
    CAPTURE(v.width);
    std::vector<std::string> texts;
    int bars = 0;
    for (int i = 0; i < static_cast<int>(parsed.deck.slides.size()); ++i) {
      SlideDisplay d = layout_slide(parsed.deck, i, v, theme_named("light"), measurer);
      CHECK_FALSE(d.overflow);
      for (const DisplayItem& item : d.items) {
        CHECK(item.rect.right() <= v.width + 0.5f);
        CHECK(item.rect.bottom() <= v.height + 0.5f);
        if (item.kind == ItemKind::Text) texts.push_back(item.text);
        bars += item.kind == ItemKind::Bar;
      }
    }
    CHECK(bars == 10);
    // Table cells wrap between words only: these come out whole.
    for (const char* word : {"속도", "보고서·분석용", "컨텍스트", "(HumanEval)"})
      CHECK_MESSAGE(std::find(texts.begin(), texts.end(), word) != texts.end(), word);
  }
}

// tests/data/world-text.md: emoji of every kind, flags, Hangul with Hanja, Chinese, Japanese,
// right-to-left text, code with indentation and backslashes, URLs, U+3000, strikethrough.
TEST_CASE("any text the world writes: every character has a font, at four screens, drawn") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  ParseResult parsed = load_deck_file(BOOTHDECK_TEST_DATA "/world-text.md");
  REQUIRE(parsed.ok());
  CHECK(parsed.diagnostics.empty());
  TtfTextMeasurer measurer(f.fonts);
  for (Viewport v : kViewports) {
    CAPTURE(v.width);
    CAPTURE(v.height);
    HeadlessScreen screen(f.fonts, v.width, v.height);
    std::string error;
    REQUIRE(screen.start(&error));
    for (int i = 0; i < static_cast<int>(parsed.deck.slides.size()); ++i) {
      const SlideDisplay d = layout_slide(parsed.deck, i, v, theme_named("dark"), measurer);
      CHECK_FALSE(d.overflow);
      for (const DisplayItem& item : d.items) {
        if (item.kind != ItemKind::Text) continue;
        // No replacement box where an installed font has the glyph.
        for (const FontRun& run : f.fonts.runs(item.text, item.font))
          CHECK_MESSAGE(run.kind != RunKind::Missing,
                        item.text.substr(run.begin, run.end - run.begin));
      }
      FrameScene scene{.width = v.width, .height = v.height};
      scene.layers.push_back({&d, DrawState{}});
      screen.draw(scene);
      if (i != 1) continue;
      // The emoji slide is drawn in colour: saturated pixels, which the dark theme has none of.
      SDL_Surface* s = screen.surface.surface();
      int colourful = 0;
      for (int y = 0; y < s->h; y += 2)
        for (int x = 0; x < s->w; x += 2) {
          Color c = color_of(s, x, y);
          int hi = std::max({c.r, c.g, c.b}), lo = std::min({c.r, c.g, c.b});
          colourful += hi - lo > 120;
        }
      CHECK(colourful > s->w * s->h / 4 / 400);
    }
  }
}

TEST_CASE("--check's rendering checks: glyphs no font has, slides that cannot fit") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  std::string too_long = "# 넘치는 슬라이드\n\n";
  for (int i = 0; i < 60; ++i) too_long += "- 아주 긴 항목 번호 " + std::to_string(i) + "\n";
  std::string source =
      "# 좋은 슬라이드 \xF4\x8F\xBF\xBD\n\n사적 영역 \xF4\x8F\xBF\xBD 문자 "
      "`\xF3\xB0\x80\x80`\n\n---\n" +
      too_long;
  ParseResult parsed = parse_deck(source, {"c.md", {}, false});
  REQUIRE(parsed.ok());
  std::vector<Diagnostic> found = check_rendering(parsed.deck, f.fonts, source);
  // Each character once, at its own line and column, whatever role it is in.
  REQUIRE(count_code(found, Code::MissingGlyph) == 2);
  CHECK(found[0].line == 1);
  CHECK(found[0].col == 11);
  CHECK(found[1].line == 3);
  CHECK(found[1].col == 13);  // U+F0000 in the code span; U+10FFFD was reported on line 1
  CHECK(count_code(found, Code::ContentOverflow) == 2);  // landscape and portrait
  for (const Diagnostic& d : found) {
    CHECK(d.severity == Severity::Warning);
    CHECK(d.line > 0);
  }
  CHECK(check_rendering(parse_deck(kBuiltinDeck, {}).deck, f.fonts).empty());
  // A slide that fits only under the readable floor: a warning at its line, on each screen
  // where it does (the portrait one has the height for it).
  std::string dense = "# 하나\n\n---\n\n## 빽빽한 슬라이드\n\n";
  for (int i = 0; i < 15; ++i) dense += "- 항목 " + std::to_string(i + 1) + "\n";
  std::vector<Diagnostic> small =
      check_rendering(parse_deck(dense, {"d.md", {}, false}).deck, f.fonts, dense);
  REQUIRE(count_code(small, Code::SmallText) >= 1);
  CHECK(count_code(small, Code::ContentOverflow) == 0);
  for (const Diagnostic& d : small) CHECK(d.line == 5);
}

TEST_CASE("export's lines blitted from surfaces match the renderer's texture copies exactly") {
  TestFonts& f = shared_fonts();
  REQUIRE(f.ok);
  Deck deck = parse_deck(
                  "# 제목과 😀 Title\n\n- 첫째 줄, **굵게**\n- `code` ٱلعربية\n\n"
                  "```bars\nA: 3\nB: 5 *\n```\n",
                  {})
                  .deck;
  Viewport v{640, 360};
  TtfTextMeasurer measurer(f.fonts);
  const SlideDisplay display = layout_slide(deck, 0, v, theme_named("dark"), measurer);
  // The same drawing on two software renderers: one copies textures, one blits surfaces.
  OffscreenSurface copied(v.width, v.height), blitted(v.width, v.height);
  std::string error;
  SDL_Renderer* copies = copied.create_renderer(&error);
  SDL_Renderer* blits = blitted.create_renderer(&error);
  REQUIRE(copies);
  REQUIRE(blits);
  {
    TextCache texture_cache(copies, f.fonts, 64 << 20), surface_cache(blits, f.fonts, 64 << 20);
    surface_cache.keep_surfaces_for(blitted.surface());
    SlideRenderer with_textures(copies, texture_cache), with_surfaces(blits, surface_cache);
    struct Case {
      const char* what;
      DrawState state;
      SDL_Rect viewport, clip;  // clip.w == 0: none
      float scale = 1;          // not 1: drawn through a texture made for the occasion
    };
    const Case cases[] = {
        {"whole", DrawState{}, {0, 0, 640, 360}, {}},
        {"faded", DrawState{.alpha = 0.5f}, {0, 0, 640, 360}, {}},
        {"a band moved up", DrawState{.offset_y = -40}, {0, 0, 640, 360}, {}},
        {"a viewport", DrawState{}, {100, 30, 400, 250}, {}},
        {"clipped in a viewport", DrawState{.alpha = 0.7f}, {50, 20, 500, 300}, {30, 10, 200, 90}},
        {"scaled by half", DrawState{}, {0, 0, 1280, 720}, {}, 0.5f},
    };
    for (const Case& c : cases) {
      INFO(c.what);
      for (auto [renderer, slides] : {std::pair{copies, &with_textures}, {blits, &with_surfaces}}) {
        SDL_RenderSetScale(renderer, 1, 1);
        SDL_RenderSetViewport(renderer, nullptr);
        SDL_RenderSetClipRect(renderer, nullptr);
        SDL_SetRenderDrawColor(renderer, 40, 0, 0, 255);
        SDL_RenderClear(renderer);
        SDL_RenderSetScale(renderer, c.scale, c.scale);
        SDL_RenderSetViewport(renderer, &c.viewport);
        if (c.clip.w) SDL_RenderSetClipRect(renderer, &c.clip);
        slides->draw(display, c.state, v.width, v.height);
        SDL_RenderFlush(renderer);
      }
      SDL_Surface* a = copied.surface();
      SDL_Surface* b = blitted.surface();
      bool same = true;
      for (int y = 0; y < v.height && same; ++y)
        same = std::memcmp(static_cast<char*>(a->pixels) + y * a->pitch,
                           static_cast<char*>(b->pixels) + y * b->pitch, v.width * 4) == 0;
      CHECK(same);
    }
    CHECK(surface_cache.renders() > 3);
    CHECK(surface_cache.get("첫째 줄", FontSpec{40}, Color{}).texture == nullptr);
    CHECK(surface_cache.get("첫째 줄", FontSpec{40}, Color{}).surface != nullptr);
  }
  SDL_DestroyRenderer(copies);
  SDL_DestroyRenderer(blits);
}
