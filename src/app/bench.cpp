// The bench drives the same objects as the kiosk (draw_frame, ImGui, the software renderer) on
// an offscreen surface, with simulated time so animation frames are the frames a screen gets.
#include "app/bench.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/presentation.h"
#include "app/process_stats.h"
#include "app/startup.h"
#include "render/animation.h"
#include "ui/headless_screen.h"

namespace boothdeck {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t index =
      static_cast<size_t>(std::min<double>(values.size() - 1, p * (values.size() - 1) + 0.5));
  return values[index];
}

// Seconds since the process started, from /proc (covers dynamic loading before main).
double seconds_since_process_start() {
  std::ifstream stat("/proc/self/stat");
  std::string content((std::istreambuf_iterator<char>(stat)), {});
  size_t close = content.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(content.substr(close + 2));
  std::string field;
  unsigned long long start_ticks = 0;
  for (int i = 3; i <= 22 && fields >> field; ++i)
    if (i == 22) start_ticks = std::stoull(field);
  timespec boot;
  clock_gettime(CLOCK_BOOTTIME, &boot);
  double uptime = boot.tv_sec + boot.tv_nsec / 1e9;
  return uptime - static_cast<double>(start_ticks) / sysconf(_SC_CLK_TCK);
}

}  // namespace

int run_bench(const Options& options, const LoadedDeck& loaded) {
  const Deck& deck = loaded.result.deck;
  if (deck.slides.empty()) {
    print_diagnostics(loaded.result.diagnostics);
    return kExitBadInput;
  }
  Viewport viewport{options.width ? options.width : 1920, options.height ? options.height : 1080};
  Startup startup;
  if (int code = startup.headless()) return code;
  std::string error;
  auto presentation =
      Presentation::make(loaded, 1, find_fonts_dir(options.fonts_dir), viewport, &error);
  if (!presentation) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitFailure;
  }
  HeadlessScreen screen(presentation->fonts(), viewport.width, viewport.height);
  if (!screen.start(&error)) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitFailure;
  }
  DeckLayout& layout = presentation->layout();
  SlideRenderer& slides = screen.render.slides();
  TextCache& text = screen.render.text();

  // One frame as the kiosk draws it; returns its duration in ms. The kiosk draws a slide from
  // its snapshot, a fade frame only the slide's ink, and while bars grow only what each bar
  // changed since the frame before (`since`), so the bench does too.
  auto frame = [&](int slide, double seconds_shown, double since = -1, float alpha = 1) {
    auto start = Clock::now();
    const SlideDisplay& display = layout.slide(slide);
    FrameScene scene;
    scene.width = viewport.width;
    scene.height = viewport.height;
    if (since >= 0)
      slides.bar_changes(display, since, seconds_shown, &scene.regions);
    else if (alpha < 1)
      scene.regions = screen.render.snapshots().ink(display, viewport.width, viewport.height);
    SlideLayer layer{&display, {}, true};
    layer.state.seconds_shown = seconds_shown;
    layer.state.alpha = alpha;
    scene.layers.push_back(layer);
    if (since < 0 || !scene.regions.empty()) screen.draw(scene);
    text.trim();
    screen.render.snapshots().trim();
    return ms_since(start);
  };

  frame(0, 0);
  double first_frame_ms = seconds_since_process_start() * 1000;  // from exec, 10 ms resolution

  // Every slide in order, as autoplay shows it: the neighbours prepared while idle, then the
  // change (its first frame), then the animation to its end at 60 Hz.
  std::vector<double> animation_frames, change_frames, fade_frames;
  double worst_change = 0;
  int worst_change_slide = 0;
  int n = layout.size();
  for (int i = 0; i < n; ++i) {
    slides.prepare(layout.slide(i));
    screen.render.snapshots().prepare(layout.slide(i), 0, viewport.width, viewport.height);
    double change = frame(i, 0);
    change_frames.push_back(change);
    if (change > worst_change) worst_change = change, worst_change_slide = i;
    for (float alpha : {0.25f, 0.5f, 0.75f}) fade_frames.push_back(frame(i, 100, -1, alpha));
    slides.prepare(layout.slide((i + 1) % n));
    if (!layout.slide(i).has_bars()) continue;
    for (double t = 1.0 / 60; SlideRenderer::animating(layout.slide(i), t - 1.0 / 60);
         t += 1.0 / 60)
      animation_frames.push_back(frame(i, t, t - 1.0 / 60));
  }
  auto layout_start = Clock::now();
  for (int i = 0; i < n; ++i)
    layout_slide(deck, i, viewport, layout.theme(), presentation->measurer());
  double layout_ms = ms_since(layout_start) / n;

  nlohmann::json report = {
      {"deck", deck.file},
      {"size", {viewport.width, viewport.height}},
      {"slides", n},
      {"first_frame_ms", first_frame_ms},
      {"animation_frames", animation_frames.size()},
      {"animation_frame_ms",
       {{"median", percentile(animation_frames, 0.5)},
        {"p99", percentile(animation_frames, 0.99)},
        {"max", percentile(animation_frames, 1.0)}}},
      {"fade_frame_ms",
       {{"median", percentile(fade_frames, 0.5)}, {"max", percentile(fade_frames, 1.0)}}},
      {"slide_change_ms",
       {{"median", percentile(change_frames, 0.5)},
        {"worst", worst_change},
        {"worst_slide", worst_change_slide + 1}}},
      {"layout_ms_per_slide", layout_ms},
      {"text_cache",
       {{"bytes", text.bytes()},
        {"textures", text.entries()},
        {"limit", text_cache_limit(viewport.width, viewport.height)},
        {"rendered", text.renders()}}},
      {"peak_rss_kib", proc_status_kib("VmHWM")}};
  std::printf("%s\n", report.dump(2).c_str());
  return kExitOk;
}

}  // namespace boothdeck
