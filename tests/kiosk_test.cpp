// The real kiosk loop on a fake platform: fake time, scripted input, an offscreen screen. What a
// booth sees is checked through the JSON event log and the pixels the kiosk drew.
#include "app/kiosk/kiosk.h"

#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/engagement_log.h"
#include "app/kiosk/signals.h"
#include "fake_systemd.h"
#include "kiosk_rig.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

const char* kThreeSlides =
    "---\nduration: 2\ntransition: none\nidle-return: 0\n---\n# 하나\n---\n# 둘\n---\n# 셋\n";

}  // namespace

TEST_CASE("a static slide costs one frame, then none for a minute") {
  Rig rig("---\nduration: 1000\nprogress: false\n---\n# 가만히 있는 슬라이드\n\n본문 한 줄\n");
  double start = rig.now();
  rig.run_until(start + 60);
  CHECK(rig.kiosk->frames() == 1);
  CHECK(rig.platform.presents == 1);
  CHECK(rig.platform.waits <= 125);  // it sleeps, at most half a second at a time
}

TEST_CASE("the timer shows each slide for its duration, and each change is drawn") {
  Rig rig(kThreeSlides);
  double start = rig.now();
  rig.run_until(start + 7);
  CHECK(rig.slides_logged("timer") == std::vector<int>{1, 2, 0});
  auto slides = rig.events("slide");
  REQUIRE(slides.size() == 4);
  CHECK(slides[1]["t"].get<double>() == doctest::Approx(2).epsilon(0.01));
  CHECK(rig.kiosk->frames() >= 4);
}

TEST_CASE("a progress line draws a few strips a second, not a frame each wake-up") {
  Rig rig("---\nduration: 10\ntransition: none\n---\n# 하나\n---\n# 둘\n");
  double start = rig.now();
  rig.run_until(start + 9);  // within the first slide
  CHECK(rig.kiosk->region_frames() > 9 * 3);
  CHECK(rig.kiosk->region_frames() <= 9 * 4 + 1);
  CHECK(rig.kiosk->frames() - rig.kiosk->region_frames() == 1);  // one full frame
}

TEST_CASE("a tap on the right goes forward, on the left back; a key too") {
  Rig rig(kThreeSlides);
  double t = rig.now();
  rig.platform.at(t + 0.5, pointer_event(InputEvent::Type::PointerDown, 0.8f, 0.5f));
  rig.platform.at(t + 0.6, pointer_event(InputEvent::Type::PointerUp, 0.8f, 0.5f));
  rig.platform.at(t + 1.5, pointer_event(InputEvent::Type::PointerDown, 0.1f, 0.5f, 3));
  rig.platform.at(t + 1.6, pointer_event(InputEvent::Type::PointerUp, 0.1f, 0.5f, 3));
  rig.platform.at(t + 2.5, key_event(Key::PageDown));
  rig.run_until(t + 3);
  CHECK(rig.slides_logged() == std::vector<int>{0, 1, 0, 1});
  auto slides = rig.events("slide");
  CHECK(slides[1]["reason"] == "touch");
  CHECK(slides[3]["reason"] == "remote");
}

TEST_CASE("a fade and growing bars end with a frame at rest, not at 98 %") {
  Rig rig(
      "---\nduration: 4\ntransition: fade\nprogress: false\ncounter: false\nidle-return: 0\n"
      "---\n# 첫 슬라이드\n---\n# 막대\n\n```bars unit=%\n가: 38.4\n나: 64.2 *\n```\n");
  double t = rig.now();
  rig.run_until(t + 7);  // the fade into slide 2 and its bars are long over
  REQUIRE(rig.slides_logged("timer") == std::vector<int>{1});
  std::vector<uint32_t> after_animation = rig.screen();
  // A fresh full frame of the same moment must look the same.
  PlatformEvent exposed;
  exposed.type = PlatformEvent::Type::Exposed;
  rig.platform.at(rig.now() + 0.01, exposed);
  uint64_t frames = rig.kiosk->frames();
  rig.run_until(rig.now() + 0.1);
  REQUIRE(rig.kiosk->frames() == frames + 1);
  CHECK(rig.screen() == after_animation);
}

