// Many screens, one show: the wall clock's slide and phase (pure arithmetic), and the show
// following it with a fake monotonic clock and a fake wall clock: screens started apart agree,
// a touch leaves sync for idle-return seconds, a clock step moves the phase.
#include "core/show/wall_sync.h"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <vector>

#include "core/show/show.h"

using namespace boothdeck;

TEST_CASE("the wall clock's slide and phase: the cycle laid from the epoch") {
  const std::vector<double> durations{4, 6, 10};  // a 20 s cycle
  struct Row {
    double wall;
    int slide;
    double into, left;
  };
  const double day = 1796029200;  // 2026-11-30 09:00 UTC, a multiple of 20 s
  const Row rows[] = {
      {0, 0, 0, 4},                  // the epoch starts the cycle
      {3.999, 0, 3.999, 0.001},      // the last instant of the first slide
      {4, 1, 0, 6},                  // a boundary belongs to the slide that begins
      {9.5, 1, 5.5, 0.5},            //
      {10, 2, 0, 10},                //
      {19.75, 2, 9.75, 0.25},        //
      {20, 0, 0, 4},                 // and again
      {day + 4.25, 1, 0.25, 5.75},   // today, with fractions of a second
      {day + 86400 + 10, 2, 0, 10},  // a day later: no jump at midnight (86400 = 4320 cycles)
      {-1, 2, 9, 1},                 // a clock before 1970 runs the same cycle
  };
  for (const Row& r : rows) {
    CAPTURE(r.wall);
    WallPosition p = wall_position(durations, r.wall);
    CHECK(p.slide == r.slide);
    CHECK(p.into == doctest::Approx(r.into).epsilon(1e-6));
    CHECK(p.left == doctest::Approx(r.left).epsilon(1e-6));
  }
  CHECK(wall_position({}, 12345).slide == 0);
  CHECK(wall_position({0.0, 1.0}, 0.01).slide == 0);  // a 0 s slide counts as 0.05 s, as shown
  CHECK(wall_position({0.0, 1.0}, 0.06).slide == 1);
}

namespace {

ShowTiming synced(std::vector<double> durations, double idle_return = 30) {
  ShowTiming timing;
  timing.durations = std::move(durations);
  timing.idle_return = idle_return;
  timing.wall_sync = true;
  return timing;
}

// A screen: a show on its own monotonic clock, its wall clock `wall_minus_monotonic` ahead.
struct Screen {
  Screen(ShowTiming timing, double monotonic_start, double wall_minus_monotonic)
      : show(std::move(timing), monotonic_start),
        offset(wall_minus_monotonic),
        mono(monotonic_start) {}
  // Loop turns every 0.1 s up to wall time `until`; records each slide shown by the wall time
  // it was shown at, in hundredths of a second after `base`.
  void run_to_wall(double base, double until) {
    for (; mono + offset <= until; mono += 0.1) {
      show.follow_wall(mono + offset, mono);
      for (const ShowEvent& e : show.update(mono))
        if (e.kind == ShowEvent::Kind::SlideShown)
          shown[std::llround((mono + offset - base) * 100)] = e.slide;
    }
  }
  Show show;
  double offset, mono;
  std::map<long long, int> shown;  // centiseconds after base → slide
};

}  // namespace

TEST_CASE("screens started seconds apart show the same slide at the same moments") {
  const double wall = 1796029200;  // a multiple of the 10 s cycle
  // Three screens, each on its own monotonic clock, started 0.05, 7.35 and 19.15 s into the
  // show (loop turns between the boundaries, as a real loop's are).
  Screen a(synced({3, 5, 2}), 100, wall + 0.05 - 100);
  Screen b(synced({3, 5, 2}), 4000, wall + 7.35 - 4000);
  Screen c(synced({3, 5, 2}), 0, wall + 19.15);
  for (Screen* s : {&a, &b, &c}) s->run_to_wall(wall, wall + 60);
  // The later ones joined at once with a `sync` jump to the slide the wall clock gives.
  CHECK(b.shown.begin()->first == 735);
  CHECK(b.shown.begin()->second == 1);
  CHECK(c.shown.begin()->first == 1915);
  CHECK(c.shown.begin()->second == 2);
  // From then on every screen changes slide on the same turns, to the same slide.
  for (Screen* s : {&b, &c})
    for (const auto& [t, slide] : s->shown) {
      CAPTURE(t);
      if (t <= 1915) continue;
      REQUIRE(a.shown.count(t));
      CHECK(a.shown[t] == slide);
    }
  // The changes are the deck's: 3, 5 and 2 s apart, the cycle starting at multiples of 10 s.
  std::vector<long long> changes;
  for (const auto& [t, slide] : a.shown) changes.push_back(t);
  REQUIRE(changes.size() >= 10);
  CHECK(changes[0] == 305);  // the first loop turn after 3 s
  CHECK(changes[1] == 805);
  CHECK(changes[2] == 1005);
  CHECK(a.shown[1005] == 0);
}

