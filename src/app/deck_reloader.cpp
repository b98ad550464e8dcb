// The background parse is a std::async future: load_deck touches no shared state.
#include "app/deck_reloader.h"

#include <algorithm>
#include <chrono>

namespace boothdeck {

namespace {
constexpr double kResultPollSeconds = 0.05;  // how soon the loop looks again while parsing
}

DeckReloader::DeckReloader(std::filesystem::path deck) : deck_(std::move(deck)) {
  if (!deck_.empty()) watcher_ = std::make_unique<DeckWatcher>(deck_);
}

bool DeckReloader::request() {
  if (deck_.empty() || parsing_.valid()) return false;
  parsing_ = std::async(std::launch::async, [path = deck_.string()] { return load_deck(path); });
  return true;
}

std::optional<LoadedDeck> DeckReloader::poll(double now, bool* started) {
  *started = watcher_ && watcher_->poll(now) && request();
  if (!parsing_.valid() || parsing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return std::nullopt;
  return parsing_.get();
}

double DeckReloader::next_deadline(double now) const {
  double deadline = watcher_ ? watcher_->next_deadline() : std::numeric_limits<double>::infinity();
  if (parsing_.valid()) deadline = std::min(deadline, now + kResultPollSeconds);
  return deadline;
}

}  // namespace boothdeck
