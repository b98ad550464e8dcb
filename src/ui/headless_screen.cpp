// The offscreen surface is the renderer factory's only source.
#include "ui/headless_screen.h"

namespace boothdeck {

HeadlessScreen::HeadlessScreen(FontSet& fonts, int width, int height)
    : surface(width, height),
      render([this](std::string* error) { return surface.create_renderer(error); }, fonts) {}

bool HeadlessScreen::start(std::string* error) {
  if (!surface.ok()) {
    *error = "cannot create an offscreen surface: " + std::string(SDL_GetError());
    return false;
  }
  return render.rebuild(error);
}

}  // namespace boothdeck
