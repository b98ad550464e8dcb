// Greedy merging: few rectangles (tens a slide), so pairwise checks are cheap and simple.
#include "render/rect_set.h"

namespace boothdeck {

namespace {

uint64_t area_of(const SDL_Rect& r) {
  return static_cast<uint64_t>(r.w) * static_cast<uint64_t>(r.h);
}

bool worth_merging(const SDL_Rect& a, const SDL_Rect& b) {
  if (SDL_HasIntersection(&a, &b)) return true;
  SDL_Rect box;
  SDL_UnionRect(&a, &b, &box);
  return area_of(box) * 4 <= (area_of(a) + area_of(b)) * 5;
}

}  // namespace

void add_rect(std::vector<SDL_Rect>& set, SDL_Rect r) {
  if (r.w <= 0 || r.h <= 0) return;
  // Each merge makes `r` bigger, which may let it swallow a rectangle it passed before.
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < set.size(); ++i) {
      if (!worth_merging(set[i], r)) continue;
      SDL_UnionRect(&set[i], &r, &r);
      set.erase(set.begin() + static_cast<long>(i));
      merged = true;
      break;
    }
  }
  set.push_back(r);
}

void add_rects(std::vector<SDL_Rect>& set, const std::vector<SDL_Rect>& more) {
  for (const SDL_Rect& r : more) add_rect(set, r);
}

void clip_rects(std::vector<SDL_Rect>& set, const SDL_Rect& bounds) {
  std::vector<SDL_Rect> out;
  for (const SDL_Rect& r : set) {
    SDL_Rect clipped;
    if (SDL_IntersectRect(&r, &bounds, &clipped)) out.push_back(clipped);
  }
  set = std::move(out);
}

uint64_t area(const std::vector<SDL_Rect>& set) {
  uint64_t sum = 0;
  for (const SDL_Rect& r : set) sum += area_of(r);
  return sum;
}

}  // namespace boothdeck
