// SDL events → input events, with finger events synthesised through SDL_PushEvent (SDL takes
// them with no touch device present): devices and fingers, what SDL synthesises from the other
// kind, and the test FIFO's lines, all the way to the command a touchscreen would give.
#include "app/platform/sdl_events.h"

#include <doctest/doctest.h>

#include "app/platform/touch_injector.h"
#include "core/input/input_mapper.h"
#include "core/input/pointer_tracker.h"
#include "test_support.h"

using namespace boothdeck;

namespace {

// An event as SDL's queue hands it back after SDL_PushEvent.
SDL_Event through_sdl(SDL_Event e) {
  REQUIRE(SDL_WasInit(SDL_INIT_EVENTS));
  SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
  REQUIRE(SDL_PushEvent(&e) == 1);
  SDL_Event out;
  REQUIRE(SDL_PollEvent(&out) == 1);
  return out;
}

SDL_Event finger(Uint32 type, SDL_TouchID device, SDL_FingerID id, float x, float y) {
  SDL_Event e;
  SDL_zero(e);
  e.type = type;
  e.tfinger.touchId = device;
  e.tfinger.fingerId = id;
  e.tfinger.x = x;
  e.tfinger.y = y;
  return e;
}

SDL_Event mouse_button(Uint32 type, Uint32 which, int x, int y, Uint8 button = SDL_BUTTON_LEFT) {
  SDL_Event e;
  SDL_zero(e);
  e.type = type;
  e.button.which = which;
  e.button.button = button;
  e.button.x = x;
  e.button.y = y;
  return e;
}

struct Events {
  Events() {
    REQUIRE(sdl_started());
    REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
  }
  ~Events() { SDL_QuitSubSystem(SDL_INIT_EVENTS); }
};

}  // namespace

TEST_CASE("fingers carry their device and id; positions are fractions of the window") {
  Events events;
  struct Row {
    Uint32 sdl;
    InputEvent::Type type;
  };
  const Row rows[] = {{SDL_FINGERDOWN, InputEvent::Type::PointerDown},
                      {SDL_FINGERMOTION, InputEvent::Type::PointerMove},
                      {SDL_FINGERUP, InputEvent::Type::PointerUp}};
  for (const Row& row : rows) {
    auto e = translate_sdl_event(through_sdl(finger(row.sdl, 12, 3, 0.25f, 0.75f)), 7.0, 1280, 720);
    REQUIRE(e);
    CHECK(e->type == row.type);
    CHECK(e->device == 12);
    CHECK(e->pointer == 3);
    CHECK(e->x == doctest::Approx(0.25f));
    CHECK(e->y == doctest::Approx(0.75f));
    CHECK(e->time == 7.0);
  }
  auto click = translate_sdl_event(through_sdl(mouse_button(SDL_MOUSEBUTTONDOWN, 0, 640, 180)), 1,
                                   1280, 720);
  REQUIRE(click);
  CHECK(click->device == kMouseDevice);
  CHECK(click->x == doctest::Approx(0.5f));
  CHECK(click->y == doctest::Approx(0.25f));
}

TEST_CASE("what SDL makes of the other kind is dropped: each touch arrives once, as itself") {
  Events events;
  // Mouse events SDL synthesises from a finger, fingers it synthesises from the mouse.
  CHECK_FALSE(translate_sdl_event(
      through_sdl(mouse_button(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 10, 10)), 0, 100, 100));
  CHECK_FALSE(translate_sdl_event(
      through_sdl(finger(SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, 0.1f, 0.1f)), 0, 100, 100));
  // Buttons other than the left one are no taps.
  CHECK_FALSE(translate_sdl_event(
      through_sdl(mouse_button(SDL_MOUSEBUTTONDOWN, 0, 10, 10, SDL_BUTTON_RIGHT)), 0, 100, 100));
  // Focus lost: pointers that were down may never lift.
  SDL_Event focus;
  SDL_zero(focus);
  focus.type = SDL_WINDOWEVENT;
  focus.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
  std::vector<PlatformEvent> out = translate_platform_event(through_sdl(focus), 0, 100, 100, false);
  REQUIRE(out.size() == 1);
  CHECK(out[0].type == PlatformEvent::Type::FocusLost);
}

TEST_CASE("a composite panel through SDL: a finger and a real mouse for one touch, one tap") {
  Events events;
  PointerTracker tracker;
  InputMapper mapper({.touch_debounce = 0});
  std::vector<Command> commands;
  auto feed = [&](const SDL_Event& sdl, double t) {
    for (const PlatformEvent& p : translate_platform_event(through_sdl(sdl), t, 1000, 500, false))
      if (p.type == PlatformEvent::Type::Input)
        for (const RoutedPointer& r : tracker.feed(p.input, PointerOwner::Show))
          for (const Command& c : mapper.feed(r.event)) commands.push_back(c);
  };
  feed(finger(SDL_FINGERDOWN, 5, 0, 0.8f, 0.5f), 0);
  feed(mouse_button(SDL_MOUSEBUTTONDOWN, 0, 800, 250), 0.008);
  feed(mouse_button(SDL_MOUSEBUTTONUP, 0, 800, 250), 0.09);
  feed(finger(SDL_FINGERUP, 5, 0, 0.8f, 0.5f), 0.1);
  CHECK(commands == std::vector<Command>{{CommandKind::Next, Source::Touch}});
}

TEST_CASE("the test FIFO's lines become the finger events a touchscreen sends") {
  Events events;
  struct Row {
    const char* line;
    bool valid;
    Uint32 type;
    SDL_TouchID device;
  };
  const Row rows[] = {
      {"down 1 0.5 0.25", true, SDL_FINGERDOWN, kInjectedTouchDevice},
      {"move 1 0.5 0.25", true, SDL_FINGERMOTION, kInjectedTouchDevice},
      {"up 1 0.5 0.25 42", true, SDL_FINGERUP, 42},
      {"press 1 0.5 0.25", false, 0, 0},
      {"down 1 0.5", false, 0, 0},
      {"", false, 0, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.line));
    std::optional<SDL_Event> e = parse_touch_line(row.line);
    REQUIRE(e.has_value() == row.valid);
    if (!row.valid) continue;
    auto input = translate_sdl_event(through_sdl(*e), 0, 800, 600);
    REQUIRE(input);
    CHECK(e->type == row.type);
    CHECK(input->device == row.device);
    CHECK(input->pointer == 1);
    CHECK(input->x == doctest::Approx(0.5f));
  }
}
