// A thumbnail is the slide drawn at its own size through a render scale into a target texture:
// the same drawing code as the screen, the text scaled as the slide is.
#include "render/thumbnail_cache.h"

#include <algorithm>
#include <vector>

namespace boothdeck {

void ThumbnailCache::set_source(uint64_t generation, int width, int height, int thumb_w,
                                int thumb_h) {
  if (generation == generation_ && width == width_ && height == height_ && thumb_w == thumb_w_ &&
      thumb_h == thumb_h_)
    return;
  clear();
  generation_ = generation;
  width_ = width, height_ = height, thumb_w_ = thumb_w, thumb_h_ = thumb_h;
}

SDL_Texture* ThumbnailCache::find(int index) {
  auto it = entries_.find(index);
  if (it == entries_.end()) return nullptr;
  it->second.used = ++clock_;
  return it->second.texture;
}

SDL_Texture* ThumbnailCache::draw(int index, const SlideDisplay& slide) {
  if (SDL_Texture* done = find(index)) return done;
  if (thumb_w_ <= 0 || thumb_h_ <= 0 || width_ <= 0 || height_ <= 0) return nullptr;
  SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                           SDL_TEXTUREACCESS_TARGET, thumb_w_, thumb_h_);
  if (!texture) return nullptr;
  SDL_Texture* screen = SDL_GetRenderTarget(renderer_);
  float scale_x, scale_y;
  SDL_RenderGetScale(renderer_, &scale_x, &scale_y);
  SDL_SetRenderTarget(renderer_, texture);
  SDL_RenderSetScale(renderer_, static_cast<float>(thumb_w_) / width_,
                     static_cast<float>(thumb_h_) / height_);
  slides_.draw(slide, DrawState{}, width_, height_);  // animations finished
  SDL_RenderSetScale(renderer_, scale_x, scale_y);
  SDL_SetRenderTarget(renderer_, screen);
  entries_[index] = {texture, ++clock_};
  return texture;
}

void ThumbnailCache::trim() {
  if (bytes() <= byte_limit_) return;
  std::vector<std::pair<uint64_t, int>> by_age;
  for (const auto& [index, entry] : entries_) by_age.emplace_back(entry.used, index);
  std::sort(by_age.begin(), by_age.end());
  for (const auto& [used, index] : by_age) {
    if (bytes() <= byte_limit_) break;
    SDL_DestroyTexture(entries_[index].texture);
    entries_.erase(index);
  }
}

void ThumbnailCache::clear() {
  for (auto& [index, entry] : entries_) SDL_DestroyTexture(entry.texture);
  entries_.clear();
}

}  // namespace boothdeck
