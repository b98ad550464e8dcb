// The show state machine with a fake clock: autoplay timers, browsing and idle-return,
// pause, blank, navigation, clock jumps and hot reloads. Times are plain seconds.
#include "core/show/show.h"

#include <doctest/doctest.h>

#include "core/deck/deck_parser.h"
#include "core/show/timing.h"

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
    // A presenter holds the show: idle-return waits for the presenter's timeout.
    CHECK(show.held());
    CHECK(show.next_deadline() == doctest::Approx(2 + 900));
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
    CHECK(events == std::vector<ShowEvent>{{Kind::ModeChanged, 0, Reason::Start, Mode::Paused},
                                           {Kind::Held, 0, Reason::Remote, Mode::Paused}});
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
          std::vector<ShowEvent>{{Kind::Blank, 0, Reason::Remote, Mode::Autoplay},
                                 {Kind::Held, 0, Reason::Remote, Mode::Autoplay}});
    CHECK(show.blanked());
    CHECK(run(show, 1, 20).empty());  // no slide changes behind a black screen
    CHECK(show.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 20) ==
          std::vector<ShowEvent>{{Kind::Unblank, 0, Reason::Remote, Mode::Autoplay},
                                 {Kind::Released, 0, Reason::Remote, Mode::Autoplay}});
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
      // Playing again, unblanked: nothing is left for the presenter's hold.
      CHECK(events ==
            std::vector<ShowEvent>{{Kind::Unblank, 0, Reason::Operator, Mode::Autoplay},
                                   {Kind::Released, 0, Reason::Operator, Mode::Autoplay}});
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

  SUBCASE("a step unblanks on the same slide (PowerPoint, reveal.js); a jump goes there") {
    struct Row {
      CommandKind kind;
      Source source;
      int target;
      int shown;  // the slide on screen afterwards
    };
    // clang-format off
    const Row rows[] = {
      {CommandKind::Next,     Source::Remote,   0, 0},
      {CommandKind::Previous, Source::Remote,   0, 0},
      {CommandKind::Next,     Source::Key,      0, 0},
      {CommandKind::Next,     Source::Touch,    0, 0},
      {CommandKind::Next,     Source::Operator, 0, 0},
      {CommandKind::GoTo,     Source::Key,      2, 2},
      {CommandKind::Last,     Source::Remote,   0, 2},
      {CommandKind::First,    Source::Key,      0, 0},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(to_string(row.kind));
      CAPTURE(to_string(row.source));
      Show blanked({{4, 4, 4}, true, 30}, 0);
      blanked.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
      std::vector<ShowEvent> events = blanked.apply(cmd(row.kind, row.source, row.target), 2);
      CHECK(count(events, Kind::Unblank) == 1);
      CHECK_FALSE(blanked.blanked());
      CHECK(blanked.slide() == row.shown);
      CHECK(count(events, Kind::SlideShown) == (row.shown != 0));
    }
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

  // A presenter's blank is held against idle-return, but not for ever: after the presenter's
  // timeout the attract loop comes back, never left blank.
  SUBCASE("a forgotten blank: the presenter's timeout, then idle-return unblanks") {
    Show timed({{4, 4, 4}, true, 30, 100}, 0);
    timed.apply(cmd(CommandKind::Next, Source::Touch), 1);
    timed.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 2);
    CHECK(timed.held());
    CHECK(timed.next_deadline() == doctest::Approx(102));
    CHECK(run(timed, 2, 101.75).empty());
    CHECK(timed.blanked());
    std::vector<ShowEvent> events = timed.update(102);
    CHECK(contains(events, {Kind::Released, 1, Reason::PresenterTimeout, Mode::Browsing}));
    CHECK(contains(events, {Kind::Unblank, 1, Reason::IdleReturn, Mode::Browsing}));
    CHECK(contains(events, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
    CHECK_FALSE(timed.blanked());
    CHECK_FALSE(timed.held());
    CHECK(timed.mode() == Mode::Autoplay);
  }

  SUBCASE("blanked during autoplay, then forgotten") {
    Show timed({{4, 4, 4}, true, 30, 100}, 0);
    timed.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
    CHECK(timed.mode() == Mode::Autoplay);
    CHECK(run(timed, 1, 100.75).empty());
    std::vector<ShowEvent> events = run(timed, 100.75, 101);
    CHECK(count(events, Kind::Unblank) == 1);
    CHECK(slides_shown(events) == std::vector<int>{0});
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().reason == Reason::IdleReturn);
    CHECK_FALSE(timed.blanked());
  }

  SUBCASE("paused and blanked: the attract loop comes back after the presenter's timeout") {
    Show timed({{4, 4, 4}, true, 30, 100}, 0);
    timed.apply(cmd(CommandKind::Pause, Source::Remote), 1);
    timed.apply(cmd(CommandKind::ToggleBlank, Source::Remote), 1);
    std::vector<ShowEvent> events = run(timed, 1, 101);
    CHECK(count(events, Kind::Unblank) == 1);
    CHECK(timed.mode() == Mode::Autoplay);
    CHECK_FALSE(timed.blanked());
  }
}

