// A screen without a display for export, bench and tests: a memory surface, the ImGui
// context and the RenderContext on the surface's software renderer, drawn with the same
// draw_frame() as the kiosk.
//
//   HeadlessScreen screen(fonts, 1920, 1080);
//   if (!screen.start(&error)) ...;
//   screen.draw(scene);
//   screen.surface.save_png("slide-01.png", &error);
#pragma once

#include <string>

#include "render/offscreen.h"
#include "render/render_context.h"
#include "ui/frame.h"
#include "ui/ui_context.h"

namespace boothdeck {

struct HeadlessScreen {
  HeadlessScreen(FontSet& fonts, int width, int height);
  // Makes the renderer; false with `error` when the surface or renderer cannot be made.
  bool start(std::string* error);
  void draw(const FrameScene& scene) { draw_frame(render, ui, scene); }

  OffscreenSurface surface;
  UiContext ui;  // before render: the ImGui backend lives in the context
  RenderContext render;
};

}  // namespace boothdeck
