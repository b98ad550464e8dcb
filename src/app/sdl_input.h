// SDL events → platform-neutral input events (the only place that knows SDL's key codes).
#pragma once

#include <SDL.h>

#include <optional>

#include "core/input/input_event.h"

namespace boothdeck {

std::optional<InputEvent> translate_sdl_event(const SDL_Event& event, double now, int window_w,
                                              int window_h);

}  // namespace boothdeck
