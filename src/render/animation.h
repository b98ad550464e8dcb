// Animation curves and timings, as pure functions of time since an event.
#pragma once

#include <algorithm>

namespace boothdeck {

constexpr double kTransitionSeconds = 0.45;
constexpr double kBarDelaySeconds = kTransitionSeconds;  // bars start once the slide is in
constexpr double kBarGrowSeconds = 1.1;
constexpr double kBarStaggerSeconds = 0.12;  // each bar starts a little after the one above

inline double ease_out_cubic(double t) {
  t = std::clamp(t, 0.0, 1.0);
  double u = 1 - t;
  return 1 - u * u * u;
}

inline double ease_in_out(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) * (-2 * t + 2) / 2;
}

// Progress 0..1 of bar number `index` at `seconds` after its slide appeared.
inline double bar_progress(double seconds, int index) {
  return ease_out_cubic((seconds - kBarDelaySeconds - index * kBarStaggerSeconds) /
                        kBarGrowSeconds);
}

// How long after a slide appears its bars are still moving.
inline double bars_settle_time(int bar_count) {
  return kBarDelaySeconds + std::max(0, bar_count - 1) * kBarStaggerSeconds + kBarGrowSeconds;
}

}  // namespace boothdeck
