// Renderer choice and presenting. An OpenGL renderer that is really llvmpipe (software GL) costs
// more CPU than SDL's own software renderer with partial presents, so it is refused in favour
// of the window surface.
#include "app/platform/sdl_platform.h"

#include <X11/Xlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "app/platform/sdl_events.h"

namespace boothdeck {

namespace {

bool is_software_gl(SDL_Renderer* renderer) {
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(renderer, &info) != 0 || std::strncmp(info.name, "opengl", 6) != 0)
    return false;
  using GetString = const unsigned char* (*)(unsigned int);
  auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
  const unsigned int kGlRenderer = 0x1F01;
  const char* name = get_string ? reinterpret_cast<const char*>(get_string(kGlRenderer)) : nullptr;
  return name && (std::strstr(name, "llvmpipe") || std::strstr(name, "softpipe") ||
                  std::strstr(name, "Software"));
}

// Without a GPU render node, Mesa would give OpenGL in software (llvmpipe): loading it costs
// ~100 MB and more CPU than SDL's own software renderer, so it is not even tried.
bool has_gpu_render_node() {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec))
    if (entry.path().filename().string().rfind("renderD", 0) == 0) return true;
  return false;
}

// An X server with no window manager: nothing has set _NET_SUPPORTING_WM_CHECK on the root.
bool x11_without_window_manager() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver || std::strcmp(driver, "x11") != 0) return false;
  Display* display = XOpenDisplay(nullptr);
  if (!display) return false;
  Atom check = XInternAtom(display, "_NET_SUPPORTING_WM_CHECK", True);
  bool none = true;
  if (check != None) {
    Atom type;
    int format;
    unsigned long items = 0, remaining = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(display, DefaultRootWindow(display), check, 0, 1, False, AnyPropertyType,
                           &type, &format, &items, &remaining, &data) == Success &&
        items > 0)
      none = false;
    if (data) XFree(data);
  }
  XCloseDisplay(display);
  return none;
}

PlatformEvent simple(PlatformEvent::Type type) {
  PlatformEvent e;
  e.type = type;
  return e;
}

PlatformEvent of_presenter(PlatformEvent::Type type) {
  PlatformEvent e = simple(type);
  e.presenter = true;
  return e;
}

// The window a pointer or window event belongs to; 0 for events of no window.
Uint32 window_of(const SDL_Event& e) {
  switch (e.type) {
    case SDL_WINDOWEVENT:
      return e.window.windowID;
    case SDL_MOUSEMOTION:
      return e.motion.windowID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      return e.button.windowID;
    case SDL_MOUSEWHEEL:
      return e.wheel.windowID;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
      return e.tfinger.windowID;
    default:
      return 0;
  }
}

}  // namespace

// The presenter's window: fullscreen on the second display when there is one, else a window
// beside the public one. Drawn like the public window: a software renderer on its surface
// without a GPU; with one, an accelerated renderer without vsync (one vsync wait a frame is the
// public window's).
class SdlPlatform::Presenter final : public PresenterWindow {
 public:
  Presenter(SDL_Window* window, bool surface_mode) : window_(window), surface_mode_(surface_mode) {}
  ~Presenter() override { SDL_DestroyWindow(window_); }
  PixelSize size() const override {
    PixelSize size;
    SDL_GetWindowSizeInPixels(window_, &size.width, &size.height);
    return size;
  }
  SDL_Renderer* create_renderer(std::string* error) override {
    SDL_Renderer* renderer = nullptr;
    if (!surface_mode_) renderer = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED);
    if (!renderer) {
      SDL_Surface* surface = SDL_GetWindowSurface(window_);
      renderer = surface ? SDL_CreateSoftwareRenderer(surface) : nullptr;
      surface_mode_ = true;
    }
    if (!renderer) *error = std::string("cannot draw the presenter view: ") + SDL_GetError();
    return renderer;
  }
  void present(SDL_Renderer* renderer) override {
    if (surface_mode_) {
      SDL_RenderFlush(renderer);
      SDL_UpdateWindowSurface(window_);
    } else {
      SDL_RenderPresent(renderer);
    }
    if (!shown_) SDL_ShowWindow(window_);
    shown_ = true;
  }
  Uint32 id() const { return SDL_GetWindowID(window_); }
  bool surface_mode() const { return surface_mode_; }

 private:
  SDL_Window* window_;
  bool surface_mode_;
  bool shown_ = false;
};

SdlPlatform::SdlPlatform() = default;

PresenterWindow* SdlPlatform::presenter() {
  return presenter_.get();
}

SdlPlatform::~SdlPlatform() {
  retired_.reset();
  presenter_.reset();
  if (window_) SDL_DestroyWindow(window_);
}

