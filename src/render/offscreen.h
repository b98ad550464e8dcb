// A headless render target: a memory surface with SDL's software renderer. Needs no display
// and no GPU; export and bench draw through the same SlideRenderer as the kiosk.
#pragma once

#include <SDL.h>

#include <string>

namespace boothdeck {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  bool ok() const { return renderer_ != nullptr; }
  SDL_Renderer* renderer() const { return renderer_; }
  SDL_Surface* surface() const { return surface_; }
  bool save_png(const std::string& path) const;

 private:
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
};

// One ImGui context drawing through an SDL_Renderer (the kiosk's window or an offscreen target).
class ImGuiRenderContext {
 public:
  // With a window, ImGui's SDL2 platform backend (input, display size) is set up too.
  explicit ImGuiRenderContext(SDL_Renderer* renderer, SDL_Window* window = nullptr);
  ~ImGuiRenderContext();
  ImGuiRenderContext(const ImGuiRenderContext&) = delete;
  ImGuiRenderContext& operator=(const ImGuiRenderContext&) = delete;

  // Starts a frame of the given size; the platform backend (window input) is the caller's.
  void begin_frame(int width, int height, double delta_seconds);
  // Renders ImGui's draw lists over what was drawn since begin_frame (the slide).
  void end_frame();
  // Rebuilds the font texture after the atlas changed.
  void reload_fonts();

 private:
  SDL_Renderer* renderer_;
  SDL_Window* window_;
};

}  // namespace boothdeck
