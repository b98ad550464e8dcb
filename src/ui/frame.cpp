// The frame sequence: for each region the slides and the progress line (clipped to it), then
// one ImGui frame for the counter and hint where a region meets them, and for the windows.
#include "ui/frame.h"

#include <imgui.h>

namespace boothdeck {

void draw_frame(RenderContext& render, UiContext& ui, const FrameScene& scene) {
  if (!render.ok()) return;
  SDL_Renderer* renderer = render.renderer();
  const std::vector<SDL_Rect> whole{{0, 0, scene.width, scene.height}};
  const std::vector<SDL_Rect>& regions = scene.regions.empty() ? whole : scene.regions;
  for (const SDL_Rect& region : regions) {
    SDL_RenderSetClipRect(renderer, &region);
    if (scene.layers.empty()) {
      SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
      SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
      SDL_RenderFillRect(renderer, nullptr);
    }
    for (const SlideLayer& layer : scene.layers) {
      if (!layer.slide) continue;
      if (layer.cached &&
          render.snapshots().draw(*layer.slide, layer.state, scene.width, scene.height))
        continue;
      render.slides().draw(*layer.slide, layer.state, scene.width, scene.height);
    }
    if (scene.overlay && scene.theme)
      draw_progress_line(renderer, *scene.overlay, *scene.theme, scene.width, scene.height);
  }
  // The overlay is drawn once for each region it meets, clipped to it: a translucent overlay
  // over pixels that were not redrawn would darken with every frame.
  std::vector<SDL_Rect> overlaid;
  if (scene.overlay && scene.theme) {
    SDL_Rect band = overlay_band(*scene.overlay, scene.width, scene.height);
    for (const SDL_Rect& region : regions)
      if (SDL_HasIntersection(&region, &band)) overlaid.push_back(region);
  }
  if (!overlaid.empty() || scene.windows) {
    render.begin_ui_frame();
    ui.begin_frame(scene.width, scene.height, scene.delta_seconds);
    ImDrawList* foreground = ImGui::GetForegroundDrawList();
    ImVec2 size(static_cast<float>(scene.width), static_cast<float>(scene.height));
    for (const SDL_Rect& r : overlaid) {
      foreground->PushClipRect(
          ImVec2(static_cast<float>(r.x), static_cast<float>(r.y)),
          ImVec2(static_cast<float>(r.x + r.w), static_cast<float>(r.y + r.h)));
      draw_overlay(*scene.overlay, *scene.theme, foreground, size);
      foreground->PopClipRect();
    }
    if (scene.windows) scene.windows();
    ui.end_frame();
    render.render_ui();  // leaves the clip rect reset
  }
  SDL_RenderSetClipRect(renderer, nullptr);
}

}  // namespace boothdeck
