// The show state machine with a fake clock: autoplay timers, browsing and idle-return,
// pause, blank, navigation, clock jumps and hot reloads. Times are plain seconds.
#include "core/show/show.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace boothdeck;

namespace {

using Kind = ShowEvent::Kind;

Command cmd(CommandKind kind, Source source = Source::Touch, int slide = 0) {
  return {kind, source, slide};
}

// Calls update() every `step` seconds after `from` up to `to`, as a kiosk loop that wakes often
// does, and returns every event.
std::vector<ShowEvent> run(Show& show, double from, double to, double step = 0.25) {
  std::vector<ShowEvent> all;
  for (int i = 1; from + i * step <= to; ++i)
    for (const ShowEvent& e : show.update(from + i * step)) all.push_back(e);
  return all;
}

std::vector<int> slides_shown(const std::vector<ShowEvent>& events) {
  std::vector<int> slides;
  for (const ShowEvent& e : events)
    if (e.kind == Kind::SlideShown) slides.push_back(e.slide);
  return slides;
}

int count(const std::vector<ShowEvent>& events, Kind kind) {
  return static_cast<int>(std::count_if(events.begin(), events.end(),
                                        [&](const ShowEvent& e) { return e.kind == kind; }));
}

bool contains(const std::vector<ShowEvent>& events, const ShowEvent& wanted) {
  return std::find(events.begin(), events.end(), wanted) != events.end();
}

}  // namespace

TEST_CASE("autoplay advances each slide after its own duration") {
  Show show({{2, 3, 1}, true, 60}, 0);
  CHECK(show.mode() == Mode::Autoplay);
  CHECK(show.slide() == 0);
  CHECK(show.slide_count() == 3);
  CHECK(show.next_deadline() == doctest::Approx(2));

  SUBCASE("one slide at a time, at its own deadline") {
    CHECK(show.update(1.75).empty());
    CHECK(show.slide() == 0);
    CHECK(show.update(2) ==
          std::vector<ShowEvent>{{Kind::SlideShown, 1, Reason::Timer, Mode::Autoplay}});
    CHECK(show.slide_shown_at() == doctest::Approx(2));
    CHECK(show.next_deadline() == doctest::Approx(5));
    CHECK(show.update(4.75).empty());
    CHECK(slides_shown(show.update(5)) == std::vector<int>{2});
    CHECK(show.next_deadline() == doctest::Approx(6));
  }

  SUBCASE("loop: the last slide is followed by the first") {
    std::vector<ShowEvent> events = run(show, 0, 12);
    CHECK(slides_shown(events) == std::vector<int>{1, 2, 0, 1, 2, 0});
    for (const ShowEvent& e : events) CHECK(e.reason == Reason::Timer);
    CHECK(show.mode() == Mode::Autoplay);
  }

  SUBCASE("progress runs from 0 to 1 over the slide's own time") {
    CHECK(show.progress(0) == doctest::Approx(0));
    CHECK(show.progress(0.5) == doctest::Approx(0.25));
    CHECK(show.progress(1.5) == doctest::Approx(0.75));
    CHECK(show.update(2).size() == 1);
    CHECK(show.progress(2) == doctest::Approx(0));
    CHECK(show.progress(3.5) == doctest::Approx(0.5));  // 1.5 of 3 s
    CHECK(show.progress(100) == doctest::Approx(1));    // clamped
  }
}

