// The laid-out slides of one deck at one viewport, computed on first use and kept until the
// deck, the viewport or the theme changes.
#pragma once

#include <optional>
#include <vector>

#include "core/deck/deck.h"
#include "core/layout/layout.h"

namespace boothdeck {

class DeckLayout {
 public:
  DeckLayout(TextMeasurer& measurer, ImageSizer image_size = nullptr)
      : measurer_(measurer), image_size_(std::move(image_size)) {}

  void set_deck(const Deck& deck);
  void set_viewport(Viewport viewport);
  const Deck& deck() const { return deck_; }
  const Theme& theme() const { return theme_; }
  Viewport viewport() const { return viewport_; }
  int size() const { return static_cast<int>(deck_.slides.size()); }
  const SlideDisplay& slide(int index);

 private:
  TextMeasurer& measurer_;
  ImageSizer image_size_;
  Deck deck_;
  Theme theme_ = theme_named("dark");
  Viewport viewport_;
  std::vector<std::optional<SlideDisplay>> slides_;
};

}  // namespace boothdeck
