// A million random inputs (fingers on two devices, keys, mouse; lifts lost and doubled) through
// the pointer tracker, the input mapper and the show, as in the kiosk: the state stays valid
// throughout, a tap afterwards still works, and after idle-return the attract loop is back.
#include <doctest/doctest.h>

#include <random>

#include "core/input/input_mapper.h"
#include "core/input/pointer_tracker.h"
#include "core/show/show.h"

using namespace boothdeck;

TEST_CASE("an input storm leaves the show valid, and idle-return restores autoplay") {
  std::mt19937_64 random(20261129);
  const int slides = 17;
  ShowTiming timing{std::vector<double>(slides, 5.0), true, 30};
  double now = 1000;
  Show show(timing, now);
  InputMapper mapper({.windowed = false});
  PointerTracker tracker;
  const Key keys[] = {Key::Right,  Key::Left,   Key::Up,     Key::Down,      Key::PageDown,
                      Key::PageUp, Key::Space,  Key::Enter,  Key::Backspace, Key::Home,
                      Key::End,    Key::Escape, Key::F5,     Key::B,         Key::Period,
                      Key::Q,      Key::Digit,  Key::Unknown};
  int commands = 0, changes = 0, touch_changes = 0;
  for (int i = 0; i < 1000000; ++i) {
    now += std::uniform_real_distribution<double>(0, 0.004)(random);
    InputEvent e;
    e.time = now;
    int kind = static_cast<int>(random() % 4);
    if (kind == 0) {
      e.type = InputEvent::Type::KeyDown;
      e.key = keys[random() % std::size(keys)];
      e.digit = static_cast<int>(random() % 10);
      e.repeat = random() % 8 == 0;
    } else {
      e.type = kind == 1   ? InputEvent::Type::PointerDown
               : kind == 2 ? InputEvent::Type::PointerUp
                           : InputEvent::Type::PointerMove;
      e.pointer = static_cast<long long>(random() % 11) - 1;     // ten fingers and the mouse
      e.device = e.pointer < 0 ? kMouseDevice : e.pointer == 9;  // finger 9 on a second panel
      e.x = std::uniform_real_distribution<float>(-0.1f, 1.1f)(random);  // off-window too
      e.y = std::uniform_real_distribution<float>(-0.1f, 1.1f)(random);
    }
    std::vector<Command> out;
    if (e.type == InputEvent::Type::KeyDown)
      out = mapper.feed(e);
    else
      for (const RoutedPointer& r : tracker.feed(e, PointerOwner::Show))
        for (Command c : mapper.feed(r.event)) out.push_back(c);
    for (Command c : mapper.update(now)) out.push_back(c);
    for (const Command& c : out) {
      if (c.kind == CommandKind::Quit) FAIL("the public quit a fullscreen kiosk");
      ++commands;
      for (const ShowEvent& event : show.apply(c, now)) {
        changes += event.kind == ShowEvent::Kind::SlideShown;
        touch_changes += event.kind == ShowEvent::Kind::SlideShown && event.reason == Reason::Touch;
      }
    }
    for (const ShowEvent& event : show.update(now))
      changes += event.kind == ShowEvent::Kind::SlideShown;
    REQUIRE(show.slide() >= 0);
    REQUIRE(show.slide() < slides);
    REQUIRE(show.progress(now) >= 0);
    REQUIRE(show.progress(now) <= 1);
  }
  CHECK(commands > 1000);
  CHECK(changes > 100);
  // Touch debounce: a storm of taps cannot change slides faster than the debounce allows.
  CHECK(touch_changes > 0);
  CHECK(touch_changes <= (now - 1000) / InputConfig{}.touch_debounce + 1);
  CHECK(tracker.touches(PointerOwner::Show) <= 22);  // never more than the pointers there are

  // Whatever the storm left down, a visitor's tap a little later is a tap.
  InputEvent down;
  down.type = InputEvent::Type::PointerDown;
  down.device = 5;
  down.pointer = 0;
  down.x = 0.8f;
  down.y = 0.5f;
  down.time = now + 2;
  InputEvent up = down;
  up.type = InputEvent::Type::PointerUp;
  up.time = now + 2.1;
  std::vector<Command> tap;
  for (const InputEvent& e : {down, up})
    for (const RoutedPointer& r : tracker.feed(e, PointerOwner::Show))
      for (Command c : mapper.feed(r.event)) tap.push_back(c);
  CHECK(tap == std::vector<Command>{{CommandKind::Next, Source::Touch}});

  // Then nobody touches it: after idle-return it is back in the attract loop, unblanked.
  // (Keys hold the show for the presenter's timeout; then idle-return applies at once.)
  double quiet = now + std::max(timing.idle_return, timing.presenter_timeout) + 0.01;
  show.update(quiet);
  CHECK(show.mode() == Mode::Autoplay);
  CHECK_FALSE(show.blanked());
  CHECK_FALSE(show.held());
  CHECK(show.slide() == 0);
  CHECK(show.next_deadline() == doctest::Approx(quiet + 5));
}
