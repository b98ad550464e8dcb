// The reload pipeline with a fake clock over real files: the watcher (subfolders, symlinks, a
// swapped folder, writers that pause), the background parse (run when the test says so), the
// one acceptance rule, and generations.
#include "app/reload/deck_source.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <deque>
#include <fstream>

#include "test_support.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

// Parse jobs wait until the test runs them: a parse "takes as long as the test wants".
struct ManualLauncher {
  std::deque<std::packaged_task<LoadedDeck()>> jobs;
  DeckSource::Launcher launcher() {
    return [this](std::function<LoadedDeck()> job) {
      jobs.emplace_back(std::move(job));
      return jobs.back().get_future();
    };
  }
  void run_all() {
    while (!jobs.empty()) {
      jobs.front()();
      jobs.pop_front();
    }
  }
};

// Parse jobs read the file when they start, as a real parse does, and their result arrives when
// the test says: a parse "takes as long as the test wants" after reading.
struct SlowLauncher {
  std::deque<std::pair<std::promise<LoadedDeck>, LoadedDeck>> done;
  DeckSource::Launcher launcher() {
    return [this](std::function<LoadedDeck()> job) {
      done.emplace_back(std::promise<LoadedDeck>(), job());
      return done.back().first.get_future();
    };
  }
  void finish_all() {
    for (auto& [promise, deck] : done) promise.set_value(std::move(deck));
    done.clear();
  }
};

using Kind = DeckSourceEvent::Kind;

int count(const std::vector<DeckSourceEvent>& events, Kind kind) {
  return static_cast<int>(std::count_if(events.begin(), events.end(),
                                        [&](const DeckSourceEvent& e) { return e.kind == kind; }));
}

const DeckSourceEvent* find(const std::vector<DeckSourceEvent>& events, Kind kind) {
  for (const DeckSourceEvent& e : events)
    if (e.kind == kind) return &e;
  return nullptr;
}

// Polls the source from `from` to `to` in steps, running parses as they start; returns every
// event. Time is fake: the steps are instant.
std::vector<DeckSourceEvent> settle(DeckSource& source, ManualLauncher& jobs, double from,
                                    double to) {
  std::vector<DeckSourceEvent> all;
  for (double t = from; t <= to; t += 0.1) {
    for (DeckSourceEvent& e : source.poll(t)) all.push_back(std::move(e));
    jobs.run_all();
  }
  return all;
}

}  // namespace

TEST_CASE("one rule for start-up and reload: when a deck is shown") {
  auto result = [](const std::string& text) { return parse_deck(text, {"d.md", {}, false}); };
  ParseResult good = result("# 좋은 슬라이드\n");
  ParseResult with_error = result("# 막대가 틀린 슬라이드\n\n```bars\nA: 많이\n```\n");
  ParseResult empty = result("");
  REQUIRE(good.ok());
  REQUIRE_FALSE(with_error.ok());
  REQUIRE_FALSE(with_error.deck.slides.empty());
  // clang-format off
  struct Row { const ParseResult& candidate; OnScreen on_screen; DeckVerdict verdict; };
  const Row rows[] = {
    {good,       OnScreen::Nothing,        DeckVerdict::Accepted},
    {good,       OnScreen::GoodDeck,       DeckVerdict::Accepted},
    {good,       OnScreen::DeckWithErrors, DeckVerdict::Accepted},
    {with_error, OnScreen::Nothing,        DeckVerdict::Accepted},  // start-up: better than nothing
    {with_error, OnScreen::DeckWithErrors, DeckVerdict::Accepted},  // no worse than what is shown
    {with_error, OnScreen::GoodDeck,       DeckVerdict::Refused},   // never replaces a good deck
    {empty,      OnScreen::Nothing,        DeckVerdict::Refused},
    {empty,      OnScreen::DeckWithErrors, DeckVerdict::Refused},
  };
  // clang-format on
  for (const Row& row : rows) CHECK(judge_deck(row.candidate, row.on_screen) == row.verdict);
}

