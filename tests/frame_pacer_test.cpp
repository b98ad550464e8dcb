// Render on demand, with a fake clock: a static slide draws nothing, a moving progress line
// draws a few strips a second, animation draws every frame, input settles in three frames.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "app/frame_pacer.h"

using namespace boothdeck;

namespace {

// Runs the loop as the kiosk does: sleep until next_wakeup, decide, draw. Counts frames.
struct Counts {
  int full = 0, progress = 0, wakeups = 0;
};
Counts run(FramePacer& pacer, double from, double to, const std::function<FrameNeeds(double)>& needs,
           double deadline = 1e18, bool vsync = false) {
  Counts counts;
  double now = from;
  while (now < to) {
    FrameKind kind = pacer.decide(now, needs(now));
    if (kind == FrameKind::Full) ++counts.full;
    if (kind == FrameKind::Region) ++counts.progress;
    pacer.drawn(now, kind, needs(now).progress_px);
    double next = pacer.next_wakeup(now, needs(now), deadline, vsync);
    ++counts.wakeups;
    // The loop never sleeps longer than half a second (so SIGTERM is seen).
    now = std::max(now + 1e-6, std::min(next, now + 0.5));
  }
  return counts;
}

}  // namespace

TEST_CASE("a static slide costs one frame, then none for a minute") {
  FramePacer pacer;
  Counts c = run(pacer, 0, 60, [](double) { return FrameNeeds{}; });
  CHECK(c.full == 1);
  CHECK(c.progress == 0);
  CHECK(c.wakeups <= 121);  // a wake-up every half second at most, and nothing drawn
}

TEST_CASE("a progress line draws strips at most ten times a second") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.progress_moving = true;
    n.seconds_per_pixel = 10.0 / 1920;  // a 10 s slide on a 1920-pixel screen
    n.progress_px = static_cast<int>(now / n.seconds_per_pixel) % 1920;
    return n;
  };
  Counts c = run(pacer, 0, 60, needs);
  CHECK(c.full == 1);
  CHECK(c.progress > 60 * 5);
  CHECK(c.progress <= 60 * 10 + 1);
}

TEST_CASE("a slow progress line draws only when it grows by a pixel") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.progress_moving = true;
    n.seconds_per_pixel = 1;  // one pixel a second
    n.progress_px = static_cast<int>(now);
    return n;
  };
  Counts c = run(pacer, 0, 60, needs);
  CHECK(c.progress <= 61);
  CHECK(c.progress >= 55);
}

TEST_CASE("a transition draws full frames at 60 Hz without vsync, then stops") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.transition = now < 1.5;
    return n;
  };
  Counts c = run(pacer, 0, 10, needs);
  CHECK(c.full >= 85);
  CHECK(c.full <= 95);
}

TEST_CASE("growing bars draw only their region, at 60 Hz, then stop") {
  FramePacer pacer;
  auto needs = [](double now) {
    FrameNeeds n;
    n.bars_moving = now < 1.5;
    return n;
  };
  Counts c = run(pacer, 0, 10, needs);
  CHECK(c.full == 1);  // the slide itself, once
  CHECK(c.progress >= 85);
  CHECK(c.progress <= 95);
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
  pacer.drawn(0, FrameKind::Full, 0);
  CHECK(pacer.next_wakeup(0, still, 0.25, false) == 0.25);
  CHECK(pacer.decide(0.25, still) == FrameKind::None);
}
