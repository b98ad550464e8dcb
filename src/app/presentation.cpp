// A generation's image sizes come from a sizer made with it, so a logo changed on disk is
// measured again.
#include "app/presentation.h"

#include "render/image_sizer.h"

namespace boothdeck {

Presentation::Presentation(LoadedDeck deck, uint64_t generation)
    : loaded_(std::move(deck)), generation_(generation), layout_(measurer_, make_image_sizer()) {}

std::unique_ptr<Presentation> Presentation::make(LoadedDeck deck, uint64_t generation,
                                                 const std::string& fonts_dir, Viewport viewport,
                                                 std::string* error,
                                                 std::vector<std::string>* warnings) {
  std::unique_ptr<Presentation> p(new Presentation(std::move(deck), generation));
  if (!p->fonts_.load(fonts_dir, p->deck().settings.font, error)) return nullptr;
  if (warnings) *warnings = p->fonts_.warnings();
  p->layout_.set_deck(p->deck());
  p->layout_.set_viewport(viewport);
  return p;
}

}  // namespace boothdeck
