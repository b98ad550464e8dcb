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
};

// Autoplay: slides advance on their timers (the attract loop).
// Browsing: someone touched or pressed a key; autoplay waits, idle-return brings it back.
// Paused: a presenter stopped autoplay (F5/Escape on a clicker, or the operator).
enum class Mode { Autoplay, Browsing, Paused };

enum class Reason { Start, Timer, Touch, Key, Remote, Operator, IdleReturn, Reload };
std::string_view to_string(Reason reason);
std::string_view to_string(Mode mode);

struct ShowEvent {
  enum class Kind { SlideShown, Blank, Unblank, ModeChanged, Quit, OpenPanel, Reload };
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

  // A new deck (hot reload): keeps the position when that slide still exists; otherwise the
  // new deck starts from its first slide (a SlideShown event with Reason::Reload).
  std::vector<ShowEvent> set_timing(ShowTiming timing, double now);

  double next_deadline() const;
  int slide() const { return slide_; }
  int slide_count() const { return static_cast<int>(timing_.durations.size()); }
  Mode mode() const { return mode_; }
  bool blanked() const { return blanked_; }
  double slide_shown_at() const { return shown_at_; }
  double slide_duration() const { return duration(slide_); }
  // Fraction of the current slide's autoplay time that has passed (0 when not counting).
  double progress(double now) const;

 private:
  double duration(int slide) const;
  void rebase(double now);
  void show_slide(int slide, Reason reason, double now, std::vector<ShowEvent>& events);
  void set_mode(Mode mode, double now, std::vector<ShowEvent>& events);

  ShowTiming timing_;
  int slide_ = 0;
  Mode mode_ = Mode::Autoplay;
  bool blanked_ = false;
  double shown_at_ = 0;        // when the current slide appeared
  double timer_started_ = 0;   // when the autoplay timer of this slide (re)started
  double elapsed_before_ = 0;  // autoplay time spent on this slide before a pause
  double last_interaction_ = 0;
  double last_now_ = 0;
};

}  // namespace boothdeck
