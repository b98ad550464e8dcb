// SDL events → the platform's events and platform-neutral input events. The only place that
// knows SDL's key codes and event types; tests feed it synthesised SDL events.
#pragma once

#include <SDL.h>

#include <optional>
#include <vector>

#include "app/platform/platform.h"
#include "core/input/input_event.h"

namespace boothdeck {

// A key, a finger, or the left mouse button (down, up, dragged) as an InputEvent; positions
// become fractions of the window (`window_w` × `window_h` in window points for the mouse).
std::optional<InputEvent> translate_sdl_event(const SDL_Event& event, double now, int window_w,
                                              int window_h);

// Everything the kiosk reacts to, input included. `surface_mode`: the renderer draws into the
// window surface, which SDL invalidates on a resize.
std::vector<PlatformEvent> translate_platform_event(const SDL_Event& event, double now,
                                                    int window_w, int window_h, bool surface_mode);

}  // namespace boothdeck
