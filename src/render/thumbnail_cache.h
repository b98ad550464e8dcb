// Slide thumbnails for the operator panel: a slide drawn by the SlideRenderer, scaled down, into
// a texture of its own. RenderContext owns the cache, so its textures die before the renderer.
// A byte limit, trimmed between frames (a texture handed out this frame is still queued).
//
//   render.thumbnails().set_source(generation, width, height);  // drops what no longer matches
//   SDL_Texture* t = render.thumbnails().draw(7, layout.slide(7), 1920, 1080, 240, 135);
//   ... ImGui draws t ...
//   render.thumbnails().trim();
#pragma once

#include <SDL.h>

#include <cstdint>
#include <unordered_map>

#include "core/layout/display_list.h"
#include "render/slide_renderer.h"

namespace boothdeck {

class ThumbnailCache {
 public:
  ThumbnailCache(SDL_Renderer* renderer, SlideRenderer& slides, size_t byte_limit)
      : renderer_(renderer), slides_(slides), byte_limit_(byte_limit) {}
  ~ThumbnailCache() { clear(); }
  ThumbnailCache(const ThumbnailCache&) = delete;
  ThumbnailCache& operator=(const ThumbnailCache&) = delete;

  // What the thumbnails show: a deck generation laid out at a size, drawn at a thumbnail size.
  // Anything else drops them all.
  void set_source(uint64_t generation, int width, int height, int thumb_w, int thumb_h);
  // Slide `index`'s thumbnail if it was drawn, else null.
  SDL_Texture* find(int index);
  // Draws slide `index` (laid out at the source's size) into its thumbnail now; null when the
  // renderer cannot make the texture.
  SDL_Texture* draw(int index, const SlideDisplay& slide);
  // Evicts the least recently used thumbnails down to the limit; between frames only.
  void trim();
  void clear();
  size_t bytes() const { return entries_.size() * bytes_each(); }

 private:
  struct Entry {
    SDL_Texture* texture;
    uint64_t used;
  };
  size_t bytes_each() const { return static_cast<size_t>(thumb_w_) * thumb_h_ * 4; }

  SDL_Renderer* renderer_;
  SlideRenderer& slides_;
  size_t byte_limit_;
  uint64_t generation_ = 0;
  int width_ = 0, height_ = 0, thumb_w_ = 0, thumb_h_ = 0;
  uint64_t clock_ = 0;
  std::unordered_map<int, Entry> entries_;
};

}  // namespace boothdeck
