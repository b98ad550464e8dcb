// The diff walks the two scenes layer by layer; anything it cannot reason about precisely (a
// slide transition, blanking, another background) is the whole screen.
#include "ui/frame_diff.h"

#include <algorithm>
#include <cmath>

#include "render/rect_set.h"

namespace boothdeck {

namespace {

Uint8 alpha8(const DrawState& s) {
  return static_cast<Uint8>(std::lround(255 * std::clamp(s.alpha, 0.0f, 1.0f)));
}

// The overlay's parts that changed, other than the progress line's length.
void overlay_changes(const OverlayState& a, const OverlayState& b, int w, int h,
                     std::vector<SDL_Rect>* out) {
  if (a.show_progress != b.show_progress || a.scale != b.scale) {
    add_rect(*out, overlay_band(b, w, h));
    add_rect(*out, progress_strip(b, w, h));
    return;
  }
  if (a.slide != b.slide || a.count != b.count || a.show_counter != b.show_counter) {
    add_rect(*out, counter_rect(a, w, h));
    add_rect(*out, counter_rect(b, w, h));
  }
  if (a.touch_hint != b.touch_hint) add_rect(*out, hint_rect(a.touch_hint ? a : b, w, h));
}

bool moves(const std::vector<SlideLayer>& layers) {
  for (const SlideLayer& l : layers)
    if (l.state.offset_x != 0 || l.state.offset_y != 0) return true;
  return false;
}

}  // namespace

std::vector<SDL_Rect> changed_rects(RenderContext& render, const FrameScene& before,
                                    const FrameScene& after) {
  const int w = after.width, h = after.height;
  const std::vector<SDL_Rect> whole{{0, 0, w, h}};
  if (before.width != w || before.height != h || moves(before.layers) || moves(after.layers) ||
      before.layers.empty() != after.layers.empty())
    return whole;
  std::vector<SDL_Rect> out;
  auto ink = [&](const SlideLayer& l) { add_rects(out, render.snapshots().ink(*l.slide, w, h)); };
  bool same_slides = before.layers.size() == after.layers.size();
  for (size_t i = 0; same_slides && i < after.layers.size(); ++i)
    same_slides = before.layers[i].slide == after.layers[i].slide;
  if (!same_slides) {
    // Another slide: what the old ones drew goes, what the new ones draw comes, over one
    // background.
    const SlideDisplay* first = nullptr;
    for (const auto* scene : {&before, &after})
      for (const SlideLayer& l : scene->layers) {
        if (!l.slide) continue;
        if (!first) first = l.slide;
        if (l.slide->background != first->background) return whole;
        ink(l);
      }
  } else {
    for (size_t i = 0; i < after.layers.size(); ++i) {
      const SlideLayer &a = before.layers[i], &b = after.layers[i];
      if (!b.slide) continue;
      if (alpha8(a.state) != alpha8(b.state))
        ink(b);
      else if (a.state.seconds_shown != b.state.seconds_shown)
        render.slides().bar_changes(*b.slide, a.state.seconds_shown, b.state.seconds_shown, &out);
    }
  }
  if (before.overlay.has_value() != after.overlay.has_value()) {
    const OverlayState& o = after.overlay ? *after.overlay : *before.overlay;
    add_rect(out, overlay_band(o, w, h));
    add_rect(out, progress_strip(o, w, h));
  } else if (after.overlay) {
    overlay_changes(*before.overlay, *after.overlay, w, h, &out);
    // The line grows (or starts again): the pixels between its old and its new end.
    SDL_Rect a = progress_line_rect(*before.overlay, w, h);
    SDL_Rect b = progress_line_rect(*after.overlay, w, h);
    if (a.w != b.w) {
      int x0 = std::min(a.w, b.w), x1 = std::max(a.w, b.w);
      int top = std::min(a.w > 0 ? a.y : h, b.w > 0 ? b.y : h);
      add_rect(out, SDL_Rect{x0, top, x1 - x0, h - top});
    }
  }
  clip_rects(out, whole.front());
  return out;
}

}  // namespace boothdeck
