// Days of show time with the fake clock: slide changes, transitions and reloads through the
// show, a new deck generation (fonts, layout, textures) per reload, drawn by the kiosk's frame
// function on an offscreen screen. Memory stays bounded.
// BOOTHDECK_SOAK_DAYS sets the length (CI: a short soak; a week: BOOTHDECK_SOAK_DAYS=7).
#include <doctest/doctest.h>

#include <cstdlib>

#include "app/deck_loading.h"
#include "app/presentation.h"
#include "app/process_stats.h"
#include "app/startup.h"
#include "core/show/show.h"
#include "core/show/timing.h"
#include "render/animation.h"
#include "ui/headless_screen.h"

using namespace boothdeck;

TEST_CASE("soak: slide changes and reloads keep memory flat and the cache under its limit") {
  const char* env = std::getenv("BOOTHDECK_SOAK_DAYS");
  double days = env ? std::atof(env) : 0.2;
  Startup startup;
  REQUIRE(startup.headless() == kExitOk);
  const std::string decks[2] = {std::string(kBuiltinDeck),
                                "# 다른 덱\n\n- 하나\n---\n```bars\nA: 1\nB: 2 *\n```\n"};
  Viewport v{480, 270};  // small frames: the soak is about state and memory, not pixels
  uint64_t generation = 1;
  auto load = [&](int which) {
    LoadedDeck loaded;
    loaded.result = parse_deck(decks[which], {});
    std::string error;
    auto p = Presentation::make(std::move(loaded), generation++, find_fonts_dir(""), v, &error);
    REQUIRE_MESSAGE(p, error);
    return p;
  };
  std::unique_ptr<Presentation> presentation = load(0);
  HeadlessScreen screen(presentation->fonts(), v.width, v.height);
  std::string error;
  REQUIRE(screen.start(&error));
  Show show(timing_of(presentation->deck(), 10), 0);

  auto frame = [&](double seconds_shown) {
    FrameScene scene{.width = v.width, .height = v.height};
    SlideLayer layer{&presentation->layout().slide(show.slide()), {}};
    layer.state.seconds_shown = seconds_shown;
    scene.layers.push_back(layer);
    screen.draw(scene);
    screen.render.text().trim();
  };

  const double end = days * 86400;
  long rss_after_warmup = 0;
  int changes = 0, reloads = 0, deck = 0;
  for (double now = 0; now < end;) {
    now = show.next_deadline();
    for (const ShowEvent& e : show.update(now)) {
      if (e.kind != ShowEvent::Kind::SlideShown) continue;
      ++changes;
      frame(0);                   // the change
      frame(kTransitionSeconds);  // mid-animation
      frame(100);                 // at rest
      CHECK(screen.render.text().bytes() <= text_cache_limit(v.width, v.height));
    }
    if (changes % 100 == 99) {  // a deck edit every so often, alternating two decks
      deck ^= 1;
      std::unique_ptr<Presentation> next = load(deck);
      screen.render.use_fonts(next->fonts());
      presentation = std::move(next);
      show.set_timing(timing_of(presentation->deck(), 10), now);
      ++reloads;
    }
    if (changes == 300) rss_after_warmup = proc_status_kib("VmRSS");
  }
  CHECK(changes >= static_cast<int>(end / 10) - 1);
  CHECK(reloads >= changes / 100);
  long growth = proc_status_kib("VmRSS") - rss_after_warmup;
  MESSAGE("soak: ", days, " days, ", changes, " slide changes, ", reloads, " reloads, RSS growth ",
          growth, " KiB");
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine, so RSS says nothing here; LeakSanitizer
  // checks for leaks at exit instead.
  (void)growth;
#else
  CHECK(growth < 4096);
#endif
}
