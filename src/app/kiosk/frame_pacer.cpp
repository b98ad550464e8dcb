// Frame decisions (see the header). Every branch here is a reason the screen would change.
#include "app/kiosk/frame_pacer.h"

#include <algorithm>
#include <cmath>

namespace boothdeck {

int FrameNeeds::progress_px() const {
  return progress_moving ? static_cast<int>(std::lround(progress * width)) : 0;
}

FrameKind FramePacer::decide(double now, const FrameNeeds& needs) const {
  if (dirty_ || settle_ > 0 || needs.transition) return FrameKind::Full;
  if (changed_ || needs.region_moving) return FrameKind::Region;
  if (needs.progress_moving && needs.progress_px() != progress_drawn_px_ &&
      now >= last_progress_ + kProgressMinStep)  // the sum next_wakeup() wakes at
    return FrameKind::Region;
  return FrameKind::None;
}

void FramePacer::drawn(double now, FrameKind kind, const FrameNeeds& needs) {
  if (kind == FrameKind::None) return;
  changed_ = false;
  if (kind == FrameKind::Full) {
    dirty_ = false;
    if (settle_ > 0) --settle_;
  }
  last_frame_ = now;
  last_progress_ = now;
  progress_drawn_px_ = needs.progress_px();
}

double FramePacer::next_wakeup(double now, const FrameNeeds& needs, double deadline,
                               bool vsync) const {
  if (dirty_ || changed_ || settle_ > 0) return now;
  if (needs.transition || needs.region_moving)
    return vsync ? now : std::max(now, last_frame_ + kAnimationStep);
  if (needs.progress_moving) {
    // When the line reaches the next pixel (rounding flips half a pixel early), but no sooner
    // than kProgressMinStep after the last strip.
    double next_px = (progress_drawn_px_ + 0.5) / std::max(1, needs.width);
    double grows_at = now + std::max(0.0, next_px - needs.progress) * needs.slide_seconds;
    deadline = std::min(deadline, std::max(last_progress_ + kProgressMinStep, grows_at));
  }
  return deadline;
}

}  // namespace boothdeck
