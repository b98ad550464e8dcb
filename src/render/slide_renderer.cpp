// Slide drawing: text as cached textures in their colour, boxes and bars as filled rectangles,
// images from the image cache at their drawn size. All geometry comes from layout; nothing is
// measured here. Opaque fills are drawn without blending: SDL's blended fill has no shortcut
// for an opaque colour and costs ~6 ns a pixel against ~1 ns.
#include "render/slide_renderer.h"

#include <algorithm>
#include <cmath>

#include "render/animation.h"
#include "render/rect_set.h"

namespace boothdeck {

namespace {

Uint8 alpha_of(Color c, float alpha) {
  return static_cast<Uint8>(std::lround(c.a * std::clamp(alpha, 0.0f, 1.0f)));
}

// Where a text texture goes for a line whose box starts at (x, y). Positions are whole pixels,
// rounded down (SDL would round toward zero, which shifts things left of 0 by one pixel): a slide
// moved by a whole number of pixels then looks the same wherever it was drawn, snapshot or not.
SDL_FRect text_dest(const TextTexture& t, float x, float y) {
  // `top`: how far the texture reaches above its line (a tall glyph, a colour emoji).
  return {std::floor(x), std::floor(y - t.top), static_cast<float>(t.width),
          static_cast<float>(t.height)};
}

// The whole pixels a float rectangle touches, one more on each side (SDL truncates positions).
SDL_Rect covering(float x, float y, float w, float h) {
  int x0 = static_cast<int>(std::floor(x)) - 1, y0 = static_cast<int>(std::floor(y)) - 1;
  int x1 = static_cast<int>(std::ceil(x + w)) + 1, y1 = static_cast<int>(std::ceil(y + h)) + 1;
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

SDL_Texture* SlideRenderer::image(const DisplayItem& item, SDL_Rect* source) {
  constexpr float kLargest = 8192;  // a texture side; a crop of a sliver asks for more
  const Rect& crop = item.crop;
  float w = std::min(item.rect.w / std::max(crop.w, 1e-3f), kLargest);
  float h = std::min(item.rect.h / std::max(crop.h, 1e-3f), kLargest);
  int tw = std::max(1, static_cast<int>(std::lround(w)));
  int th = std::max(1, static_cast<int>(std::lround(h)));
  *source = {static_cast<int>(std::lround(crop.x * tw)), static_cast<int>(std::lround(crop.y * th)),
             std::max(1, static_cast<int>(std::lround(crop.w * tw))),
             std::max(1, static_cast<int>(std::lround(crop.h * th)))};
  return images_.get(item.path, item.page, tw, th);
}

// The light square, then each row's runs of dark modules as one rectangle each, in one call.
// The origin is a whole pixel and modules are whole pixels, so every module edge is sharp.
void SlideRenderer::draw_qr(const DisplayItem& item, float alpha, float dx, float dy) {
  const int m = item.module_px, n = item.qr_side;
  if (m <= 0 || n <= 0 || item.qr.size() != static_cast<size_t>(n) * n) return;
  const int x0 = static_cast<int>(std::floor(item.rect.x + dx)),
            y0 = static_cast<int>(std::floor(item.rect.y + dy));
  const int quiet = (static_cast<int>(std::lround(item.rect.w)) / m - n) / 2;
  Uint8 a8 = alpha_of(item.label_color, alpha);
  SDL_SetRenderDrawBlendMode(renderer_, a8 == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  const Color& light = item.label_color;
  SDL_SetRenderDrawColor(renderer_, light.r, light.g, light.b, a8);
  SDL_Rect square{x0, y0, (n + 2 * quiet) * m, (n + 2 * quiet) * m};
  SDL_RenderFillRect(renderer_, &square);
  std::vector<SDL_Rect> runs;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n;) {
      if (!item.qr[static_cast<size_t>(y) * n + x]) {
        ++x;
        continue;
      }
      int end = x;
      while (end < n && item.qr[static_cast<size_t>(y) * n + end]) ++end;
      runs.push_back({x0 + (quiet + x) * m, y0 + (quiet + y) * m, (end - x) * m, m});
      x = end;
    }
  const Color& dark = item.color;
  SDL_SetRenderDrawColor(renderer_, dark.r, dark.g, dark.b, alpha_of(dark, alpha));
  SDL_RenderFillRects(renderer_, runs.data(), static_cast<int>(runs.size()));
}

bool SlideRenderer::animating(const SlideDisplay& slide, double seconds_shown) {
  return bars_phase(slide, seconds_shown) != BarsPhase::Rest;
}

BarsPhase SlideRenderer::bars_phase(const SlideDisplay& slide, double seconds_shown) {
  int bars = 0;
  for (const DisplayItem& item : slide.items) bars += item.kind == ItemKind::Bar;
  if (bars == 0 || seconds_shown >= bars_settle_time(bars)) return BarsPhase::Rest;
  return bar_progress(seconds_shown, 0) <= 0 ? BarsPhase::Start : BarsPhase::Moving;
}

void SlideRenderer::prepare(const SlideDisplay& slide) {
  for (const DisplayItem& item : slide.items) {
    if (item.kind == ItemKind::Text) text_.get(item.text, item.font, item.color);
    if (item.kind == ItemKind::Bar)
      text_.get(format_bar_value(item.value, item.unit), item.font, item.label_color);
    if (item.kind == ItemKind::Image) {
      SDL_Rect source;
      image(item, &source);
    }
  }
}

SlideRenderer::BarLook SlideRenderer::bar_look(const DisplayItem& bar, double progress) {
  BarLook look;
  float w = static_cast<float>(bar.rect.w * progress);
  look.fill_px = w > 0.5f ? std::max(1, static_cast<int>(w)) : 0;
  look.label = bar_label_at(bar, progress);
  const TextTexture& t = text_.get(look.label, bar.font, bar.label_color);
  SDL_FRect to = text_dest(t, bar.label_rect.x - (bar.rect.w - w), bar.label_rect.y);
  look.label_box = covering(to.x, to.y, to.w, to.h);
  return look;
}

std::vector<SDL_Rect> SlideRenderer::ink_rects(const SlideDisplay& slide, int width, int height) {
  std::vector<SDL_Rect> ink;
  for (const DisplayItem& item : slide.items) {
    const Rect& r = item.rect;
    switch (item.kind) {
      case ItemKind::Text: {
        const TextTexture& t = text_.get(item.text, item.font, item.color);
        SDL_FRect to = text_dest(t, r.x, r.y);
        if (t.drawable()) add_rect(ink, covering(to.x, to.y, to.w, to.h));
        break;
      }
      case ItemKind::Box:
      case ItemKind::Image:
      case ItemKind::Qr:
        add_rect(ink, covering(r.x, r.y, r.w, r.h));
        break;
      case ItemKind::Bar: {
        // The label travels from the bar's start to its end and counts on the way, so a little
        // wider than the final one may pass anywhere in between.
        SDL_Rect track = covering(r.x, r.y, r.w, r.h), start = bar_look(item, 0).label_box,
                 end = bar_look(item, 1).label_box;
        end.w += end.h;
        SDL_UnionRect(&track, &start, &track);
        SDL_UnionRect(&track, &end, &track);
        add_rect(ink, track);
        break;
      }
    }
  }
  clip_rects(ink, SDL_Rect{0, 0, width, height});
  return ink;
}

void SlideRenderer::bar_changes(const SlideDisplay& slide, double before, double after,
                                std::vector<SDL_Rect>* out) {
  int index = 0;
  for (const DisplayItem& item : slide.items) {
    if (item.kind != ItemKind::Bar) continue;
    BarLook a = bar_look(item, bar_progress(before, index));
    BarLook b = bar_look(item, bar_progress(after, index));
    ++index;
    if (a.fill_px == b.fill_px && a.label == b.label && a.label_box.x == b.label_box.x) continue;
    // The fill changes between its two ends; the label leaves one place for another.
    int x = static_cast<int>(std::floor(item.rect.x));
    SDL_Rect changed{
        x + std::min(a.fill_px, b.fill_px) - 1, static_cast<int>(std::floor(item.rect.y)) - 1,
        std::abs(a.fill_px - b.fill_px) + 2, static_cast<int>(std::ceil(item.rect.h)) + 2};
    SDL_UnionRect(&changed, &a.label_box, &changed);
    SDL_UnionRect(&changed, &b.label_box, &changed);
    add_rect(*out, changed);
  }
}

void SlideRenderer::draw(const SlideDisplay& slide, const DrawState& state, int width, int height) {
  const float a = state.alpha, dx = state.offset_x, dy = state.offset_y;
  const Uint8 alpha8 = static_cast<Uint8>(std::lround(255 * std::clamp(a, 0.0f, 1.0f)));
  auto fill = [&](float x, float y, float w, float h, Color color, float alpha) {
    Uint8 a8 = alpha_of(color, alpha);
    SDL_SetRenderDrawBlendMode(renderer_, a8 == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer_, color.r, color.g, color.b, a8);
    SDL_FRect to{std::floor(x + dx), std::floor(y + dy), w, h};
    SDL_RenderFillRectF(renderer_, &to);
  };
  auto draw_text = [&](const std::string& text, const FontSpec& font, Color color, float x,
                       float y) {
    const TextTexture& t = text_.get(text, font, color);
    if (!t.drawable()) return;
    text_.draw(t, text_dest(t, x + dx, y + dy), alpha8);
  };
  fill(0, 0, static_cast<float>(width), static_cast<float>(height), slide.background, 1);
  // What the target shows, in the slide's units (viewport and scale applied): export's band is
  // shorter than the slide.
  SDL_Rect shown{};
  SDL_RenderGetViewport(renderer_, &shown);
  int bar_index = 0;
  for (const DisplayItem& item : slide.items) {
    const Rect& r = item.rect;
    switch (item.kind) {
      case ItemKind::Box:
        fill(r.x, r.y, r.w, r.h, item.color, a);
        break;
      case ItemKind::Text:
        // A line wholly off the surface is not rendered: export draws a slide in bands, and
        // only the lines of a band need their textures then. The ink may stand out of the line
        // box (accents, emoji), never by a whole line's height.
        if (r.y + dy > shown.h + r.h || r.y + r.h + dy < -r.h) break;
        draw_text(item.text, item.font, item.color, r.x, r.y);
        break;
      case ItemKind::Bar: {
        double p = bar_progress(state.seconds_shown, bar_index++);
        float w = static_cast<float>(r.w * p);
        if (w > 0.5f) fill(r.x, r.y, w, r.h, item.color, a);
        draw_text(bar_label_at(item, p), item.font, item.label_color, item.label_rect.x - (r.w - w),
                  item.label_rect.y);
        break;
      }
      case ItemKind::Qr:
        draw_qr(item, a, dx, dy);
        break;
      case ItemKind::Image: {
        SDL_Rect source;
        if (SDL_Texture* texture = image(item, &source)) {
          SDL_SetTextureAlphaMod(texture, alpha8);
          SDL_FRect to{std::floor(r.x + dx), std::floor(r.y + dy), r.w, r.h};
          SDL_RenderCopyF(renderer_, texture, &source, &to);
        }
        break;
      }
    }
  }
}

}  // namespace boothdeck
