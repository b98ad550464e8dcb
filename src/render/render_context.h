// Everything made from one SDL_Renderer has one owner: this. It makes the renderer through a
// factory (a window's, an offscreen surface's), then on it the ImGui renderer backend and its
// font texture, the text texture cache, the slide renderer with its images, the slide snapshots
// and the operator panel's thumbnails. It tears them down textures first and the renderer last,
// in rebuild() and in its destructor: SDL_DestroyRenderer frees every texture, so any other
// order reads freed memory.
//
//   UiContext ui;                                   // the ImGui context outlives this
//   RenderContext render([&](std::string* e) { return platform.create_renderer(e); }, fonts);
//   if (!render.rebuild(&error)) ...;               // the first build, and after a reset
//   render.slides().draw(display, state, w, h);
#pragma once

#include <SDL.h>

#include <functional>
#include <memory>
#include <string>

#include "render/font_set.h"
#include "render/slide_renderer.h"
#include "render/slide_snapshots.h"
#include "render/text_cache.h"
#include "render/thumbnail_cache.h"

namespace boothdeck {

// Text textures for a whole deck, so a deck shown in a loop renders its text once: 4 screens of
// 32-bit pixels (31.6 MiB at 1920x1080, 126.6 MiB at 3840x2160), at least 8 MiB. The built-in
// deck needs 30.5 MiB at 1920x1080 since slides grow to fill the screen (it was 3 screens and
// 21.9 MiB before); a longer deck evicts its least recently used lines when it reaches the
// budget, and renders them again when they come back.
size_t text_cache_limit(int width, int height);

class RenderContext {
 public:
  using RendererFactory = std::function<SDL_Renderer*(std::string* error)>;

  // Needs a current ImGui context (UiContext) for as long as it lives, unless `with_ui` is
  // false (a second window, the presenter's: ImGui's renderer backend serves one renderer).
  // Makes nothing yet.
  RenderContext(RendererFactory factory, FontSet& fonts, bool with_ui = true);
  ~RenderContext();
  RenderContext(const RenderContext&) = delete;
  RenderContext& operator=(const RenderContext&) = delete;

  // Tears everything down and makes it again on a new renderer: the first build, a resize of
  // a software screen, SDL_RENDER_TARGETS_RESET and SDL_RENDER_DEVICE_RESET all come here.
  // False with `error` when no renderer could be made; nothing can be drawn until a later
  // rebuild succeeds.
  bool rebuild(std::string* error);
  // Fonts of a new deck generation: text textures made with the old ones are dropped, and so
  // are images (the new deck may have changed them on disk) and slide snapshots.
  void use_fonts(FontSet& fonts);
  // The slides were laid out again (a new size): their snapshots go.
  void forget_slides();
  // After ImGui's font atlas changed (new glyphs for the operator panel).
  void reload_ui_font_texture();

  bool ok() const { return renderer_ != nullptr; }
  SDL_Renderer* renderer() const { return renderer_; }
  TextCache& text() { return *text_; }
  SlideRenderer& slides() { return *slides_; }
  ThumbnailCache& thumbnails() { return *thumbnails_; }
  SlideSnapshots& snapshots() { return *snapshots_; }
  int width() const { return width_; }
  int height() const { return height_; }
  int builds() const { return builds_; }  // renderers made so far

  // The ImGui renderer backend's part of a frame (see ui/frame.h).
  void begin_ui_frame();
  void render_ui();

 private:
  void tear_down();
  void make_caches();

  RendererFactory factory_;
  FontSet* fonts_;
  bool with_ui_;
  SDL_Renderer* renderer_ = nullptr;
  bool imgui_backend_ = false;
  std::unique_ptr<TextCache> text_;
  std::unique_ptr<SlideRenderer> slides_;
  std::unique_ptr<ThumbnailCache> thumbnails_;  // the operator panel's slide grid
  std::unique_ptr<SlideSnapshots> snapshots_;
  int width_ = 0, height_ = 0;
  int builds_ = 0;
};

}  // namespace boothdeck
