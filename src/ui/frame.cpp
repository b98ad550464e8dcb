// The frame sequence: ImGui frame begins, slides are blitted (clipped to the region), ImGui's
// overlay and windows are rendered over them.
#include "ui/frame.h"

#include <imgui.h>

namespace boothdeck {

void draw_frame(RenderContext& render, UiContext& ui, const FrameScene& scene) {
  if (!render.ok()) return;
  SDL_Renderer* renderer = render.renderer();
  render.begin_ui_frame();
  ui.begin_frame(scene.width, scene.height, scene.delta_seconds);
  ImDrawList* foreground = ImGui::GetForegroundDrawList();
  if (scene.region) {
    const SDL_Rect& r = *scene.region;
    SDL_RenderSetClipRect(renderer, &r);
    foreground->PushClipRect(ImVec2(static_cast<float>(r.x), static_cast<float>(r.y)),
                             ImVec2(static_cast<float>(r.x + r.w), static_cast<float>(r.y + r.h)));
  }
  if (scene.layers.empty()) {
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderFillRect(renderer, nullptr);
  }
  for (const SlideLayer& layer : scene.layers)
    if (layer.slide) render.slides().draw(*layer.slide, layer.state, scene.width, scene.height);
  if (scene.overlay && scene.theme)
    draw_overlay(*scene.overlay, *scene.theme, foreground,
                 ImVec2(static_cast<float>(scene.width), static_cast<float>(scene.height)));
  if (scene.region) foreground->PopClipRect();
  if (scene.windows) scene.windows();
  ui.end_frame();
  render.render_ui();  // leaves the clip rect reset
  SDL_RenderSetClipRect(renderer, nullptr);
}

}  // namespace boothdeck