TEST_CASE("start-up and reload agree on a deck with a missing image") {
  REQUIRE(sdl_started());
  TempDir dir;
  fs::path deck = dir.path / "deck.md";
  write_file(deck, "# 로고\n\n![logo](images/logo.bmp)\n");
  ManualLauncher jobs;

  SUBCASE("at start-up it is shown: nothing better is on screen") {
    DeckSource source(deck.string(), jobs.launcher());
    DeckSourceEvent first = source.load_first();
    CHECK(first.kind == Kind::Accepted);
    CHECK(first.generation == 1);
    CHECK(count_code(first.deck.result.diagnostics, Code::MissingImage) == 1);
  }
  SUBCASE("over a good deck the same file is refused, and then accepted once the image is there") {
    write_file(deck, "# 좋은 덱\n");
    DeckSource source(deck.string(), jobs.launcher());
    REQUIRE(source.load_first().kind == Kind::Accepted);
    write_file(deck, "# 로고\n\n![logo](images/logo.bmp)\n");
    auto events = settle(source, jobs, 1, 2);
    REQUIRE(count(events, Kind::Refused) == 1);
    // The image is copied in a moment later, into a subfolder that did not exist: picked up.
    write_image(dir.path / "images/logo.bmp", 100, 100);
    events = settle(source, jobs, 3, 4);
    const DeckSourceEvent* accepted = find(events, Kind::Accepted);
    REQUIRE(accepted);
    CHECK(accepted->generation == 2);
    CHECK(accepted->deck.result.ok());
  }
}

TEST_CASE("a save made during a parse is not lost: another parse follows with the newest file") {
  TempDir dir;
  fs::path deck = dir.path / "deck.md";
  write_file(deck, "# 하나\n");
  SlowLauncher jobs;
  DeckSource source(deck.string(), jobs.launcher());
  REQUIRE(source.load_first().kind == Kind::Accepted);

  write_file(deck, "# 둘\n");
  std::vector<DeckSourceEvent> events;
  for (double t = 1; t <= 2; t += 0.1)  // the change settles and a parse starts; it is slow
    for (DeckSourceEvent& e : source.poll(t)) events.push_back(std::move(e));
  REQUIRE(count(events, Kind::ParseStarted) == 1);
  REQUIRE(jobs.done.size() == 1);                 // it has read "# 둘"
  write_file(deck, "# 셋\n# 넷\n---\n# 다섯\n");  // saved again while the first parse runs
  events = source.poll(2.1);
  CHECK(events.empty());
  for (double t = 2.2; t <= 3; t += 0.1) source.poll(t);  // the second save settles
  CHECK(jobs.done.size() == 1);                           // one parse at a time
  jobs.finish_all();                                      // the first parse ends
  std::vector<int> slides;
  std::vector<uint64_t> generations;
  for (double t = 3.1; t <= 4; t += 0.1) {
    for (const DeckSourceEvent& e : source.poll(t))
      if (e.kind == Kind::Accepted) {
        slides.push_back(static_cast<int>(e.deck.deck().slides.size()));
        generations.push_back(e.generation);
      }
    jobs.finish_all();
  }
  // The first parse's deck (one slide, generation 2), then the second parse's, which read the
  // newest file: two slides, generation 3.
  CHECK(slides == std::vector<int>{1, 2});
  CHECK(generations == std::vector<uint64_t>{2, 3});
}

TEST_CASE("half a save is never read, even when the writer pauses") {
  TempDir dir;
  fs::path deck = dir.path / "deck.md";
  write_file(deck, "# 하나\n");
  ManualLauncher jobs;
  DeckSource source(deck.string(), jobs.launcher());
  REQUIRE(source.load_first().kind == Kind::Accepted);

  std::ofstream writer(deck, std::ios::trunc);
  writer << "# 반쯤 쓴\n" << std::flush;
  auto events = settle(source, jobs, 1, 5);  // four seconds of a paused writer
  CHECK(count(events, Kind::ParseStarted) == 0);
  writer << "---\n# 다 쓴 덱\n";
  writer.close();
  events = settle(source, jobs, 5.1, 6);
  const DeckSourceEvent* accepted = find(events, Kind::Accepted);
  REQUIRE(accepted);
  CHECK(accepted->deck.deck().slides.size() == 2);
}

