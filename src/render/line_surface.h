// One line of text as one ARGB surface: each font run rendered by SDL_ttf and put side by side
// on a shared baseline; colour emoji scaled from their bitmap strike; a replacement box for a
// cluster no font has. Needs SDL_ttf and the fonts, no renderer: tests and the fuzzer use it.
#pragma once

#include <SDL.h>

#include <string_view>

#include "core/layout/theme.h"
#include "render/font_set.h"

namespace boothdeck {

struct LineSurface {
  SDL_Surface* surface = nullptr;  // ARGB8888, the caller frees it; nullptr: nothing to draw
  int top = 0;  // rows above the line box (a fallback font taller than the role's own)
};

// As wide as FontSet::advance sums; the line box is the role's primary font's height, with its
// baseline at that font's ascent, and the surface grows above and below it where a fallback
// glyph reaches further. Colour emoji are centred on the line box, as tall as it.
LineSurface render_line(FontSet& fonts, std::string_view utf8, const FontSpec& spec, Color color);

}  // namespace boothdeck
