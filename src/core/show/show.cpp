// The show state machine. Every change goes through show_slide() or set_mode(), which emit
// the events the app logs; timers are deadlines computed from the state, never counters.
#include "core/show/show.h"

#include <algorithm>

namespace boothdeck {

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
  }
  return Reason::Key;
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

std::vector<ShowEvent> Show::apply(const Command& command, double now) {
  rebase(now);
  std::vector<ShowEvent> events;
  if (slide_count() == 0) return events;
  Reason reason = reason_of(command.source);
  bool human = command.source != Source::Operator;
  last_interaction_ = now;
  int last = slide_count() - 1;

  // Navigation by a visitor or presenter takes over from autoplay (browsing);
  // idle-return hands the screen back to the attract loop later.
  auto navigate = [&](int target) {
    if (mode_ == Mode::Autoplay && human) set_mode(Mode::Browsing, now, events);
    if (blanked_) {
      blanked_ = false;
      if (mode_ == Mode::Autoplay) timer_started_ = now;
      events.push_back({ShowEvent::Kind::Unblank, slide_, reason, mode_});
    }
    if (target != slide_) show_slide(target, reason, now, events);
  };

  switch (command.kind) {
    case CommandKind::Next:
      navigate(slide_ < last ? slide_ + 1 : (timing_.loop ? 0 : last));
      break;
    case CommandKind::Previous:
      navigate(slide_ > 0 ? slide_ - 1 : (timing_.loop ? last : 0));
      break;
    case CommandKind::First:
      navigate(0);
      break;
    case CommandKind::Last:
      navigate(last);
      break;
    case CommandKind::GoTo:
      if (command.slide >= 0 && command.slide <= last) navigate(command.slide);
      break;
    case CommandKind::Pause:
      set_mode(Mode::Paused, now, events);
      break;
    case CommandKind::Resume:
      if (blanked_) {
        blanked_ = false;
        if (mode_ == Mode::Autoplay) timer_started_ = now;
        events.push_back({ShowEvent::Kind::Unblank, slide_, reason, mode_});
      }
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
  return events;
}

double Show::next_deadline() const {
  if (slide_count() == 0) return kNever;
  bool idle_pending = mode_ != Mode::Autoplay || blanked_;
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
  if (now < next_deadline()) return events;
  bool idle_pending = mode_ != Mode::Autoplay || blanked_;
  bool at_end = slide_ == slide_count() - 1 && !timing_.loop;
  if (idle_pending || at_end) {
    // The attract loop: back to the first slide, autoplay again, never left blank.
    if (blanked_) {
      blanked_ = false;
      events.push_back({ShowEvent::Kind::Unblank, slide_, Reason::IdleReturn, mode_});
    }
    set_mode(Mode::Autoplay, now, events);
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
