// The panel's rules as plain state changes.
#include "ui/panel_state.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/operator_panel.h"

namespace boothdeck {

void PanelState::open(double now) {
  if (is_open()) return;
  view_ = has_pin() ? PanelView::Pin : PanelView::Main;
  entered_.clear();
  wrong_shown_ = false;
  asking_.reset();
  last_input_ = now;
}

void PanelState::close() {
  view_ = PanelView::Closed;
  entered_.clear();
  asking_.reset();
}

double PanelState::close_deadline() const {
  return is_open() ? last_input_ + kIdleClose : std::numeric_limits<double>::infinity();
}

void PanelState::digit(int digit, double now) {
  touched(now);
  if (view_ != PanelView::Pin || waiting(now) || digit < 0 || digit > 9) return;
  wrong_shown_ = false;
  if (entered_.size() < kPinMaxDigits) entered_ += static_cast<char>('0' + digit);
}

void PanelState::erase(double now) {
  touched(now);
  if (view_ != PanelView::Pin || waiting(now)) return;
  wrong_shown_ = false;
  if (!entered_.empty()) entered_.pop_back();
}

double PanelState::wait_after(int wrong_tries) {
  if (wrong_tries < kFreeTries) return 0;
  return std::min(kMaxWait, kFirstWait * std::pow(2.0, wrong_tries - kFreeTries));
}

std::optional<PinOutcome> PanelState::submit(double now) {
  touched(now);
  if (view_ != PanelView::Pin || waiting(now) || entered_.empty()) return std::nullopt;
  PinOutcome outcome;
  outcome.accepted = entered_ == policy_.pin;
  entered_.clear();
  if (outcome.accepted) {
    wrong_tries_ = 0;
    wrong_shown_ = false;
    view_ = PanelView::Main;
  } else {
    // The count survives closing the panel: reopening it does not buy more tries.
    outcome.wrong_tries = ++wrong_tries_;
    outcome.wait = wait_after(wrong_tries_);
    wait_until_ = now + outcome.wait;
    wrong_shown_ = true;
  }
  return outcome;
}

bool PanelState::needs_confirmation(const Command& command, bool blanked) {
  return command.kind == CommandKind::Quit || command.kind == CommandKind::Reload ||
         (command.kind == CommandKind::ToggleBlank && !blanked);
}

void PanelState::ask(const Command& command) {
  if (view_ != PanelView::Main || !allows(command.kind)) return;
  asking_ = command;
  view_ = PanelView::Confirm;
}

std::optional<Command> PanelState::answer(bool yes) {
  if (view_ != PanelView::Confirm) return std::nullopt;
  std::optional<Command> command = yes ? asking_ : std::nullopt;
  asking_.reset();
  view_ = PanelView::Main;
  return command;
}

bool PanelState::allows(CommandKind kind) const {
  switch (kind) {
    case CommandKind::Next:
    case CommandKind::Previous:
    case CommandKind::First:
    case CommandKind::Last:
    case CommandKind::GoTo:
    case CommandKind::Resume:
      return true;
    case CommandKind::Pause:
    case CommandKind::TogglePause:
    case CommandKind::ToggleBlank:
    case CommandKind::Reload:
    case CommandKind::Quit:
      return !policy_.restricted;
    default:
      return false;
  }
}

void PanelState::show_pairing(double now) {
  touched(now);
  if (view_ == PanelView::Main && can_pair()) view_ = PanelView::Pair;
}

void PanelState::set_page(int page, int pages) {
  page_ = std::clamp(page, 0, std::max(0, pages - 1));
}

void PanelState::show_page_of(int slide, int per_page) {
  page_ = per_page > 0 ? std::max(0, slide) / per_page : 0;
}

void PanelState::show_figures() {
  if (view_ == PanelView::Main && !restricted()) view_ = PanelView::Figures;
}

void PanelState::back_to_main() {
  if (view_ == PanelView::Figures || view_ == PanelView::Pair) view_ = PanelView::Main;
}

}  // namespace boothdeck
