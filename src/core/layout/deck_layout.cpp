// Lazy per-slide layout cache.
#include "core/layout/deck_layout.h"

namespace boothdeck {

void DeckLayout::set_deck(const Deck& deck) {
  deck_ = deck;
  theme_ = theme_named(deck.settings.theme);
  slides_.assign(deck_.slides.size(), std::nullopt);
}

void DeckLayout::set_viewport(Viewport viewport) {
  if (viewport.width == viewport_.width && viewport.height == viewport_.height) return;
  viewport_ = viewport;
  slides_.assign(deck_.slides.size(), std::nullopt);
}

const SlideDisplay& DeckLayout::slide(int index) {
  static const SlideDisplay kEmpty;
  if (index < 0 || index >= size()) return kEmpty;
  auto& cached = slides_[index];
  if (!cached) cached = layout_slide(deck_, index, viewport_, theme_, measurer_, image_size_);
  return *cached;
}

}  // namespace boothdeck
