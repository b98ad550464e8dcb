// Start-up and shutdown of the SDL libraries.
#include "app/startup.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "app/deck_loading.h"
#include "app/platform/x11_errors.h"

namespace boothdeck {

Startup::~Startup() {
  if (ttf_) TTF_Quit();
  if (sdl_) SDL_Quit();
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics)
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

int Startup::libraries() {
  if (TTF_Init() != 0) {
    std::fprintf(stderr, "boothdeck: cannot start SDL_ttf: %s\n", TTF_GetError());
    return kExitFailure;
  }
  ttf_ = true;
  return kExitOk;
}

int Startup::headless(const Options& options, const Deck& deck, FontSet& fonts) {
  if (int code = headless()) return code;
  std::string error;
  if (!fonts.load(find_fonts_dir(options.fonts_dir), deck.settings.font, &error)) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitFailure;
  }
  for (const std::string& warning : fonts.warnings())
    std::fprintf(stderr, "boothdeck: warning: %s\n", warning.c_str());
  return kExitOk;
}

int Startup::headless() {
  // The software renderer and surfaces need no subsystem; SDL_Init(0) sets up the rest.
  if (SDL_Init(0) != 0) {
    std::fprintf(stderr, "boothdeck: cannot start SDL: %s\n", SDL_GetError());
    return kExitFailure;
  }
  sdl_ = true;
  return libraries();
}

int Startup::with_display() {
  // SIGTERM and SIGINT are ours (see kiosk/signals.cpp): SDL's handler would turn them into a quit
  // event that a fullscreen kiosk must otherwise ignore.
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // Touches arrive as touch events; SDL's synthesized mouse events would count every tap twice.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "1");
  // Only drivers that show something: Wayland when a compositor runs, X11, or the console
  // itself (KMSDRM, for a kiosk with no desktop). Probing Wayland without one prints noise.
  if (!std::getenv("SDL_VIDEODRIVER"))
    SDL_SetHint(SDL_HINT_VIDEODRIVER,
                std::getenv("WAYLAND_DISPLAY") ? "wayland,x11,kmsdrm" : "x11,kmsdrm");
  install_x11_error_handler();  // before SDL's X11 driver saves the handler it will restore
  bool ok = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) == 0;
  sdl_ = true;
  // SDL falls back to its offscreen driver when nothing else opens: a kiosk nobody can see.
  // Only a driver asked for by name (SDL_VIDEODRIVER) may be one without a screen.
  const char* driver = ok ? SDL_GetCurrentVideoDriver() : nullptr;
  bool invisible =
      driver && (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0);
  // SDL 2.26's Wayland driver has no software framebuffer: without a GPU the window surface is
  // a texture of SDL's GL renderer on Mesa's software rasteriser (llvmpipe, wl_shm buffers).
  // Override priority: the screen asks for no framebuffer acceleration where a GPU is missing.
  if (driver && std::strcmp(driver, "wayland") == 0)
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "1", SDL_HINT_OVERRIDE);
  if (!ok || (invisible && !std::getenv("SDL_VIDEODRIVER"))) {
    std::fprintf(stderr,
                 "boothdeck: no display can be opened (%s); to render the slides without one, run: "
                 "boothdeck --export DIR [DECK]\n",
                 ok ? "no X11, Wayland or KMSDRM display" : SDL_GetError());
    return kExitNoDisplay;
  }
  return libraries();
}

}  // namespace boothdeck
