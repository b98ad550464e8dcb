// Slide drawing through ImGui draw lists: text as cached textures tinted by vertex colour,
// boxes and bars as filled rectangles. All geometry comes from layout; nothing is measured here.
#include "render/slide_renderer.h"

#include <SDL_image.h>

#include <cmath>

#include "render/animation.h"

namespace boothdeck {

namespace {

ImU32 to_imgui(Color c, float alpha) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(c.a * std::clamp(alpha, 0.0f, 1.0f))));
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

SlideRenderer::~SlideRenderer() { clear_images(); }

void SlideRenderer::clear_images() {
  for (auto& [path, texture] : images_)
    if (texture) SDL_DestroyTexture(texture);
  images_.clear();
}

SDL_Texture* SlideRenderer::image(const std::string& path) {
  auto it = images_.find(path);
  if (it != images_.end()) return it->second;
  SDL_Texture* texture = IMG_LoadTexture(renderer_, path.c_str());
  images_[path] = texture;  // a failure is remembered too: the error was reported by --check
  return texture;
}

bool SlideRenderer::animating(const SlideDisplay& slide, double seconds_shown) {
  int bars = 0;
  for (const DisplayItem& item : slide.items) bars += item.kind == ItemKind::Bar;
  return bars > 0 && seconds_shown < bars_settle_time(bars);
}

void SlideRenderer::prepare(const SlideDisplay& slide) {
  for (const DisplayItem& item : slide.items) {
    if (item.kind == ItemKind::Text) text_.get(item.text, item.font);
    if (item.kind == ItemKind::Bar) text_.get(format_bar_value(item.value, item.unit), item.font);
    if (item.kind == ItemKind::Image) image(item.path);
  }
}

void SlideRenderer::draw(const SlideDisplay& slide, const DrawState& state, ImDrawList* list, ImVec2 size) {
  const float a = state.alpha, dx = state.offset_x;
  list->AddRectFilled(ImVec2(dx, 0), ImVec2(dx + size.x, size.y), to_imgui(slide.background, a));
  auto draw_text = [&](const std::string& text, const FontSpec& font, Color color, float x, float y) {
    const TextTexture& t = text_.get(text, font);
    if (!t.texture) return;
    list->AddImage(t.texture, ImVec2(x + dx, y), ImVec2(x + dx + t.width, y + t.height), ImVec2(0, 0),
                   ImVec2(1, 1), to_imgui(color, a));
  };
  int bar_index = 0;
  for (const DisplayItem& item : slide.items) {
    const Rect& r = item.rect;
    switch (item.kind) {
      case ItemKind::Box:
        list->AddRectFilled(ImVec2(r.x + dx, r.y), ImVec2(r.right() + dx, r.bottom()), to_imgui(item.color, a),
                            r.h * 0.12f);
        break;
      case ItemKind::Text: draw_text(item.text, item.font, item.color, r.x, r.y); break;
      case ItemKind::Bar: {
        double p = bar_progress(state.seconds_shown, bar_index++);
        float w = static_cast<float>(r.w * p);
        if (w > 0.5f)
          list->AddRectFilled(ImVec2(r.x + dx, r.y), ImVec2(r.x + dx + w, r.bottom()), to_imgui(item.color, a),
                              std::min(r.h * 0.12f, w / 2));
        float label_x = item.label_rect.x - (r.w - w);
        draw_text(counting_label(item, p), item.font, item.label_color, label_x, item.label_rect.y);
        break;
      }
      case ItemKind::Image:
        if (SDL_Texture* texture = image(item.path))
          list->AddImage(texture, ImVec2(r.x + dx, r.y), ImVec2(r.right() + dx, r.bottom()), ImVec2(0, 0),
                         ImVec2(1, 1), IM_COL32(255, 255, 255, static_cast<int>(255 * a)));
        break;
    }
  }
}

}  // namespace boothdeck
