// Hot reload: the deck file is watched, and a settled change (or the operator's request) is
// parsed on a background thread; the kiosk polls for the result between frames, so a slow
// disk or a 10 MB deck never stalls a frame. The kiosk decides what to do with the result.
#pragma once

#include <filesystem>
#include <future>
#include <memory>
#include <optional>

#include "app/deck_source.h"
#include "app/deck_watcher.h"

namespace boothdeck {

class DeckReloader {
 public:
  explicit DeckReloader(std::filesystem::path deck);  // empty: the built-in deck, never reloaded

  // Starts a parse unless one is running; false when there is nothing to reload.
  bool request();
  // A parsed deck, once, when a background parse finished; starts one when the file settled.
  std::optional<LoadedDeck> poll(double now, bool* started);
  double next_deadline(double now) const;

 private:
  std::filesystem::path deck_;
  std::unique_ptr<DeckWatcher> watcher_;
  std::future<LoadedDeck> parsing_;
};

}  // namespace boothdeck
