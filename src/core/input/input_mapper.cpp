// Key bindings and the gesture tracker. Clickers are keyboards, and every brand sends its own
// keys (Logitech R400/R800: PageDown/PageUp, '.', F5/Escape; Kensington: PageDown/PageUp, B;
// Logitech Spotlight: arrows), so all of them are bound, and none of them can quit the kiosk.
#include "core/input/input_mapper.h"

#include <cmath>

namespace boothdeck {

namespace {

struct KeyBinding {
  Key key;
  CommandKind command;
  Source source;  // keys that only clickers send are logged as "remote"
};

// clang-format off
constexpr KeyBinding kBindings[] = {
  {Key::PageDown,  CommandKind::Next,        Source::Remote},
  {Key::PageUp,    CommandKind::Previous,    Source::Remote},
  {Key::Period,    CommandKind::ToggleBlank, Source::Remote},
  {Key::B,         CommandKind::ToggleBlank, Source::Remote},
  {Key::F5,        CommandKind::Resume,      Source::Remote},
  {Key::Right,     CommandKind::Next,        Source::Key},
  {Key::Down,      CommandKind::Next,        Source::Key},
  {Key::Space,     CommandKind::Next,        Source::Key},
  {Key::Left,      CommandKind::Previous,    Source::Key},
  {Key::Up,        CommandKind::Previous,    Source::Key},
  {Key::Backspace, CommandKind::Previous,    Source::Key},
  {Key::Home,      CommandKind::First,       Source::Key},
  {Key::End,       CommandKind::Last,        Source::Key},
};
// clang-format on

constexpr int kMaxDigits = 5;

}  // namespace

std::vector<Command> InputMapper::feed(const InputEvent& event) {
  switch (event.type) {
    case InputEvent::Type::KeyDown:
      return key(event);
    case InputEvent::Type::PointerDown:
      return pointer_down(event);
    case InputEvent::Type::PointerUp:
      return pointer_up(event);
    case InputEvent::Type::PointerMove:
      if (gesture_ && gesture_->pointer == event.pointer) {
        gesture_->x = event.x;
        gesture_->y = event.y;
      }
      return {};
  }
  return {};
}

std::vector<Command> InputMapper::key(const InputEvent& event) {
  // A held key repeats; a slide deck should not fly past.
  if (event.repeat) return {};
  if (event.time - last_digit_ > config_.digit_timeout) digit_count_ = digits_ = 0;

  if (event.key == Key::Digit) {
    if (digit_count_ < kMaxDigits) {
      digits_ = digits_ * 10 + event.digit;
      ++digit_count_;
    }
    last_digit_ = event.time;
    return {};
  }
  if (event.key == Key::Enter) {
    bool has_digits = digit_count_ > 0;
    int target = digits_;
    digit_count_ = digits_ = 0;
    if (has_digits)
      return target >= 1 ? std::vector<Command>{{CommandKind::GoTo, Source::Key, target - 1}}
                         : std::vector<Command>{};
    return {{CommandKind::Next, Source::Key}};
  }
  digit_count_ = digits_ = 0;

  // Escape: quits a window; in the kiosk it is a clicker's "stop" and only pauses.
  if (event.key == Key::Escape)
    return {{config_.windowed ? CommandKind::Quit : CommandKind::Pause, Source::Remote}};
  if (event.key == Key::Q)
    return config_.windowed ? std::vector<Command>{{CommandKind::Quit, Source::Key}}
                            : std::vector<Command>{};
  if (event.key == Key::F11)
    return config_.windowed ? std::vector<Command>{{CommandKind::ToggleFullscreen, Source::Key}}
                            : std::vector<Command>{};
  for (const KeyBinding& binding : kBindings)
    if (binding.key == event.key) return {{binding.command, binding.source}};
  return {};
}

void InputMapper::cancel_pointers() {
  down_.clear();
  gesture_.reset();
}

bool InputMapper::in_corner(float x, float y) const {
  bool edge_x = x < config_.corner || x > 1 - config_.corner;
  bool edge_y = y < config_.corner || y > 1 - config_.corner;
  return edge_x && edge_y;
}

std::vector<Command> InputMapper::pointer_down(const InputEvent& event) {
  down_.insert(event.pointer);
  if (down_.size() > 1) {
    // A second finger: a pinch or a palm, not a tap. Nothing happens until all are lifted.
    if (gesture_) gesture_->cancelled = true;
    return {};
  }
  gesture_ = Gesture{event.pointer, event.x, event.y, event.x, event.y, event.time};
  return {};
}

std::vector<Command> InputMapper::pointer_up(const InputEvent& event) {
  down_.erase(event.pointer);
  if (!gesture_ || gesture_->pointer != event.pointer) {
    if (down_.empty()) gesture_.reset();
    return {};
  }
  Gesture g = *gesture_;
  gesture_.reset();
  if (g.cancelled || g.long_press_fired) return {};
  float dx = event.x - g.start_x, dy = event.y - g.start_y;
  double held = event.time - g.start_time;
  if (std::fabs(dx) >= config_.swipe_min && std::fabs(dx) > 2 * std::fabs(dy))
    return touch_command(dx < 0 ? CommandKind::Next : CommandKind::Previous, event.time);
  bool still = std::fabs(dx) < config_.move_slop && std::fabs(dy) < config_.move_slop;
  if (still && held <= config_.tap_max)
    return touch_command(g.start_x < 1.0f / 3 ? CommandKind::Previous : CommandKind::Next,
                         event.time);
  return {};
}

std::vector<Command> InputMapper::touch_command(CommandKind kind, double now) {
  if (now - last_touch_command_ < config_.touch_debounce) return {};
  last_touch_command_ = now;
  return {{kind, Source::Touch}};
}

double InputMapper::next_deadline() const {
  if (!gesture_ || gesture_->cancelled || gesture_->long_press_fired) return kNever;
  if (!in_corner(gesture_->start_x, gesture_->start_y)) return kNever;
  return gesture_->start_time + config_.long_press;
}

std::vector<Command> InputMapper::update(double now) {
  if (now < next_deadline()) return {};
  float dx = gesture_->x - gesture_->start_x, dy = gesture_->y - gesture_->start_y;
  gesture_->long_press_fired = true;
  if (std::fabs(dx) > config_.move_slop || std::fabs(dy) > config_.move_slop) return {};
  return {{CommandKind::OpenPanel, Source::Touch}};
}

}  // namespace boothdeck
