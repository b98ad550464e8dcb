// The cache: one texture (on export's screen, one surface) per (text, font spec, colour);
// render_line draws the line.
#include "render/text_cache.h"

#include <algorithm>

#include "render/line_surface.h"

namespace boothdeck {

namespace {
void release(const TextTexture& line) {
  if (line.texture) SDL_DestroyTexture(line.texture);
  SDL_FreeSurface(line.surface);  // nullptr is fine
}

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
    value.width = line.surface->w;
    value.height = line.surface->h;
    value.top = line.top;
    if (target_) {
      value.surface = line.surface;
      SDL_SetSurfaceBlendMode(value.surface, SDL_BLENDMODE_BLEND);
    } else {
      value.texture = SDL_CreateTextureFromSurface(renderer_, line.surface);
      SDL_FreeSurface(line.surface);
      if (value.texture) SDL_SetTextureBlendMode(value.texture, SDL_BLENDMODE_BLEND);
    }
    ++renders_;
  }
  size_t size = static_cast<size_t>(value.width) * value.height * 4;
  bytes_ += size;
  lru_.push_front(key);
  return entries_.emplace(std::move(key), Entry{value, lru_.begin(), uses_}).first->second.value;
}

void TextCache::draw(const TextTexture& line, const SDL_FRect& to, Uint8 alpha) {
  if (line.texture) {
    SDL_SetTextureAlphaMod(line.texture, alpha);
    SDL_RenderCopyF(renderer_, line.texture, nullptr, &to);
    return;
  }
  if (!line.surface || !target_) return;
  float scale_x = 1, scale_y = 1;
  SDL_RenderGetScale(renderer_, &scale_x, &scale_y);
  if (SDL_GetRenderTarget(renderer_) || scale_x != 1 || scale_y != 1 ||
      static_cast<int>(to.w) != line.width || static_cast<int>(to.h) != line.height) {
    // Not the plain copy blitted below: through a texture made for the occasion.
    if (SDL_Texture* texture = SDL_CreateTextureFromSurface(renderer_, line.surface)) {
      SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
      SDL_SetTextureAlphaMod(texture, alpha);
      SDL_RenderCopyF(renderer_, texture, nullptr, &to);
      SDL_RenderFlush(renderer_);  // before the texture goes
      SDL_DestroyTexture(texture);
    }
    return;
  }
  // What SDL 2.26's software renderer does for a copy at the line's own size (SW_QueueCopy,
  // SW_RunCommandQueue): after the commands queued before it, at the position truncated to
  // whole pixels and moved by the viewport, clipped to the clip rectangle within the viewport.
  SDL_RenderFlush(renderer_);
  SDL_Rect viewport, bounds;
  SDL_RenderGetViewport(renderer_, &viewport);
  bounds = viewport;
  if (SDL_RenderIsClipEnabled(renderer_)) {
    SDL_Rect clip;
    SDL_RenderGetClipRect(renderer_, &clip);
    clip.x += viewport.x;
    clip.y += viewport.y;
    if (!SDL_IntersectRect(&viewport, &clip, &bounds)) return;
  }
  SDL_Rect dst{viewport.x + static_cast<int>(to.x), viewport.y + static_cast<int>(to.y), line.width,
               line.height};
  SDL_SetClipRect(target_, &bounds);
  SDL_SetSurfaceAlphaMod(line.surface, alpha);
  SDL_BlitSurface(line.surface, nullptr, target_, &dst);
}

void TextCache::keep_surfaces_for(SDL_Surface* target) {
  clear();
  target_ = target;
}

void TextCache::evict_oldest() {
  auto it = entries_.find(lru_.back());
  bytes_ -= static_cast<size_t>(it->second.value.width) * it->second.value.height * 4;
  release(it->second.value);
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
  for (auto& [key, entry] : entries_) release(entry.value);
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

}  // namespace boothdeck