TEST_CASE("go to, first, last, next and previous") {
  Show show({{5, 5, 5, 5, 5}, true, 60}, 0);

  SUBCASE("go to a slide in range") {
    CHECK(show.apply(cmd(CommandKind::GoTo, Source::Key, 3), 1) ==
          std::vector<ShowEvent>{{Kind::ModeChanged, 0, Reason::Start, Mode::Browsing},
                                 {Kind::SlideShown, 3, Reason::Key, Mode::Browsing},
                                 {Kind::Held, 3, Reason::Key, Mode::Browsing}});
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
    CHECK(count(show.apply(cmd(CommandKind::Next, Source::Touch), 9000), Kind::SlideShown) == 1);
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

TEST_CASE("the presenter outranks idle-return; visitors do not") {
  struct Row {
    CommandKind kind;
    Source source;
    int slide;
    bool holds;
  };
  // Who holds the show: a presenter's keys and clicker, the operator's pause and blank. A
  // visitor's touch and the operator's choice of slide leave idle-return as it was.
  // clang-format off
  const Row rows[] = {
    {CommandKind::Next,        Source::Touch,    0, false},
    {CommandKind::Previous,    Source::Touch,    0, false},
    {CommandKind::Next,        Source::Key,      0, true},
    {CommandKind::Next,        Source::Remote,   0, true},
    {CommandKind::Previous,    Source::Remote,   0, true},
    {CommandKind::GoTo,        Source::Key,      2, true},
    {CommandKind::Last,        Source::Key,      0, true},
    {CommandKind::Pause,       Source::Remote,   0, true},
    {CommandKind::ToggleBlank, Source::Remote,   0, true},
    {CommandKind::Pause,       Source::Operator, 0, true},
    {CommandKind::ToggleBlank, Source::Operator, 0, true},
    {CommandKind::GoTo,        Source::Operator, 2, false},
    {CommandKind::Next,        Source::Operator, 0, false},
  };
  // clang-format on
  for (const Row& row : rows) {
    CAPTURE(to_string(row.kind));
    CAPTURE(to_string(row.source));
    Show show({{5, 5, 5, 5}, true, 30, 900}, 0);
    // Away from autoplay first (a touch), so idle-return has something to undo.
    show.apply(cmd(CommandKind::Next, Source::Touch), 1);
    std::vector<ShowEvent> events = show.apply(cmd(row.kind, row.source, row.slide), 2);
    CHECK(show.held() == row.holds);
    CHECK(count(events, Kind::Held) == (row.holds ? 1 : 0));
    int where = show.slide();
    std::vector<ShowEvent> later = run(show, 2, 60);  // a minute on one slide
    if (row.holds) {
      CHECK(slides_shown(later).empty());
      CHECK(show.slide() == where);
      CHECK(show.mode() != Mode::Autoplay);
      CHECK(show.next_deadline() == doctest::Approx(2 + 900));
    } else {
      CHECK(contains(later, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
    }
  }
}

TEST_CASE("a presenter's hold ends with F5, resume, or the presenter's timeout") {
  Show show({{5, 5, 5, 5}, true, 30, 900}, 0);
  show.apply(cmd(CommandKind::Next, Source::Remote), 1);  // PageDown on a clicker
  REQUIRE(show.held());
  REQUIRE(show.slide() == 1);

  SUBCASE("F5 (resume from a clicker): autoplay again from this slide") {
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::Resume, Source::Remote), 100);
    CHECK(contains(events, {Kind::Released, 1, Reason::Remote, Mode::Autoplay}));
    CHECK_FALSE(show.held());
    CHECK(show.mode() == Mode::Autoplay);
    CHECK(slides_shown(show.update(105)) == std::vector<int>{2});
  }
  SUBCASE("the operator's resume, or toggle-pause back to autoplay") {
    show.apply(cmd(CommandKind::Pause, Source::Remote), 2);
    std::vector<ShowEvent> events = show.apply(cmd(CommandKind::TogglePause, Source::Operator), 3);
    CHECK(count(events, Kind::Released) == 1);
    CHECK_FALSE(show.held());
  }
  SUBCASE("forgotten: the presenter's timeout, counted from the presenter's last key") {
    show.apply(cmd(CommandKind::Next, Source::Remote), 300);
    CHECK(run(show, 300, 1199.75).empty());
    std::vector<ShowEvent> events = show.update(1200);
    CHECK(contains(events, {Kind::Released, 2, Reason::PresenterTimeout, Mode::Browsing}));
    CHECK(contains(events, {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
    CHECK(show.mode() == Mode::Autoplay);
  }
  SUBCASE("visitors touching during the hold keep it; after it, idle-return counts from them") {
    show.apply(cmd(CommandKind::Next, Source::Touch), 880);
    CHECK(show.held());
    std::vector<ShowEvent> events = run(show, 880, 901);
    CHECK(contains(events, {Kind::Released, 2, Reason::PresenterTimeout, Mode::Browsing}));
    CHECK(slides_shown(events).empty());  // the visitor browses on
    CHECK(show.next_deadline() == doctest::Approx(910));
    CHECK(contains(show.update(910), {Kind::SlideShown, 0, Reason::IdleReturn, Mode::Autoplay}));
  }
  SUBCASE("presenter-timeout 0: held until someone resumes") {
    Show forever({{5, 5}, true, 30, 0}, 0);
    forever.apply(cmd(CommandKind::Pause, Source::Remote), 1);
    CHECK(forever.next_deadline() == kNever);
    CHECK(run(forever, 1, 5000, 10).empty());
    CHECK(forever.held());
    CHECK(count(forever.apply(cmd(CommandKind::Resume, Source::Remote), 5000), Kind::Released) ==
          1);
  }
  SUBCASE("a new deck keeps the hold") {
    show.set_timing({{5, 5, 5}, true, 30, 900}, 50);
    CHECK(show.held());
    CHECK(show.next_deadline() == doctest::Approx(901));
  }
  SUBCASE("the clock set back does not stretch the hold") {
    CHECK(show.update(0.5).empty());  // a second back
    CHECK(show.next_deadline() == doctest::Approx(900.5));
  }
}

TEST_CASE("presenter-timeout goes from the front matter to the show") {
  struct Row {
    const char* value;
    double timeout;  // -1: refused with bad-value, the default kept
  };
  const Row rows[] = {{"120", 120}, {"0", 0}, {"2.5", 2.5}, {"-1", -1}, {"soon", -1}, {"", -1}};
  for (const Row& row : rows) {
    CAPTURE(std::string(row.value));
    ParseResult r = parse_deck(
        std::string("---\npresenter-timeout: ") + row.value + "\n---\n# A\n", {.file = "deck.md", .deck_dir = {}});
    bool refused = false;
    for (const Diagnostic& d : r.diagnostics) refused |= d.code == Code::BadValue;
    CHECK(refused == (row.timeout < 0));
    CHECK(timing_of(r.deck, 0).presenter_timeout == (row.timeout < 0 ? 900 : row.timeout));
  }
}
