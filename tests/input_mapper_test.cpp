// Input events → commands: the key binding table, digits+Enter, repeats, windowed vs kiosk
// quitting, and the touch gestures (tap, swipe, long press in a corner, second finger, debounce).
#include "core/input/input_mapper.h"

#include <doctest/doctest.h>

#include <vector>

using namespace boothdeck;

namespace {

using Commands = std::vector<Command>;
using Type = InputEvent::Type;

InputEvent key(Key k, double time, bool repeat = false) {
  InputEvent e;
  e.type = Type::KeyDown;
  e.key = k;
  e.time = time;
  e.repeat = repeat;
  return e;
}

InputEvent digit(int d, double time) {
  InputEvent e = key(Key::Digit, time);
  e.digit = d;
  return e;
}

InputEvent pointer(Type type, long long id, float x, float y, double time) {
  InputEvent e;
  e.type = type;
  e.pointer = id;
  e.x = x;
  e.y = y;
  e.time = time;
  return e;
}

// A finger (or the mouse) goes down at one point and comes up at another; returns what the up
// gives.
Commands stroke(InputMapper& mapper, long long id, float x0, float y0, float x1, float y1,
                double t0, double t1) {
  Commands down = mapper.feed(pointer(Type::PointerDown, id, x0, y0, t0));
  CHECK(down.empty());
  mapper.feed(pointer(Type::PointerMove, id, x1, y1, (t0 + t1) / 2));
  return mapper.feed(pointer(Type::PointerUp, id, x1, y1, t1));
}

Commands tap(InputMapper& mapper, float x, float y, double t, long long id = 1) {
  return stroke(mapper, id, x, y, x, y, t, t + 0.1);
}

const Command kNextTouch{CommandKind::Next, Source::Touch};
const Command kPreviousTouch{CommandKind::Previous, Source::Touch};
const Command kOpenPanel{CommandKind::OpenPanel, Source::Touch};

struct Row {
  Key key;
  CommandKind command;
  Source source;
};

// The bindings promised to users, clicker keys as "remote".
// clang-format off
const Row kTable[] = {
  {Key::PageDown,  CommandKind::Next,        Source::Remote},
  {Key::PageUp,    CommandKind::Previous,    Source::Remote},
  {Key::B,         CommandKind::ToggleBlank, Source::Remote},
  {Key::Period,    CommandKind::ToggleBlank, Source::Remote},
  {Key::F5,        CommandKind::Resume,      Source::Remote},
  {Key::Right,     CommandKind::Next,        Source::Key},
  {Key::Down,      CommandKind::Next,        Source::Key},
  {Key::Space,     CommandKind::Next,        Source::Key},
  {Key::Enter,     CommandKind::Next,        Source::Key},
  {Key::Left,      CommandKind::Previous,    Source::Key},
  {Key::Up,        CommandKind::Previous,    Source::Key},
  {Key::Backspace, CommandKind::Previous,    Source::Key},
  {Key::Home,      CommandKind::First,       Source::Key},
  {Key::End,       CommandKind::Last,        Source::Key},
};
// clang-format on

}  // namespace

TEST_CASE("every key binding, in the kiosk and in a window") {
  bool windowed = false;
  SUBCASE("fullscreen") {
    windowed = false;
  }
  SUBCASE("windowed") {
    windowed = true;
  }
  InputMapper mapper({.windowed = windowed});
  double t = 0;
  for (const Row& row : kTable) {
    CAPTURE(static_cast<int>(row.key));
    CHECK(mapper.feed(key(row.key, t += 0.5)) == Commands{{row.command, row.source}});
  }
  CHECK(mapper.feed(key(Key::Unknown, t += 0.5)).empty());
  CHECK(mapper.feed(key(Key::Digit, t += 0.5)).empty());  // a digit alone does nothing yet
}

TEST_CASE("Escape and Q: quit a window, never the kiosk") {
  SUBCASE("fullscreen: Escape pauses, Q does nothing") {
    InputMapper mapper({.windowed = false});
    CHECK(mapper.feed(key(Key::Escape, 1)) == Commands{{CommandKind::Pause, Source::Remote}});
    CHECK(mapper.feed(key(Key::Q, 2)).empty());
  }
  SUBCASE("windowed: Escape and Q quit") {
    InputMapper mapper({.windowed = true});
    CHECK(mapper.feed(key(Key::Escape, 1)) == Commands{{CommandKind::Quit, Source::Remote}});
    CHECK(mapper.feed(key(Key::Q, 2)) == Commands{{CommandKind::Quit, Source::Key}});
  }
  SUBCASE("set_windowed switches at run time") {
    InputMapper mapper({.windowed = true});
    mapper.set_windowed(false);
    CHECK(mapper.feed(key(Key::Escape, 1)) == Commands{{CommandKind::Pause, Source::Remote}});
    CHECK(mapper.feed(key(Key::Q, 2)).empty());
    mapper.set_windowed(true);
    CHECK(mapper.feed(key(Key::Q, 3)) == Commands{{CommandKind::Quit, Source::Key}});
  }
}

