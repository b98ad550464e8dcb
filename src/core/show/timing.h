// The show's timers from a deck: each slide's duration (its own, else the deck's), looping and
// idle-return. The one place a slide's duration goes from the deck to the show.
#pragma once

#include "core/deck/deck.h"
#include "core/show/show.h"

namespace boothdeck {

// `duration_override` > 0 (seconds, the --duration flag) replaces every slide's duration.
ShowTiming timing_of(const Deck& deck, double duration_override);

}  // namespace boothdeck
