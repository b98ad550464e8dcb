// The real platform: an SDL window, its renderer and its events. With a GPU: an accelerated
// SDL_Renderer with vsync. Without one (software GL, Xvfb, a small fanless box): SDL's software
// renderer on the window surface, which can present just the rectangles that changed. A second
// window for the presenter opens with --presenter-view or on a second display, and closes when
// that display is unplugged.
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
  SdlPlatform();
  ~SdlPlatform() override;
  SdlPlatform(const SdlPlatform&) = delete;
  SdlPlatform& operator=(const SdlPlatform&) = delete;

  // Creates the window hidden (it is shown with the first frame: no garbage flash at boot).
  bool open(const Options& options, std::string* error);

  double now() override;
  int64_t wall_seconds() override { return static_cast<int64_t>(std::time(nullptr)); }
  double wall_time() override;
  void wake() override;
  void wait(double deadline, std::vector<PlatformEvent>& events) override;
  PixelSize size() const override { return size_; }
  SDL_Renderer* create_renderer(std::string* error) override;
  void present(SDL_Renderer* renderer, const std::vector<SDL_Rect>& regions) override;
  bool vsync() const override { return vsync_; }
  void set_cursor_visible(bool visible) override;
  void toggle_fullscreen() override;
  std::string renderer_name() const override { return name_; }
  PresenterWindow* presenter() override;

 private:
  class Presenter;
  void note_size(std::vector<PlatformEvent>& events);
  // Display changes, and the presenter window's own events (its pointers are dropped); true
  // when `event` was one of these.
  bool presenter_event(const SDL_Event& event, std::vector<PlatformEvent>& events);
  bool open_presenter();
  void close_presenter(std::vector<PlatformEvent>& events);
  SDL_Window* window_ = nullptr;
  bool surface_mode_ = false;  // software renderer on the window surface
  bool vsync_ = false;
  bool shown_ = false;
  bool windowed_ = false;
  PixelSize size_;
  std::string name_;
  std::deque<PlatformEvent> queued_;             // events the platform raises itself
  std::unique_ptr<TouchInjector> test_touches_;  // only with BOOTHDECK_TEST_TOUCH_FIFO
  std::unique_ptr<Presenter> presenter_;
  // A closed presenter window lives until the next wait(): the kiosk lets go of its renderer
  // when it handles PresenterClosed, and only then may the window go.
  std::unique_ptr<Presenter> retired_;
  bool presenter_asked_ = false;  // --presenter-view: kept on one display too
  Uint32 wake_event_ = 0;         // an SDL user event type; 0 until open()
};

}  // namespace boothdeck
