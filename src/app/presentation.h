// One generation of a deck and everything derived from it: the fonts its front matter names,
// their metrics, the image sizes and the laid-out slides. A reload makes a new Presentation;
// nothing of an older generation is patched or kept (STYLE.md: derived state carries its
// generation).
//
//   auto p = Presentation::make(std::move(deck), 2, fonts_dir, {1920, 1080}, &error);
//   const SlideDisplay& d = p->layout().slide(0);
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "app/deck_loading.h"
#include "core/layout/deck_layout.h"
#include "render/font_set.h"
#include "render/ttf_text_measurer.h"

namespace boothdeck {

class Presentation {
 public:
  // Loads the fonts the deck asks for (warnings in `warnings`). Null with `error` when no
  // usable font is installed.
  static std::unique_ptr<Presentation> make(LoadedDeck deck, uint64_t generation,
                                            const std::string& fonts_dir, Viewport viewport,
                                            std::string* error,
                                            std::vector<std::string>* warnings = nullptr);

  const LoadedDeck& loaded() const { return loaded_; }
  const Deck& deck() const { return loaded_.result.deck; }
  uint64_t generation() const { return generation_; }
  FontSet& fonts() { return fonts_; }
  TextMeasurer& measurer() { return measurer_; }
  DeckLayout& layout() { return layout_; }

 private:
  explicit Presentation(LoadedDeck deck, uint64_t generation);
  LoadedDeck loaded_;
  uint64_t generation_;
  FontSet fonts_;
  TtfTextMeasurer measurer_{fonts_};
  DeckLayout layout_;
};

}  // namespace boothdeck
