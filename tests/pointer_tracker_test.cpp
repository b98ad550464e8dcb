// Pointer bookkeeping when events are lost or come twice: a lift that never arrives, a composite
// touch panel that reports a finger and a mouse for one touch, a stale finger id. Raw events go
// through the PointerTracker into the InputMapper, as in the kiosk: a tap is never lost and
// never counted twice.
#include "core/input/pointer_tracker.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/input/input_mapper.h"

using namespace boothdeck;

namespace {

using Type = InputEvent::Type;
constexpr long long kPanel = 3;  // a touchscreen's device id
constexpr long long kOther = 9;  // a second interface of the same screen
constexpr long long kMouse = kMouseDevice;

struct Raw {
  Type type;
  long long device, finger;
  float x, y;
  double t;
};

InputEvent event(const Raw& r) {
  InputEvent e;
  e.type = r.type;
  e.device = r.device;
  e.pointer = r.device == kMouse ? -1 : r.finger;
  e.x = r.x;
  e.y = r.y;
  e.time = r.t;
  return e;
}

// The kiosk's path for the show's touches: tracker, then mapper. No debounce, so a tap counted
// twice would show as two commands.
struct Screen {
  PointerTracker tracker;
  InputMapper mapper{InputConfig{.touch_debounce = 0}};
  std::vector<Command> commands;
  std::vector<RoutedPointer> delivered;

  void deliver(const std::vector<RoutedPointer>& routed) {
    for (const RoutedPointer& r : routed) {
      delivered.push_back(r);
      if (r.owner == PointerOwner::Show)
        for (const Command& c : mapper.feed(r.event)) commands.push_back(c);
    }
  }
  void feed(const std::vector<Raw>& script, PointerOwner owner = PointerOwner::Show) {
    for (const Raw& r : script) deliver(tracker.feed(event(r), owner));
  }
  int count(CommandKind kind) const {
    int n = 0;
    for (const Command& c : commands) n += c.kind == kind;
    return n;
  }
};

std::vector<Raw> tap(long long device, long long finger, float x, double t) {
  return {{Type::PointerDown, device, finger, x, 0.5f, t},
          {Type::PointerUp, device, finger, x, 0.5f, t + 0.1}};
}

std::vector<Raw> operator+(std::vector<Raw> a, const std::vector<Raw>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TEST_CASE("a tap is never lost and never counted twice") {
  struct Row {
    const char* what;
    std::vector<Raw> script;
    int forward;  // Next commands expected
  };
  const Row rows[] = {
      {"a tap", tap(kPanel, 1, 0.8f, 0), 1},
      {"a click", tap(kMouse, 0, 0.8f, 0), 1},
      // Lost lifts.
      {"a finger whose lift was lost, then a tap a moment later",
       std::vector<Raw>{{Type::PointerDown, kPanel, 1, 0.5f, 0.5f, 0}} + tap(kPanel, 2, 0.8f, 1.5),
       1},
      {"the mouse button's release was lost (focus went elsewhere), then a tap",
       std::vector<Raw>{{Type::PointerDown, kMouse, 0, 0.5f, 0.5f, 0}} + tap(kPanel, 1, 0.8f, 2),
       1},
      {"a device unplugged with a finger down, another device taps",
       std::vector<Raw>{{Type::PointerDown, kOther, 4, 0.2f, 0.2f, 0}} + tap(kPanel, 1, 0.8f, 5),
       1},
      {"a finger id pressed again without a lift (a stale id)",
       std::vector<Raw>{{Type::PointerDown, kPanel, 1, 0.5f, 0.5f, 0}} + tap(kPanel, 1, 0.8f, 0.5),
       1},
      {"a lift nobody pressed", std::vector<Raw>{{Type::PointerUp, kPanel, 7, 0.8f, 0.5f, 0}}, 0},
      // One touch reported twice.
      {"a composite panel: finger, then its mouse, lifted in the same order",
       {{Type::PointerDown, kPanel, 1, 0.8f, 0.5f, 0},
        {Type::PointerDown, kMouse, 0, 0.801f, 0.5f, 0.01},
        {Type::PointerUp, kPanel, 1, 0.8f, 0.5f, 0.1},
        {Type::PointerUp, kMouse, 0, 0.801f, 0.5f, 0.11}},
       1},
      {"a composite panel: mouse first, lifts crossed",
       {{Type::PointerDown, kMouse, 0, 0.8f, 0.5f, 0},
        {Type::PointerDown, kPanel, 1, 0.8f, 0.5f, 0.005},
        {Type::PointerMove, kPanel, 1, 0.8f, 0.5f, 0.05},
        {Type::PointerUp, kPanel, 1, 0.8f, 0.5f, 0.1},
        {Type::PointerUp, kMouse, 0, 0.8f, 0.5f, 0.12}},
       1},
      {"a composite panel whose finger lift is lost: the mouse's lift ends the touch",
       {{Type::PointerDown, kPanel, 1, 0.8f, 0.5f, 0},
        {Type::PointerDown, kMouse, 0, 0.8f, 0.5f, 0.01},
        {Type::PointerUp, kMouse, 0, 0.8f, 0.5f, 0.1}},
       1},
      {"a composite panel whose mouse comes after the finger has lifted",
       tap(kPanel, 1, 0.8f, 0) + tap(kMouse, 0, 0.8f, 0.15), 1},
      {"two interfaces of one touchscreen", tap(kPanel, 1, 0.8f, 0) + tap(kOther, 1, 0.8f, 0.02),
       1},
      // What must still count.
      {"two taps from two devices at two places",
       tap(kPanel, 1, 0.8f, 0) + tap(kMouse, 0, 0.5f, 0.3), 2},
      {"the same place again, later: a second tap",
       tap(kPanel, 1, 0.8f, 0) + tap(kMouse, 0, 0.8f, 1), 2},
      {"two fingers at once (a pinch): nothing",
       {{Type::PointerDown, kPanel, 1, 0.5f, 0.5f, 0},
        {Type::PointerDown, kPanel, 2, 0.7f, 0.5f, 0.1},
        {Type::PointerUp, kPanel, 1, 0.5f, 0.5f, 0.2},
        {Type::PointerUp, kPanel, 2, 0.7f, 0.5f, 0.25}},
       0},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.what));
    Screen screen;
    screen.feed(row.script);
    CHECK(screen.count(CommandKind::Next) == row.forward);
    CHECK(screen.tracker.touches(PointerOwner::Show) <= 1);
    // Afterwards, whatever was lost, the next tap works, once.
    size_t before = screen.commands.size();
    screen.feed(tap(kPanel, 30, 0.8f, 10));
    CHECK(screen.commands.size() == before + 1);
  }
}

