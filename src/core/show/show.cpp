// The show state machine. Every change goes through show_slide() or set_mode(), which emit
// the events the app logs; timers are deadlines computed from the state, never counters.
#include "core/show/show.h"

#include <algorithm>

#include "core/show/wall_sync.h"

namespace boothdeck {

namespace {
// A synced slide's timer fires this long after the wall clock's boundary, so the position read
// then is the next slide's, never the last instant of the old one.
constexpr double kSyncSlack = 0.001;
}  // namespace

std::string_view to_string(CommandKind kind) {
  switch (kind) {
    case CommandKind::Next:
      return "next";
    case CommandKind::Previous:
      return "previous";
    case CommandKind::First:
      return "first";
    case CommandKind::Last:
      return "last";
    case CommandKind::GoTo:
      return "goto";
    case CommandKind::Pause:
      return "pause";
    case CommandKind::Resume:
      return "resume";
    case CommandKind::TogglePause:
      return "toggle-pause";
    case CommandKind::ToggleBlank:
      return "toggle-blank";
    case CommandKind::OpenPanel:
      return "open-panel";
    case CommandKind::Reload:
      return "reload";
    case CommandKind::Quit:
      return "quit";
    case CommandKind::ToggleFullscreen:
      return "toggle-fullscreen";
  }
  return "?";
}

std::string_view to_string(Source source) {
  switch (source) {
    case Source::Touch:
      return "touch";
    case Source::Key:
      return "key";
    case Source::Remote:
      return "remote";
    case Source::Operator:
      return "operator";
    case Source::Api:
      return "api";
    case Source::Fleet:
      return "fleet";
  }
  return "?";
}

std::string_view to_string(Reason reason) {
  switch (reason) {
    case Reason::Start:
      return "start";
    case Reason::Timer:
      return "timer";
    case Reason::Touch:
      return "touch";
    case Reason::Key:
      return "key";
    case Reason::Remote:
      return "remote";
    case Reason::Operator:
      return "operator";
    case Reason::IdleReturn:
      return "idle-return";
    case Reason::Reload:
      return "reload";
    case Reason::PresenterTimeout:
      return "presenter-timeout";
    case Reason::Api:
      return "api";
    case Reason::Fleet:
      return "fleet";
    case Reason::Sync:
      return "sync";
  }
  return "?";
}

std::string_view to_string(Mode mode) {
  switch (mode) {
    case Mode::Autoplay:
      return "autoplay";
    case Mode::Browsing:
      return "browsing";
    case Mode::Paused:
      return "paused";
  }
  return "?";
}

static Reason reason_of(Source source) {
  switch (source) {
    case Source::Touch:
      return Reason::Touch;
    case Source::Key:
      return Reason::Key;
    case Source::Remote:
      return Reason::Remote;
    case Source::Operator:
      return Reason::Operator;
    case Source::Api:
      return Reason::Api;
    case Source::Fleet:
      return Reason::Fleet;
  }
  return Reason::Key;
}

// A presenter's keys, clicker and phone, and the operator's (or the fleet's) pause and blank,
// hold the show; a visitor's touch and the operator's or fleet's slide choice do not.
static bool holds_the_show(const Command& command) {
  switch (command.kind) {
    case CommandKind::Next:
    case CommandKind::Previous:
    case CommandKind::First:
    case CommandKind::Last:
    case CommandKind::GoTo:
      return command.source == Source::Key || command.source == Source::Remote ||
             command.source == Source::Api;
    case CommandKind::Pause:
    case CommandKind::TogglePause:
    case CommandKind::ToggleBlank:
      return command.source != Source::Touch;
    default:
      return false;
  }
}

Show::Show(ShowTiming timing, double now) : timing_(std::move(timing)) {
  shown_at_ = timer_started_ = last_interaction_ = last_now_ = now;
}

double Show::duration(int slide) const {
  if (slide < 0 || slide >= slide_count()) return 10;
  return std::max(0.05, timing_.durations[slide]);
}

// A clock that goes back (a changed time source) would leave every timer far in the future:
// shift them by the jump. A jump forward (suspend) needs nothing: each timer starts the next
// slide at `now`, so hours of missed time fire one change, never a cascade.
void Show::rebase(double now) {
  double step = now - last_now_;
  if (step < 0) {
    shown_at_ += step;
    timer_started_ += step;
    last_interaction_ += step;
    last_presenter_ += step;
  }
  last_now_ = now;
}

void Show::show_slide(int slide, Reason reason, double now, std::vector<ShowEvent>& events) {
  slide_ = std::clamp(slide, 0, std::max(0, slide_count() - 1));
  shown_at_ = timer_started_ = now;
  elapsed_before_ = 0;
  events.push_back({ShowEvent::Kind::SlideShown, slide_, reason, mode_});
}

void Show::set_mode(Mode mode, double now, std::vector<ShowEvent>& events) {
  if (mode == mode_) return;
  if (mode_ == Mode::Autoplay && !blanked_)
    elapsed_before_ += now - timer_started_;  // keep time spent
  if (mode == Mode::Autoplay) timer_started_ = now;
  mode_ = mode;
  events.push_back({ShowEvent::Kind::ModeChanged, slide_, Reason::Start, mode_});
}

void Show::unblank(Reason reason, double now, std::vector<ShowEvent>& events) {
  blanked_ = false;
  if (mode_ == Mode::Autoplay) timer_started_ = now;
  events.push_back({ShowEvent::Kind::Unblank, slide_, reason, mode_});
}

void Show::hold(Reason reason, double now, std::vector<ShowEvent>& events) {
  last_presenter_ = now;
  if (held_) return;
  held_ = true;
  events.push_back({ShowEvent::Kind::Held, slide_, reason, mode_});
}

void Show::release(Reason reason, std::vector<ShowEvent>& events) {
  if (!held_) return;
  held_ = false;
  events.push_back({ShowEvent::Kind::Released, slide_, reason, mode_});
}

double Show::hold_deadline() const {
  return timing_.presenter_timeout > 0 ? last_presenter_ + timing_.presenter_timeout : kNever;
}

bool Show::syncing() const {
  return timing_.wall_sync && mode_ == Mode::Autoplay && !blanked_ && slide_count() > 0;
}

// Shows the wall clock's slide, begun when the wall clock says it began. The slide on screen
// follows the clock's phase silently: a drift of milliseconds, or a step of NTP.
void Show::join_wall(Reason reason, double now, std::vector<ShowEvent>& events) {
  WallPosition p = wall_position(timing_.durations, now + wall_offset_);
  if (p.slide != slide_ || reason == Reason::IdleReturn) show_slide(p.slide, reason, now, events);
  shown_at_ = timer_started_ = now - p.into;
  elapsed_before_ = 0;
}

std::vector<ShowEvent> Show::apply(const Command& command, double now) {
  rebase(now);
  std::vector<ShowEvent> events;
  if (slide_count() == 0) return events;
  Reason reason = reason_of(command.source);
  // In sync every navigation leaves autoplay: autoplay would take the wall clock's slide back.
  bool human =
      (command.source != Source::Operator && command.source != Source::Fleet) || timing_.wall_sync;
  last_interaction_ = now;
  int last = slide_count() - 1;

  // Navigation by a visitor or presenter takes over from autoplay (browsing);
  // idle-return hands the screen back to the attract loop later. A blank is a curtain: a step
  // (Next, Previous) lifts it on the same slide, as in PowerPoint and reveal.js; a jump to a
  // named slide goes there.
  auto navigate = [&](int target, bool step) {
    if (mode_ == Mode::Autoplay && human) set_mode(Mode::Browsing, now, events);
    if (blanked_) {
      unblank(reason, now, events);
      if (step) return;
    }
    if (target != slide_) show_slide(target, reason, now, events);
  };

  switch (command.kind) {
    case CommandKind::Next:
      navigate(slide_ < last ? slide_ + 1 : (timing_.loop ? 0 : last), true);
      break;
    case CommandKind::Previous:
      navigate(slide_ > 0 ? slide_ - 1 : (timing_.loop ? last : 0), true);
      break;
    case CommandKind::First:
      navigate(0, false);
      break;
    case CommandKind::Last:
      navigate(last, false);
      break;
    case CommandKind::GoTo:
      if (command.slide < 0 || command.slide > last) return events;  // no such slide: nothing
      navigate(command.slide, false);
      break;
    case CommandKind::Pause:
      set_mode(Mode::Paused, now, events);
      break;
    case CommandKind::Resume:
      if (blanked_) unblank(reason, now, events);
      set_mode(Mode::Autoplay, now, events);
      break;
    case CommandKind::TogglePause:
      set_mode(mode_ == Mode::Autoplay ? Mode::Paused : Mode::Autoplay, now, events);
      break;
    case CommandKind::ToggleBlank:
      // The autoplay timer stops behind a black screen: the slide comes back with the time it had
      // left.
      if (mode_ == Mode::Autoplay && !blanked_) elapsed_before_ += now - timer_started_;
      if (mode_ == Mode::Autoplay && blanked_) timer_started_ = now;
      blanked_ = !blanked_;
      events.push_back(
          {blanked_ ? ShowEvent::Kind::Blank : ShowEvent::Kind::Unblank, slide_, reason, mode_});
      break;
    case CommandKind::OpenPanel:
      events.push_back({ShowEvent::Kind::OpenPanel, slide_, reason, mode_});
      break;
    case CommandKind::Reload:
      events.push_back({ShowEvent::Kind::Reload, slide_, reason, mode_});
      break;
    case CommandKind::Quit:
      events.push_back({ShowEvent::Kind::Quit, slide_, reason, mode_});
      break;
    case CommandKind::ToggleFullscreen:
      break;  // the window's business, handled before the show
  }
  bool resumed = command.kind == CommandKind::Resume ||
                 (command.kind == CommandKind::TogglePause && mode_ == Mode::Autoplay);
  if (resumed)
    release(reason, events);
  else if (holds_the_show(command))
    hold(reason, now, events);
  // A show playing on its timers, not blanked, has nothing left to hold.
  if (mode_ == Mode::Autoplay && !blanked_) release(reason, events);
  return events;
}

double Show::next_deadline() const {
  if (slide_count() == 0) return kNever;
  if (syncing()) return shown_at_ + duration(slide_) + kSyncSlack;
  bool idle_pending = mode_ != Mode::Autoplay || blanked_;
  if (idle_pending && held_) return hold_deadline();
  if (idle_pending)
    return timing_.idle_return > 0 ? last_interaction_ + timing_.idle_return : kNever;
  bool at_end = slide_ == slide_count() - 1 && !timing_.loop;
  if (at_end)
    return timing_.idle_return > 0
               ? timer_started_ - elapsed_before_ + duration(slide_) + timing_.idle_return
               : kNever;
  return timer_started_ + duration(slide_) - elapsed_before_;
}

std::vector<ShowEvent> Show::update(double now) {
  rebase(now);
  std::vector<ShowEvent> events;
  if (syncing()) {
    // The slide that follows on the wall clock is the timer's; any other is a jump to join it.
    WallPosition p = wall_position(timing_.durations, now + wall_offset_);
    bool next = p.slide == (slide_ + 1) % slide_count() && p.into < 1;
    // A loop turn right on the boundary leaves the change to the timer's turn, a moment later,
    // so every screen logs it at the same millisecond.
    if (next && p.into < kSyncSlack / 2) return events;
    join_wall(next ? Reason::Timer : Reason::Sync, now, events);
    return events;
  }
  if (now < next_deadline()) return events;
  if (held_) {
    // The presenter left long ago: idle-return applies again, counted from the last touch
    // or key, so visitors browsing right now keep the screen.
    release(Reason::PresenterTimeout, events);
    if (now < next_deadline()) return events;
  }
  bool idle_pending = mode_ != Mode::Autoplay || blanked_;
  bool at_end = slide_ == slide_count() - 1 && !timing_.loop;
  if (idle_pending || at_end) {
    // The attract loop: back to the first slide, autoplay again, never left blank.
    if (blanked_) {
      blanked_ = false;
      events.push_back({ShowEvent::Kind::Unblank, slide_, Reason::IdleReturn, mode_});
    }
    set_mode(Mode::Autoplay, now, events);
    if (timing_.wall_sync)
      join_wall(Reason::IdleReturn, now, events);  // at the wall clock's slide and phase
    else
      show_slide(0, Reason::IdleReturn, now, events);
    return events;
  }
  // Each timer starts the next slide at `now`, so a long stall never fires a cascade.
  show_slide(slide_ + 1 < slide_count() ? slide_ + 1 : 0, Reason::Timer, now, events);
  return events;
}

double Show::progress(double now) const {
  if (slide_count() == 0) return 0;
  double elapsed =
      elapsed_before_ + (mode_ == Mode::Autoplay && !blanked_ ? now - timer_started_ : 0);
  return std::clamp(elapsed / duration(slide_), 0.0, 1.0);
}

std::vector<ShowEvent> Show::set_timing(ShowTiming timing, double now) {
  rebase(now);
  timing_ = std::move(timing);
  std::vector<ShowEvent> events;
  if (slide_ >= slide_count() && slide_count() > 0) show_slide(0, Reason::Reload, now, events);
  if (slide_count() == 0) slide_ = 0;
  return events;
}

}  // namespace boothdeck
