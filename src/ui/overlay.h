// What a visitor sees besides the slide: a thin progress line for the time left on the slide,
// a slide counter, and in the attract loop a hint that the screen can be touched.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include "core/layout/theme.h"

namespace boothdeck {

struct OverlayState {
  int slide = 0, count = 0;
  double progress = 0;  // 0..1 of the slide's autoplay time
  bool show_progress = true;
  bool show_counter = true;
  bool touch_hint = false;
  float scale = 1;  // viewport short side / 1080
};

extern const char* const kTouchHint;

void draw_overlay(const OverlayState& state, const Theme& theme, ImDrawList* list, ImVec2 size);

// Where the overlay draws, so that a frame redrawing part of the screen knows what to redraw: the
// progress line as it is at `state.progress` (whole pixels; empty when not shown), and the band
// along the bottom edge that holds the line, the counter and the touch hint.
SDL_Rect progress_line_rect(const OverlayState& state, int width, int height);
SDL_Rect overlay_band(const OverlayState& state, int width, int height);

}  // namespace boothdeck
