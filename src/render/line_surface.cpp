// Compositing a line: parts are copied (not blended) side by side onto a transparent surface,
// so anti-aliased edges keep their colour. Colour bitmaps are scaled premultiplied.
#include "render/line_surface.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/layout/bidi.h"

namespace boothdeck {

namespace {

SDL_Surface* new_surface(int w, int h) {
  return SDL_CreateRGBSurfaceWithFormat(0, std::max(1, w), std::max(1, h), 32,
                                        SDL_PIXELFORMAT_ARGB8888);
}

// FreeType hands colour bitmaps premultiplied and SDL_ttf 2.20 passes them on as they are
// (every channel at most alpha); a build that fixed this would not be premultiplied.
bool premultiplied(SDL_Surface* s) {
  for (int y = 0; y < s->h; ++y) {
    const uint32_t* row =
        reinterpret_cast<const uint32_t*>(static_cast<uint8_t*>(s->pixels) + y * s->pitch);
    for (int x = 0; x < s->w; ++x) {
      uint32_t p = row[x], a = p >> 24;
      if (((p >> 16) & 255) > a || ((p >> 8) & 255) > a || (p & 255) > a) return false;
    }
  }
  return true;
}

void unpremultiply(SDL_Surface* s) {
  for (int y = 0; y < s->h; ++y) {
    uint32_t* row = reinterpret_cast<uint32_t*>(static_cast<uint8_t*>(s->pixels) + y * s->pitch);
    for (int x = 0; x < s->w; ++x) {
      uint32_t p = row[x], a = p >> 24;
      if (a == 0 || a == 255) continue;
      auto channel = [&](int shift) {
        return std::min<uint32_t>(255, ((p >> shift) & 255) * 255 / a);
      };
      row[x] = (a << 24) | (channel(16) << 16) | (channel(8) << 8) | channel(0);
    }
  }
}

// A colour bitmap to w x h. Halving first while it is over twice the size: linear filtering at
// exactly 2:1 averages 2x2 pixels, so a 109 px emoji set at 20 px does not alias.
SDL_Surface* scaled(SDL_Surface* source, int w, int h) {
  SDL_Surface* current = SDL_ConvertSurfaceFormat(source, SDL_PIXELFORMAT_ARGB8888, 0);
  if (!current) return nullptr;
  if (!premultiplied(current))
    SDL_PremultiplyAlpha(current->w, current->h, current->format->format, current->pixels,
                         current->pitch, current->format->format, current->pixels, current->pitch);
  while (current->w >= 2 * w && current->h >= 2 * h && current->w > 1 && current->h > 1) {
    SDL_Surface* half = new_surface(current->w / 2, current->h / 2);
    if (half) SDL_SoftStretchLinear(current, nullptr, half, nullptr);
    SDL_FreeSurface(current);
    current = half;
    if (!current) return nullptr;
  }
  SDL_Surface* out = current;
  if (current->w != w || current->h != h) {
    out = new_surface(w, h);
    if (out) SDL_SoftStretchLinear(current, nullptr, out, nullptr);
    SDL_FreeSurface(current);
  }
  if (out) unpremultiply(out);
  return out;
}

struct Part {
  SDL_Surface* surface;  // nullptr: a replacement box
  int x, y;              // y relative to the line box's top
};

}  // namespace

LineSurface render_line(FontSet& fonts, std::string_view text, const FontSpec& spec, Color color) {
  TTF_Font* main = fonts.primary(spec);
  if (!main || text.empty()) return {};
  const SDL_Color ink{color.r, color.g, color.b, 255};
  const int line_h = TTF_FontHeight(main), ascent = TTF_FontAscent(main);
  const ReplacementBox box = replacement_box(spec.size);
  std::vector<Part> parts;
  int x = 0, top = 0, bottom = line_h;
  std::vector<FontRun> runs = fonts.runs(text, spec);
  std::vector<uint8_t> levels;
  for (const FontRun& run : runs) levels.push_back(run.level);
  for (int index : visual_order(levels)) {
    const FontRun& run = runs[index];
    int advance = fonts.advance(run, text, spec);
    SDL_Surface* part = nullptr;
    int y = 0;
    if (run.kind == RunKind::Glyphs) {
      part = fonts.render(run, text, ink);
      y = ascent - fonts.ascent(run);
    } else if (run.kind == RunKind::ColorBitmap) {
      if (SDL_Surface* strike = fonts.render(run, text, ink)) {
        int h = std::max(1, static_cast<int>(std::lround(strike->h * run.scale)));
        part = scaled(strike, std::max(1, advance), h);
        SDL_FreeSurface(strike);
        y = (line_h - h) / 2;
      }
    } else if (run.kind == RunKind::Missing) {
      parts.push_back({nullptr, x, ascent - box.height});
    }
    if (part) {
      parts.push_back({part, x, y});
      top = std::min(top, y);
      bottom = std::max(bottom, y + part->h);
    }
    x += advance;
  }
  if (x <= 0 || parts.empty()) {
    for (Part& part : parts) SDL_FreeSurface(part.surface);
    return {};
  }
  // One part that fills the whole line (one font, no emoji or box) is the line: no second copy
  // of it, which for a heading at 4K is 2.8 MB at the moment its texture is made.
  if (parts.size() == 1 && parts[0].surface && parts[0].x == 0 && parts[0].y == top &&
      parts[0].surface->w == x && parts[0].surface->h == bottom - top &&
      parts[0].surface->format->format == SDL_PIXELFORMAT_ARGB8888) {
    SDL_SetSurfaceBlendMode(parts[0].surface, SDL_BLENDMODE_BLEND);
    return {parts[0].surface, -top};
  }
  SDL_Surface* line = new_surface(x, bottom - top);
  for (Part& part : parts) {
    if (!line) break;
    if (part.surface) {
      SDL_SetSurfaceBlendMode(part.surface, SDL_BLENDMODE_NONE);
      SDL_Rect to{part.x, part.y - top, part.surface->w, part.surface->h};
      SDL_BlitSurface(part.surface, nullptr, line, &to);
    } else {
      // The replacement box: four strokes, the same in every role.
      Uint32 c = SDL_MapRGBA(line->format, ink.r, ink.g, ink.b, 255);
      int l = part.x + box.left, t = part.y - top, s = box.stroke;
      SDL_Rect edges[4] = {{l, t, box.width, s},
                           {l, t + box.height - s, box.width, s},
                           {l, t, s, box.height},
                           {l + box.width - s, t, s, box.height}};
      SDL_FillRects(line, edges, 4, c);
    }
  }
  for (Part& part : parts) SDL_FreeSurface(part.surface);
  return {line, -top};
}

}  // namespace boothdeck