TEST_CASE("without loop the show stays at the last slide until idle-return") {
  Show show({{2, 3, 1}, false, 10}, 0);
  CHECK(slides_shown(run(show, 0, 6)) == std::vector<int>{1, 2});
  CHECK(show.slide() == 2);
  // The last slide's own time, then idle_return more.
  CHECK(show.next_deadline() == doctest::Approx(16));  // shown at 5, for 1 s, then 10 s idle
  CHECK(run(show, 6, 15.75).empty());
  CHECK(show.slide() == 2);
  CHECK(show.mode() == Mode::Autoplay);
  CHECK(show.progress(15) == doctest::Approx(1));

  std::vector<ShowEvent> events = show.update(16);
  CHECK(slides_shown(events) == std::vector<int>{0});
  CHECK(contains(events, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
  CHECK(show.mode() == Mode::Autoplay);
  // The attract loop goes on.
  CHECK(slides_shown(show.update(18)) == std::vector<int>{1});

  SUBCASE("idle_return 0: the last slide stays for good") {
    Show forever({{1, 1}, false, 0}, 0);
    CHECK(slides_shown(run(forever, 0, 1)) == std::vector<int>{1});
    CHECK(forever.next_deadline() == kNever);
    CHECK(run(forever, 1, 100).empty());
    CHECK(forever.slide() == 1);
  }
}

TEST_CASE("a visitor takes over; idle-return resumes the attract loop at slide 0") {
  Show show({{5, 5, 5, 5}, true, 30}, 0);

  SUBCASE("touch") {
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::Next, Source::Touch), 1);
    CHECK(contains(events, {Kind::ModeChanged, 0, Reason::Start, Mode::Browsing}));
    CHECK(contains(events, {Kind::SlideShown, 1, Reason::Touch, Mode::Browsing}));
    CHECK(show.mode() == Mode::Browsing);
    CHECK(show.slide() == 1);
    // Autoplay waits: no timer fires while browsing.
    CHECK(run(show, 1, 20).empty());
    CHECK(show.slide() == 1);

    // Each interaction restarts the idle countdown.
    CHECK(slides_shown(show.apply(cmd(CommandKind::Next, Source::Touch), 20)) ==
          std::vector<int>{2});
    CHECK(show.next_deadline() == doctest::Approx(50));
    CHECK(run(show, 20, 49.75).empty());
    events = show.update(50);
    CHECK(contains(events, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
    CHECK(show.mode() == Mode::Autoplay);
    CHECK(show.slide() == 0);
    CHECK(show.next_deadline() == doctest::Approx(55));
    CHECK(show.update(55) ==
          std::vector<ShowEvent>{{Kind::SlideShown, 1, Reason::Timer, Mode::Autoplay}});
  }

  SUBCASE("key and clicker navigation browse too, with their own reason") {
    CHECK(contains(show.apply(cmd(CommandKind::Previous, Source::Key), 1),
                   {Kind::SlideShown, 3, Reason::Key, Mode::Browsing}));
    CHECK(show.mode() == Mode::Browsing);
    CHECK(contains(show.apply(cmd(CommandKind::Next, Source::Remote), 2),
                   {Kind::SlideShown, 0, Reason::Remote, Mode::Browsing}));
    CHECK(show.next_deadline() == doctest::Approx(32));
  }

  SUBCASE("navigation that stays on the slide still takes over") {
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::First, Source::Touch), 1);
    CHECK(count(events, Kind::SlideShown) == 0);
    CHECK(show.mode() == Mode::Browsing);
    CHECK(run(show, 1, 10).empty());
  }

  SUBCASE("the operator navigates without stopping autoplay") {
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::GoTo, Source::Operator, 2), 1);
    CHECK(events ==
          std::vector<ShowEvent>{{Kind::SlideShown, 2, Reason::Operator, Mode::Autoplay}});
    CHECK(show.mode() == Mode::Autoplay);
    CHECK(show.next_deadline() == doctest::Approx(6));  // the new slide's timer started at 1
  }

  SUBCASE("idle_return 0: browsing lasts until someone resumes") {
    Show never({{5, 5}, true, 0}, 0);
    never.apply(cmd(CommandKind::Next), 1);
    CHECK(never.next_deadline() == kNever);
    CHECK(run(never, 1, 200).empty());
    CHECK(never.mode() == Mode::Browsing);
    CHECK(contains(never.apply(cmd(CommandKind::Resume, Source::Remote), 200),
                   {Kind::ModeChanged, 1, Reason::Start, Mode::Autoplay}));
    CHECK(slides_shown(never.update(205)) == std::vector<int>{0});
  }
}

