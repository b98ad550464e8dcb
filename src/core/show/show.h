// The show: which slide, autoplay or not, blanked or not, and when the next timer fires.
// It never reads a clock: every call takes `now` (seconds, monotonic), so tests drive it
// with plain numbers and a week of show time runs in milliseconds.
//
//   Show show(timing, now);
//   for (auto& e : show.apply(command, now)) log(e);
//   for (auto& e : show.update(now)) log(e);          // timers
//   wait_until(show.next_deadline());
#pragma once

#include <limits>
#include <string_view>
#include <vector>

#include "core/show/command.h"

namespace boothdeck {

struct ShowTiming {
  std::vector<double> durations;  // seconds, one per slide (> 0)
  bool loop = true;
  double idle_return = 60;  // seconds; 0 = never
  double presenter_timeout =
      900;  // seconds a presenter's hold lasts after their last key; 0 = until F5
  // `sync: wallclock`: autoplay shows the slide and phase the wall clock gives (wall_sync.h), so
  // screens that never talk show the same slide; the cycle always loops.
  bool wall_sync = false;
};

// Autoplay: slides advance on their timers (the attract loop).
// Browsing: someone touched or pressed a key; autoplay waits, idle-return brings it back.
// Paused: a presenter stopped autoplay (Escape on a clicker, or the operator).
// Independently of the mode, a presenter *holds* the show (held()): a key or a clicker moved,
// paused or blanked it, or the operator paused or blanked it. Idle-return leaves a held show
// alone; F5 (Resume) ends the hold, and so does `presenter_timeout` after the presenter's last
// key. Visitors' touches never hold it: browsing by touch still returns to the attract loop.
enum class Mode { Autoplay, Browsing, Paused };

enum class Reason {
  Start,
  Timer,
  Touch,
  Key,
  Remote,
  Operator,
  IdleReturn,
  Reload,
  PresenterTimeout,
  Api,    // the HTTP remote (a phone)
  Fleet,  // a command to a group of screens over MQTT
  Sync    // autoplay joined the wall clock's slide (start, a clock step, a resume)
};
std::string_view to_string(Reason reason);
std::string_view to_string(Mode mode);

struct ShowEvent {
  enum class Kind {
    SlideShown,
    Blank,
    Unblank,
    ModeChanged,
    Quit,
    OpenPanel,
    Reload,
    Held,     // a presenter took the show: idle-return waits
    Released  // the hold ended (Resume, or presenter-timeout): idle-return applies again
  };
  Kind kind = Kind::SlideShown;
  int slide = 0;
  Reason reason = Reason::Start;
  Mode mode = Mode::Autoplay;
  bool operator==(const ShowEvent&) const = default;
};

constexpr double kNever = std::numeric_limits<double>::infinity();

class Show {
 public:
  Show(ShowTiming timing, double now);

  std::vector<ShowEvent> apply(const Command& command, double now);
  std::vector<ShowEvent> update(double now);
  // Someone is at the screen without a command for the show (the operator using the panel):
  // idle-return counts from now.
  void touched(double now) { last_interaction_ = now; }
  // The wall clock (seconds since 1970, UTC) at monotonic `now`; with `wall_sync` the next
  // update() follows it. Call once per loop turn, before update().
  void follow_wall(double wall, double now) { wall_offset_ = wall - now; }

  // A new deck (hot reload): keeps the position when that slide still exists; otherwise the
  // new deck starts from its first slide (a SlideShown event with Reason::Reload).
  std::vector<ShowEvent> set_timing(ShowTiming timing, double now);

  double next_deadline() const;
  int slide() const { return slide_; }
  int slide_count() const { return static_cast<int>(timing_.durations.size()); }
  Mode mode() const { return mode_; }
  bool blanked() const { return blanked_; }
  bool held() const { return held_; }
  double slide_shown_at() const { return shown_at_; }
  double slide_duration() const { return duration(slide_); }
  // Fraction of the current slide's autoplay time that has passed (0 when not counting).
  double progress(double now) const;

 private:
  double duration(int slide) const;
  void rebase(double now);
  void show_slide(int slide, Reason reason, double now, std::vector<ShowEvent>& events);
  void set_mode(Mode mode, double now, std::vector<ShowEvent>& events);
  void unblank(Reason reason, double now, std::vector<ShowEvent>& events);
  void hold(Reason reason, double now, std::vector<ShowEvent>& events);
  void release(Reason reason, std::vector<ShowEvent>& events);
  double hold_deadline() const;
  bool syncing() const;
  void join_wall(Reason reason, double now, std::vector<ShowEvent>& events);

  ShowTiming timing_;
  int slide_ = 0;
  Mode mode_ = Mode::Autoplay;
  bool blanked_ = false;
  double shown_at_ = 0;        // when the current slide appeared
  double timer_started_ = 0;   // when the autoplay timer of this slide (re)started
  double elapsed_before_ = 0;  // autoplay time spent on this slide before a pause
  double last_interaction_ = 0;
  bool held_ = false;
  double last_presenter_ = 0;  // the presenter's last command, while held
  double last_now_ = 0;
  double wall_offset_ = 0;  // wall clock minus the monotonic clock
};

}  // namespace boothdeck