TEST_CASE("every press gets exactly one end, at the owner it was pressed at") {
  Screen screen;
  SUBCASE("the panel opens over the finger that opened it: cancelled, its lift dropped") {
    screen.feed({{Type::PointerDown, kPanel, 1, 0.05f, 0.05f, 0}});
    screen.deliver(screen.tracker.cancel(PointerOwner::Show, 2.5));
    REQUIRE(screen.delivered.size() == 2);
    CHECK(screen.delivered[1].event.type == Type::PointerCancel);
    CHECK(screen.delivered[1].event.pointer == screen.delivered[0].event.pointer);
    screen.feed({{Type::PointerUp, kPanel, 1, 0.05f, 0.05f, 3}}, PointerOwner::Panel);
    CHECK(screen.delivered.size() == 2);  // the panel never sees a release it did not press
  }
  SUBCASE("a touch pressed at the panel ends at the panel, even after the panel closed") {
    screen.feed({{Type::PointerDown, kPanel, 1, 0.5f, 0.5f, 0}}, PointerOwner::Panel);
    screen.feed({{Type::PointerUp, kPanel, 1, 0.5f, 0.5f, 0.1}}, PointerOwner::Show);
    REQUIRE(screen.delivered.size() == 2);
    CHECK(screen.delivered[1].owner == PointerOwner::Panel);
    CHECK(screen.commands.empty());  // no tap on the slides behind it
  }
  SUBCASE("focus lost: every touch ends, and their lifts are dropped") {
    screen.feed({{Type::PointerDown, kPanel, 1, 0.5f, 0.5f, 0},
                 {Type::PointerDown, kMouse, 0, 0.1f, 0.1f, 0.1}},
                PointerOwner::Show);
    screen.deliver(screen.tracker.cancel_all(0.2));
    CHECK(screen.tracker.touches(PointerOwner::Show) == 0);
    screen.feed({{Type::PointerUp, kPanel, 1, 0.5f, 0.5f, 0.3},
                 {Type::PointerUp, kMouse, 0, 0.1f, 0.1f, 0.3}});
    CHECK(screen.commands.empty());
  }
  // Whatever happened, every press delivered has one end delivered, with the same number.
  std::vector<long long> open;
  for (const RoutedPointer& r : screen.delivered) {
    if (r.event.type == Type::PointerDown) {
      CHECK(std::find(open.begin(), open.end(), r.event.pointer) == open.end());
      open.push_back(r.event.pointer);
    } else if (r.event.type == Type::PointerUp || r.event.type == Type::PointerCancel) {
      auto it = std::find(open.begin(), open.end(), r.event.pointer);
      REQUIRE(it != open.end());
      open.erase(it);
    }
  }
  CHECK(open.size() == static_cast<size_t>(screen.tracker.touches(PointerOwner::Show) +
                                           screen.tracker.touches(PointerOwner::Panel)));
}

TEST_CASE("a finger held still is not given up while nobody else touches") {
  Screen screen;
  screen.feed({{Type::PointerDown, kPanel, 1, 0.05f, 0.05f, 0}});
  // Silent for 2.5 s: the long press fires; the tracker has not dropped the finger.
  CHECK(screen.mapper.update(2.5) == std::vector<Command>{{CommandKind::OpenPanel, Source::Touch}});
  CHECK(screen.tracker.touches(PointerOwner::Show) == 1);
  SUBCASE("another finger after a second of silence: the held one is given up") {
    screen.feed({{Type::PointerDown, kPanel, 2, 0.5f, 0.5f, 2.6}});
    CHECK(screen.tracker.touches(PointerOwner::Show) == 1);
    CHECK(screen.delivered.at(1).event.type == Type::PointerCancel);
  }
  SUBCASE("another finger within that second: two fingers") {
    screen.feed({{Type::PointerMove, kPanel, 1, 0.05f, 0.05f, 2.55},
                 {Type::PointerDown, kPanel, 2, 0.5f, 0.5f, 2.6}});
    CHECK(screen.tracker.touches(PointerOwner::Show) == 2);
  }
}

TEST_CASE("touch numbers are the tracker's own, never reused") {
  PointerTracker tracker;
  std::vector<long long> seen;
  for (int i = 0; i < 5; ++i) {
    for (const Raw& r : tap(kPanel, 0, 0.5f, i)) {
      for (const RoutedPointer& routed : tracker.feed(event(r), PointerOwner::Show))
        if (routed.event.type == Type::PointerDown) seen.push_back(routed.event.pointer);
    }
  }
  REQUIRE(seen.size() == 5);
  for (size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] != seen[i - 1]);
}
