// The operator panel's cost on a software screen: the real kiosk on the tests' fake platform
// (offscreen surface, SDL's software renderer, fake clock) with a 60-slide deck. For each
// screen size: the panel opened by a long press, its first page of thumbnails drawn (a few a
// frame), a page turned, and one frame of the panel at rest. Prints JSON; asserts nothing.
//   build/boothdeck_panel_bench
#define DOCTEST_CONFIG_IMPLEMENT  // the tests' Rig checks its set-up with doctest's REQUIRE
#include <chrono>
#include <cstdio>

#include "../tests/kiosk_rig.h"
#include "app/process_stats.h"

using namespace boothdeck;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

PlatformEvent finger(InputEvent::Type type, float x, float y, long long id) {
  return pointer_event(type, x, y, id, 7);
}

}  // namespace

int main() {
  doctest::Context checks;  // the Rig's REQUIREs outside a test: a failed one aborts
  checks.setAsDefaultForAssertsOutOfTestCases();
  std::string deck = "---\nduration: 20\ntransition: none\n---\n";
  for (int i = 1; i <= 60; ++i)
    deck +=
        (i > 1 ? "---\n# " : "# ") + std::to_string(i) +
        ". 코딩 문제 해결률\n\n- 항목 하나\n- 항목 둘\n\n```bars unit=%\n가: 38\n나: 64 *\n```\n";
  const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1366, 768}};
  std::printf("[\n");
  for (const auto& size : sizes) {
    int w = size[0], h = size[1];
    Options options;
    options.windowed = true;  // the whole panel, no PIN
    Rig rig(deck, w, h, options);
    FakePlatform& platform = rig.platform;
    Kiosk& kiosk = *rig.kiosk;
    double t = platform.now();
    run_loop(platform, kiosk, t + 1);

    platform.at(t + 1, finger(InputEvent::Type::PointerDown, 0.02f, 0.02f, 1));
    run_loop(platform, kiosk, t + 3.4);
    uint64_t frames = kiosk.frames();
    auto start = std::chrono::steady_clock::now();
    run_loop(platform, kiosk, t + 6);  // the long press fires at 3.5; the page fills in
    double open = seconds_since(start);
    uint64_t open_frames = kiosk.frames() - frames;

    PanelLayout layout = kiosk.panel().layout(w, h, 60);
    const PanelTarget* next_page = layout.find(TargetKind::PageNext);
    float x = next_page->rect.center_x() / w, y = next_page->rect.center_y() / h;
    platform.at(t + 7, finger(InputEvent::Type::PointerDown, x, y, 2));
    platform.at(t + 7.1, finger(InputEvent::Type::PointerUp, x, y, 2));
    frames = kiosk.frames();
    start = std::chrono::steady_clock::now();
    run_loop(platform, kiosk, t + 9);
    double turn = seconds_since(start);
    uint64_t turn_frames = kiosk.frames() - frames;

    PlatformEvent exposed;
    exposed.type = PlatformEvent::Type::Exposed;
    platform.at(t + 10, exposed);
    frames = kiosk.frames();
    start = std::chrono::steady_clock::now();
    run_loop(platform, kiosk, t + 10.5);
    double rest = seconds_since(start) / std::max<uint64_t>(1, kiosk.frames() - frames);

    std::printf(
        "  {\"size\": [%d, %d], \"per_page\": %d, \"open_ms\": %.1f, \"open_frames\": %llu, "
        "\"page_turn_ms\": %.1f, \"page_turn_frames\": %llu, \"frame_at_rest_ms\": %.1f, "
        "\"rss_kib\": %ld}%s\n",
        w, h, layout.per_page, open * 1000, static_cast<unsigned long long>(open_frames),
        turn * 1000, static_cast<unsigned long long>(turn_frames), rest * 1000,
        proc_status_kib("VmRSS"), &size == &sizes[2] ? "" : ",");
  }
  std::printf("]\n");
  return 0;
}
