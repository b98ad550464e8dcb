// Overlays in ImGui's foreground: small, low-contrast, out of the content's safe area.
#include "ui/overlay.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace boothdeck {

const char* const kTouchHint = "화면을 눌러 넘겨 보세요  ·  Tap to explore";

namespace {
ImU32 color(Color c, int alpha) {
  return IM_COL32(c.r, c.g, c.b, alpha);
}
float line_height(const OverlayState& state) {
  return std::max(3.0f, 5 * state.scale);
}
}  // namespace

SDL_Rect progress_line_rect(const OverlayState& state, int width, int height) {
  if (!state.show_progress || state.progress <= 0) return {0, height, 0, 0};
  // Whole pixels, as FrameNeeds::progress_px counts them, so each strip drawn is a change.
  int w = static_cast<int>(std::lround(state.progress * width));
  int h = static_cast<int>(std::ceil(line_height(state)));
  return {0, height - h, std::min(w, width), h};
}

SDL_Rect overlay_band(const OverlayState& state, int width, int height) {
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  float font_size = fonts->Fonts.empty() ? 26 * state.scale : fonts->Fonts[0]->FontSize;
  float margin = 0.025f * static_cast<float>(std::min(width, height));
  int band = static_cast<int>(std::ceil(margin + line_height(state) + 1.75f * font_size)) + 2;
  return {0, height - band, width, band};
}

void draw_overlay(const OverlayState& state, const Theme& theme, ImDrawList* list, ImVec2 size) {
  float line_h = line_height(state);
  SDL_Rect line = progress_line_rect(state, static_cast<int>(size.x), static_cast<int>(size.y));
  if (line.w > 0)
    list->AddRectFilled(ImVec2(0, size.y - line_h), ImVec2(static_cast<float>(line.w), size.y),
                        color(theme.accent, 200));
  ImFont* font = ImGui::GetFont();
  float font_size = ImGui::GetFontSize();
  float margin = 0.025f * std::min(size.x, size.y);
  if (state.show_counter && state.count > 0) {
    char text[32];
    std::snprintf(text, sizeof text, "%d / %d", state.slide + 1, state.count);
    ImVec2 extent = font->CalcTextSizeA(font_size, 1e9f, 0, text);
    list->AddText(font, font_size,
                  ImVec2(size.x - margin - extent.x, size.y - margin - extent.y - line_h),
                  color(theme.muted, 190), text);
  }
  if (state.touch_hint) {
    ImVec2 extent = font->CalcTextSizeA(font_size, 1e9f, 0, kTouchHint);
    ImVec2 at((size.x - extent.x) / 2, size.y - margin - extent.y - line_h);
    float pad = 0.5f * font_size;
    list->AddRectFilled(ImVec2(at.x - pad, at.y - pad * 0.5f),
                        ImVec2(at.x + extent.x + pad, at.y + extent.y + pad * 0.5f),
                        color(theme.background, 170), extent.y);
    list->AddText(font, font_size, at, color(theme.text, 210), kTouchHint);
  }
}

}  // namespace boothdeck
