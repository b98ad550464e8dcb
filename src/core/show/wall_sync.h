// Many screens, one show, no server: the slide and its phase computed from the wall clock. The
// deck's cycle (its durations end to end) is laid on the time line from 1970-01-01 00:00 UTC, so
// every screen with the same deck and an NTP-synchronised clock shows the same slide at the same
// moment, and nothing jumps at midnight. Pure arithmetic; no clock is read here.
//
//   WallPosition p = wall_position(durations, wall_seconds);   // slide p.slide, p.into seconds in
#pragma once

#include <vector>

namespace boothdeck {

struct WallPosition {
  int slide = 0;
  double into = 0;  // seconds since that slide began, 0 <= into < its duration
  double left = 0;  // seconds until the next slide begins
};

// `durations`: seconds per slide (each > 0; a smaller one counts as 0.05 s, as the show does).
// `wall`: seconds since 1970-01-01 00:00 UTC, with fractions. No slides: slide 0, into 0.
WallPosition wall_position(const std::vector<double>& durations, double wall);

}  // namespace boothdeck
