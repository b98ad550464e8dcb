// Process start-up shared by every mode: SDL and SDL_ttf initialised in order and shut down in
// reverse, fonts loaded, and environment errors turned into one line + exit code. SDL_image is
// boothdeck-image.so's, opened when a deck first shows a picture (render/raster_image.h).
#pragma once

#include <vector>

#include "app/exit_codes.h"
#include "app/options.h"
#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"
#include "render/font_set.h"

namespace boothdeck {

class Startup {
 public:
  Startup() = default;
  ~Startup();
  Startup(const Startup&) = delete;
  Startup& operator=(const Startup&) = delete;

  // No display needed: SDL (surfaces and software renderers) and SDL_ttf. Returns 0,
  // or the exit code to stop with.
  int headless();
  // The same, and the deck's fonts loaded into `fonts`.
  int headless(const Options& options, const Deck& deck, FontSet& fonts);
  // Opens the video subsystem too; kExitNoDisplay with a hint when there is no display.
  int with_display();

 private:
  int libraries();
  bool sdl_ = false, ttf_ = false;
};

void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace boothdeck
