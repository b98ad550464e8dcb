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

// The counter and the touch hint, in ImGui's foreground list.
void draw_overlay(const OverlayState& state, const Theme& theme, ImDrawList* list, ImVec2 size);
// The progress line, a plain fill: it changes a few times a second, and ImGui's triangles cost
// the software renderer ~0.3 ms a frame even for a few pixels.
void draw_progress_line(SDL_Renderer* renderer, const OverlayState& state, const Theme& theme,
                        int width, int height);

// Where the overlay draws, so that a frame redrawing part of the screen knows what to redraw: the
// progress line as it is at `state.progress` (whole pixels; empty when not shown), the strip it
// grows in along the bottom edge, and the band above it that holds the counter and the hint.
// The counter's and the hint's boxes are empty when they are not shown.
SDL_Rect progress_line_rect(const OverlayState& state, int width, int height);
SDL_Rect progress_strip(const OverlayState& state, int width, int height);
SDL_Rect overlay_band(const OverlayState& state, int width, int height);
SDL_Rect counter_rect(const OverlayState& state, int width, int height);
SDL_Rect hint_rect(const OverlayState& state, int width, int height);

}  // namespace boothdeck
