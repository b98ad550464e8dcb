// 1000 hot reloads through the real kiosk (watcher, parse, new generation of fonts, layout and
// textures, drawing) on the fake platform of the tests: a fake clock, an offscreen screen.
// The deck, its image and its font change every time. Prints the resident memory after a
// warm-up and at the end, as JSON. A benchmark: it prints, it asserts nothing.
//   build/boothdeck_reload_bench [RELOADS]
#include <cstdio>
#include <cstdlib>
#include <future>

#include "../tests/fake_platform.h"
#include "../tests/test_support.h"
#include "app/kiosk/kiosk.h"
#include "app/process_stats.h"

using namespace boothdeck;

int main(int argc, char** argv) {
  int reloads = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (!sdl_started()) return 1;
  TempDir dir;
  auto write_deck = [&](int i) {
    const char* fonts[] = {"", "NanumGothic", "NanumMyeongjo"};
    int sizes[][2] = {{100, 100}, {400, 100}, {640, 480}};
    write_image(dir / "images/logo.bmp", sizes[i % 3][0], sizes[i % 3][1]);
    std::string deck = "---\nduration: 1\ntransition: fade\n";
    if (*fonts[i % 3]) deck += std::string("font: ") + fonts[i % 3] + "\n";
    deck += "---\n# 판 " + std::to_string(i) + "\n\n![logo](images/logo.bmp)\n";
    for (int s = 0; s < 2 + i % 4; ++s)
      deck += "---\n# 슬라이드 " + std::to_string(s) + "\n\n- 항목 " + std::to_string(i) +
              "\n\n```bars\n가: " + std::to_string(1 + i % 7) + "\n나: 5 *\n```\n";
    write_file(dir / "deck.md", deck);
  };
  write_deck(0);

  Options options;
  options.deck = (dir / "deck.md").string();
  FakePlatform platform(1920, 1080);
  std::FILE* sink = std::fopen("/dev/null", "w");
  EventLog log(LogFormat::Json, platform.now(), sink);
  DeckSource source(options.deck, [](std::function<LoadedDeck()> job) {
    std::promise<LoadedDeck> done;
    done.set_value(job());
    return done.get_future();
  });
  DeckSourceEvent first = source.load_first();
  std::string error;
  auto presentation = Presentation::make(std::move(first.deck), first.generation,
                                         find_fonts_dir(""), {1920, 1080}, &error);
  if (!presentation) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
  Kiosk kiosk(options, platform, log, source, std::move(presentation), find_fonts_dir(""));
  if (!kiosk.start(&error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;

  const int warmup = std::min(100, reloads / 2);
  long rss_warm = 0;
  for (int i = 1; i <= reloads; ++i) {
    write_deck(i);
    run_loop(platform, kiosk, platform.now() + 2.5);  // settles, parses, swaps at a slide change
    if (i == warmup) rss_warm = proc_status_kib("VmRSS");
  }
  long rss_end = proc_status_kib("VmRSS");
  std::printf(
      "{\"reloads\": %d, \"generation\": %llu, \"frames\": %llu, \"rss_kib_after_%d\": %ld, "
      "\"rss_kib_end\": %ld, \"growth_kib\": %ld, \"growth_bytes_per_reload\": %.0f}\n",
      reloads, static_cast<unsigned long long>(kiosk.presentation().generation()),
      static_cast<unsigned long long>(kiosk.frames()), warmup, rss_warm, rss_end,
      rss_end - rss_warm, (rss_end - rss_warm) * 1024.0 / std::max(1, reloads - warmup));
  std::fclose(sink);
  return 0;
}
