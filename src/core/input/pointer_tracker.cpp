// The touch table. A handful of touches at most, so vectors searched linearly.
#include "core/input/pointer_tracker.h"

#include <algorithm>
#include <cmath>

namespace boothdeck {

namespace {
constexpr size_t kMaxLateEchoes = 16;  // a device that never lifts cannot grow the list
}

std::vector<PointerTracker::Touch>::iterator PointerTracker::find(const Report& report) {
  return std::find_if(touches_.begin(), touches_.end(), [&](const Touch& t) {
    return t.primary == report || (t.echo && *t.echo == report);
  });
}

bool PointerTracker::is_echo(const Report& report, float x, float y, double pressed,
                             const InputEvent& press) const {
  return report.device != press.device && std::fabs(press.time - pressed) <= config_.echo_window &&
         std::hypot(press.x - x, press.y - y) <= config_.echo_distance;
}

RoutedPointer PointerTracker::routed(const Touch& touch, InputEvent::Type type, double now) {
  InputEvent e;
  e.type = type;
  e.time = now;
  e.device = touch.primary.device;
  e.pointer = touch.id;
  e.x = touch.x;
  e.y = touch.y;
  return {touch.owner, e};
}

std::vector<PointerTracker::Touch>::iterator PointerTracker::end(std::vector<Touch>::iterator touch,
                                                                 InputEvent::Type type, double now,
                                                                 std::vector<RoutedPointer>& out) {
  out.push_back(routed(*touch, type, now));
  if (!touch->echo)
    recent_.push_back({touch->primary, touch->press_x, touch->press_y, touch->pressed});
  return touches_.erase(touch);
}

std::vector<RoutedPointer> PointerTracker::feed(const InputEvent& event, PointerOwner press_owner) {
  using Type = InputEvent::Type;
  std::vector<RoutedPointer> out;
  if (event.type == Type::KeyDown) return out;
  const Report report{event.device, event.pointer};
  const double now = event.time;
  auto late = std::find(late_echoes_.begin(), late_echoes_.end(), report);

  if (event.type == Type::PointerDown) {
    // The same finger cannot go down twice: the lift in between was lost.
    if (late != late_echoes_.end()) late_echoes_.erase(late);
    if (auto touch = find(report); touch != touches_.end())
      end(touch, Type::PointerCancel, now, out);
    auto stale = [&](const Touch& t) { return now - t.last > config_.stale_after; };
    for (auto it = touches_.begin();
         (it = std::find_if(it, touches_.end(), stale)) != touches_.end();)
      it = end(it, Type::PointerCancel, now, out);
    std::erase_if(recent_, [&](const Ended& e) { return now - e.pressed > config_.echo_window; });
    for (Touch& t : touches_) {
      if (!t.echo && is_echo(t.primary, t.press_x, t.press_y, t.pressed, event)) {
        t.echo = report;
        t.last = now;
        return out;
      }
    }
    for (const Ended& e : recent_) {
      if (is_echo(e.report, e.x, e.y, e.pressed, event)) {
        if (late_echoes_.size() == kMaxLateEchoes) late_echoes_.erase(late_echoes_.begin());
        late_echoes_.push_back(report);
        return out;
      }
    }
    touches_.push_back({next_id_++, press_owner, report, std::nullopt, event.x, event.y, event.x,
                        event.y, now, now});
    out.push_back(routed(touches_.back(), Type::PointerDown, now));
    return out;
  }

  if (late != late_echoes_.end()) {
    if (event.type != Type::PointerMove) late_echoes_.erase(late);
    return out;
  }
  auto touch = find(report);
  if (touch == touches_.end()) return out;
  touch->last = now;
  if (event.type == Type::PointerMove) {
    if (touch->primary == report) {
      touch->x = event.x;
      touch->y = event.y;
      out.push_back(routed(*touch, Type::PointerMove, now));
    }
    return out;
  }
  // A lift or a cancel, from either report of the touch, ends it where that report lifted.
  touch->x = event.x;
  touch->y = event.y;
  end(touch, event.type, now, out);
  return out;
}

std::vector<RoutedPointer> PointerTracker::cancel(PointerOwner owner, double now) {
  std::vector<RoutedPointer> out;
  auto owned = [&](const Touch& t) { return t.owner == owner; };
  for (auto it = touches_.begin();
       (it = std::find_if(it, touches_.end(), owned)) != touches_.end();)
    it = end(it, InputEvent::Type::PointerCancel, now, out);
  return out;
}

std::vector<RoutedPointer> PointerTracker::cancel_all(double now) {
  std::vector<RoutedPointer> out = cancel(PointerOwner::Show, now);
  for (RoutedPointer& r : cancel(PointerOwner::Panel, now)) out.push_back(r);
  return out;
}

int PointerTracker::touches(PointerOwner owner) const {
  return static_cast<int>(std::count_if(touches_.begin(), touches_.end(),
                                        [&](const Touch& t) { return t.owner == owner; }));
}

}  // namespace boothdeck
