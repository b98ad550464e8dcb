// One frame, the same for the kiosk, the exporter, the bench and the tests: slides drawn by
// the SlideRenderer, then overlays and windows (the operator panel) by ImGui on top, within an
// optional region. Presenting it is the caller's (a window, or a PNG).
//
//   FrameScene scene{.width = 1920, .height = 1080};
//   scene.layers.push_back({&layout.slide(3), DrawState{}});
//   draw_frame(render, ui, scene);
#pragma once

#include <SDL.h>

#include <functional>
#include <optional>
#include <vector>

#include "core/layout/display_list.h"
#include "render/render_context.h"
#include "render/slide_renderer.h"
#include "ui/overlay.h"
#include "ui/ui_context.h"

namespace boothdeck {

struct SlideLayer {
  const SlideDisplay* slide = nullptr;
  DrawState state;
};

struct FrameScene {
  int width = 0, height = 0;
  std::vector<SlideLayer> layers = {};  // back to front; none at all: a black screen (blanked)
  std::optional<SDL_Rect> region = {};  // only this part is drawn; none: the whole screen
  std::optional<OverlayState> overlay = {};
  const Theme* theme = nullptr;        // for the overlay
  std::function<void()> windows = {};  // ImGui windows drawn inside the frame (the panel)
  double delta_seconds = 1.0 / 60;
};

// Draws into `render`'s renderer. Does nothing when the context has no renderer.
void draw_frame(RenderContext& render, UiContext& ui, const FrameScene& scene);

}  // namespace boothdeck
