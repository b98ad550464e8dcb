// The offscreen surface: XRGB8888, the format of an X11 window surface at depth 24, so export,
// bench and tests take the kiosk's own blitter paths (and an opaque frame has no alpha to vary).
#include "render/offscreen.h"

#include "render/png_writer.h"

namespace boothdeck {

OffscreenSurface::OffscreenSurface(int width, int height) {
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
}

OffscreenSurface::~OffscreenSurface() {
  if (surface_) SDL_FreeSurface(surface_);
}

SDL_Renderer* OffscreenSurface::create_renderer(std::string* error) const {
  SDL_Renderer* renderer = surface_ ? SDL_CreateSoftwareRenderer(surface_) : nullptr;
  if (!renderer) *error = std::string("cannot create an offscreen renderer: ") + SDL_GetError();
  return renderer;
}

bool OffscreenSurface::save_png(const std::string& path, std::string* error) const {
  return write_png(surface_, path, error);
}

}  // namespace boothdeck
