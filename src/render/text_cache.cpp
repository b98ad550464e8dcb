// The cache: one texture per (text, font spec, colour); render_line draws the line.
#include "render/text_cache.h"

#include <algorithm>

#include "render/line_surface.h"

namespace boothdeck {

namespace {
std::string cache_key(const std::string& text, const FontSpec& f, Color c) {
  return text + '\0' + std::to_string(font_id(f)) + '\0' +
         std::to_string((c.r << 16) | (c.g << 8) | c.b);
}
}  // namespace

const TextTexture& TextCache::get(const std::string& text, const FontSpec& font, Color color) {
  std::string key = cache_key(text, font, color);
  auto it = entries_.find(key);
  ++uses_;
  if (it != entries_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.age);
    it->second.last_use = uses_;
    return it->second.value;
  }
  TextTexture value;
  if (LineSurface line = render_line(fonts_, text, font, color); line.surface) {
    value.texture = SDL_CreateTextureFromSurface(renderer_, line.surface);
    value.width = line.surface->w;
    value.height = line.surface->h;
    value.top = line.top;
    SDL_FreeSurface(line.surface);
    if (value.texture) SDL_SetTextureBlendMode(value.texture, SDL_BLENDMODE_BLEND);
    ++renders_;
  }
  size_t size = static_cast<size_t>(value.width) * value.height * 4;
  bytes_ += size;
  lru_.push_front(key);
  return entries_.emplace(std::move(key), Entry{value, lru_.begin(), uses_}).first->second.value;
}

void TextCache::evict_oldest() {
  auto it = entries_.find(lru_.back());
  bytes_ -= static_cast<size_t>(it->second.value.width) * it->second.value.height * 4;
  if (it->second.value.texture) SDL_DestroyTexture(it->second.value.texture);
  entries_.erase(it);
  lru_.pop_back();
}

void TextCache::evict_until(size_t free_bytes) {
  while (!lru_.empty() && bytes_ + free_bytes > byte_limit_) evict_oldest();
}

void TextCache::evict_unused() {
  // The list runs from the most recently used: the unused ones are all at its back.
  while (!lru_.empty() && entries_.at(lru_.back()).last_use <= evicted_through_) evict_oldest();
  evicted_through_ = uses_;
}

void TextCache::clear() {
  for (auto& [key, entry] : entries_)
    if (entry.value.texture) SDL_DestroyTexture(entry.value.texture);
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

}  // namespace boothdeck
