// A platform for tests: a fake clock that jumps to each deadline, scripted events, and an
// offscreen surface as the screen. The real kiosk loop runs on it (OpenRCT2's dummy UI).
//
//   FakePlatform platform(1280, 720);
//   platform.at(3.0, tap(0.8, 0.5));       // a finger on the right part at t = 3 s
//   run_loop(platform, kiosk, 10.0);       // ten seconds of show in milliseconds
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "app/platform/platform.h"
#include "render/offscreen.h"

namespace boothdeck {

class FakePlatform final : public Platform {
 public:
  FakePlatform(int width, int height)
      : surface_(std::make_unique<OffscreenSurface>(width, height)) {}

  // Queues `event` for time `t`.
  void at(double t, PlatformEvent event) { script_.emplace(t, event); }
  // A new screen size at time `t`: the software screen's surface is made anew, as SDL does.
  void resize_at(double t, int width, int height) {
    PlatformEvent resized;
    resized.type = PlatformEvent::Type::Resized;
    resized.input.x = static_cast<float>(width);  // carried here, applied when delivered
    resized.input.y = static_cast<float>(height);
    at(t, resized);
    PlatformEvent lost;
    lost.type = PlatformEvent::Type::RendererLost;
    at(t, lost);
  }

  // A presenter window of `width` × `height` appears at time `t` (a second display plugged in),
  // and goes at `closed` (unplugged).
  void presenter_at(double t, int width, int height, double closed = 1e300) {
    PlatformEvent opened;
    opened.type = PlatformEvent::Type::PresenterOpened;
    opened.input.x = static_cast<float>(width);
    opened.input.y = static_cast<float>(height);
    at(t, opened);
    PlatformEvent gone;
    gone.type = PlatformEvent::Type::PresenterClosed;
    if (closed < 1e300) at(closed, gone);
  }

  double now() override { return now_; }
  // The wall clock follows the fake clock from `wall_start` (a Monday, 2026-11-30 09:00 UTC).
  int64_t wall_seconds() override { return wall_start + static_cast<int64_t>(now_ - 1000); }
  double wall_time() override { return static_cast<double>(wall_start) + (now_ - 1000); }
  // From another thread too: the next wait returns at once, the fake clock standing still.
  void wake() override { woken_ = true; }
  void wait(double deadline, std::vector<PlatformEvent>& events) override {
    ++waits;
    retired_.reset();
    if (woken_.exchange(false)) return;
    if (!script_.empty() && script_.begin()->first <= deadline) {
      now_ = std::max(now_, script_.begin()->first);
      for (auto it = script_.begin(); it != script_.end() && it->first <= now_;) {
        PlatformEvent e = it->second;
        if (e.type == PlatformEvent::Type::Resized) {
          // As SDL does with a window surface, the old one goes when a renderer is next made.
          old_surface_ = std::exchange(
              surface_, std::make_unique<OffscreenSurface>(static_cast<int>(e.input.x),
                                                           static_cast<int>(e.input.y)));
          e.input = {};
        }
        if (e.type == PlatformEvent::Type::Input) e.input.time = now_;
        if (e.type == PlatformEvent::Type::PresenterOpened) {
          presenter_ = std::make_unique<FakePresenter>(static_cast<int>(e.input.x),
                                                       static_cast<int>(e.input.y));
          e.input = {};
        }
        if (e.type == PlatformEvent::Type::PresenterClosed) retired_ = std::move(presenter_);
        events.push_back(e);
        it = script_.erase(it);
      }
      return;
    }
    now_ = std::max(now_, deadline);
  }
  PixelSize size() const override { return {surface_->surface()->w, surface_->surface()->h}; }
  SDL_Renderer* create_renderer(std::string* error) override {
    ++renderers_made;
    old_surface_.reset();
    return surface_->create_renderer(error);
  }
  void present(SDL_Renderer*, const std::vector<SDL_Rect>& regions) override {
    ++presents;
    if (!regions.empty()) ++region_presents;
    last_regions = regions;
    if (on_present) on_present(regions);
  }
  bool vsync() const override { return false; }
  void set_cursor_visible(bool visible) override { cursor_visible = visible; }
  void toggle_fullscreen() override { ++fullscreen_toggles; }
  std::string renderer_name() const override { return "fake (offscreen)"; }

  // The presenter's window: an offscreen surface of its own.
  struct FakePresenter final : PresenterWindow {
    FakePresenter(int width, int height) : surface(width, height) {}
    PixelSize size() const override { return {surface.surface()->w, surface.surface()->h}; }
    SDL_Renderer* create_renderer(std::string* error) override {
      return surface.create_renderer(error);
    }
    void present(SDL_Renderer*) override { ++presents; }
    OffscreenSurface surface;
    int presents = 0;
  };
  PresenterWindow* presenter() override { return presenter_.get(); }
  FakePresenter* fake_presenter() const { return presenter_.get(); }

  SDL_Surface* pixels() const { return surface_->surface(); }

  int64_t wall_start = 1796029200;
  int waits = 0, presents = 0, region_presents = 0, renderers_made = 0, fullscreen_toggles = 0;
  std::vector<SDL_Rect> last_regions;  // of the last present; none: the whole screen
  std::function<void(const std::vector<SDL_Rect>&)> on_present;  // after each present
  bool cursor_visible = true;

 private:
  double now_ = 1000;  // not zero: a clock that starts at 0 hides offsets
  std::multimap<double, PlatformEvent> script_;
  std::unique_ptr<OffscreenSurface> surface_, old_surface_;
  std::unique_ptr<FakePresenter> presenter_, retired_;  // retired: gone at the next wait, as SDL's
  std::atomic<bool> woken_{false};
};

// Synthesised input, positions as fractions of the screen; `device` a touch device's id, or
// kMouseDevice.
inline PlatformEvent pointer_event(InputEvent::Type type, float x, float y, long long id = 0,
                                   long long device = kMouseDevice) {
  PlatformEvent e;
  e.type = PlatformEvent::Type::Input;
  e.input.type = type;
  e.input.device = device;
  e.input.pointer = id;
  e.input.x = x;
  e.input.y = y;
  return e;
}

inline PlatformEvent key_event(Key key) {
  PlatformEvent e;
  e.type = PlatformEvent::Type::Input;
  e.input.type = InputEvent::Type::KeyDown;
  e.input.key = key;
  return e;
}

}  // namespace boothdeck
