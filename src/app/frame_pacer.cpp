// Frame decisions (see the header). Every branch here is a reason the screen would change.
#include "app/frame_pacer.h"

#include <algorithm>

namespace boothdeck {

FrameKind FramePacer::decide(double now, const FrameNeeds& needs) const {
  if (dirty_ || settle_ > 0 || needs.transition) return FrameKind::Full;
  if (needs.bars_moving) return FrameKind::Region;
  if (needs.progress_moving && needs.progress_px != progress_drawn_px_ && now - last_progress_ >= kProgressMinStep)
    return FrameKind::Region;
  return FrameKind::None;
}

void FramePacer::drawn(double now, FrameKind kind, int progress_px) {
  if (kind == FrameKind::None) return;
  if (kind == FrameKind::Full) {
    dirty_ = false;
    if (settle_ > 0) --settle_;
  }
  last_frame_ = now;
  last_progress_ = now;
  progress_drawn_px_ = progress_px;
}

double FramePacer::next_wakeup(double now, const FrameNeeds& needs, double deadline, bool vsync) const {
  if (dirty_ || settle_ > 0) return now;
  if (needs.transition || needs.bars_moving) return vsync ? now : std::max(now, last_frame_ + kAnimationStep);
  if (needs.progress_moving)
    deadline = std::min(deadline, std::max(last_progress_ + kProgressMinStep, now + needs.seconds_per_pixel));
  return deadline;
}

}  // namespace boothdeck
