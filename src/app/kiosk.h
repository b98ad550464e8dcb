// The kiosk: a fullscreen (or windowed) show driven by timers, touch and clickers, drawn only
// when something changes, reloading the deck when its file changes.
#pragma once

#include "app/deck_source.h"
#include "app/options.h"

namespace boothdeck {

int run_kiosk(const Options& options, LoadedDeck deck);

}  // namespace boothdeck
