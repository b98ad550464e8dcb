// Input events → commands. Key bindings are a table; touch gestures are a small tracker:
// tap (left third back, elsewhere forward), horizontal swipe, long press in a corner.
//
//   InputMapper mapper({.windowed = false});
//   for (Command c : mapper.feed(event)) show.apply(c, now);
//   for (Command c : mapper.update(now)) ...;   // long press fires while the finger is down
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "core/input/input_event.h"
#include "core/show/command.h"
#include "core/show/show.h"

namespace boothdeck {

struct InputConfig {
  bool windowed = false;         // only then do Escape and Q quit
  double tap_max = 0.6;          // seconds a tap may last
  float move_slop = 0.03f;       // movement (fraction of the window) still counted as a tap
  float swipe_min = 0.12f;       // horizontal travel that makes a swipe
  double long_press = 2.5;       // seconds held in a corner to open the operator panel
  float corner = 0.12f;          // size of a corner, fraction of each side
  double touch_debounce = 0.35;  // a visitor's taps closer than this count once
  double digit_timeout = 3.0;    // digits typed for "go to slide N" expire
};

class InputMapper {
 public:
  explicit InputMapper(InputConfig config = {}) : config_(config) {}

  std::vector<Command> feed(const InputEvent& event);
  std::vector<Command> update(double now);
  double next_deadline() const;  // when update() may produce a long press
  // Forgets every pointer that is down: their lifts may never arrive (focus lost, the
  // operator panel took the pointer). The next press starts afresh.
  void cancel_pointers();
  void set_windowed(bool windowed) { config_.windowed = windowed; }

 private:
  std::vector<Command> key(const InputEvent& event);
  std::vector<Command> pointer_down(const InputEvent& event);
  std::vector<Command> pointer_up(const InputEvent& event);
  std::vector<Command> touch_command(CommandKind kind, double now);
  bool in_corner(float x, float y) const;

  struct Gesture {
    long long pointer;
    float start_x, start_y, x, y;
    double start_time;
    bool cancelled = false;
    bool long_press_fired = false;
  };

  InputConfig config_;
  std::optional<Gesture> gesture_;
  std::set<long long> down_;  // every pointer currently down
  double last_touch_command_ = -1e9;
  int digits_ = 0;
  int digit_count_ = 0;
  double last_digit_ = -1e9;
};

}  // namespace boothdeck
