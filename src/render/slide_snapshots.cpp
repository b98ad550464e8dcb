// Composing into render-target textures (XRGB8888: no alpha, the window surface's own format,
// so a copy is a plain row copy), and drawing them back. Only the render target and clip rect
// of the renderer are touched, and both are restored.
#include "render/slide_snapshots.h"

#include <algorithm>
#include <cmath>

namespace boothdeck {

namespace {
constexpr size_t kAlwaysKept = 3;
constexpr double kAtRest = 1e9;
}  // namespace

size_t snapshot_budget(int width, int height) {
  return static_cast<size_t>(width) * static_cast<size_t>(height) * 4 * 3 / 2;
}

SlideSnapshots::SlideSnapshots(SDL_Renderer* renderer, SlideRenderer& slides, size_t byte_limit)
    : renderer_(renderer),
      slides_(slides),
      byte_limit_(byte_limit),
      targets_(SDL_RenderTargetSupported(renderer) == SDL_TRUE) {}

void SlideSnapshots::clear() {
  for (auto& [key, entry] : entries_)
    for (Piece& piece : entry.pieces) SDL_DestroyTexture(piece.texture);
  entries_.clear();
  ink_.clear();
  bytes_ = 0;
}

const std::vector<SDL_Rect>& SlideSnapshots::ink(const SlideDisplay& slide, int width, int height) {
  auto it = ink_.find(&slide);
  if (it == ink_.end()) it = ink_.emplace(&slide, slides_.ink_rects(slide, width, height)).first;
  return it->second;
}

bool SlideSnapshots::compose(const SlideDisplay& slide, BarsPhase phase, int width, int height,
                             Entry* entry) {
  SDL_Texture* screen = SDL_GetRenderTarget(renderer_);
  SDL_Rect clip;
  SDL_RenderGetClipRect(renderer_, &clip);
  bool clipped = SDL_RenderIsClipEnabled(renderer_);
  bool ok = true;
  for (const SDL_Rect& rect : ink(slide, width, height)) {
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB888,
                                             SDL_TEXTUREACCESS_TARGET, rect.w, rect.h);
    if (!texture || SDL_SetRenderTarget(renderer_, texture) != 0) {
      if (texture) SDL_DestroyTexture(texture);
      ok = false;
      break;
    }
    DrawState state;
    state.seconds_shown = phase == BarsPhase::Start ? 0 : kAtRest;
    state.offset_x = static_cast<float>(-rect.x);
    state.offset_y = static_cast<float>(-rect.y);
    slides_.draw(slide, state, width, height);
    entry->pieces.push_back({rect, texture});
    entry->bytes += static_cast<size_t>(rect.w) * static_cast<size_t>(rect.h) * 4;
  }
  SDL_SetRenderTarget(renderer_, screen);
  SDL_RenderSetClipRect(renderer_, clipped ? &clip : nullptr);
  if (!ok) {
    for (Piece& piece : entry->pieces) SDL_DestroyTexture(piece.texture);
    entry->pieces.clear();
    entry->bytes = 0;
  }
  return ok;
}

SlideSnapshots::Entry* SlideSnapshots::get(const SlideDisplay& slide, BarsPhase phase, int width,
                                           int height) {
  if (!targets_ || phase == BarsPhase::Moving) return nullptr;
  Key key{&slide, phase};
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    Entry entry;
    if (!compose(slide, phase, width, height, &entry)) {
      targets_ = false;  // render targets fail here: draw slides item by item from now on
      return nullptr;
    }
    ++composed_;
    bytes_ += entry.bytes;
    it = entries_.emplace(key, std::move(entry)).first;
  }
  it->second.used = ++clock_;
  return &it->second;
}

void SlideSnapshots::prepare(const SlideDisplay& slide, double seconds_shown, int width,
                             int height) {
  get(slide, SlideRenderer::bars_phase(slide, seconds_shown), width, height);
}

bool SlideSnapshots::draw(const SlideDisplay& slide, const DrawState& state, int width,
                          int height) {
  Entry* entry = get(slide, SlideRenderer::bars_phase(slide, state.seconds_shown), width, height);
  if (!entry) return false;
  int dx = static_cast<int>(std::lround(state.offset_x));
  int dy = static_cast<int>(std::lround(state.offset_y));
  const Color bg = slide.background;
  SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer_, bg.r, bg.g, bg.b, 255);
  SDL_Rect screen{dx, dy, width, height};
  SDL_RenderFillRect(renderer_, &screen);
  Uint8 alpha = static_cast<Uint8>(std::lround(255 * std::clamp(state.alpha, 0.0f, 1.0f)));
  if (alpha == 0) return true;
  SDL_Rect clip{0, 0, width, height};
  if (SDL_RenderIsClipEnabled(renderer_)) SDL_RenderGetClipRect(renderer_, &clip);
  for (const Piece& piece : entry->pieces) {
    SDL_Rect to{piece.rect.x + dx, piece.rect.y + dy, piece.rect.w, piece.rect.h};
    if (!SDL_HasIntersection(&to, &clip)) continue;
    // Blending at full opacity would take SDL's slowest path: copy instead.
    SDL_SetTextureBlendMode(piece.texture, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(piece.texture, alpha);
    SDL_RenderCopy(renderer_, piece.texture, nullptr, &to);
  }
  return true;
}

void SlideSnapshots::trim() {
  while (bytes_ > byte_limit_ && entries_.size() > kAlwaysKept) {
    auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                   [](auto& a, auto& b) { return a.second.used < b.second.used; });
    for (Piece& piece : oldest->second.pieces) SDL_DestroyTexture(piece.texture);
    bytes_ -= oldest->second.bytes;
    entries_.erase(oldest);
  }
}

}  // namespace boothdeck
