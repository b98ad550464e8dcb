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

struct InputEvent {
  enum class Type { KeyDown, PointerDown, PointerUp, PointerMove };
  Type type = Type::KeyDown;
  double time = 0;  // seconds, same clock as the show
  // Keys.
  Key key = Key::Unknown;
  int digit = 0;  // for Key::Digit
  bool repeat = false;
  // Pointers: fingers and the mouse (id -1). Positions are fractions of the window, 0..1.
  long long pointer = -1;
  float x = 0, y = 0;
};

}  // namespace boothdeck
