// The real platform: an SDL window, its renderer and its events. With a GPU: an accelerated
// SDL_Renderer with vsync. Without one (software GL, Xvfb, a small fanless box): SDL's software
// renderer on the window surface, which can present just the rectangles that changed.
//
//   SdlPlatform platform;
//   if (!platform.open(options, &error)) { ...exit 3... }
//   SDL_Renderer* renderer = platform.create_renderer(&error);   // owned by the caller
#pragma once

#include <SDL.h>

#include <ctime>
#include <deque>
#include <memory>
#include <string>

#include "app/options.h"
#include "app/platform/platform.h"
#include "app/platform/touch_injector.h"

namespace boothdeck {

class SdlPlatform final : public Platform {
 public:
  SdlPlatform() = default;
  ~SdlPlatform() override;
  SdlPlatform(const SdlPlatform&) = delete;
  SdlPlatform& operator=(const SdlPlatform&) = delete;

  // Creates the window hidden (it is shown with the first frame: no garbage flash at boot).
  bool open(const Options& options, std::string* error);

  double now() override;
  int64_t wall_seconds() override { return static_cast<int64_t>(std::time(nullptr)); }
  void wait(double deadline, std::vector<PlatformEvent>& events) override;
  PixelSize size() const override { return size_; }
  SDL_Renderer* create_renderer(std::string* error) override;
  void present(SDL_Renderer* renderer, const std::vector<SDL_Rect>& regions) override;
  bool vsync() const override { return vsync_; }
  void set_cursor_visible(bool visible) override;
  void toggle_fullscreen() override;
  std::string renderer_name() const override { return name_; }

 private:
  void note_size(std::vector<PlatformEvent>& events);
  SDL_Window* window_ = nullptr;
  bool surface_mode_ = false;  // software renderer on the window surface
  bool vsync_ = false;
  bool shown_ = false;
  bool windowed_ = false;
  PixelSize size_;
  std::string name_;
  std::deque<PlatformEvent> queued_;             // events the platform raises itself
  std::unique_ptr<TouchInjector> test_touches_;  // only with BOOTHDECK_TEST_TOUCH_FIFO
};

}  // namespace boothdeck
