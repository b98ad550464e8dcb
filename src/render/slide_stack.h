// Everything between a parsed deck and pixels on one SDL_Renderer: font metrics, the laid-out
// slides, the text texture cache and the slide renderer. Kiosk, export and bench each own one.
#pragma once

#include "core/layout/deck_layout.h"
#include "render/font_set.h"
#include "render/image_sizer.h"
#include "render/slide_renderer.h"
#include "render/text_cache.h"
#include "render/ttf_text_measurer.h"

namespace boothdeck {

// Enough texture memory for the current, the next and the previous slide, not for the deck.
inline size_t text_cache_limit(Viewport viewport) {
  size_t screen = static_cast<size_t>(viewport.width) * viewport.height * 4;
  return std::max<size_t>(8u << 20, screen * 3 / 2);
}

struct SlideStack {
  SlideStack(SDL_Renderer* renderer, FontSet& fonts, Viewport viewport)
      : measurer(fonts),
        layout(measurer, make_image_sizer()),
        text(renderer, fonts, text_cache_limit(viewport)),
        slides(renderer, text, image_cache_limit(viewport)) {
    layout.set_viewport(viewport);
  }
  TtfTextMeasurer measurer;
  DeckLayout layout;
  TextCache text;
  SlideRenderer slides;
};

}  // namespace boothdeck
