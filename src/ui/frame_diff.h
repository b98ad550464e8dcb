// Which parts of the screen differ between two frames, so a software screen redraws and
// presents only those: a fading slide's ink, each bar that grew and its label, the pixels the
// progress line gained, the overlay's band when its counter or hint changed. Both scenes must
// point into the same laid-out deck: after a reload or a new layout, draw a whole frame.
//
//   FrameScene next = kiosk_scene(now);
//   next.regions = changed_rects(render, last, next);   // empty: nothing to draw
#pragma once

#include <SDL.h>

#include <vector>

#include "render/render_context.h"
#include "ui/frame.h"

namespace boothdeck {

// The rectangles (merged, within the screen) whose pixels differ from `before` in `after`; the
// whole screen when the slides move or the screen goes blank, none when nothing changed.
// Uses `render` for the slides' ink and bar labels (their textures' sizes).
std::vector<SDL_Rect> changed_rects(RenderContext& render, const FrameScene& before,
                                    const FrameScene& after);

}  // namespace boothdeck
