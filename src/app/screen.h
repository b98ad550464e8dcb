// The kiosk's window and how frames reach it. With a GPU: an accelerated SDL_Renderer with
// vsync. Without one (software GL, Xvfb, a small fanless box): SDL's software renderer on the
// window surface, which can present just the rectangles that changed.
#pragma once

#include <SDL.h>

#include <string>

#include "app/options.h"

namespace boothdeck {

class Screen {
 public:
  Screen() = default;
  ~Screen();
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  // Creates the window hidden (shown with the first frame, so no garbage flashes at boot).
  bool open(const Options& options, std::string* error);
  // After a resize the surface renderer must be made anew: every texture of the old is gone.
  bool recreate_renderer();

  SDL_Window* window() const { return window_; }
  SDL_Renderer* renderer() const { return renderer_; }
  bool partial_present() const { return surface_mode_; }
  bool vsync() const { return vsync_; }
  int width() const { return width_; }
  int height() const { return height_; }
  // True when the renderer no longer fits the window: another size, or (software screen) a
  // window surface SDL invalidated on a resize or fullscreen switch, even to the same size.
  bool needs_new_renderer();
  void window_resized() { surface_stale_ = surface_mode_; }
  const char* renderer_name() const { return name_.c_str(); }

  void present();
  void present_rect(const SDL_Rect& rect);  // surface mode only; falls back to a full present
  void show_once();                         // shows the window after the first presented frame

 private:
  bool make_renderer();
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool surface_mode_ = false;
  bool vsync_ = false;
  bool shown_ = false;
  bool surface_stale_ = false;
  int width_ = 0, height_ = 0;
  std::string name_;
};

}  // namespace boothdeck
