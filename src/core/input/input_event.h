// Platform-neutral input: what src/app makes of SDL events, and what tests synthesise.
#pragma once

namespace boothdeck {

enum class Key {
  Unknown,
  Right,
  Left,
  Up,
  Down,
  PageDown,
  PageUp,
  Space,
  Enter,
  Backspace,
  Home,
  End,
  Escape,
  F5,
  B,
  Period,
  Q,
  F11,
  Digit
};

constexpr long long kMouseDevice = -1;

struct InputEvent {
  // PointerCancel: the pointer is gone without a lift (see PointerTracker); nothing it started
  // may act.
  enum class Type { KeyDown, PointerDown, PointerUp, PointerMove, PointerCancel };
  Type type = Type::KeyDown;
  double time = 0;  // seconds, same clock as the show
  // Keys.
  Key key = Key::Unknown;
  int digit = 0;  // for Key::Digit
  bool repeat = false;
  // Pointers: fingers and the mouse. `device` is the touch device (SDL's touchId), or
  // kMouseDevice; `pointer` the finger on it (-1 for the mouse). Positions are fractions of the
  // window, 0..1.
  long long device = kMouseDevice;
  long long pointer = -1;
  float x = 0, y = 0;
};

}  // namespace boothdeck