TEST_CASE("pause and resume keep the remaining time") {
  Show show({{4, 4}, true, 60}, 0);
  CHECK(show.update(1).empty());

  SUBCASE("pause, resume") {
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::Pause, Source::Remote), 1);
    CHECK(events == std::vector<ShowEvent>{{Kind::ModeChanged, 0, Reason::Start, Mode::Paused}});
    CHECK(show.mode() == Mode::Paused);
    CHECK(show.progress(1) == doctest::Approx(0.25));
    CHECK(show.progress(9) == doctest::Approx(0.25));  // frozen
    CHECK(run(show, 1, 10).empty());
    CHECK(show.slide() == 0);

    CHECK(count(show.apply(cmd(CommandKind::Resume, Source::Remote), 10), Kind::ModeChanged) == 1);
    CHECK(show.mode() == Mode::Autoplay);
    CHECK(show.progress(10) == doctest::Approx(0.25));
    CHECK(show.progress(11) == doctest::Approx(0.5));
    CHECK(show.next_deadline() == doctest::Approx(13));  // 3 s were left
    CHECK(show.update(12.75).empty());
    CHECK(slides_shown(show.update(13)) == std::vector<int>{1});
  }

  SUBCASE("toggle-pause does the same") {
    show.apply(cmd(CommandKind::TogglePause, Source::Operator), 1);
    CHECK(show.mode() == Mode::Paused);
    CHECK(run(show, 1, 10).empty());
    show.apply(cmd(CommandKind::TogglePause, Source::Operator), 10);
    CHECK(show.mode() == Mode::Autoplay);
    CHECK(show.next_deadline() == doctest::Approx(13));
  }

  SUBCASE("pause twice, resume twice: no extra events, time counted once") {
    show.apply(cmd(CommandKind::Pause, Source::Remote), 1);
    CHECK(show.apply(cmd(CommandKind::Pause, Source::Remote), 2).empty());
    show.apply(cmd(CommandKind::Resume, Source::Remote), 3);
    CHECK(show.apply(cmd(CommandKind::Resume, Source::Remote), 3.5).empty());
    CHECK(show.next_deadline() == doctest::Approx(6));
  }

  SUBCASE("resuming from browsing keeps the time spent before the visitor came") {
    show.apply(cmd(CommandKind::First, Source::Touch), 1);  // no slide change, just browsing
    CHECK(show.mode() == Mode::Browsing);
    show.apply(cmd(CommandKind::Resume, Source::Remote), 5);
    CHECK(show.progress(5) == doctest::Approx(0.25));
    CHECK(show.next_deadline() == doctest::Approx(8));
  }
}

