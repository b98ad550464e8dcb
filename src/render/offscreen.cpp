// Offscreen target and the ImGui context wrapper shared by kiosk, export and bench.
#include "render/offscreen.h"

#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "render/png_writer.h"

namespace boothdeck {

OffscreenTarget::OffscreenTarget(int width, int height) {
  surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
  if (surface_) renderer_ = SDL_CreateSoftwareRenderer(surface_);
}

OffscreenTarget::~OffscreenTarget() {
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (surface_) SDL_FreeSurface(surface_);
}

bool OffscreenTarget::save_png(const std::string& path) const {
  std::string error;
  return write_png(surface_, path, &error);
}

ImGuiRenderContext::ImGuiRenderContext(SDL_Renderer* renderer, SDL_Window* window)
    : renderer_(renderer), window_(window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no state between runs
  io.LogFilename = nullptr;
  if (window_) ImGui_ImplSDL2_InitForSDLRenderer(window_);
  ImGui_ImplSDLRenderer_Init(renderer_);
}

ImGuiRenderContext::~ImGuiRenderContext() {
  ImGui_ImplSDLRenderer_Shutdown();
  if (window_) ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiRenderContext::begin_frame(int width, int height, double delta_seconds) {
  ImGui_ImplSDLRenderer_NewFrame();
  if (window_) ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DeltaTime = static_cast<float>(delta_seconds > 0 ? delta_seconds : 1.0 / 60);
  ImGui::NewFrame();
}

void ImGuiRenderContext::end_frame() {
  ImGui::Render();
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

void ImGuiRenderContext::reload_fonts() {
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  ImGui_ImplSDLRenderer_CreateFontsTexture();
}

}  // namespace boothdeck
