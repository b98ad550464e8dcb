// Autoplay as a booth runs it, on a virtual clock: the real kiosk, turn by turn as run_loop
// turns, drawing into a real X11 window through SDL (or an offscreen surface), for N seconds of
// show time that take only the CPU they need. Prints, as JSON, how many frames of each kind were
// drawn, the bytes presented, the process's CPU time and the caches' sizes. Under callgrind
// (bench/breakdown.sh) every loop turn is dumped with its kind as the label, so instruction
// counts divide by kind of frame; without --dump-turns the measured stretch is one dump. With
// --offscreen --frames DIR every frame presented is also written as DIR/frame-NNNN-T.png (T: show
// time in ms), the screen as a visitor saw it then. A benchmark: it prints, it asserts nothing.
//
//   build/boothdeck_autoplay_bench [--offscreen [--frames DIR]] [--seconds 60] [--warm S]
//                                  [--duration 5] [--size 1920x1080] [--dump-turns] [DECK]
#include <sys/resource.h>
#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "../tests/fake_platform.h"
#include "app/kiosk/kiosk.h"
#include "app/platform/sdl_platform.h"
#include "app/process_stats.h"
#include "app/startup.h"
#include "render/png_writer.h"

using namespace boothdeck;

namespace {

// The real screen with a clock that jumps to each deadline: waits poll the window's events
// and return at once, so a minute of show takes only the CPU its frames need.
class VirtualClock final : public Platform {
 public:
  explicit VirtualClock(Platform& screen) : screen_(screen), now_(screen.now()) {}
  double now() override { return now_; }
  // The wall clock moves with the virtual one.
  int64_t wall_seconds() override {
    return screen_.wall_seconds() + static_cast<int64_t>(now_ - screen_.now());
  }
  double wall_time() override { return screen_.wall_time() + (now_ - screen_.now()); }
  void wake() override { screen_.wake(); }
  void wait(double deadline, std::vector<PlatformEvent>& events) override {
    screen_.wait(screen_.now(), events);
    now_ = std::max(now_, deadline);
  }
  PixelSize size() const override { return screen_.size(); }
  SDL_Renderer* create_renderer(std::string* error) override {
    return screen_.create_renderer(error);
  }
  void present(SDL_Renderer* renderer, const std::vector<SDL_Rect>& regions) override {
    screen_.present(renderer, regions);
    if (on_present) on_present();
  }
  bool vsync() const override { return false; }
  void set_cursor_visible(bool visible) override { screen_.set_cursor_visible(visible); }
  void toggle_fullscreen() override {}
  std::string renderer_name() const override { return screen_.renderer_name(); }
  std::function<void()> on_present;

 private:
  Platform& screen_;
  double now_;
};

double cpu_seconds() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The kind of the frame a loop turn drew (or "idle"), from the kiosk's tally before and after.
const char* turn_kind(const FrameTally& a, const FrameTally& b) {
  if (b.full != a.full) return "full";
  if (b.fade != a.fade) return "fade";
  if (b.bars != a.bars) return "bars";
  if (b.rest != a.rest) return "rest";
  if (b.progress != a.progress) return "progress";
  return "idle";
}

int usage() {
  std::fprintf(stderr,
               "usage: boothdeck_autoplay_bench [--offscreen [--frames DIR]] [--seconds S] "
               "[--warm S] [--duration S] [--size WxH] [--dump-turns] [DECK]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  options.duration = 5;
  options.width = 1920;
  options.height = 1080;
  double seconds = 60, warm = 0;
  bool offscreen = false, dump_turns = false;
  std::string frames_dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--offscreen") {
      offscreen = true;
    } else if (arg == "--dump-turns") {
      dump_turns = true;
    } else if (arg == "--frames") {
      const char* v = value();
      if (!v) return usage();
      frames_dir = v;
    } else if (arg == "--seconds" || arg == "--warm" || arg == "--duration") {
      const char* v = value();
      if (!v) return usage();
      (arg == "--seconds" ? seconds : arg == "--warm" ? warm : options.duration) = std::atof(v);
    } else if (arg == "--size") {
      const char* v = value();
      if (!v || std::sscanf(v, "%dx%d", &options.width, &options.height) != 2) return usage();
    } else if (arg[0] == '-') {
      return usage();
    } else {
      options.deck = arg;
    }
  }

