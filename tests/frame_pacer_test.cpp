// Render-on-demand decisions one at a time, with `now` passed in. Whole runs of the loop (a
// static minute, a progress line, an animation) are in kiosk_test.cpp, on the real loop.
#include "app/kiosk/frame_pacer.h"

#include <doctest/doctest.h>

using namespace boothdeck;

TEST_CASE("a drawn, unchanged screen needs no frame and sleeps until the next deadline") {
  FramePacer pacer;
  FrameNeeds still;
  CHECK(pacer.decide(0, still) == FrameKind::Full);  // the first frame
  pacer.drawn(0, FrameKind::Full, still);
  CHECK(pacer.decide(0.1, still) == FrameKind::None);
  CHECK(pacer.next_wakeup(0.1, still, 7.5, false) == 7.5);
  pacer.invalidate();
  CHECK(pacer.decide(0.2, still) == FrameKind::Full);
}

TEST_CASE("input settles in three full frames, then stops") {
  FramePacer pacer;
  FrameNeeds still;
  pacer.drawn(0, FrameKind::Full, still);
  pacer.input();
  for (int i = 0; i < FramePacer::kSettleFrames; ++i) {
    CHECK(pacer.next_wakeup(i, still, 100, false) == i);
    REQUIRE(pacer.decide(i, still) == FrameKind::Full);
    pacer.drawn(i, FrameKind::Full, still);
  }
  CHECK(pacer.decide(10, still) == FrameKind::None);
}

TEST_CASE("a progress line: a strip when it grows by a pixel, at most four a second") {
  FramePacer pacer;
  FrameNeeds line;
  line.progress_moving = true;
  line.slide_seconds = 10;
  line.width = 1920;
  line.progress = 0;
  pacer.drawn(0, FrameKind::Full, line);
  line.progress = 0.3 / 10;  // 58 pixels later, 0.3 s on
  CHECK(pacer.decide(0.3, line) == FrameKind::Region);
  pacer.drawn(0.3, FrameKind::Region, line);
  line.progress = 0.4 / 10;
  CHECK(pacer.decide(0.4, line) == FrameKind::None);  // only 0.1 s since the last strip
  CHECK(pacer.next_wakeup(0.4, line, 100, false) == doctest::Approx(0.55));
  // A slow line (a pixel a second) wakes when it reaches the next pixel, not before.
  FramePacer slow;
  line.slide_seconds = 1920;
  line.progress = 0;
  slow.drawn(0, FrameKind::Full, line);
  CHECK(slow.next_wakeup(0.1, line, 100, false) == doctest::Approx(0.1 + 0.5));  // half a pixel on
}

TEST_CASE("animation: full frames for a transition, region frames for bars, 30 Hz without vsync") {
  FramePacer pacer;
  FrameNeeds moving;
  pacer.drawn(0, FrameKind::Full, moving);
  moving.transition = true;
  CHECK(pacer.decide(0.01, moving) == FrameKind::Full);
  CHECK(pacer.next_wakeup(0.01, moving, 100, false) == doctest::Approx(1.0 / 30));
  CHECK(pacer.next_wakeup(0.01, moving, 100, true) == doctest::Approx(0.01));  // vsync paces
  moving.transition = false;
  moving.region_moving = true;
  CHECK(pacer.decide(0.01, moving) == FrameKind::Region);
}
