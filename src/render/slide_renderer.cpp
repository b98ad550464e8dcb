// Slide drawing: text as cached textures, boxes and bars as filled rectangles, images from the
// image cache at their drawn size. All geometry comes from layout; nothing is measured here.
#include "render/slide_renderer.h"

#include <algorithm>
#include <cmath>

#include "render/animation.h"

namespace boothdeck {

namespace {

void set_color(SDL_Renderer* renderer, Color c, float alpha) {
  SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b,
                         static_cast<Uint8>(std::lround(c.a * std::clamp(alpha, 0.0f, 1.0f))));
}

// While a bar grows its value counts up; ratios like 2× show a decimal on the way.
std::string counting_label(const DisplayItem& bar, double progress) {
  if (progress >= 1) return format_bar_value(bar.value, bar.unit);
  double shown = bar.value * progress;
  bool small = bar.value < 10 && std::abs(bar.value - std::round(bar.value)) < 1e-9;
  shown = small ? std::round(shown * 10) / 10 : std::round(shown);
  return format_bar_value(shown, bar.unit);
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

bool SlideRenderer::animating(const SlideDisplay& slide, double seconds_shown) {
  int bars = 0;
  for (const DisplayItem& item : slide.items) bars += item.kind == ItemKind::Bar;
  return bars > 0 && seconds_shown < bars_settle_time(bars);
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

void SlideRenderer::draw(const SlideDisplay& slide, const DrawState& state, int width, int height) {
  const float a = state.alpha, dx = state.offset_x;
  const Uint8 alpha8 = static_cast<Uint8>(std::lround(255 * std::clamp(a, 0.0f, 1.0f)));
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  set_color(renderer_, slide.background, 1);
  SDL_FRect screen{dx, 0, static_cast<float>(width), static_cast<float>(height)};
  SDL_RenderFillRectF(renderer_, &screen);
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);

  auto fill = [&](float x, float y, float w, float h, Color color) {
    set_color(renderer_, color, a);
    SDL_FRect r{x + dx, y, w, h};
    SDL_RenderFillRectF(renderer_, &r);
  };
  auto draw_text = [&](const std::string& text, const FontSpec& font, Color color, float x,
                       float y) {
    const TextTexture& t = text_.get(text, font, color);
    if (!t.texture) return;
    SDL_SetTextureAlphaMod(t.texture, alpha8);
    SDL_FRect to{x + dx, y - t.top, static_cast<float>(t.width), static_cast<float>(t.height)};
    SDL_RenderCopyF(renderer_, t.texture, nullptr, &to);
  };
  int bar_index = 0;
  for (const DisplayItem& item : slide.items) {
    const Rect& r = item.rect;
    switch (item.kind) {
      case ItemKind::Box:
        fill(r.x, r.y, r.w, r.h, item.color);
        break;
      case ItemKind::Text:
        draw_text(item.text, item.font, item.color, r.x, r.y);
        break;
      case ItemKind::Bar: {
        double p = bar_progress(state.seconds_shown, bar_index++);
        float w = static_cast<float>(r.w * p);
        if (w > 0.5f) fill(r.x, r.y, w, r.h, item.color);
        draw_text(counting_label(item, p), item.font, item.label_color,
                  item.label_rect.x - (r.w - w), item.label_rect.y);
        break;
      }
      case ItemKind::Image: {
        SDL_Rect source;
        if (SDL_Texture* texture = image(item, &source)) {
          SDL_SetTextureAlphaMod(texture, alpha8);
          SDL_FRect to{r.x + dx, r.y, r.w, r.h};
          SDL_RenderCopyF(renderer_, texture, &source, &to);
        }
        break;
      }
    }
  }
}

}  // namespace boothdeck