TEST_CASE("a symlinked deck: edits of the target are seen, images resolve next to the target") {
  REQUIRE(sdl_started());
  TempDir dir;
  write_file(dir.path / "real/deck.md", "# 진짜 덱\n\n![logo](logo.bmp)\n");
  write_image(dir.path / "real/logo.bmp", 100, 100);
  fs::create_directories(dir.path / "shown");
  fs::create_symlink(dir.path / "real/deck.md", dir.path / "shown/deck.md");
  ManualLauncher jobs;
  DeckSource source((dir.path / "shown/deck.md").string(), jobs.launcher());
  DeckSourceEvent first = source.load_first();
  REQUIRE(first.kind == Kind::Accepted);
  CHECK(first.deck.result.ok());  // logo.bmp is found beside the target, not beside the link

  write_file(dir.path / "real/deck.md", "# 고친 덱\n---\n# 둘\n");
  auto events = settle(source, jobs, 1, 2);
  const DeckSourceEvent* accepted = find(events, Kind::Accepted);
  REQUIRE(accepted);
  CHECK(accepted->deck.deck().slides.size() == 2);

  // The link pointed at another deck: that one is shown, and its own edits are seen.
  write_file(dir.path / "other/deck.md", "# 다른 덱\n");
  fs::remove(dir.path / "shown/deck.md");
  fs::create_symlink(dir.path / "other/deck.md", dir.path / "shown/deck.md");
  events = settle(source, jobs, 3, 4);
  REQUIRE(find(events, Kind::Accepted));
  write_file(dir.path / "other/deck.md", "# 다른 덱\n---\n# 둘\n---\n# 셋\n");
  events = settle(source, jobs, 5, 6);
  accepted = find(events, Kind::Accepted);
  REQUIRE(accepted);
  CHECK(accepted->deck.deck().slides.size() == 3);
}

TEST_CASE("the deck's folder swapped, deleted and made again: watching goes on") {
  TempDir dir;
  write_file(dir.path / "current/deck.md", "# 하나\n");
  ManualLauncher jobs;
  DeckSource source((dir.path / "current/deck.md").string(), jobs.launcher());
  REQUIRE(source.load_first().kind == Kind::Accepted);

  SUBCASE("mv current old; mv new current") {
    write_file(dir.path / "new/deck.md", "# 새 폴더\n---\n# 둘\n");
    fs::rename(dir.path / "current", dir.path / "old");
    fs::rename(dir.path / "new", dir.path / "current");
    auto events = settle(source, jobs, 1, 2);
    const DeckSourceEvent* accepted = find(events, Kind::Accepted);
    REQUIRE(accepted);
    CHECK(accepted->deck.deck().slides.size() == 2);
    // Edits in the new folder are seen; edits in the old one are not the deck any more.
    write_file(dir.path / "old/deck.md", "# 옛 폴더\n");
    CHECK(count(settle(source, jobs, 3, 4), Kind::Accepted) == 0);
    write_file(dir.path / "current/deck.md", "# 셋\n---\n# 둘\n---\n# 하나\n");
    accepted = nullptr;
    events = settle(source, jobs, 5, 6);
    accepted = find(events, Kind::Accepted);
    REQUIRE(accepted);
    CHECK(accepted->deck.deck().slides.size() == 3);
  }
  SUBCASE("the folder deleted (the last good deck stays), then made again") {
    fs::remove_all(dir.path / "current");
    auto events = settle(source, jobs, 1, 2);
    CHECK(count(events, Kind::Refused) == 1);
    write_file(dir.path / "current/deck.md", "# 돌아온 덱\n");
    events = settle(source, jobs, 3, 4);
    REQUIRE(find(events, Kind::Accepted));
  }
}