TEST_CASE("a resize rebuilds the renderer, lays the deck out again and draws on") {
  Rig rig(kThreeSlides);
  double t = rig.now();
  rig.platform.resize_at(t + 1, 1080, 1920);
  PlatformEvent reset;
  reset.type = PlatformEvent::Type::RendererLost;  // SDL_RENDER_DEVICE_RESET
  rig.platform.at(t + 2, reset);
  rig.run_until(t + 3);
  CHECK(rig.kiosk->renderer_builds() == 3);
  auto renderers = rig.events("renderer");
  REQUIRE(renderers.size() == 2);
  CHECK(renderers[0]["size"] == nlohmann::json{1080, 1920});
  Viewport v = const_cast<Presentation&>(rig.kiosk->presentation()).layout().viewport();
  CHECK(v.width == 1080);
  CHECK(v.height == 1920);
  // The slide is drawn at the new size: the theme's background fills the corner.
  uint32_t corner = static_cast<uint32_t*>(rig.platform.pixels()->pixels)[5];
  uint8_t r, g, b;
  SDL_GetRGB(corner, rig.platform.pixels()->format, &r, &g, &b);
  CHECK(Color{r, g, b} == theme_named("dark").background);
}

TEST_CASE("a saved deck comes in at the next slide; a shorter one starts at its first slide") {
  Rig rig(
      "---\nduration: 2\ntransition: fade\nidle-return: 0\n---\n# 1\n---\n# 2\n---\n# 3\n---\n# "
      "4\n");
  double t = rig.now();
  rig.run_until(t + 5);  // on slide 3 (index 2)
  REQUIRE(rig.kiosk->show().slide() == 2);
  write_file(rig.deck_path(), "---\nduration: 2\ntransition: fade\n---\n# 새 1\n---\n# 새 2\n");
  rig.run_until(t + 7);
  auto reloads = rig.events("reload");
  REQUIRE(reloads.size() == 1);
  CHECK(reloads[0]["generation"] == 2);
  CHECK(reloads[0]["slides"] == 2);
  // Every slide the log names exists in the deck shown at that moment.
  for (const nlohmann::json& e : rig.events("slide"))
    if (e["t"].get<double>() >= reloads[0]["t"].get<double>()) CHECK(e["index"].get<int>() < 2);
  CHECK(rig.kiosk->show().slide() < 2);
  CHECK(rig.kiosk->presentation().deck().slides.size() == 2);
}

TEST_CASE("a broken save keeps the deck on screen and says where the problem is") {
  Rig rig(kThreeSlides);
  double t = rig.now();
  write_file(rig.deck_path(), "---\ndurration: 3\n# never closed\n");
  rig.run_until(t + 2);
  auto failed = rig.events("reload-failed");
  REQUIRE(failed.size() == 1);
  std::string first = failed[0]["diagnostics"][0];
  CHECK(first.find("deck.md:1:1: error:") != std::string::npos);
  CHECK(first.find("[unclosed-front-matter]") != std::string::npos);
  CHECK(rig.kiosk->presentation().deck().slides.size() == 3);
  CHECK(rig.kiosk->presentation().generation() == 1);
}

TEST_CASE("signals: SIGHUP reads the deck again, SIGUSR1 logs status, SIGTERM ends the show") {
  Rig rig(kThreeSlides);
  install_signal_handlers();
  double t = rig.now();
  std::raise(SIGHUP);
  rig.run_until(t + 0.5);
  CHECK(rig.events("reload-start").size() == 1);
  CHECK(rig.events("reload").empty());  // autoplay: the new deck comes in with the next slide
  rig.run_until(t + 2.5);
  CHECK(rig.events("reload").size() == 1);
  CHECK(rig.kiosk->presentation().generation() == 2);
  std::raise(SIGUSR1);
  std::raise(SIGUSR2);
  rig.run_until(t + 3);
  REQUIRE(rig.events("status").size() == 1);
  CHECK(rig.events("status")[0]["generation"] == 2);
  CHECK(rig.kiosk->running());
  std::raise(SIGTERM);
  rig.run_until(t + 4);
  CHECK_FALSE(rig.kiosk->running());
  CHECK(rig.events("quit").size() == 1);
}

TEST_CASE("fullscreen: a close request does not end the show; windowed it does") {
  PlatformEvent close;
  close.type = PlatformEvent::Type::CloseRequest;
  SUBCASE("fullscreen") {
    Rig rig(kThreeSlides);
    rig.platform.at(rig.now() + 0.5, close);
    rig.platform.at(rig.now() + 0.6, key_event(Key::Q));
    rig.platform.at(rig.now() + 0.7, key_event(Key::F11));
    rig.run_until(rig.now() + 1);
    CHECK(rig.kiosk->running());
    CHECK(rig.platform.fullscreen_toggles == 0);
  }
  SUBCASE("windowed") {
    Options windowed;
    windowed.windowed = true;
    Rig rig(kThreeSlides, 1280, 720, windowed);
    rig.platform.at(rig.now() + 0.4, key_event(Key::F11));
    rig.platform.at(rig.now() + 0.5, close);
    rig.run_until(rig.now() + 1);
    CHECK_FALSE(rig.kiosk->running());
    CHECK(rig.platform.fullscreen_toggles == 1);
  }
}