TEST_CASE("digits then Enter go to a slide") {
  InputMapper mapper;

  SUBCASE("typed 1-based, sent 0-based") {
    CHECK(mapper.feed(digit(3, 0)).empty());
    CHECK(mapper.feed(key(Key::Enter, 0.5)) == Commands{{CommandKind::GoTo, Source::Key, 2}});
  }

  SUBCASE("several digits") {
    mapper.feed(digit(1, 0));
    mapper.feed(digit(2, 0.3));
    CHECK(mapper.feed(key(Key::Enter, 0.6)) == Commands{{CommandKind::GoTo, Source::Key, 11}});
  }

  SUBCASE("the number is consumed: the next Enter goes forward") {
    mapper.feed(digit(4, 0));
    CHECK(mapper.feed(key(Key::Enter, 0.5)) == Commands{{CommandKind::GoTo, Source::Key, 3}});
    CHECK(mapper.feed(key(Key::Enter, 1)) == Commands{{CommandKind::Next, Source::Key}});
  }

  SUBCASE("zero is no slide: nothing at all") {
    mapper.feed(digit(0, 0));
    CHECK(mapper.feed(key(Key::Enter, 0.5)).empty());
  }

  SUBCASE("another key in between drops the digits") {
    mapper.feed(digit(5, 0));
    CHECK(mapper.feed(key(Key::Right, 0.5)) == Commands{{CommandKind::Next, Source::Key}});
    CHECK(mapper.feed(key(Key::Enter, 1)) == Commands{{CommandKind::Next, Source::Key}});
  }

  SUBCASE("a very long number is capped, never negative") {
    for (int i = 0; i < 12; ++i) mapper.feed(digit(9, i * 0.1));
    Commands commands = mapper.feed(key(Key::Enter, 1.5));
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].kind == CommandKind::GoTo);
    CHECK(commands[0].slide >= 0);
  }
}

TEST_CASE("typed digits expire after the digit timeout") {
  InputMapper mapper({.digit_timeout = 3.0});

  SUBCASE("Enter too late is a plain Enter") {
    mapper.feed(digit(7, 0));
    CHECK(mapper.feed(key(Key::Enter, 3.5)) == Commands{{CommandKind::Next, Source::Key}});
  }

  SUBCASE("a digit too late starts a new number") {
    mapper.feed(digit(1, 0));
    mapper.feed(digit(2, 4));
    CHECK(mapper.feed(key(Key::Enter, 4.5)) == Commands{{CommandKind::GoTo, Source::Key, 1}});
  }

  SUBCASE("each digit restarts the timeout") {
    mapper.feed(digit(1, 0));
    mapper.feed(digit(2, 2.9));
    CHECK(mapper.feed(key(Key::Enter, 5.8)) == Commands{{CommandKind::GoTo, Source::Key, 11}});
  }
}

TEST_CASE("key repeats are ignored") {
  InputMapper mapper({.windowed = true});
  CHECK(mapper.feed(key(Key::Right, 0)) == Commands{{CommandKind::Next, Source::Key}});
  CHECK(mapper.feed(key(Key::Right, 0.5, true)).empty());
  CHECK(mapper.feed(key(Key::PageDown, 0.6, true)).empty());
  CHECK(mapper.feed(key(Key::Escape, 0.7, true)).empty());
  CHECK(mapper.feed(key(Key::Q, 0.8, true)).empty());

  SUBCASE("a repeated digit counts once") {
    mapper.feed(digit(1, 1));
    InputEvent repeated = digit(1, 1.5);
    repeated.repeat = true;
    CHECK(mapper.feed(repeated).empty());
    CHECK(mapper.feed(key(Key::Enter, 2)) == Commands{{CommandKind::GoTo, Source::Key, 0}});
  }
  SUBCASE("a repeated Enter does not go forward again") {
    CHECK(mapper.feed(key(Key::Enter, 1)).size() == 1);
    CHECK(mapper.feed(key(Key::Enter, 1.5, true)).empty());
  }
}

