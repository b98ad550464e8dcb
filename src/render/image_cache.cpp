// Keys name the file, the page and the size: a slide shown at another size is another entry.
#include "render/image_cache.h"

#include "render/image_loader.h"

namespace boothdeck {

SDL_Texture* ImageCache::get(const std::string& path, int page, int width, int height) {
  std::string key = path + '\n' + std::to_string(page) + '\n' + std::to_string(width) + 'x' +
                    std::to_string(height);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.age);
    return it->second.texture;
  }
  std::string error;
  SDL_Surface* surface = load_image(path, page, width, height, &error);
  SDL_Texture* texture = surface ? SDL_CreateTextureFromSurface(renderer_, surface) : nullptr;
  SDL_FreeSurface(surface);
  size_t bytes = texture ? static_cast<size_t>(width) * height * 4 : 0;
  evict_until(bytes);
  lru_.push_front(key);
  entries_[key] = {texture, bytes, lru_.begin()};
  bytes_ += bytes;
  return texture;
}

void ImageCache::evict_until(size_t free_bytes) {
  while (!lru_.empty() && bytes_ + free_bytes > byte_limit_) {
    auto it = entries_.find(lru_.back());
    if (it->second.texture) SDL_DestroyTexture(it->second.texture);
    bytes_ -= it->second.bytes;
    entries_.erase(it);
    lru_.pop_back();
  }
}

void ImageCache::clear() {
  for (auto& [key, entry] : entries_)
    if (entry.texture) SDL_DestroyTexture(entry.texture);
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

}  // namespace boothdeck
