// Image textures at the size they are shown, in a least-recently-used cache with a byte limit,
// like the text cache: a deck of a hundred PDF pages or phone photos keeps the current, next and
// previous slides' images, not the deck's. A failure is remembered, so a broken file is decoded
// once, not every frame.
//
//   ImageCache images(renderer, image_cache_limit({1920, 1080}));
//   SDL_Texture* t = images.get(path, page, 960, 540);   // owned by the cache
#pragma once

#include <SDL.h>

#include <algorithm>
#include <list>
#include <string>
#include <unordered_map>

#include "core/layout/layout.h"

namespace boothdeck {

// Three full screens of pixels: a full-screen image on the current, next and previous slide.
inline size_t image_cache_limit(Viewport viewport) {
  size_t screen = static_cast<size_t>(viewport.width) * viewport.height * 4;
  return std::max<size_t>(24u << 20, screen * 3);
}

class ImageCache {
 public:
  ImageCache(SDL_Renderer* renderer, size_t byte_limit)
      : renderer_(renderer), byte_limit_(byte_limit) {}
  ~ImageCache() { clear(); }
  ImageCache(const ImageCache&) = delete;
  ImageCache& operator=(const ImageCache&) = delete;

  // The image (or PDF page) scaled to width × height; nullptr if it cannot be decoded.
  SDL_Texture* get(const std::string& path, int page, int width, int height);
  void clear();
  size_t bytes() const { return bytes_; }
  size_t entries() const { return entries_.size(); }

 private:
  struct Entry {
    SDL_Texture* texture = nullptr;
    size_t bytes = 0;
    std::list<std::string>::iterator age;
  };
  void evict_until(size_t free_bytes);

  SDL_Renderer* renderer_;
  size_t byte_limit_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front = most recently used
};

}  // namespace boothdeck