TEST_CASE("a tap: left third goes back, elsewhere forward") {
  InputMapper mapper;

  SUBCASE("left third") {
    CHECK(tap(mapper, 0.1f, 0.5f, 0) == Commands{kPreviousTouch});
    CHECK(tap(mapper, 0.3f, 0.9f, 1) == Commands{kPreviousTouch});
  }
  SUBCASE("middle and right") {
    CHECK(tap(mapper, 0.34f, 0.5f, 0) == Commands{kNextTouch});
    CHECK(tap(mapper, 0.5f, 0.5f, 1) == Commands{kNextTouch});
    CHECK(tap(mapper, 0.9f, 0.2f, 2) == Commands{kNextTouch});
  }
  SUBCASE("the mouse (pointer -1) taps too") {
    CHECK(tap(mapper, 0.8f, 0.5f, 0, -1) == Commands{kNextTouch});
    CHECK(tap(mapper, 0.2f, 0.5f, 1, -1) == Commands{kPreviousTouch});
  }
  SUBCASE("a little movement is still a tap") {
    CHECK(stroke(mapper, 1, 0.5f, 0.5f, 0.51f, 0.51f, 0, 0.2) == Commands{kNextTouch});
  }
  SUBCASE("a slow press is no tap") {
    CHECK(stroke(mapper, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0, 1.0).empty());
  }
  SUBCASE("a drag too short for a swipe is neither tap nor swipe") {
    CHECK(stroke(mapper, 1, 0.5f, 0.5f, 0.56f, 0.5f, 0, 0.2).empty());
  }
  SUBCASE("nothing happens on the way down") {
    CHECK(mapper.feed(pointer(Type::PointerDown, 1, 0.5f, 0.5f, 0)).empty());
    CHECK(mapper.feed(pointer(Type::PointerMove, 1, 0.5f, 0.5f, 0.05)).empty());
  }
  SUBCASE("an up without a down is ignored") {
    CHECK(mapper.feed(pointer(Type::PointerUp, 4, 0.5f, 0.5f, 0)).empty());
  }
}

TEST_CASE("a horizontal swipe: left is next, right is previous") {
  InputMapper mapper;
  SUBCASE("left") {
    CHECK(stroke(mapper, 1, 0.7f, 0.5f, 0.4f, 0.52f, 0, 0.3) == Commands{kNextTouch});
  }
  SUBCASE("right, even when it starts in the left third") {
    CHECK(stroke(mapper, 1, 0.2f, 0.5f, 0.6f, 0.48f, 0, 0.3) == Commands{kPreviousTouch});
  }
  SUBCASE("a slow swipe still counts") {
    CHECK(stroke(mapper, 1, 0.7f, 0.5f, 0.3f, 0.5f, 0, 1.5) == Commands{kNextTouch});
  }
  SUBCASE("vertical is not a swipe") {
    CHECK(stroke(mapper, 1, 0.5f, 0.2f, 0.5f, 0.8f, 0, 0.3).empty());
  }
  SUBCASE("too diagonal is not a swipe") {
    CHECK(stroke(mapper, 1, 0.7f, 0.3f, 0.5f, 0.6f, 0, 0.3).empty());
  }
  SUBCASE("with the mouse") {
    CHECK(stroke(mapper, -1, 0.8f, 0.5f, 0.3f, 0.5f, 0, 0.3) == Commands{kNextTouch});
  }
}

