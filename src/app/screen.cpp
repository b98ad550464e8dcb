// Renderer choice. An OpenGL renderer that is really llvmpipe (software GL) costs more CPU than
// SDL's own software renderer with partial presents, so it is refused in favour of the surface.
#include "app/screen.h"

#include <X11/Xlib.h>

#include <cstring>
#include <filesystem>

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
    if (XGetWindowProperty(display, DefaultRootWindow(display), check, 0, 1, False, AnyPropertyType, &type,
                           &format, &items, &remaining, &data) == Success &&
        items > 0)
      none = false;
    if (data) XFree(data);
  }
  XCloseDisplay(display);
  return none;
}

}  // namespace

Screen::~Screen() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
}

bool Screen::open(const Options& options, std::string* error) {
  // SDL would back the window surface with an OpenGL texture when it can; without a GPU that
  // is llvmpipe again. The X11 shared-memory framebuffer is the fast path then.
  if (!has_gpu_render_node()) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
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
  window_ = SDL_CreateWindow("boothdeck", position, position, w, h, flags);
  if (!window_) {
    *error = std::string("cannot create a window: ") + SDL_GetError();
    return false;
  }
  if (!make_renderer()) {
    *error = std::string("cannot create a renderer: ") + SDL_GetError();
    return false;
  }
  return true;
}

bool Screen::make_renderer() {
  if (!surface_mode_ && !has_gpu_render_node()) surface_mode_ = true;
  if (!surface_mode_) {
    renderer_ =
        SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (renderer_ && is_software_gl(renderer_)) {
      SDL_DestroyRenderer(renderer_);
      renderer_ = nullptr;
    }
    if (renderer_) {
      SDL_RendererInfo info;
      SDL_GetRendererInfo(renderer_, &info);
      name_ = info.name;
      vsync_ = info.flags & SDL_RENDERER_PRESENTVSYNC;
      SDL_GetRendererOutputSize(renderer_, &width_, &height_);
      return true;
    }
    surface_mode_ = true;
  }
  SDL_Surface* surface = SDL_GetWindowSurface(window_);
  if (!surface) return false;
  renderer_ = SDL_CreateSoftwareRenderer(surface);
  surface_stale_ = false;
  name_ = "software (window surface)";
  vsync_ = false;
  width_ = surface->w;
  height_ = surface->h;
  return renderer_ != nullptr;
}

bool Screen::recreate_renderer() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  renderer_ = nullptr;
  return make_renderer();
}

bool Screen::needs_new_renderer() {
  int w = 0, h = 0;
  if (surface_mode_)
    SDL_GetWindowSizeInPixels(window_, &w, &h);
  else
    SDL_GetRendererOutputSize(renderer_, &w, &h);
  if (!surface_mode_ && (w != width_ || h != height_)) {
    width_ = w;  // an accelerated renderer follows the window by itself
    height_ = h;
    return true;
  }
  return surface_stale_ || w != width_ || h != height_;
}

void Screen::present() {
  if (surface_mode_) {
    SDL_RenderFlush(renderer_);
    SDL_UpdateWindowSurface(window_);
  } else {
    SDL_RenderPresent(renderer_);
  }
}

void Screen::present_rect(const SDL_Rect& rect) {
  if (!surface_mode_) return present();
  SDL_RenderFlush(renderer_);
  SDL_UpdateWindowSurfaceRects(window_, &rect, 1);
}

void Screen::show_once() {
  if (shown_) return;
  shown_ = true;
  SDL_ShowWindow(window_);
  SDL_RaiseWindow(window_);
}

}  // namespace boothdeck