TEST_CASE("blank and unblank") {
  Show show({{4, 4, 4}, true, 30}, 0);

  SUBCASE("toggle-blank blanks and unblanks the same slide") {
    CHECK(show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1) ==
          std::vector<ShowEvent>{{Kind::Blank, 0, Reason::Remote, Mode::Autoplay}});
    CHECK(show.blanked());
    CHECK(run(show, 1, 20).empty());  // no slide changes behind a black screen
    CHECK(show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 20) ==
          std::vector<ShowEvent>{{Kind::Unblank, 0, Reason::Remote, Mode::Autoplay}});
    CHECK_FALSE(show.blanked());
    // The slide that was blanked comes back with the time it had left, not skipped at once.
    CHECK(show.update(20).empty());
    CHECK(show.slide() == 0);
    CHECK(show.progress(20) == doctest::Approx(0.25));
    CHECK(show.next_deadline() == doctest::Approx(23));
    CHECK(slides_shown(run(show, 20, 23)) == std::vector<int>{1});
  }

  SUBCASE("time behind the blank is not counted, whoever unblanks") {
    show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
    CHECK(show.progress(10) == doctest::Approx(0.25));  // frozen, like a pause
    CHECK(run(show, 1, 10).empty());                    // the kiosk loop keeps calling update()
    SUBCASE("the operator, staying on the slide") {
      CHECK(run(show, 10, 20).empty());
      std::vector<ShowEvent> events = show.apply(cmd(CommandKind::First, Source::Operator), 20);
      CHECK(events == std::vector<ShowEvent>{{Kind::Unblank, 0, Reason::Operator, Mode::Autoplay}});
      CHECK(show.next_deadline() == doctest::Approx(23));
    }
    SUBCASE("pause while blanked, then resume") {
      show.apply(cmd(CommandKind::Pause, Source::Remote), 10);
      CHECK(run(show, 10, 15).empty());
      std::vector<ShowEvent> events = show.apply(cmd(CommandKind::Resume, Source::Remote), 15);
      CHECK(count(events, Kind::Unblank) == 1);
      CHECK(show.progress(15) == doctest::Approx(0.25));
      CHECK(show.next_deadline() == doctest::Approx(18));
    }
    SUBCASE("resume straight from the blank") {
      show.apply(cmd(CommandKind::Resume, Source::Remote), 10);
      CHECK_FALSE(show.blanked());
      CHECK(show.next_deadline() == doctest::Approx(13));
    }
  }

  SUBCASE("navigation unblanks") {
    show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::Next, Source::Remote), 2);
    CHECK(count(events, Kind::Unblank) == 1);
    CHECK(slides_shown(events) == std::vector<int>{1});
    CHECK_FALSE(show.blanked());
  }

  SUBCASE("resume unblanks") {
    show.apply(cmd(CommandKind::Pause, Source::Remote), 1);
    show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 2);
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::Resume, Source::Remote), 3);
    CHECK(count(events, Kind::Unblank) == 1);
    CHECK_FALSE(show.blanked());
    CHECK(show.mode() == Mode::Autoplay);
    CHECK(show.next_deadline() == doctest::Approx(6));  // 1 s was used before the pause
  }

  SUBCASE("idle-return unblanks: blank never stays stuck") {
    show.apply(cmd(CommandKind::Next, Source::Touch), 1);
    show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 2);
    CHECK(show.next_deadline() == doctest::Approx(32));
    CHECK(run(show, 2, 31.75).empty());
    CHECK(show.blanked());
    std::vector<ShowEvent> events = show.update(32);
    CHECK(contains(events, {Kind::Unblank, 1, Reason::IdleReturn, Mode::Browsing}));
    CHECK(contains(events, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
    CHECK_FALSE(show.blanked());
    CHECK(show.mode() == Mode::Autoplay);
  }

  SUBCASE("blanked during autoplay, then forgotten") {
    show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
    CHECK(show.mode() == Mode::Autoplay);
    std::vector<ShowEvent> events = run(show, 1, 31);
    CHECK(count(events, Kind::Unblank) == 1);
    CHECK(slides_shown(events) == std::vector<int>{0});
    CHECK(events.back().reason == Reason::IdleReturn);
    CHECK_FALSE(show.blanked());
  }

  SUBCASE("paused and blanked: idle-return still brings the attract loop back") {
    show.apply(cmd(CommandKind::Pause, Source::Remote), 1);
    show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
    std::vector<ShowEvent> events = run(show, 1, 31);
    CHECK(count(events, Kind::Unblank) == 1);
    CHECK(show.mode() == Mode::Autoplay);
    CHECK_FALSE(show.blanked());
  }
}

