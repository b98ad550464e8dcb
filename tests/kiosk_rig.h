// The real kiosk on a fake platform for tests: a deck in a folder, a fake screen, a JSON log in
// a file, and the kiosk on them; the log read back as JSON. Shared by the kiosk tests.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/kiosk/kiosk.h"
#include "fake_platform.h"
#include "test_support.h"

namespace boothdeck {

// A deck in a folder, a fake screen, a JSON log in a file, and the kiosk on them. Parses run
// on the calling thread, so a reload is complete when the loop looks again.
struct Rig {
  explicit Rig(const std::string& deck_text, int width = 1280, int height = 720, Options opts = {})
      : options(std::move(opts)), platform(width, height) {
    REQUIRE(sdl_started());
    write_file(deck_path(), deck_text);
    options.deck = deck_path().string();
    log_file = std::tmpfile();
    log = std::make_unique<EventLog>(LogFormat::Json, platform.now(), log_file,
                                     [this] { return platform.wall_time(); });
    source = std::make_unique<DeckSource>(options.deck, [](std::function<LoadedDeck()> job) {
      std::promise<LoadedDeck> done;
      done.set_value(job());
      return done.get_future();
    });
    DeckSourceEvent first = source->load_first();
    REQUIRE(first.kind == DeckSourceEvent::Kind::Accepted);
    std::string error;
    auto presentation = Presentation::make(std::move(first.deck), first.generation,
                                           find_fonts_dir(""), {width, height}, &error);
    REQUIRE_MESSAGE(presentation, error);
    kiosk = std::make_unique<Kiosk>(options, platform, *log, *source, std::move(presentation),
                                    find_fonts_dir(""));
    REQUIRE(kiosk->start(&error));
  }
  ~Rig() {
    kiosk.reset();
    std::fclose(log_file);
  }
  std::filesystem::path deck_path() const { return dir.path / "deck.md"; }
  void run_until(double t) { run_loop(platform, *kiosk, t); }
  double now() { return platform.now(); }

  // Every logged event of a kind, oldest first.
  std::vector<nlohmann::json> events(const std::string& kind = "") {
    std::fflush(log_file);
    std::rewind(log_file);
    std::vector<nlohmann::json> out;
    char line[65536];
    while (std::fgets(line, sizeof line, log_file)) {
      nlohmann::json event = nlohmann::json::parse(line);
      if (kind.empty() || event["event"] == kind) out.push_back(event);
    }
    std::fseek(log_file, 0, SEEK_END);
    return out;
  }
  std::vector<int> slides_logged(const std::string& reason = "") {
    std::vector<int> out;
    for (const nlohmann::json& e : events("slide"))
      if (reason.empty() || e["reason"] == reason) out.push_back(e["index"]);
    return out;
  }
  // The screen's pixels now, for comparing two moments.
  std::vector<uint32_t> screen() {
    SDL_Surface* s = platform.pixels();
    const auto* p = static_cast<const uint32_t*>(s->pixels);
    return std::vector<uint32_t>(p, p + s->h * (s->pitch / 4));
  }

  TempDir dir;
  Options options;
  FakePlatform platform;
  std::FILE* log_file = nullptr;
  std::unique_ptr<EventLog> log;
  std::unique_ptr<DeckSource> source;
  std::unique_ptr<Kiosk> kiosk;
};

// A finger's touches on a touchscreen, scheduled on the rig's fake platform.
struct Finger {
  static constexpr long long kTouchscreen = 7;
  Rig& rig;
  long long id = 1;

  void down(double t, float x, float y) {
    rig.platform.at(t, pointer_event(InputEvent::Type::PointerDown, x, y, id, kTouchscreen));
  }
  void up(double t, float x, float y) {
    rig.platform.at(t, pointer_event(InputEvent::Type::PointerUp, x, y, id, kTouchscreen));
  }
  void tap(double t, float x, float y) {
    down(t, x, y);
    up(t + 0.1, x, y);
    ++id;
  }
  // A tap on one of the panel's targets as it is laid out in `view` on the rig's screen.
  void press(double t, PanelView view, TargetKind kind, int index = 0, bool restricted = false,
             bool remote = false) {
    PixelSize size = rig.platform.size();
    PanelLayout layout = layout_panel({.width = size.width,
                                       .height = size.height,
                                       .view = view,
                                       .restricted = restricted,
                                       .remote = remote,
                                       .slides = static_cast<int>(rig.kiosk->show().slide_count()),
                                       .status_lines = panel_status_lines(restricted)});
    const PanelTarget* target = layout.find(kind, index);
    REQUIRE(target);
    tap(t, target->rect.center_x() / size.width, target->rect.center_y() / size.height);
  }
  // Holds a corner for the long press; the lift comes over the panel.
  void long_press(double t) {
    down(t, 0.03f, 0.03f);
    up(t + 2.8, 0.03f, 0.03f);
    ++id;
  }
};

}  // namespace boothdeck
