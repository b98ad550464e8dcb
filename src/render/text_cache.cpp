// Rendering one line: each font run is rendered by SDL_ttf and blitted on one surface, baselines
// aligned, so a line mixing Hangul and fallback glyphs becomes a single texture.
#include "render/text_cache.h"

#include <algorithm>

namespace boothdeck {

namespace {
std::string cache_key(const std::string& text, const FontSpec& f, Color c) {
  return text + '\0' + std::to_string(font_id(f)) + '\0' +
         std::to_string((c.r << 16) | (c.g << 8) | c.b);
}
}  // namespace

SDL_Surface* TextCache::render_runs(const std::string& text, const FontSpec& font, Color color) {
  TTF_Font* main = fonts_.primary(font);
  if (!main) return nullptr;
  const SDL_Color ink{color.r, color.g, color.b, 255};
  std::vector<std::pair<SDL_Surface*, TTF_Font*>> parts;
  int width = 0;
  for (const FontRun& run : fonts_.runs(text, font)) {
    std::string piece = text.substr(run.begin, run.end - run.begin);
    SDL_Surface* part = TTF_RenderUTF8_Blended(run.font ? run.font : main, piece.c_str(), ink);
    if (!part) continue;
    width += part->w;
    parts.emplace_back(part, run.font ? run.font : main);
  }
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return parts.front().first;
  int ascent = TTF_FontAscent(main);
  SDL_Surface* line =
      SDL_CreateRGBSurfaceWithFormat(0, width, TTF_FontHeight(main), 32, SDL_PIXELFORMAT_ARGB8888);
  int x = 0;
  for (auto& [part, part_font] : parts) {
    SDL_SetSurfaceBlendMode(part, SDL_BLENDMODE_NONE);
    SDL_Rect to{x, ascent - TTF_FontAscent(part_font), part->w, part->h};
    if (line) SDL_BlitSurface(part, nullptr, line, &to);
    x += part->w;
    SDL_FreeSurface(part);
  }
  return line;
}

const TextTexture& TextCache::get(const std::string& text, const FontSpec& font, Color color) {
  std::string key = cache_key(text, font, color);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.age);
    return it->second.value;
  }
  TextTexture value;
  if (SDL_Surface* surface = render_runs(text, font, color)) {
    value.texture = SDL_CreateTextureFromSurface(renderer_, surface);
    value.width = surface->w;
    value.height = surface->h;
    SDL_FreeSurface(surface);
    if (value.texture) SDL_SetTextureBlendMode(value.texture, SDL_BLENDMODE_BLEND);
    ++renders_;
  }
  size_t size = static_cast<size_t>(value.width) * value.height * 4;
  bytes_ += size;
  lru_.push_front(key);
  return entries_.emplace(std::move(key), Entry{value, lru_.begin()}).first->second.value;
}

void TextCache::evict_until(size_t free_bytes) {
  while (!lru_.empty() && bytes_ + free_bytes > byte_limit_) {
    auto it = entries_.find(lru_.back());
    bytes_ -= static_cast<size_t>(it->second.value.width) * it->second.value.height * 4;
    if (it->second.value.texture) SDL_DestroyTexture(it->second.value.texture);
    entries_.erase(it);
    lru_.pop_back();
  }
}

void TextCache::clear() {
  for (auto& [key, entry] : entries_)
    if (entry.value.texture) SDL_DestroyTexture(entry.value.texture);
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

}  // namespace boothdeck