TEST_CASE("go to, first, last, next and previous") {
  Show show({{5, 5, 5, 5, 5}, true, 60}, 0);

  SUBCASE("go to a slide in range") {
    CHECK(show.apply(cmd(CommandKind::GoTo, Source::Key, 3), 1) ==
          std::vector<ShowEvent>{{Kind::ModeChanged, 0, Reason::Start, Mode::Browsing},
                                 {Kind::SlideShown, 3, Reason::Key, Mode::Browsing}});
    CHECK(show.slide() == 3);
    CHECK(show.slide_shown_at() == doctest::Approx(1));
    CHECK(slides_shown(show.apply(cmd(CommandKind::GoTo, Source::Key, 4), 2)) ==
          std::vector<int>{4});
    CHECK(slides_shown(show.apply(cmd(CommandKind::GoTo, Source::Key, 0), 3)) ==
          std::vector<int>{0});
    CHECK(count(show.apply(cmd(CommandKind::GoTo, Source::Key, 0), 4), Kind::SlideShown) ==
          0);  // already there
  }

  SUBCASE("go to a slide out of range is ignored") {
    CHECK(show.apply(cmd(CommandKind::GoTo, Source::Key, 5), 1).empty());
    CHECK(show.apply(cmd(CommandKind::GoTo, Source::Key, -1), 1).empty());
    CHECK(show.apply(cmd(CommandKind::GoTo, Source::Key, 1000), 1).empty());
    CHECK(show.slide() == 0);
    CHECK(show.mode() == Mode::Autoplay);
  }

  SUBCASE("first and last") {
    CHECK(slides_shown(show.apply(cmd(CommandKind::Last, Source::Key), 1)) == std::vector<int>{4});
    CHECK(show.slide() == 4);
    CHECK(count(show.apply(cmd(CommandKind::Last, Source::Key), 2), Kind::SlideShown) == 0);
    CHECK(slides_shown(show.apply(cmd(CommandKind::First, Source::Key), 3)) == std::vector<int>{0});
    CHECK(show.slide() == 0);
  }

  SUBCASE("next and previous wrap around when the show loops") {
    CHECK(slides_shown(show.apply(cmd(CommandKind::Previous), 1)) == std::vector<int>{4});
    CHECK(slides_shown(show.apply(cmd(CommandKind::Next), 2)) == std::vector<int>{0});
  }

  SUBCASE("next and previous stop at the ends when it does not") {
    Show line({{5, 5, 5}, false, 60}, 0);
    CHECK(count(line.apply(cmd(CommandKind::Previous), 1), Kind::SlideShown) == 0);
    CHECK(line.slide() == 0);
    line.apply(cmd(CommandKind::Last), 2);
    CHECK(count(line.apply(cmd(CommandKind::Next), 3), Kind::SlideShown) == 0);
    CHECK(line.slide() == 2);
  }

  SUBCASE("panel, reload and quit are passed on as events without moving") {
    CHECK(show.apply(cmd(CommandKind::OpenPanel, Source::Touch), 1) ==
          std::vector<ShowEvent>{{Kind::OpenPanel, 0, Reason::Touch, Mode::Autoplay}});
    CHECK(show.apply(cmd(CommandKind::Reload, Source::Operator), 1) ==
          std::vector<ShowEvent>{{Kind::Reload, 0, Reason::Operator, Mode::Autoplay}});
    CHECK(show.apply(cmd(CommandKind::Quit, Source::Key), 1) ==
          std::vector<ShowEvent>{{Kind::Quit, 0, Reason::Key, Mode::Autoplay}});
    CHECK(show.slide() == 0);
    CHECK(show.mode() == Mode::Autoplay);
  }
}

