// Draws a SlideDisplay at a moment of its animation: bars grow from zero with easing and their
// values count up; a transition fades or slides between two slides.
// Slides are drawn with SDL_RenderCopy and SDL_RenderFillRect, not through ImGui's draw lists:
// on SDL's software renderer every ImGui quad goes through the triangle rasterizer, which made
// a 1080p frame cost ~20 ms; blits and fills cost a fraction. ImGui draws the overlays on top.
#pragma once

#include <SDL.h>

#include <string>

#include "core/layout/display_list.h"
#include "render/image_cache.h"
#include "render/text_cache.h"

namespace boothdeck {

struct DrawState {
  double seconds_shown = 1e9;  // since the slide appeared; large = animations finished
  float alpha = 1;             // content opacity (fade transition); the background stays opaque
  float offset_x = 0;          // whole-slide shift in pixels (slide transition)
};

class SlideRenderer {
 public:
  SlideRenderer(SDL_Renderer* renderer, TextCache& text, size_t image_bytes = 64u << 20)
      : renderer_(renderer), text_(text), images_(renderer, image_bytes) {}
  SlideRenderer(const SlideRenderer&) = delete;
  SlideRenderer& operator=(const SlideRenderer&) = delete;

  // Draws over the whole target (the background included); respects the renderer's clip rect.
  void draw(const SlideDisplay& slide, const DrawState& state, int width, int height);
  // Renders every text texture of a slide now, so showing it later costs no rendering.
  void prepare(const SlideDisplay& slide);
  // Bars are still growing at this time.
  static bool animating(const SlideDisplay& slide, double seconds_shown);
  void clear_images() { images_.clear(); }
  const ImageCache& images() const { return images_; }

 private:
  // The item's image at the size it is drawn (its whole size, when it is cropped).
  SDL_Texture* image(const DisplayItem& item, SDL_Rect* source);

  SDL_Renderer* renderer_;
  TextCache& text_;
  ImageCache images_;
};

}  // namespace boothdeck
