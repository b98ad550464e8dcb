// The kiosk's view of the machine it runs on: a clock, a wait for input or a deadline, a
// renderer for the screen, and presenting a frame. SdlPlatform is the real one; tests run the
// real loop on a fake with a fake clock and scripted input (OpenRCT2's dummy UI context).
//
//   while (running) {
//     platform.wait(next_deadline, events);          // sleeps; appends what arrived
//     for (const PlatformEvent& e : events) handle(e, platform.now());
//     ... draw into a renderer from platform.create_renderer() ...
//     platform.present(renderer, changed_rects);       // none: the whole screen
//   }
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/input/input_event.h"

struct SDL_Renderer;
struct SDL_Rect;

namespace boothdeck {

struct PixelSize {
  int width = 0, height = 0;
  bool operator==(const PixelSize&) const = default;
};

struct PlatformEvent {
  enum class Type {
    Input,            // a key, a finger or the mouse with a button down: see `input`
    PointerMoved,     // the mouse moved (it shows the cursor again)
    CloseRequest,     // the window manager asked the window to close (its button, Alt+F4)
    Resized,          // the drawable size changed: lay out again
    Exposed,          // the window needs its pixels again
    RendererLost,     // every texture is gone (a device reset, an invalidated window surface)
    FocusLost,        // pointers that were down may never report their lift
    PresenterOpened,  // a presenter window appeared (--presenter-view, a second display)
    PresenterClosed,  // it is gone (its display unplugged, the window closed); the show goes on
  };
  Type type = Type::Input;
  InputEvent input;
  // Resized, Exposed, RendererLost: of the presenter window, not the public one.
  bool presenter = false;
};

// A second window, for the presenter: its own size, renderer and presenting. It has no pointer
// input; its keys arrive as the public window's do.
class PresenterWindow {
 public:
  virtual ~PresenterWindow() = default;
  virtual PixelSize size() const = 0;
  // A renderer for this window; the caller owns it (a RenderContext of its own).
  virtual SDL_Renderer* create_renderer(std::string* error) = 0;
  virtual void present(SDL_Renderer* renderer) = 0;
};

class Platform {
 public:
  virtual ~Platform() = default;

  // Seconds on a monotonic clock; the show, the animations and the event log all use it.
  virtual double now() = 0;
  // Seconds since 1970 (UTC) on the wall clock, for show hours and dates; it may jump.
  virtual int64_t wall_seconds() = 0;
  // The same with fractions of a second: the event log's `time`, `sync: wallclock`.
  virtual double wall_time() = 0;
  // Makes a wait() in progress, or the next one, return at once. Safe from any thread: the
  // remote's threads call it after queueing something for the loop.
  virtual void wake() = 0;
  // Returns when events arrived (appended to `events`) or when `deadline` has passed.
  virtual void wait(double deadline, std::vector<PlatformEvent>& events) = 0;
  // The drawable size in pixels.
  virtual PixelSize size() const = 0;
  // A renderer for the screen as it is now. The caller owns it (RenderContext destroys it
  // after every texture made from it). Null with `error` filled when none can be made.
  virtual SDL_Renderer* create_renderer(std::string* error) = 0;
  // Shows what was drawn; `regions` (none: all of it) are the only parts that changed, which a
  // software screen presents alone.
  virtual void present(SDL_Renderer* renderer, const std::vector<SDL_Rect>& regions) = 0;
  // True when present waits for the display's refresh (a GPU screen).
  virtual bool vsync() const = 0;
  virtual void set_cursor_visible(bool visible) = 0;
  virtual void toggle_fullscreen() = 0;
  // "software (window surface)", "opengl", … for the start-up log.
  virtual std::string renderer_name() const = 0;
  // The presenter's window while one is open, else null.
  virtual PresenterWindow* presenter() { return nullptr; }
};

}  // namespace boothdeck
