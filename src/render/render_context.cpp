// Building and tearing down in one order each. The ImGui backend keeps a pointer to the
// renderer and owns the font texture, so it is shut down with the other textures.
#include "render/render_context.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>

namespace boothdeck {

namespace {
constexpr size_t kThumbnailCacheLimit = 8u << 20;  // two pages of the panel's grid at 1080p
}

size_t text_cache_limit(int width, int height) {
  size_t screen = static_cast<size_t>(width) * static_cast<size_t>(height) * 4;
  return std::max<size_t>(8u << 20, screen * 4);
}

RenderContext::RenderContext(RendererFactory factory, FontSet& fonts, bool with_ui)
    : factory_(std::move(factory)), fonts_(&fonts), with_ui_(with_ui) {}

RenderContext::~RenderContext() {
  tear_down();
}

void RenderContext::tear_down() {
  if (imgui_backend_) ImGui_ImplSDLRenderer_Shutdown();  // destroys the font texture
  imgui_backend_ = false;
  thumbnails_.reset();
  snapshots_.reset();  // snapshot textures
  slides_.reset();     // image textures
  text_.reset();       // text textures
  if (renderer_) SDL_DestroyRenderer(renderer_);
  renderer_ = nullptr;
}

void RenderContext::make_caches() {
  thumbnails_.reset();
  snapshots_.reset();
  slides_.reset();
  text_ = std::make_unique<TextCache>(renderer_, *fonts_, text_cache_limit(width_, height_));
  slides_ =
      std::make_unique<SlideRenderer>(renderer_, *text_, image_cache_limit({width_, height_}));
  snapshots_ =
      std::make_unique<SlideSnapshots>(renderer_, *slides_, snapshot_budget(width_, height_));
  thumbnails_ = std::make_unique<ThumbnailCache>(renderer_, *slides_, kThumbnailCacheLimit);
}

void RenderContext::forget_slides() {
  if (snapshots_) snapshots_->clear();
}

bool RenderContext::rebuild(std::string* error) {
  tear_down();
  renderer_ = factory_(error);
  if (!renderer_) return false;
  ++builds_;
  if (SDL_GetRendererOutputSize(renderer_, &width_, &height_) != 0) {
    *error = std::string("cannot read the renderer's size: ") + SDL_GetError();
    tear_down();
    return false;
  }
  if (with_ui_) {
    ImGui_ImplSDLRenderer_Init(renderer_);
    imgui_backend_ = true;
  }
  make_caches();
  return true;
}

void RenderContext::use_fonts(FontSet& fonts) {
  fonts_ = &fonts;
  if (renderer_) make_caches();
}

void RenderContext::reload_ui_font_texture() {
  if (!imgui_backend_) return;
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  ImGui_ImplSDLRenderer_CreateFontsTexture();
}

void RenderContext::begin_ui_frame() {
  ImGui_ImplSDLRenderer_NewFrame();
}

void RenderContext::render_ui() {
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace boothdeck
