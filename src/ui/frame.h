// One frame, the same for the kiosk, the exporter, the bench and the tests: slides drawn by
// the SlideRenderer (or from their snapshots), then overlays and windows (the operator panel) by
// ImGui on top, within optional regions. Presenting it is the caller's (a window, or a PNG).
//
//   FrameScene scene{.width = 1920, .height = 1080};
//   scene.layers.push_back({&layout.slide(3), DrawState{}});
//   draw_frame(render, ui, scene);
//   next.regions = changed_rects(render, scene, next);   // frame_diff.h: only what changed
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
  bool cached = false;  // drawn from the slide's snapshot (made on first use) unless bars move
};

struct FrameScene {
  int width = 0, height = 0;
  std::vector<SlideLayer> layers = {};  // back to front; none at all: a black screen (blanked)
  std::vector<SDL_Rect> regions = {};   // only these parts are drawn; none: the whole screen
  std::optional<OverlayState> overlay = {};
  const Theme* theme = nullptr;  // for the overlay
  std::function<void()> windows =
      {};  // ImGui windows drawn inside the frame (the panel), unclipped
  double delta_seconds = 1.0 / 60;
};

// Draws into `render`'s renderer. Does nothing when the context has no renderer. ImGui runs only
// when there are windows or a region meets the overlay.
void draw_frame(RenderContext& render, UiContext& ui, const FrameScene& scene);

}  // namespace boothdeck