TEST_CASE("animations draw at 30 frames a second on a software screen, then stop") {
  SUBCASE("a slide transition: full frames") {
    Rig rig("---\nduration: 2\ntransition: slide\nprogress: false\n---\n# 하나\n---\n# 둘\n");
    double t = rig.now();
    rig.run_until(t + 1.9);
    uint64_t before = rig.kiosk->frames();
    rig.run_until(t + 3.9);  // the change at 2 s, a transition of kTransitionSeconds
    uint64_t full = rig.kiosk->frames() - rig.kiosk->region_frames() - before;
    CHECK(full >= 12);
    CHECK(full <= 19);
  }
  SUBCASE("growing bars: region frames only") {
    Rig rig(
        "---\ntransition: none\nprogress: false\nduration: 100\n---\n"
        "```bars\n가: 1\n나: 2\n다: 3\n```\n");
    double t = rig.now();
    rig.run_until(t + 10);
    // About 1.35 s of growth after a delay in which nothing changes and nothing is drawn.
    CHECK(rig.kiosk->region_frames() >= 35);
    CHECK(rig.kiosk->region_frames() <= 45);
    CHECK(rig.kiosk->frames() - rig.kiosk->region_frames() == 1);  // the slide's first frame
    CHECK(rig.platform.region_presents == static_cast<int>(rig.kiosk->region_frames()));
  }
}

TEST_CASE("show hours: outside them the screen is black and frozen, and no visitor opens it") {
  setenv("TZ", "UTC", 1);
  tzset();
  Options options;
  DayHours hours;
  std::string error;
  int col = 0;
  REQUIRE(parse_day_hours("09:00-09:02", &hours, &error, &col));  // the fake wall clock: 09:00
  options.show_hours.hours.set_daily(hours);
  options.show_hours.trust_clock = true;
  Rig rig(kThreeSlides, 1280, 720, options);
  double t = rig.now();
  rig.platform.at(t + 150, pointer_event(InputEvent::Type::PointerDown, 0.8f, 0.5f));
  rig.platform.at(t + 150.1, pointer_event(InputEvent::Type::PointerUp, 0.8f, 0.5f));
  rig.platform.at(t + 151, key_event(Key::B));
  rig.run_until(t + 200);
  CHECK(rig.kiosk->closed_by_show_hours());
  auto edges = rig.events("show-hours");
  REQUIRE(edges.size() == 1);
  CHECK(edges[0]["open"] == false);
  CHECK(edges[0]["t"].get<double>() == doctest::Approx(120).epsilon(0.01));
  // Nothing changed slides after closing: not the timer, not the tap, not the key.
  for (const nlohmann::json& e : rig.events("slide")) CHECK(e["t"].get<double>() < 121);
  uint32_t middle = static_cast<uint32_t*>(rig.platform.pixels()->pixels)[360 * 1280 + 640];
  CHECK((middle & 0xFFFFFF) == 0);  // black
  // The next morning (the fake wall clock jumps a day) the show opens at its first slide.
  rig.platform.wall_start += 86400 - 200;
  rig.run_until(rig.now() + 5);
  CHECK_FALSE(rig.kiosk->closed_by_show_hours());
  CHECK(rig.events("show-hours").back()["open"] == true);
  auto slides = rig.events("slide");
  CHECK(std::any_of(slides.begin(), slides.end(), [](const nlohmann::json& e) {
    return e["reason"] == "show-hours" && e["index"] == 0;
  }));
}

TEST_CASE("engagement: shown slides and visitor touches are written each minute") {
  TempDir state;
  Options options;
  options.state_dir = state.path.string();
  Rig rig(kThreeSlides, 1280, 720, options);
  double t = rig.now();
  rig.platform.at(t + 1, pointer_event(InputEvent::Type::PointerDown, 0.8f, 0.5f));
  rig.platform.at(t + 1.1, pointer_event(InputEvent::Type::PointerUp, 0.8f, 0.5f));
  rig.run_until(t + 61);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(state.path / "engagement"))
    files.push_back(entry.path());
  REQUIRE(files.size() == 1);
  std::vector<SlideFigures> figures =
      parse_figures(state.read("engagement/" + files[0].filename().string()));
  long shown = 0, touches = 0;
  for (const SlideFigures& f : figures) shown += f.shown, touches += f.touches;
  CHECK(shown >= 2);
  CHECK(touches == 1);
}

