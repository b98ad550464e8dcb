// Decoding an image just for its size is wasteful but rare (once per file and page per run),
// and keeps the decoding in one place: render/image_loader.
#include "render/image_sizer.h"

#include <memory>
#include <unordered_map>

#include "render/image_loader.h"

namespace boothdeck {

ImageSizer make_image_sizer() {
  auto sizes = std::make_shared<std::unordered_map<std::string, ImageSize>>();
  return [sizes](const std::string& path, int page) {
    std::string key = path + '\n' + std::to_string(page);
    auto it = sizes->find(key);
    if (it != sizes->end()) return it->second;
    ImageSize size = image_natural_size(path, page);
    sizes->emplace(key, size);
    return size;
  };
}

}  // namespace boothdeck
