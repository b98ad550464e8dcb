// Draws a SlideDisplay at a moment of its animation: bars grow from zero with easing and their
// values count up; a transition fades or slides between two slides. Also says which pixels a
// slide covers (its ink) and which a growing bar changed, so a frame redraws only those.
// Slides are drawn with SDL_RenderCopy and SDL_RenderFillRect, not through ImGui's draw lists:
// on SDL's software renderer every ImGui quad goes through the triangle rasterizer, which made
// a 1080p frame cost ~20 ms; blits and fills cost a fraction. ImGui draws the overlays on top.
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

#include "core/layout/display_list.h"
#include "render/image_cache.h"
#include "render/text_cache.h"

namespace boothdeck {

struct DrawState {
  double seconds_shown = 1e9;  // since the slide appeared; large = animations finished
  float alpha = 1;             // content opacity (fade transition); the background stays opaque
  float offset_x = 0;          // whole-slide shift in pixels (slide transition)
  float offset_y = 0;          // (composing a snapshot piece: the piece's origin, negated)
};

// Where a slide's bars are: all at zero (before they start), growing, or all at full length.
// A slide without bars is always at rest.
enum class BarsPhase { Start, Moving, Rest };

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
  // Bars are still to grow, or growing, at this time.
  static bool animating(const SlideDisplay& slide, double seconds_shown);
  static BarsPhase bars_phase(const SlideDisplay& slide, double seconds_shown);
  // The pixels the slide draws over its background, at any moment of its bars, as a few merged
  // rectangles within width x height (text as its textures really cover it: renders missing
  // text). Offsets are not applied.
  std::vector<SDL_Rect> ink_rects(const SlideDisplay& slide, int width, int height);
  // Appends the pixels that differ between the slide drawn `before` and `after` seconds after it
  // appeared: each bar whose length or counting label moved, from its old end to its new label.
  void bar_changes(const SlideDisplay& slide, double before, double after,
                   std::vector<SDL_Rect>* out);
  void clear_images() { images_.clear(); }
  const ImageCache& images() const { return images_; }

 private:
  // A bar as drawn at `progress`: its fill's length in whole pixels, its label and where.
  struct BarLook {
    int fill_px = 0;
    std::string label;
    SDL_Rect label_box{};
  };
  BarLook bar_look(const DisplayItem& bar, double progress);
  void draw_qr(const DisplayItem& item, float alpha, float dx, float dy);
  // The item's image at the size it is drawn (its whole size, when it is cropped).
  SDL_Texture* image(const DisplayItem& item, SDL_Rect* source);

  SDL_Renderer* renderer_;
  TextCache& text_;
  ImageCache images_;
};

}  // namespace boothdeck