TEST_CASE("systemd hears READY=1 after the first frame is presented, and the watchdog is fed") {
  FakeSystemd systemd(2, 0);
  setenv("WATCHDOG_USEC", "2000000", 1);
  setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  {
    Rig rig(kThreeSlides);
    systemd.drain(0);
    CHECK(systemd.count("READY=1") == 0);  // start() made the renderer, nothing is on screen
    double start = rig.now();
    for (double t = start + 0.5; t <= start + 10; t += 0.5) {  // systemd drains as it goes
      rig.run_until(t);
      systemd.drain(0);
    }
    CHECK(systemd.count("READY=1") == 1);
    CHECK(systemd.count("WATCHDOG=1") >= 10 / (2 / 4.0) - 2);
    install_signal_handlers();
    std::raise(SIGTERM);
    rig.run_until(rig.now() + 1);
  }
  systemd.drain(0);
  CHECK(systemd.count("STOPPING=1") == 1);
  unsetenv("WATCHDOG_USEC");
  unsetenv("WATCHDOG_PID");
}

TEST_CASE("slide changes, fades and bars draw no whole frame and present only what changed") {
  Rig rig(
      "---\nduration: 3\ntransition: fade\nidle-return: 0\n---\n# 첫 슬라이드\n\n- 한 줄\n"
      "---\n# 막대\n\n```bars unit=%\n가: 38.4\n나: 64.2 *\n```\n---\n# 셋\n");
  double t = rig.now();
  rig.run_until(t + 8.5);  // two changes, two fades, growing bars, the progress line
  REQUIRE(rig.slides_logged("timer") == std::vector<int>{1, 2});
  const FrameTally& tally = rig.kiosk->tally();
  CHECK(tally.full == 1);  // the very first frame
  CHECK(tally.fade >= 2 * 10);
  CHECK(tally.bars >= 20);
  CHECK(tally.rest >= 2);
  CHECK(tally.progress >= 10);
  // Less than a fifth of the screen a frame, on average.
  uint64_t frames = tally.full + tally.fade + tally.bars + tally.rest + tally.progress;
  CHECK(tally.bytes < frames * 1280u * 720u * 4 / 5);
}

TEST_CASE("every region frame leaves the screen as a whole frame of the same moment would") {
  // After each frame that redrew only what changed, an expose at the same moment makes the kiosk
  // draw the whole screen again: the two must not differ by a pixel.
  const char* three = "# 하나\n\n- 첫 줄\n- 둘째 줄\n---\n## 둘\n\n본문\n---\n# 셋\n";
  const char* bars = "# 막대\n\n```bars unit=%\n가: 38.4\n나: 64.2 *\n다: 2\n```\n---\n# 끝\n";
  struct Row {
    const char* name;
    std::string deck;
    std::vector<std::pair<double, PlatformEvent>> input;  // seconds after the start
  };
  std::vector<Row> rows = {
      {"fades, progress line, counter, touch hint",
       std::string("---\nduration: 2\ntransition: fade\n---\n") + three,
       {}},
      {"growing bars after a fade",
       std::string("---\nduration: 3\ntransition: fade\n---\n") + bars,
       {}},
      {"cuts without a transition",
       std::string("---\nduration: 1.5\ntransition: none\n---\n") + three,
       {}},
      {"slide transitions", std::string("---\nduration: 2\ntransition: slide\n---\n") + three, {}},
      {"taps in the middle of fades and bars, blanking",
       std::string("---\nduration: 3\ntransition: fade\nidle-return: 0\n---\n") + bars + "---\n" +
           three,
       {{0.7, key_event(Key::PageDown)},
        {0.85, key_event(Key::PageUp)},
        {3.9, key_event(Key::PageDown)},
        {4.2, key_event(Key::B)},
        {5.0, key_event(Key::B)},
        {5.1, key_event(Key::PageDown)}}},
  };
  PlatformEvent exposed;
  exposed.type = PlatformEvent::Type::Exposed;
  for (const Row& row : rows) {
    SUBCASE(row.name) {
      Rig rig(row.deck);
      double start = rig.now();
      for (const auto& [t, event] : row.input) rig.platform.at(start + t, event);
      std::vector<uint32_t> partial;
      bool whole_pending = false;
      int compared = 0, differing = 0;
      rig.platform.on_present = [&](const std::vector<SDL_Rect>& regions) {
        if (whole_pending) {
          whole_pending = false;
          ++compared;
          differing += rig.screen() != partial;
        } else if (!regions.empty()) {
          partial = rig.screen();
          whole_pending = true;
          rig.platform.at(rig.now(), exposed);
        }
      };
      rig.run_until(start + 8);
      CHECK(compared >= 10);
      CHECK(differing == 0);
    }
  }
}