TEST_CASE("a clock jump never fires a cascade of slide changes") {
  Show show({{1, 1, 1, 1, 1}, true, 30}, 1000);
  CHECK(show.update(1000.5).empty());

  SUBCASE("forwards (suspend)") {
    std::vector<ShowEvent> events = show.update(4600.5);
    CHECK(count(events, Kind::SlideShown) <= 1);
    // Then the timers run at their normal pace: one slide a second.
    std::vector<ShowEvent> after = run(show, 4600.5, 4603.5);
    CHECK(count(after, Kind::SlideShown) >= 2);
    CHECK(count(after, Kind::SlideShown) <= 4);
    CHECK(show.next_deadline() > 4603.5);
    CHECK(show.next_deadline() <= 4604.5);
  }

  SUBCASE("backwards (clock set back)") {
    std::vector<ShowEvent> events = show.update(10);
    CHECK(count(events, Kind::SlideShown) <= 1);
    // The timer is not stuck an hour in the future.
    CHECK(show.next_deadline() > 10);
    CHECK(show.next_deadline() <= 11);
    CHECK(count(run(show, 10, 13), Kind::SlideShown) >= 2);
  }

  SUBCASE("a jump in a command") {
    CHECK(count(show.apply(cmd(CommandKind::Next, Source::Key), 9000), Kind::SlideShown) == 1);
    CHECK(show.slide() == 1);
    CHECK(show.next_deadline() == doctest::Approx(9030));  // idle-return counts from the command
  }

  SUBCASE("a caller that sleeps until next_deadline() is not a jump") {
    CHECK(show.update(show.next_deadline()) ==
          std::vector<ShowEvent>{{Kind::SlideShown, 1, Reason::Timer, Mode::Autoplay}});
    show.apply(cmd(CommandKind::Next, Source::Touch), 1002);
    CHECK(show.next_deadline() == doctest::Approx(1032));
    std::vector<ShowEvent> events = show.update(show.next_deadline());
    CHECK(contains(events, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
  }

  SUBCASE("while browsing") {
    show.apply(cmd(CommandKind::Next, Source::Touch), 1001);
    std::vector<ShowEvent> events = show.update(90000);
    CHECK(count(events, Kind::SlideShown) <= 1);
    CHECK(show.next_deadline() > 90000);  // no timer is left overdue
    CHECK(show.update(90000.25).empty());
  }
}

TEST_CASE("set_timing: a new deck keeps the position when it can") {
  Show show({{2, 2, 2, 2, 2}, true, 60}, 0);
  show.apply(cmd(CommandKind::GoTo, Source::Operator, 3), 1);
  REQUIRE(show.slide() == 3);

  SUBCASE("the slide still exists") {
    show.set_timing({{2, 2, 2, 10, 2, 2}, true, 60}, 1.5);
    CHECK(show.slide() == 3);
    CHECK(show.slide_count() == 6);
    CHECK(show.next_deadline() == doctest::Approx(11));  // the new duration, from when it was shown
  }

  SUBCASE("fewer slides: the new deck from its first slide, and an event that names it") {
    std::vector<ShowEvent> events = show.set_timing({{2, 3}, true, 60}, 1.5);
    CHECK(slides_shown(events) == std::vector<int>{0});
    CHECK(events.at(0).reason == Reason::Reload);
    CHECK(show.slide() == 0);
    CHECK(show.slide_shown_at() == doctest::Approx(1.5));
    CHECK(show.next_deadline() == doctest::Approx(3.5));
    CHECK(slides_shown(show.update(3.5)) == std::vector<int>{1});
  }

  SUBCASE("no slides: nothing happens and nothing crashes") {
    show.set_timing({{}, true, 60}, 1.5);
    CHECK(show.slide_count() == 0);
    CHECK(show.slide() == 0);
    CHECK(show.next_deadline() == kNever);
    CHECK(show.update(2).empty());
    CHECK(show.apply(cmd(CommandKind::Next), 2).empty());
    CHECK(show.progress(2) == doctest::Approx(0));
  }

  SUBCASE("loop switched off at the last slide") {
    show.apply(cmd(CommandKind::Last, Source::Operator), 2);
    show.set_timing({{2, 2, 2, 2, 2}, false, 60}, 2.5);
    CHECK(show.slide() == 4);
    CHECK(show.next_deadline() == doctest::Approx(64));  // its own 2 s, then idle-return
  }
}