bool SdlPlatform::open(const Options& options, std::string* error) {
  // SDL would back the window surface with an OpenGL texture when it can; without a GPU that
  // is llvmpipe again. The X11 shared-memory framebuffer is the fast path then.
  if (!has_gpu_render_node()) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  surface_mode_ = !has_gpu_render_node();
  windowed_ = options.windowed;
  Uint32 flags = SDL_WINDOW_HIDDEN | SDL_WINDOW_ALLOW_HIGHDPI;
  int w = options.width, h = options.height;
  if (options.windowed) {
    flags |= SDL_WINDOW_RESIZABLE;
    if (!w) w = 1280, h = 720;
  } else {
    SDL_DisplayMode mode;
    if (!w && SDL_GetDesktopDisplayMode(0, &mode) == 0) w = mode.w, h = mode.h;
    if (!w) w = 1920, h = 1080;
    // Without a window manager (a kiosk's bare X server) a borderless window covering the
    // display is fullscreen already, and SDL's fullscreen request would wait ~100 ms for a
    // window manager that never answers, then resize the window and invalidate its surface.
    flags |= x11_without_window_manager() ? SDL_WINDOW_BORDERLESS : SDL_WINDOW_FULLSCREEN_DESKTOP;
  }
  int position = (flags & SDL_WINDOW_BORDERLESS) ? 0 : SDL_WINDOWPOS_CENTERED;
  // A presenter's window beside a public window: the public one on the left.
  presenter_asked_ = options.presenter_view;
  if (options.windowed && presenter_asked_) position = 0;
  window_ = SDL_CreateWindow("boothdeck", position, position, w, h, flags);
  if (!window_) {
    *error = std::string("cannot create a window: ") + SDL_GetError();
    return false;
  }
  SDL_GetWindowSizeInPixels(window_, &size_.width, &size_.height);
  wake_event_ = SDL_RegisterEvents(1);
  if (wake_event_ == static_cast<Uint32>(-1)) wake_event_ = 0;
  if ((presenter_asked_ || SDL_GetNumVideoDisplays() > 1) && open_presenter())
    queued_.push_back(simple(PlatformEvent::Type::PresenterOpened));
  if (const char* fifo = std::getenv(kTouchFifoVariable)) {
    std::string why;
    test_touches_ = std::make_unique<TouchInjector>();
    if (test_touches_->start(fifo, &why))
      std::fprintf(stderr, "boothdeck: test touches from %s (%s)\n", fifo, kTouchFifoVariable);
    else
      std::fprintf(stderr, "boothdeck: warning: no test touches: %s\n", why.c_str());
  }
  return true;
}

double SdlPlatform::now() {
  return static_cast<double>(SDL_GetPerformanceCounter()) /
         static_cast<double>(SDL_GetPerformanceFrequency());
}

SDL_Renderer* SdlPlatform::create_renderer(std::string* error) {
  if (!surface_mode_) {
    SDL_Renderer* renderer =
        SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (renderer && is_software_gl(renderer)) {
      SDL_DestroyRenderer(renderer);
      renderer = nullptr;
    }
    if (renderer) {
      SDL_RendererInfo info;
      SDL_GetRendererInfo(renderer, &info);
      name_ = info.name;
      vsync_ = info.flags & SDL_RENDERER_PRESENTVSYNC;
      SDL_GetRendererOutputSize(renderer, &size_.width, &size_.height);
      return renderer;
    }
    surface_mode_ = true;  // from now on: the window surface
  }
  // A new surface when SDL invalidated the old one (resize, fullscreen switch).
  SDL_Surface* surface = SDL_GetWindowSurface(window_);
  if (!surface) {
    *error = std::string("cannot get the window surface: ") + SDL_GetError();
    return nullptr;
  }
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  if (!renderer) {
    *error = std::string("cannot create a software renderer: ") + SDL_GetError();
    return nullptr;
  }
  name_ = "software (window surface)";
  vsync_ = false;
  size_ = {surface->w, surface->h};
  return renderer;
}

// A software screen's renderer draws into the window surface, which SDL frees on a resize:
// the renderer is lost then, even when the size ends up the same.
void SdlPlatform::note_size(std::vector<PlatformEvent>& events) {
  PixelSize now;
  SDL_GetWindowSizeInPixels(window_, &now.width, &now.height);
  if (now == size_) return;
  size_ = now;
  events.push_back(simple(PlatformEvent::Type::Resized));
  if (surface_mode_) events.push_back(simple(PlatformEvent::Type::RendererLost));
}

void SdlPlatform::wait(double deadline, std::vector<PlatformEvent>& events) {
  retired_.reset();
  for (; !queued_.empty(); queued_.pop_front()) events.push_back(queued_.front());
  size_t before = events.size();
  double start = now();
  int timeout_ms = static_cast<int>(std::clamp(std::ceil((deadline - start) * 1000), 0.0, 1e9));
  SDL_Event event;
  bool got = !events.empty() ? SDL_PollEvent(&event) : SDL_WaitEventTimeout(&event, timeout_ms);
  int w = 0, h = 0;
  SDL_GetWindowSize(window_, &w, &h);  // mouse coordinates are in window points
  while (got) {
    // A wake-up carries nothing: the loop looks at its queues when wait() returns.
    if (event.type != wake_event_ && !presenter_event(event, events))
      for (const PlatformEvent& e : translate_platform_event(event, now(), w, h, surface_mode_))
        events.push_back(e);
    got = SDL_PollEvent(&event);
  }
  if (events.size() > before || surface_mode_) note_size(events);
}

