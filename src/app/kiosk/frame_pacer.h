// When to draw: render on demand. A full frame when the screen must be drawn anew (an expose, a
// new deck), during a slide transition, and for a few frames after input; a region frame
// (only what changed) for a new slide, a fade, growing bars, an animation's last frame at rest,
// and when the progress line has grown by a pixel. Otherwise nothing: the loop sleeps until
// next_wakeup().
// Pure logic with `now` passed in, so the idle test runs a minute of show time in microseconds.
#pragma once

#include <limits>

namespace boothdeck {

// What the screen's content needs right now, as the kiosk sees it.
struct FrameNeeds {
  bool transition = false;       // the whole screen moves (a slide transition)
  bool region_moving = false;    // only a region changes: growing bars, a fade
  bool progress_moving = false;  // the progress line is shown and autoplay is counting
  double progress = 0;           // 0..1 of the slide's time
  double slide_seconds = 1;      // the slide's autoplay duration
  int width = 1;                 // pixels the progress line spans when full

  int progress_px() const;
};

// Region: only what changed since the last frame is drawn and presented.
enum class FrameKind { None, Full, Region };

class FramePacer {
 public:
  static constexpr int kSettleFrames = 3;  // ImGui needs a few frames after input
  // Without vsync (a software screen) animation runs at 30 frames a second: every frame is
  // drawn by the CPU, and 30 is smooth for eased motion at half the cost of 60.
  static constexpr double kAnimationStep = 1.0 / 30;
  static constexpr double kProgressMinStep = 0.25;  // the progress line moves at most 4×/s

  void invalidate() { dirty_ = true; }
  // What the screen shows changed once (another slide, an animation's end): one region frame.
  void changed() { changed_ = true; }
  void input() { settle_ = kSettleFrames; }
  FrameKind decide(double now, const FrameNeeds& needs) const;
  void drawn(double now, FrameKind kind, const FrameNeeds& needs);
  // The next time anything could need drawing; `deadline` is the earliest other timer.
  double next_wakeup(double now, const FrameNeeds& needs, double deadline, bool vsync) const;

 private:
  bool dirty_ = true;
  bool changed_ = false;
  int settle_ = 0;
  double last_frame_ = -1e9;
  double last_progress_ = -1e9;
  int progress_drawn_px_ = -1;
};

}  // namespace boothdeck
