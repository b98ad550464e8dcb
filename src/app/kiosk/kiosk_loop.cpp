// The main loop, and the kiosk's start on the real screen. A static slide costs no frames:
// the loop sleeps in the platform's wait until the next deadline.
#include <cstdio>

#include "app/kiosk/kiosk.h"
#include "app/kiosk/signals.h"
#include "app/platform/sdl_platform.h"
#include "app/startup.h"

namespace boothdeck {

namespace {
constexpr double kMaxSleepSeconds = 0.5;  // signals, the watcher and a parse are seen within this
}

void run_loop(Platform& platform, Kiosk& kiosk, double until) {
  std::vector<PlatformEvent> events;
  while (kiosk.running()) {
    double now = platform.now();
    if (now >= until) return;
    events.clear();
    platform.wait(std::min(kiosk.next_wakeup(now), now + kMaxSleepSeconds), events);
    now = platform.now();
    for (const PlatformEvent& event : events) kiosk.handle(event, now);
    kiosk.tick(now);
    if (!kiosk.running()) break;
    kiosk.draw_if_due(now);
    kiosk.serve(now);
  }
  kiosk.finish(platform.now());
}

int run_kiosk(const Options& options) {
  DeckSource source(options.deck);
  DeckSourceEvent first = source.load_first();
  print_diagnostics(first.deck.result.diagnostics);
  if (first.kind != DeckSourceEvent::Kind::Accepted) {
    std::fprintf(stderr, "boothdeck: %s has no slide to show; fix it and start again\n",
                 first.deck.result.deck.file.c_str());
    return kExitBadInput;
  }
  Startup startup;
  if (int code = startup.with_display()) return code;
  install_signal_handlers();
  SdlPlatform platform;
  std::string error;
  if (!platform.open(options, &error)) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitNoDisplay;
  }
  std::string fonts_dir = find_fonts_dir(options.fonts_dir);
  std::vector<std::string> warnings;
  PixelSize size = platform.size();
  auto presentation = Presentation::make(std::move(first.deck), first.generation, fonts_dir,
                                         {size.width, size.height}, &error, &warnings);
  for (const std::string& warning : warnings)
    std::fprintf(stderr, "boothdeck: warning: %s\n", warning.c_str());
  if (!presentation) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitFailure;
  }
  EventLog log(options.log_format, platform.now());
  Kiosk kiosk(options, platform, log, source, std::move(presentation), fonts_dir);
  if (!kiosk.start(&error)) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitNoDisplay;
  }
  run_loop(platform, kiosk);
  return kExitOk;
}

}  // namespace boothdeck