TEST_CASE("a long press in a corner opens the operator panel") {
  InputMapper mapper({.long_press = 2.5, .corner = 0.12f});
  CHECK(mapper.next_deadline() == kNever);

  SUBCASE("held still in each corner") {
    const float corners[][2] = {{0.05f, 0.05f}, {0.95f, 0.05f}, {0.05f, 0.95f}, {0.95f, 0.95f}};
    double t = 0;
    for (const auto& c : corners) {
      CAPTURE(c[0]);
      CAPTURE(c[1]);
      CHECK(mapper.feed(pointer(Type::PointerDown, 1, c[0], c[1], t)).empty());
      CHECK(mapper.next_deadline() == doctest::Approx(t + 2.5));
      CHECK(mapper.update(t + 2.4).empty());
      CHECK(mapper.update(t + 2.5) == Commands{kOpenPanel});
      // Once only, and lifting the finger afterwards is not also a tap.
      CHECK(mapper.next_deadline() == kNever);
      CHECK(mapper.update(t + 3).empty());
      CHECK(mapper.feed(pointer(Type::PointerUp, 1, c[0], c[1], t + 3.5)).empty());
      t += 10;
    }
  }

  SUBCASE("small jitter is still a press") {
    mapper.feed(pointer(Type::PointerDown, 1, 0.05f, 0.95f, 0));
    mapper.feed(pointer(Type::PointerMove, 1, 0.06f, 0.94f, 1));
    CHECK(mapper.update(2.5) == Commands{kOpenPanel});
  }

  SUBCASE("not in a corner: along an edge or in the middle") {
    const float spots[][2] = {{0.5f, 0.05f}, {0.05f, 0.5f}, {0.5f, 0.5f}, {0.2f, 0.2f}};
    double t = 0;
    for (const auto& s : spots) {
      CAPTURE(s[0]);
      CAPTURE(s[1]);
      mapper.feed(pointer(Type::PointerDown, 1, s[0], s[1], t));
      CHECK(mapper.next_deadline() == kNever);
      CHECK(mapper.update(t + 5).empty());
      CHECK(mapper.feed(pointer(Type::PointerUp, 1, s[0], s[1], t + 5))
                .empty());  // too long for a tap
      t += 10;
    }
  }

  SUBCASE("the finger moved away") {
    mapper.feed(pointer(Type::PointerDown, 1, 0.05f, 0.05f, 0));
    mapper.feed(pointer(Type::PointerMove, 1, 0.3f, 0.3f, 1));
    CHECK(mapper.update(2.5).empty());
    CHECK(mapper.update(4).empty());
  }

  SUBCASE("lifted too early") {
    mapper.feed(pointer(Type::PointerDown, 1, 0.05f, 0.05f, 0));
    CHECK(mapper.feed(pointer(Type::PointerUp, 1, 0.05f, 0.05f, 1.5)).empty());
    CHECK(mapper.next_deadline() == kNever);
    CHECK(mapper.update(2.5).empty());
  }

  SUBCASE("a short tap in a corner is just a tap") {
    CHECK(tap(mapper, 0.95f, 0.95f, 0) == Commands{kNextTouch});
    CHECK(mapper.update(5).empty());
  }

  SUBCASE("a second finger cancels it") {
    mapper.feed(pointer(Type::PointerDown, 1, 0.05f, 0.05f, 0));
    mapper.feed(pointer(Type::PointerDown, 2, 0.5f, 0.5f, 1));
    CHECK(mapper.next_deadline() == kNever);
    CHECK(mapper.update(3).empty());
  }
}

TEST_CASE("a second finger cancels the gesture") {
  InputMapper mapper;
  auto down = [&](long long id, float x, double t) {
    return mapper.feed(pointer(Type::PointerDown, id, x, 0.5f, t));
  };
  auto up = [&](long long id, float x, double t) {
    return mapper.feed(pointer(Type::PointerUp, id, x, 0.5f, t));
  };

  SUBCASE("first finger lifted first") {
    CHECK(down(1, 0.5f, 0).empty());
    CHECK(down(2, 0.6f, 0.05).empty());
    CHECK(up(1, 0.5f, 0.1).empty());
    CHECK(up(2, 0.6f, 0.15).empty());
  }
  SUBCASE("second finger lifted first") {
    down(1, 0.5f, 0);
    down(2, 0.6f, 0.05);
    CHECK(up(2, 0.6f, 0.1).empty());
    CHECK(up(1, 0.5f, 0.15).empty());
  }
  SUBCASE("a swipe with two fingers") {
    down(1, 0.8f, 0);
    down(2, 0.9f, 0.05);
    mapper.feed(pointer(Type::PointerMove, 1, 0.3f, 0.5f, 0.2));
    CHECK(up(1, 0.3f, 0.3).empty());
    CHECK(up(2, 0.4f, 0.3).empty());
  }
  SUBCASE("a finger left down blocks a new one") {
    down(1, 0.5f, 0);
    down(2, 0.6f, 0.05);
    up(1, 0.5f, 0.1);
    CHECK(down(3, 0.7f, 0.2).empty());
    CHECK(up(3, 0.7f, 0.25).empty());
    up(2, 0.6f, 0.3);
  }
  // Once every finger is up, taps work again.
  CHECK(tap(mapper, 0.8f, 0.5f, 5) == Commands{kNextTouch});
}

TEST_CASE("taps closer together than touch_debounce count once") {
  InputMapper mapper({.touch_debounce = 0.35});
  CHECK(tap(mapper, 0.8f, 0.5f, 0) == Commands{kNextTouch});    // up at 0.1
  CHECK(tap(mapper, 0.8f, 0.5f, 0.2).empty());                  // up at 0.3
  CHECK(tap(mapper, 0.1f, 0.5f, 0.3).empty());                  // up at 0.4, either side
  CHECK(tap(mapper, 0.8f, 0.5f, 0.4) == Commands{kNextTouch});  // up at 0.5: 0.4 s after the first
  CHECK(tap(mapper, 0.1f, 0.5f, 1.0) == Commands{kPreviousTouch});

  SUBCASE("keys are not debounced") {
    CHECK(mapper.feed(key(Key::Right, 1.15)).size() == 1);
    CHECK(mapper.feed(key(Key::Right, 1.16)).size() == 1);
  }
}
