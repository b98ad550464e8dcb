// A headless screen: a memory surface that SDL's software renderer draws into. Needs no
// display and no GPU; export, bench and the tests draw through the same RenderContext as the
// kiosk, with this surface's renderer.
//
//   OffscreenSurface surface(1920, 1080);
//   RenderContext render([&](std::string* e) { return surface.create_renderer(e); }, fonts);
#pragma once

#include <SDL.h>

#include <string>

namespace boothdeck {

class OffscreenSurface {
 public:
  OffscreenSurface(int width, int height);
  ~OffscreenSurface();
  OffscreenSurface(const OffscreenSurface&) = delete;
  OffscreenSurface& operator=(const OffscreenSurface&) = delete;

  bool ok() const { return surface_ != nullptr; }
  SDL_Surface* surface() const { return surface_; }
  // A software renderer on the surface; the caller owns it (a RenderContext).
  SDL_Renderer* create_renderer(std::string* error) const;
  // The file and the system's reason in `error` when it cannot be written.
  bool save_png(const std::string& path, std::string* error) const;

 private:
  SDL_Surface* surface_ = nullptr;
};

}  // namespace boothdeck
