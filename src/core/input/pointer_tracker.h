// One bookkeeper for every pointer, fingers and the mouse alike: which touches are down and who
// owns each, so that no lift is swallowed and no tap counts twice. Pure logic, no SDL.
//
//   PointerTracker tracker;
//   PointerOwner owner = panel_open ? PointerOwner::Panel : PointerOwner::Show;
//   for (const RoutedPointer& r : tracker.feed(event, owner)) deliver(r.owner, r.event);
//   for (const RoutedPointer& r : tracker.cancel(PointerOwner::Show, now)) deliver(...);
//
// A touch is one press of a finger or of the mouse button. Its owner is chosen at the press and
// gets its press, its moves and exactly one end: a PointerUp or a PointerCancel. Events carry a
// number of the tracker's own in `pointer`, never reused, so no owner ever sees a stale or a
// colliding finger id. What the tracker does with events that are lost or come twice:
//  - a lift that never arrives: a touch that has sent nothing for `stale_after` seconds is
//    cancelled when another press comes (a finger held still sends nothing either, so it is
//    only given up when someone else touches); cancel() ends an owner's touches at once (the
//    panel opened over them, the window lost focus);
//  - a press of a finger that is already down: its lift was lost, the old touch is cancelled;
//  - one touch reported twice (a composite touch panel's finger and its mouse pointer, or two
//    interfaces of one panel): a press from another device within `echo_window` seconds and
//    `echo_distance` of a touch's press is that touch's echo, even when the touch has ended
//    already. The echo's own events are dropped, and whichever of the two lifts first ends the
//    touch;
//  - a move or a lift of a pointer whose press the tracker never saw: dropped.
#pragma once

#include <optional>
#include <vector>

#include "core/input/input_event.h"

namespace boothdeck {

struct PointerConfig {
  double stale_after = 1.0;     // seconds of silence after which a touch may be given up
  double echo_window = 0.25;    // seconds between the two reports of one touch
  float echo_distance = 0.04f;  // fraction of the window between them
};

// Who gets a touch: the slide show's gestures, or the operator panel.
enum class PointerOwner { Show, Panel };

struct RoutedPointer {
  PointerOwner owner;
  InputEvent event;  // `pointer` is the touch's own number; `device` the primary report's
};

class PointerTracker {
 public:
  explicit PointerTracker(PointerConfig config = {}) : config_(config) {}

  // A pointer event from the platform; `press_owner` gets it if it starts a new touch. Returns
  // what to deliver, in order (cancels of lost touches first). Keys give nothing.
  std::vector<RoutedPointer> feed(const InputEvent& event, PointerOwner press_owner);
  // Ends every touch of `owner` with a PointerCancel; their later events are dropped.
  std::vector<RoutedPointer> cancel(PointerOwner owner, double now);
  std::vector<RoutedPointer> cancel_all(double now);
  int touches(PointerOwner owner) const;

 private:
  struct Report {
    long long device, pointer;
    bool operator==(const Report&) const = default;
  };
  struct Touch {
    long long id;
    PointerOwner owner;
    Report primary;
    std::optional<Report> echo;
    float press_x, press_y, x, y;
    double pressed, last;
  };

  // A touch that ended without an echo, for an echo that comes late.
  struct Ended {
    Report report;
    float x, y;
    double pressed;
  };

  std::vector<Touch>::iterator find(const Report& report);
  bool is_echo(const Report& report, float x, float y, double pressed,
               const InputEvent& press) const;
  // Delivers the touch's last event and forgets it; the next touch.
  std::vector<Touch>::iterator end(std::vector<Touch>::iterator touch, InputEvent::Type type,
                                   double now, std::vector<RoutedPointer>& out);
  static RoutedPointer routed(const Touch& touch, InputEvent::Type type, double now);

  PointerConfig config_;
  std::vector<Touch> touches_;
  std::vector<Ended> recent_;
  std::vector<Report> late_echoes_;  // their events are dropped until they lift
  long long next_id_ = 1;
};

}  // namespace boothdeck
