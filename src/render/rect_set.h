// A few rectangles that cover a set of pixels: what a frame redraws and presents, and the parts
// of a slide a snapshot keeps. Plain geometry on SDL_Rect; nothing is drawn here.
//
//   std::vector<SDL_Rect> dirty;
//   add_rect(dirty, line_a);   // merged with a rectangle it overlaps or nearly touches
//   add_rect(dirty, line_b);   // when their bounding box wastes little
//   uint64_t pixels = area(dirty);
#pragma once

#include <SDL.h>

#include <cstdint>
#include <vector>

namespace boothdeck {

// Adds `r` (clipped to nothing if empty). Two rectangles become their bounding box when they
// overlap, or when the box is at most a quarter larger than the two together (text lines one
// above the other become one block; a title and a far footnote stay apart). Merging repeats
// until no two can merge, so the set stays small and mostly disjoint.
void add_rect(std::vector<SDL_Rect>& set, SDL_Rect r);
void add_rects(std::vector<SDL_Rect>& set, const std::vector<SDL_Rect>& more);
// Every rectangle clipped to `bounds`; the empty ones dropped.
void clip_rects(std::vector<SDL_Rect>& set, const SDL_Rect& bounds);
// Pixels in the set, counting overlaps twice (what drawing or presenting each costs).
uint64_t area(const std::vector<SDL_Rect>& set);

}  // namespace boothdeck