  Startup startup;
  if (int code = offscreen ? startup.headless() : startup.with_display()) return code;
  DeckSource source(options.deck);
  DeckSourceEvent first = source.load_first();
  if (first.kind != DeckSourceEvent::Kind::Accepted) {
    std::fprintf(stderr, "boothdeck_autoplay_bench: the deck has no slide to show\n");
    return 2;
  }
  std::unique_ptr<Platform> screen;
  std::string error;
  if (offscreen) {
    screen = std::make_unique<FakePlatform>(options.width, options.height);
  } else {
    auto sdl = std::make_unique<SdlPlatform>();
    if (!sdl->open(options, &error)) {
      std::fprintf(stderr, "boothdeck_autoplay_bench: %s\n", error.c_str());
      return 3;
    }
    screen = std::move(sdl);
  }
  VirtualClock platform(*screen);
  if (!frames_dir.empty() && offscreen) {
    auto* fake = static_cast<FakePlatform*>(screen.get());
    double t0 = platform.now();
    platform.on_present = [&, fake, t0, n = 0]() mutable {
      char name[64];
      std::snprintf(name, sizeof name, "/frame-%04d-%06.0f.png", n++, (platform.now() - t0) * 1000);
      std::string png_error;
      if (!write_png(fake->pixels(), frames_dir + name, &png_error))
        std::fprintf(stderr, "boothdeck_autoplay_bench: %s\n", png_error.c_str());
    };
  }
  std::string fonts_dir = find_fonts_dir("");
  PixelSize size = platform.size();
  auto presentation = Presentation::make(std::move(first.deck), first.generation, fonts_dir,
                                         {size.width, size.height}, &error);
  if (!presentation) {
    std::fprintf(stderr, "boothdeck_autoplay_bench: %s\n", error.c_str());
    return 1;
  }
  std::FILE* null_log = std::fopen("/dev/null", "w");
  EventLog log(LogFormat::Json, platform.now(), null_log);
  Kiosk kiosk(options, platform, log, source, std::move(presentation), fonts_dir);
  if (!kiosk.start(&error)) {
    std::fprintf(stderr, "boothdeck_autoplay_bench: %s\n", error.c_str());
    return 3;
  }

  // run_loop's turns, one by one, each labelled with what it drew.
  std::vector<PlatformEvent> events;
  auto turn = [&](double now) {
    events.clear();
    platform.wait(std::min(kiosk.next_wakeup(now), now + 0.5), events);
    now = platform.now();
    for (const PlatformEvent& event : events) kiosk.handle(event, now);
    kiosk.tick(now);
    kiosk.draw_if_due(now);
  };
  double start = platform.now();
  turn(start);  // the first frame: before the measured minute, as in bench/compare.sh's F3
  while (platform.now() < start + warm) turn(platform.now());
  CALLGRIND_DUMP_STATS_AT("start");
  FrameTally before = kiosk.tally();
  uint64_t renders_before = kiosk.render_context().text().renders();
  uint64_t composed_before = kiosk.render_context().snapshots().composed();
  double cpu_before = cpu_seconds();
  double measured_from = platform.now();
  int changes = 0;
  std::map<std::string, int> turns;
  std::map<std::string, uint64_t> bytes;
  while (platform.now() < measured_from + seconds) {
    FrameTally a = kiosk.tally();
    int slide = kiosk.show().slide();
    turn(platform.now());
    const char* kind = turn_kind(a, kiosk.tally());
    ++turns[kind];
    bytes[kind] += kiosk.tally().bytes - a.bytes;
    changes += kiosk.show().slide() != slide;
    if (dump_turns) CALLGRIND_DUMP_STATS_AT(kind);
  }
  if (!dump_turns) CALLGRIND_DUMP_STATS_AT("measured");
  double cpu = cpu_seconds() - cpu_before;
  const FrameTally& after = kiosk.tally();

  nlohmann::json report = {
      {"deck", kiosk.presentation().deck().file},
      {"screen", offscreen ? "offscreen" : platform.renderer_name()},
      {"size", {size.width, size.height}},
      {"seconds", seconds},
      {"warm_seconds", warm},
      {"slide_seconds", options.duration},
      {"changes", changes},
      {"cpu_seconds", cpu},
      {"frames",
       {{"full", after.full - before.full},
        {"fade", after.fade - before.fade},
        {"bars", after.bars - before.bars},
        {"rest", after.rest - before.rest},
        {"progress", after.progress - before.progress}}},
      {"bytes_presented", after.bytes - before.bytes},
      {"bytes_by_kind", bytes},
      {"turns", turns},
      {"text_cache",
       {{"bytes", kiosk.render_context().text().bytes()},
        {"limit", text_cache_limit(size.width, size.height)},
        {"rendered", kiosk.render_context().text().renders() - renders_before}}},
      {"snapshots",
       {{"count", kiosk.render_context().snapshots().count()},
        {"bytes", kiosk.render_context().snapshots().bytes()},
        {"limit", snapshot_budget(size.width, size.height)},
        {"composed", kiosk.render_context().snapshots().composed() - composed_before}}},
      {"peak_rss_kib", proc_status_kib("VmHWM")}};
  std::printf("%s\n", report.dump(2).c_str());
  std::fclose(null_log);
  return 0;
}