void SdlPlatform::wake() {
  if (!wake_event_) return;
  SDL_Event event{};
  event.type = wake_event_;
  SDL_PushEvent(&event);  // thread-safe; a full queue has woken the loop anyway
}

double SdlPlatform::wall_time() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool SdlPlatform::presenter_event(const SDL_Event& e, std::vector<PlatformEvent>& events) {
  using Type = PlatformEvent::Type;
  if (e.type == SDL_DISPLAYEVENT) {
    int displays = SDL_GetNumVideoDisplays();
    // A second display appeared: the presenter gets it. The one it was on went: unless asked
    // for, the presenter's window goes with it and the public show stays as it is.
    if (e.display.event == SDL_DISPLAYEVENT_CONNECTED && !presenter_ && displays > 1) {
      if (open_presenter()) events.push_back(simple(Type::PresenterOpened));
    } else if (e.display.event == SDL_DISPLAYEVENT_DISCONNECTED && presenter_ &&
               !presenter_asked_ && displays < 2) {
      close_presenter(events);
    }
    return true;
  }
  // The public window's close button: with two windows SDL sends no SDL_QUIT for it.
  if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
      e.window.windowID == SDL_GetWindowID(window_)) {
    events.push_back(simple(Type::CloseRequest));
    return true;
  }
  if (!presenter_ || window_of(e) != presenter_->id()) return false;
  if (e.type == SDL_WINDOWEVENT) {
    switch (e.window.event) {
      case SDL_WINDOWEVENT_EXPOSED:
        events.push_back(of_presenter(Type::Exposed));
        break;
      case SDL_WINDOWEVENT_SIZE_CHANGED:
        events.push_back(of_presenter(Type::Resized));
        if (presenter_->surface_mode()) events.push_back(of_presenter(Type::RendererLost));
        break;
      case SDL_WINDOWEVENT_CLOSE:
        close_presenter(events);  // the presenter closed their window; the show goes on
        break;
      default:
        break;
    }
  }
  return true;  // the presenter's window takes keys only
}

bool SdlPlatform::open_presenter() {
  int displays = SDL_GetNumVideoDisplays();
  Uint32 flags = SDL_WINDOW_HIDDEN | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
  int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = 1280, h = 720;
  SDL_Rect bounds;
  if (displays > 1 && SDL_GetDisplayBounds(1, &bounds) == 0) {
    x = y = SDL_WINDOWPOS_CENTERED_DISPLAY(1);
    w = bounds.w, h = bounds.h;
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  } else if (SDL_GetDisplayBounds(0, &bounds) == 0) {
    // One display: beside the public window when there is room (a wide screen), else centred.
    int public_x = 0, public_y = 0, public_w = 0, public_h = 0;
    SDL_GetWindowPosition(window_, &public_x, &public_y);
    SDL_GetWindowSize(window_, &public_w, &public_h);
    w = std::min(1280, bounds.w), h = std::min(720, bounds.h);
    if (public_x + public_w + w <= bounds.x + bounds.w) x = public_x + public_w, y = public_y;
  }
  SDL_Window* window = SDL_CreateWindow("boothdeck presenter", x, y, w, h, flags);
  if (!window) {
    std::fprintf(stderr, "boothdeck: warning: no presenter window: %s\n", SDL_GetError());
    return false;
  }
  presenter_ = std::make_unique<Presenter>(window, surface_mode_);
  return true;
}

void SdlPlatform::close_presenter(std::vector<PlatformEvent>& events) {
  retired_ = std::move(presenter_);
  events.push_back(simple(PlatformEvent::Type::PresenterClosed));
}

// On X11 the window surface is shared memory (MIT-SHM) where the server offers it: a present
// copies only the rectangles given, in the server.
void SdlPlatform::present(SDL_Renderer* renderer, const std::vector<SDL_Rect>& regions) {
  if (surface_mode_) {
    SDL_RenderFlush(renderer);
    if (!regions.empty())
      SDL_UpdateWindowSurfaceRects(window_, regions.data(), static_cast<int>(regions.size()));
    else
      SDL_UpdateWindowSurface(window_);
  } else {
    SDL_RenderPresent(renderer);
  }
  if (!shown_) {
    shown_ = true;
    SDL_ShowWindow(window_);
    SDL_RaiseWindow(window_);
  }
}

void SdlPlatform::set_cursor_visible(bool visible) {
  SDL_ShowCursor(visible ? SDL_ENABLE : SDL_DISABLE);
}

// Staff setting up a windowed kiosk can try it fullscreen (F11) and back. SDL may free the
// window surface inside this call, so the renderer is reported lost before anything draws.
void SdlPlatform::toggle_fullscreen() {
  if (!windowed_) return;
  bool full = SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP;
  SDL_SetWindowFullscreen(window_, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
  queued_.push_back(simple(PlatformEvent::Type::Resized));
  if (surface_mode_) queued_.push_back(simple(PlatformEvent::Type::RendererLost));
}

}  // namespace boothdeck
