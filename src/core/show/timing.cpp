// Deck settings → ShowTiming.
#include "core/show/timing.h"

namespace boothdeck {

ShowTiming timing_of(const Deck& deck, double duration_override) {
  ShowTiming timing;
  for (int i = 0; i < static_cast<int>(deck.slides.size()); ++i)
    timing.durations.push_back(duration_override > 0 ? duration_override : deck.duration_of(i));
  timing.loop = deck.settings.loop;
  timing.idle_return = deck.settings.idle_return;
  timing.presenter_timeout = deck.settings.presenter_timeout;
  timing.wall_sync = deck.settings.sync_wallclock;
  return timing;
}

}  // namespace boothdeck