TEST_CASE(
    "a touch leaves sync for idle-return seconds, then the screen rejoins at slide and phase") {
  const double wall = 1796029200;  // the cycle of {4, 4, 4} begins here
  Show show(synced({4, 4, 4}, 10), 0);
  show.follow_wall(wall + 1, 1);
  CHECK(show.update(1).empty());  // slide 0, one second in: already right
  CHECK(show.slide_shown_at() == doctest::Approx(0));
  // A visitor taps forward at 2 s: browsing, off the wall clock's schedule.
  show.follow_wall(wall + 2, 2);
  show.apply({CommandKind::Next, Source::Touch}, 2);
  CHECK(show.mode() == Mode::Browsing);
  CHECK(show.slide() == 1);
  for (double t = 2.25; t < 12; t += 0.25) {
    show.follow_wall(wall + t, t);
    CHECK(show.update(t).empty());  // no timer while browsing
  }
  CHECK(show.next_deadline() == doctest::Approx(12));
  // Idle-return is due at 12 s; the loop turns at 13.5 s, 1.5 s into the next cycle.
  show.follow_wall(wall + 13.5, 13.5);
  std::vector<ShowEvent> back = show.update(13.5);
  REQUIRE_FALSE(back.empty());
  CHECK(back.back().kind == ShowEvent::Kind::SlideShown);
  CHECK(back.back().reason == Reason::IdleReturn);
  CHECK(back.back().slide == 0);  // 13.5 s: 1.5 s into slide 0 of the second cycle
  CHECK(show.mode() == Mode::Autoplay);
  CHECK(show.slide_shown_at() == doctest::Approx(12));  // its phase, not a fresh start
  CHECK(show.progress(13.5) == doctest::Approx(1.5 / 4));
}

TEST_CASE("in sync, the operator's or fleet's slide choice leaves autoplay; resume rejoins") {
  const double wall = 1796029200;
  for (Source source : {Source::Operator, Source::Fleet, Source::Api}) {
    CAPTURE(to_string(source));
    Show show(synced({5, 5}), 0);
    show.follow_wall(wall + 1, 1);
    show.update(1);
    show.apply({CommandKind::GoTo, source, 1}, 1);
    CHECK(show.slide() == 1);
    CHECK(show.mode() == Mode::Browsing);
    show.follow_wall(wall + 2, 2);
    CHECK(show.update(2).empty());  // it stays where it was put
    show.apply({CommandKind::Resume, source}, 3);
    show.follow_wall(wall + 3, 3);
    std::vector<ShowEvent> events = show.update(3);
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().reason == Reason::Sync);
    CHECK(show.slide() == 0);
  }
}

TEST_CASE("the slide on screen follows the wall clock's phase, through drift and steps") {
  const double wall = 1796029200;
  Show show(synced({10, 10}), 0);
  show.follow_wall(wall + 2, 2);
  show.update(2);
  CHECK(show.slide_shown_at() == doctest::Approx(0));
  show.follow_wall(wall + 3.1, 3);  // 0.1 s of drift
  CHECK(show.update(3).empty());
  CHECK(show.slide_shown_at() == doctest::Approx(-0.1));
  show.follow_wall(wall + 9, 4);  // NTP stepped the clock 5 s forward
  CHECK(show.update(4).empty());  // the same slide: no change of slide logged
  CHECK(show.slide_shown_at() == doctest::Approx(-5));
  CHECK(show.next_deadline() == doctest::Approx(5.001));  // the boundary, on the new phase
  show.follow_wall(wall + 10.5, 5.5);                     // across it: slide 1, by the timer
  std::vector<ShowEvent> events = show.update(5.5);
  REQUIRE(events.size() == 1);
  CHECK(events[0].slide == 1);
  CHECK(events[0].reason == Reason::Timer);
  CHECK(show.next_deadline() == doctest::Approx(15.001));
}
