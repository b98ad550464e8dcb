// Draws a SlideDisplay at a moment of its animation: bars grow from zero with easing and their
// values count up; a transition fades or slides between two slides.
// Slides are drawn with SDL_RenderCopy and SDL_RenderFillRect, not through ImGui's draw lists:
// on SDL's software renderer every ImGui quad goes through the triangle rasterizer, which made
// a 1080p frame cost ~20 ms; blits and fills cost a fraction. ImGui draws the overlays on top.
#pragma once

#include <SDL.h>

#include <string>
#include <unordered_map>

#include "core/layout/display_list.h"
#include "render/text_cache.h"

namespace boothdeck {

struct DrawState {
  double seconds_shown = 1e9;  // since the slide appeared; large = animations finished
  float alpha = 1;             // content opacity (fade transition); the background stays opaque
  float offset_x = 0;          // whole-slide shift in pixels (slide transition)
};

class SlideRenderer {
 public:
  SlideRenderer(SDL_Renderer* renderer, TextCache& text) : renderer_(renderer), text_(text) {}
  ~SlideRenderer();
  SlideRenderer(const SlideRenderer&) = delete;
  SlideRenderer& operator=(const SlideRenderer&) = delete;

  // Draws over the whole target (the background included); respects the renderer's clip rect.
  void draw(const SlideDisplay& slide, const DrawState& state, int width, int height);
  // Renders every text texture of a slide now, so showing it later costs no rendering.
  void prepare(const SlideDisplay& slide);
  // Bars are still growing at this time.
  static bool animating(const SlideDisplay& slide, double seconds_shown);
  void clear_images();

 private:
  SDL_Texture* image(const std::string& path);

  SDL_Renderer* renderer_;
  TextCache& text_;
  std::unordered_map<std::string, SDL_Texture*> images_;
};

}  // namespace boothdeck
