// SDL, SDL_ttf and the real fonts (fonts/families.conf through fontconfig), started once for
// the whole test run and shared by the tests that measure or draw text.
#pragma once

#include "app/startup.h"
#include "render/font_set.h"

namespace boothdeck {

struct TestFonts {
  Startup startup;
  FontSet fonts;
  bool ok = false;
  TestFonts() { ok = startup.headless(Options{}, Deck{}, fonts) == kExitOk; }
};

inline TestFonts& shared_fonts() {
  static TestFonts fonts;
  return fonts;
}

}  // namespace boothdeck
