// Decoding an image just for its size is wasteful but rare (once per file per run), and
// keeps one image library in the project.
#include "render/image_sizer.h"

#include <SDL_image.h>

#include <memory>
#include <unordered_map>

namespace boothdeck {

ImageSizer make_image_sizer() {
  auto sizes = std::make_shared<std::unordered_map<std::string, ImageSize>>();
  return [sizes](const std::string& path) {
    auto it = sizes->find(path);
    if (it != sizes->end()) return it->second;
    ImageSize size;
    if (SDL_Surface* surface = IMG_Load(path.c_str())) {
      size = {surface->w, surface->h};
      SDL_FreeSurface(surface);
    }
    sizes->emplace(path, size);
    return size;
  };
}

}  // namespace boothdeck
