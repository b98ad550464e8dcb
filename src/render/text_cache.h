// Slide text as textures: each line rendered once (render_line: SDL_ttf runs, colour emoji,
// replacement boxes, in their colour), kept in a least-recently-used cache with a byte limit,
// and prepared ahead for the next slide.
// The colour is baked in rather than tinted when drawn: SDL's software blitter has a fast path
// for plain alpha blending and only a slow generic one for colour modulation.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>

#include "core/layout/text_measurer.h"
#include "core/layout/theme.h"
#include "render/font_set.h"

namespace boothdeck {

struct TextTexture {
  SDL_Texture* texture = nullptr;
  SDL_Surface* surface = nullptr;  // instead of the texture, on export's screen (see below)
  int width = 0, height = 0;
  int top = 0;  // rows above the line box: draw at the text's y minus this
  bool drawable() const { return texture || surface; }
};

class TextCache {
 public:
  TextCache(SDL_Renderer* renderer, FontSet& fonts, size_t byte_limit)
      : renderer_(renderer), fonts_(fonts), byte_limit_(byte_limit) {}
  ~TextCache() { clear(); }
  TextCache(const TextCache&) = delete;
  TextCache& operator=(const TextCache&) = delete;

  const TextTexture& get(const std::string& text, const FontSpec& font, Color color);
  // Draws a line at `to` (whole pixels, its own size) with `alpha`, as SDL_RenderCopyF would.
  void draw(const TextTexture& line, const SDL_FRect& to, Uint8 alpha);
  // Export's screen, a software renderer on `target`: lines stay the surfaces render_line made
  // and draw() blits them onto `target` after what the renderer has queued, where the renderer
  // would copy them from a texture: a texture is a copy, and a line's surface and its texture
  // were both held at once (0.7 MB each for a 1080p heading). draw() falls back to a texture
  // made for the occasion while a render target is set, at a render scale other than 1 or at
  // another size. get()'s lines then have no texture, so not for ImGui (the operator panel).
  // Drops what is cached; a RenderContext::rebuild makes a cache of textures again.
  void keep_surfaces_for(SDL_Surface* target);
  // Evicts least recently used textures down to the limit. Call between frames only: a texture
  // handed out this frame may still be queued in the draw list.
  void trim() { evict_until(0); }
  // Evicts every texture not handed out since the last call. Export draws a slide band by band,
  // top to bottom, so a line missing from this band is done with: the slide's lines are never
  // all held at once (a line that comes again lower down is rendered again). Between frames.
  void evict_unused();
  void clear();
  size_t bytes() const { return bytes_; }
  size_t entries() const { return entries_.size(); }
  size_t renders() const { return renders_; }  // how many textures were ever made

 private:
  struct Entry {
    TextTexture value;
    std::list<std::string>::iterator age;
    uint64_t last_use = 0;  // uses_ when last handed out
  };
  void evict_until(size_t free_bytes);
  void evict_oldest();

  SDL_Renderer* renderer_;
  SDL_Surface* target_ = nullptr;  // keep_surfaces_for
  FontSet& fonts_;
  size_t byte_limit_;
  size_t bytes_ = 0;
  size_t renders_ = 0;
  uint64_t uses_ = 0;             // get() calls so far
  uint64_t evicted_through_ = 0;  // uses_ at the last evict_unused()
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front = most recently used
};

}  // namespace boothdeck
