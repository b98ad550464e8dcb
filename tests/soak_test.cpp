// Days of show time with the fake clock: slide changes, transitions and reloads through the
// show, layout and the text texture cache under the offscreen renderer. Memory stays bounded.
// BOOTHDECK_SOAK_DAYS sets the length (CI: a short soak; a week: BOOTHDECK_SOAK_DAYS=7).
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdlib>
#include <fstream>

#include "app/deck_source.h"
#include "app/process_stats.h"
#include "app/startup.h"
#include "core/show/show.h"
#include "render/animation.h"
#include "render/offscreen.h"
#include "render/slide_stack.h"

using namespace boothdeck;

TEST_CASE("soak: slide changes and reloads keep memory flat and the cache under its limit") {
  const char* env = std::getenv("BOOTHDECK_SOAK_DAYS");
  double days = env ? std::atof(env) : 0.2;
  Startup startup;
  FontSet fonts;
  REQUIRE(startup.headless(Options{}, Deck{}, fonts) == kExitOk);
  Deck decks[2] = {parse_deck(kBuiltinDeck, {}).deck,
                   parse_deck("# 다른 덱\n\n- 하나\n---\n```bars\nA: 1\nB: 2 *\n```\n", {}).deck};
  Viewport v{480, 270};  // small frames: the soak is about state and memory, not pixels
  OffscreenTarget target(v.width, v.height);
  ImGuiRenderContext imgui(target.renderer());
  SlideStack stack(target.renderer(), fonts, v);
  stack.layout.set_deck(decks[0]);
  Show show(timing_of(decks[0], 10), 0);

  auto frame = [&](double seconds_shown) {
    imgui.begin_frame(v.width, v.height, 1.0 / 60);
    DrawState state;
    state.seconds_shown = seconds_shown;
    stack.slides.draw(stack.layout.slide(show.slide()), state, v.width, v.height);
    imgui.end_frame();
    SDL_RenderPresent(target.renderer());
    stack.text.trim();
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
      CHECK(stack.text.bytes() <= text_cache_limit(v));
    }
    if (changes % 100 == 99) {  // a deck edit every so often, alternating two decks
      deck ^= 1;
      stack.layout.set_deck(decks[deck]);
      show.set_timing(timing_of(decks[deck], 10), now);
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
