// The cycle laid on the epoch: fmod for the phase in the cycle, a walk for the slide. A wall
// time near 1.8e9 s keeps about 0.2 µs of precision in a double: far below a frame.
#include "core/show/wall_sync.h"

#include <algorithm>
#include <cmath>

namespace boothdeck {

namespace {
double slide_seconds(double duration) {
  return std::max(0.05, duration);
}
}  // namespace

WallPosition wall_position(const std::vector<double>& durations, double wall) {
  WallPosition p;
  if (durations.empty()) return p;
  double cycle = 0;
  for (double d : durations) cycle += slide_seconds(d);
  double phase = std::fmod(wall, cycle);
  if (phase < 0) phase += cycle;  // a wall clock before 1970: the same cycle, backwards
  for (size_t i = 0; i < durations.size(); ++i) {
    double d = slide_seconds(durations[i]);
    if (phase < d || i + 1 == durations.size()) {
      p.slide = static_cast<int>(i);
      p.into = std::clamp(phase, 0.0, d);
      p.left = d - p.into;
      return p;
    }
    phase -= d;
  }
  return p;
}

}  // namespace boothdeck
