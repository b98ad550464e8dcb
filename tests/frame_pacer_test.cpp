// Render on demand, with a fake clock: a static slide draws nothing, a moving progress line
// draws a few strips a second, animation draws every frame, input settles in three frames.
#include "app/kiosk/frame_pacer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace boothdeck;

namespace {

// Runs the loop as the kiosk does: sleep until next_wakeup, decide, draw. Counts frames.
struct Counts {
  int full = 0, progress = 0, wakeups = 0;
};
Counts run(FramePacer& pacer, double from, double to,
           const std::function<FrameNeeds(double)>& needs, double deadline = 1e18,
           bool vsync = false) {
  Counts counts;
  double now = from;
  while (now < to) {
    FrameKind kind = pacer.decide(now, needs(now));
    if (kind == FrameKind::Full) ++counts.full;
    if (kind == FrameKind::Region) ++counts.progress;
    pacer.drawn(now, kind, needs(now));
    double next = pacer.next_wakeup(now, needs(now), deadline, vsync);
    ++counts.wakeups;
    // The loop never sleeps longer than half a second (so SIGTERM is seen).
    now = std::max(now + 1e-6, std::min(next, now + 0.5));
  }
  return counts;
}

}  // namespace

TEST_CASE("a static slide costs one frame, then none for a minute") {
  // (with vsync the pace is the display's; these runs are the software screen's)
  FramePacer pacer;
  Counts c = run(pacer, 0, 60, [](double) { return FrameNeeds{}; });
  CHECK(c.full == 1);
  CHECK(c.progress == 0);
  CHECK(c.wakeups <= 121);  // a wake-up every half second at most, and nothing drawn
}

TEST_CASE("a progress line draws strips at most four times a second") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.progress_moving = true;
    n.slide_seconds = 10;  // a 10 s slide on a 1920-pixel screen
    n.width = 1920;
    n.progress = std::fmod(now, 10.0) / 10;
    return n;
  };
  Counts c = run(pacer, 0, 60, needs);
  CHECK(c.full == 1);
  CHECK(c.progress > 60 * 3);
  CHECK(c.progress <= 60 * 4 + 1);
}

TEST_CASE("a slow progress line draws only when it grows by a pixel") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.progress_moving = true;
    n.slide_seconds = 1920;  // one pixel a second
    n.width = 1920;
    n.progress = now / 1920;
    return n;
  };
  Counts c = run(pacer, 0, 60, needs);
  CHECK(c.progress <= 61);
  CHECK(c.progress >= 55);
  CHECK(c.wakeups <= 2 * 61 + 121);  // it sleeps until the next pixel, it does not spin
}

TEST_CASE("a transition draws full frames at 30 Hz without vsync, then stops") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.transition = now < 1.5;
    return n;
  };
  Counts c = run(pacer, 0, 10, needs);
  CHECK(c.full >= 43);
  CHECK(c.full <= 48);
}

TEST_CASE("growing bars draw only their region, at 30 Hz, then stop") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.region_moving = now < 1.5;
    return n;
  };
  Counts c = run(pacer, 0, 10, needs);
  CHECK(c.full == 1);  // the slide itself, once
  CHECK(c.progress >= 43);
  CHECK(c.progress <= 48);
}

TEST_CASE("input settles in three full frames; invalidate draws one") {
  FramePacer pacer;
  run(pacer, 0, 1, [](double) { return FrameNeeds{}; });
  pacer.input();
  Counts c = run(pacer, 1, 2, [](double) { return FrameNeeds{}; });
  CHECK(c.full == FramePacer::kSettleFrames);
  pacer.invalidate();
  c = run(pacer, 2, 3, [](double) { return FrameNeeds{}; });
  CHECK(c.full == 1);
}

TEST_CASE("other deadlines wake the loop without drawing") {
  FramePacer pacer;
  FrameNeeds still;
  pacer.drawn(0, FrameKind::Full, still);
  CHECK(pacer.next_wakeup(0, still, 0.25, false) == 0.25);
  CHECK(pacer.decide(0.25, still) == FrameKind::None);
}
