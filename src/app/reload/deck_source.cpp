// The parse runs on another thread: load_deck touches no shared state. Everything else runs on
// the kiosk's thread between frames.
#include "app/reload/deck_source.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <utility>

namespace boothdeck {

namespace {
constexpr double kResultPollSeconds = 0.05;  // how soon the loop looks again while parsing

std::future<LoadedDeck> on_a_thread(std::function<LoadedDeck()> job) {
  return std::async(std::launch::async, std::move(job));
}
}  // namespace

DeckVerdict judge_deck(const ParseResult& candidate, OnScreen on_screen) {
  if (candidate.deck.slides.empty()) return DeckVerdict::Refused;
  if (candidate.ok()) return DeckVerdict::Accepted;
  return on_screen == OnScreen::GoodDeck ? DeckVerdict::Refused : DeckVerdict::Accepted;
}

DeckSource::DeckSource(std::string path, Launcher launcher)
    : path_(std::move(path)), launch_(launcher ? std::move(launcher) : on_a_thread) {
  if (!path_.empty()) watcher_ = std::make_unique<DeckWatcher>(path_);
}

DeckSourceEvent DeckSource::judge(LoadedDeck deck) {
  DeckSourceEvent event;
  bool accepted = judge_deck(deck.result, on_screen_) == DeckVerdict::Accepted;
  event.kind = accepted ? DeckSourceEvent::Kind::Accepted : DeckSourceEvent::Kind::Refused;
  if (accepted) {
    event.generation = ++generation_;
    shown_inputs_ = deck.inputs;
    on_screen_ = deck.result.ok() ? OnScreen::GoodDeck : OnScreen::DeckWithErrors;
  }
  event.deck = std::move(deck);
  return event;
}

void DeckSource::switch_to(std::string path) {
  path_ = std::move(path);
  watcher_ = path_.empty() ? nullptr : std::make_unique<DeckWatcher>(path_);
  requested_ = asked_ = true;
}

DeckSourceEvent DeckSource::load_first() {
  return judge(load_deck(path_));
}

std::vector<DeckSourceEvent> DeckSource::poll(double now) {
  std::vector<DeckSourceEvent> events;
  if (watcher_) {
    if (watcher_->poll(now)) requested_ = true;
    for (std::string& message : watcher_->take_problems()) {
      DeckSourceEvent problem;
      problem.message = std::move(message);
      events.push_back(std::move(problem));
    }
  }
  if (parsing_.valid() && parsing_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    LoadedDeck deck = parsing_.get();
    if (!parse_asked_ && !deck.inputs.empty() && deck.inputs == shown_inputs_) {
      DeckSourceEvent unchanged;
      unchanged.kind = DeckSourceEvent::Kind::Unchanged;
      events.push_back(std::move(unchanged));
    } else {
      events.push_back(judge(std::move(deck)));
    }
  }
  // A request that came during the parse starts the next one now, with the newest file.
  if (requested_ && !parsing_.valid()) {
    requested_ = false;
    parse_asked_ = std::exchange(asked_, false);
    parsing_ = launch_([path = path_] { return load_deck(path); });
    DeckSourceEvent started;
    started.kind = DeckSourceEvent::Kind::ParseStarted;
    events.push_back(std::move(started));
  }
  return events;
}

double DeckSource::next_deadline(double now) const {
  double deadline = watcher_ ? watcher_->next_deadline() : std::numeric_limits<double>::infinity();
  if (parsing_.valid() || requested_) deadline = std::min(deadline, now + kResultPollSeconds);
  return deadline;
}

}  // namespace boothdeck
