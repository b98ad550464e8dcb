// Slides composed once: the parts of a slide that differ from its background (its ink, see
// SlideRenderer::ink_rects) drawn into textures without alpha, kept for the slides around the
// current one within a byte budget. A frame then copies them (~1 ns a pixel on a software
// screen), and a fade frame blends each with one alpha-modulated copy, which SDL's software
// blitter does for opaque pixels at ~2 ns a pixel; blending every text texture instead goes
// through its generic blitter at ~8-15 ns. Measured in docs/performance.md.
//
//   SlideSnapshots snapshots(renderer, slide_renderer, snapshot_budget(1920, 1080));
//   snapshots.prepare(next_slide, 0, 1920, 1080);       // while the screen is idle
//   if (!snapshots.draw(slide, state, 1920, 1080)) slide_renderer.draw(slide, state, 1920, 1080);
//   snapshots.trim();                                    // between frames
#pragma once

#include <SDL.h>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "render/slide_renderer.h"

namespace boothdeck {

// Bytes of snapshots kept: a screen and a half of 32-bit pixels (11.9 MiB at 1920x1080,
// 47.5 MiB at 3840x2160): the current slide, the next, and the one before, with room to spare
// (a slide's ink is typically a quarter to a half of the screen).
size_t snapshot_budget(int width, int height);

class SlideSnapshots {
 public:
  SlideSnapshots(SDL_Renderer* renderer, SlideRenderer& slides, size_t byte_limit);
  ~SlideSnapshots() { clear(); }
  SlideSnapshots(const SlideSnapshots&) = delete;
  SlideSnapshots& operator=(const SlideSnapshots&) = delete;

  // Draws `slide` at `state` from its snapshot, within the renderer's clip rect: the background,
  // then each piece copied, or blended when the slide is fading. Composes the snapshot first
  // when it is missing. False when the slide cannot come from a snapshot: its bars are moving,
  // or the renderer has no render targets; draw it item by item then.
  bool draw(const SlideDisplay& slide, const DrawState& state, int width, int height);
  // Composes now what draw() will need for `slide` at `seconds_shown` (its bars' phase).
  void prepare(const SlideDisplay& slide, double seconds_shown, int width, int height);
  // The slide's ink rectangles (SlideRenderer::ink_rects), worked out once.
  const std::vector<SDL_Rect>& ink(const SlideDisplay& slide, int width, int height);
  // Drops the least recently used snapshots down to the budget, but never the three most recent
  // (a fade needs two). Call between frames.
  void trim();
  // Everything, e.g. when the slides are laid out again (the keys are the SlideDisplays).
  void clear();

  size_t bytes() const { return bytes_; }
  size_t count() const { return entries_.size(); }
  size_t composed() const { return composed_; }  // snapshots made so far

 private:
  struct Piece {
    SDL_Rect rect;
    SDL_Texture* texture;
  };
  struct Entry {
    std::vector<Piece> pieces;
    size_t bytes = 0;
    uint64_t used = 0;
  };
  using Key = std::pair<const SlideDisplay*, BarsPhase>;
  Entry* get(const SlideDisplay& slide, BarsPhase phase, int width, int height);
  bool compose(const SlideDisplay& slide, BarsPhase phase, int width, int height, Entry* entry);

  SDL_Renderer* renderer_;
  SlideRenderer& slides_;
  size_t byte_limit_;
  bool targets_;
  size_t bytes_ = 0, composed_ = 0;
  uint64_t clock_ = 0;
  std::map<Key, Entry> entries_;
  std::map<const SlideDisplay*, std::vector<SDL_Rect>> ink_;
};

}  // namespace boothdeck