TEST_CASE("a deck whose folder does not exist says so once, and is seen when it appears") {
  TempDir dir;
  ManualLauncher jobs;
  DeckSource source((dir.path / "usb/decks/deck.md").string(), jobs.launcher());
  CHECK(source.load_first().kind == Kind::Refused);
  auto events = settle(source, jobs, 1, 2);
  REQUIRE(count(events, Kind::Problem) == 1);
  CHECK(find(events, Kind::Problem)->message.find("does not exist") != std::string::npos);
  write_file(dir.path / "usb/decks/deck.md", "# 꽂은 덱\n");
  events = settle(source, jobs, 3, 4);
  REQUIRE(find(events, Kind::Accepted));
  CHECK(count(events, Kind::Problem) == 0);  // said once
}

TEST_CASE("events lost to a queue overflow still end in a reload") {
  TempDir dir;
  fs::path deck = dir.path / "deck.md";
  write_file(deck, "# 하나\n");
  ManualLauncher jobs;
  DeckSource source(deck.string(), jobs.launcher());
  REQUIRE(source.load_first().kind == Kind::Accepted);
  // More events than the kernel queues (fs.inotify.max_queued_events, 16384 by default).
  std::ifstream max_file("/proc/sys/fs/inotify/max_queued_events");
  int max_events = 16384;
  max_file >> max_events;
  // Files that do not concern the deck, then the deck: its own event is lost in the overflow.
  for (int i = 0; i < max_events + 100; ++i) write_file(dir.path / "noise.txt", "x");
  write_file(deck, "# 하나\n---\n# 둘\n");
  auto events = settle(source, jobs, 1, 2);
  const DeckSourceEvent* accepted = find(events, Kind::Accepted);
  REQUIRE(accepted);
  CHECK(accepted->deck.deck().slides.size() == 2);
}

TEST_CASE("a request during a parse is kept; the built-in deck reloads on request too") {
  ManualLauncher jobs;
  DeckSource source("", jobs.launcher());
  REQUIRE(source.load_first().kind == Kind::Accepted);
  source.request();
  CHECK(count(source.poll(1), Kind::ParseStarted) == 1);
  source.request();  // during the parse
  CHECK(source.poll(1.1).empty());
  jobs.run_all();
  auto events = source.poll(1.2);
  CHECK(count(events, Kind::Accepted) == 1);
  CHECK(count(events, Kind::ParseStarted) == 1);  // the kept request
  jobs.run_all();
  events = source.poll(1.3);
  CHECK(find(events, Kind::Accepted)->generation == 3);
}

TEST_CASE("a save that changes nothing the deck uses hands nothing over; a request always does") {
  REQUIRE(sdl_started());
  TempDir dir;
  fs::path deck = dir.path / "deck.md";
  write_image(dir.path / "images/logo.bmp", 100, 100);
  write_file(deck, "# 로고\n\n![logo](images/logo.bmp)\n");
  ManualLauncher jobs;
  DeckSource source(deck.string(), jobs.launcher());
  REQUIRE(source.load_first().kind == Kind::Accepted);

  // Another picture saved in the deck's folder (a camera, a designer's export): parsed, and
  // found to change nothing.
  write_image(dir.path / "images/other.bmp", 50, 50);
  auto events = settle(source, jobs, 1, 2);
  CHECK(count(events, Kind::ParseStarted) == 1);
  CHECK(count(events, Kind::Unchanged) == 1);
  CHECK(count(events, Kind::Accepted) == 0);
  // The deck saved again as it was: the same.
  write_file(deck, "# 로고\n\n![logo](images/logo.bmp)\n");
  events = settle(source, jobs, 3, 4);
  CHECK(count(events, Kind::Unchanged) == 1);
  CHECK(source.generation() == 1);

  // The picture the deck shows, changed: a new generation.
  write_image(dir.path / "images/logo.bmp", 400, 100);
  events = settle(source, jobs, 5, 6);
  const DeckSourceEvent* accepted = find(events, Kind::Accepted);
  REQUIRE(accepted);
  CHECK(accepted->generation == 2);

  // Asked for (SIGHUP, the panel's reload): handed over though nothing changed, since what is
  // not in the inputs (installed fonts) may have.
  source.request();
  events = settle(source, jobs, 7, 8);
  CHECK(count(events, Kind::Unchanged) == 0);
  accepted = find(events, Kind::Accepted);
  REQUIRE(accepted);
  CHECK(accepted->generation == 3);
}
