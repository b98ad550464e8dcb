// The kiosk's one deck source. It watches the deck, parses it on a background thread when it
// changes (or when asked: the operator panel, SIGHUP), judges the result by the one rule
// below, and hands accepted decks over with a generation number. A change that arrives
// during a parse starts another parse when that one ends, so no save is lost.
//
//   DeckSource source("booth.md");
//   DeckSourceEvent first = source.load_first();      // start-up: the same rule as a reload
//   for (DeckSourceEvent& e : source.poll(now)) ...;  // between frames, never blocks
//   source.request();                                 // parse again
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "app/deck_loading.h"
#include "app/reload/deck_watcher.h"

namespace boothdeck {

enum class DeckVerdict { Accepted, Refused };
enum class OnScreen { Nothing, DeckWithErrors, GoodDeck };

// The one rule for start-up and reload (docs/deck-format.md, "When a deck is shown"):
// a deck with no slide is refused; a deck without errors is accepted; a deck with errors
// (a missing image, a bad setting: it shows, with a hole) is accepted only when nothing is on
// screen yet or what is on screen had errors too, because then it is no worse.
DeckVerdict judge_deck(const ParseResult& candidate, OnScreen on_screen);

struct DeckSourceEvent {
  // Unchanged: the watcher saw a change, but the deck and its images are as they were (another
  // file in the deck's folder was saved); nothing is handed over.
  enum class Kind { ParseStarted, Accepted, Refused, Unchanged, Problem };
  Kind kind = Kind::Problem;
  LoadedDeck deck;          // Accepted, Refused
  uint64_t generation = 0;  // Accepted: 1 for the first deck, one more for each after it
  std::string message;      // Problem: the watcher cannot watch something
};

class DeckSource {
 public:
  // Runs a parse job and returns its future. The default runs it on a new thread; tests pass
  // one that runs jobs when they say so.
  using Launcher = std::function<std::future<LoadedDeck>(std::function<LoadedDeck()>)>;

  // `path` as the user gave it; "" is the built-in deck, which is never watched.
  explicit DeckSource(std::string path, Launcher launcher = nullptr);

  // Parses now, on this thread. An accepted deck becomes generation 1.
  DeckSourceEvent load_first();
  // Parses again soon; during a parse, once more after it. Handed over even when nothing changed
  // (SIGHUP after new fonts were installed).
  void request() { requested_ = asked_ = true; }
  // Reads the deck from `path` from now on (a fleet's bundle, unpacked): watched, and parsed
  // soon under the same rule, so a bad deck there keeps the last good one on screen.
  void switch_to(std::string path);
  const std::string& path() const { return path_; }
  // Watcher notifications, finished parses and new ones; never waits for a parse.
  std::vector<DeckSourceEvent> poll(double now);
  // When poll() should next run (a settling change, a parse to collect).
  double next_deadline(double now) const;
  bool parsing() const { return parsing_.valid(); }
  uint64_t generation() const { return generation_; }

 private:
  DeckSourceEvent judge(LoadedDeck deck);

  std::string path_;
  Launcher launch_;
  std::unique_ptr<DeckWatcher> watcher_;
  std::future<LoadedDeck> parsing_;
  bool requested_ = false;
  bool asked_ = false;        // request() since the last parse started
  bool parse_asked_ = false;  // the running parse was asked for, not only seen by the watcher
  std::string shown_inputs_;  // LoadedDeck::inputs of the last accepted deck
  uint64_t generation_ = 0;
  OnScreen on_screen_ = OnScreen::Nothing;  // the last accepted deck (shown, or about to be)
};

}  // namespace boothdeck
