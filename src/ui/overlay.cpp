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
// Whether a box meets the list's clip rect: a frame that redraws a slide's text near the hint
// leaves out the counter, which the software renderer would rasterise triangle by triangle.
bool visible(ImDrawList* list, ImVec2 min, ImVec2 max) {
  ImVec2 clip_min = list->GetClipRectMin(), clip_max = list->GetClipRectMax();
  return min.x < clip_max.x && max.x > clip_min.x && min.y < clip_max.y && max.y > clip_min.y;
}
}  // namespace

SDL_Rect progress_strip(const OverlayState& state, int width, int height) {
  int h = static_cast<int>(std::ceil(line_height(state)));
  return {0, height - h, width, h};
}

SDL_Rect progress_line_rect(const OverlayState& state, int width, int height) {
  if (!state.show_progress || state.progress <= 0) return {0, height, 0, 0};
  // Whole pixels, as FrameNeeds::progress_px counts them, so each strip drawn is a change.
  SDL_Rect line = progress_strip(state, width, height);
  line.w = std::min(width, static_cast<int>(std::lround(state.progress * width)));
  return line;
}

SDL_Rect overlay_band(const OverlayState& state, int width, int height) {
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  float font_size = fonts->Fonts.empty() ? 26 * state.scale : fonts->Fonts[0]->FontSize;
  float margin = 0.025f * static_cast<float>(std::min(width, height));
  int bottom = progress_strip(state, width, height).y;
  int band = static_cast<int>(std::ceil(margin + 1.75f * font_size)) + 2;
  return {0, bottom - band, width, band};
}

namespace {

// Where draw_overlay puts a text: its box, and for the hint the pill around it.
struct TextPlace {
  ImVec2 at, extent;
};

TextPlace counter_place(const OverlayState& state, ImFont* font, ImVec2 size, char (&text)[32]) {
  std::snprintf(text, sizeof text, "%d / %d", state.slide + 1, state.count);
  ImVec2 extent = font->CalcTextSizeA(font->FontSize, 1e9f, 0, text);
  float margin = 0.025f * std::min(size.x, size.y);
  return {ImVec2(size.x - margin - extent.x, size.y - margin - extent.y - line_height(state)),
          extent};
}

TextPlace hint_place(const OverlayState& state, ImFont* font, ImVec2 size) {
  ImVec2 extent = font->CalcTextSizeA(font->FontSize, 1e9f, 0, kTouchHint);
  float margin = 0.025f * std::min(size.x, size.y);
  return {ImVec2((size.x - extent.x) / 2, size.y - margin - extent.y - line_height(state)), extent};
}

void pill_box(const TextPlace& p, float font_size, ImVec2* min, ImVec2* max) {
  float pad = 0.5f * font_size;
  *min = ImVec2(p.at.x - pad, p.at.y - pad * 0.5f);
  *max = ImVec2(p.at.x + p.extent.x + pad, p.at.y + p.extent.y + pad * 0.5f);
}

ImFont* overlay_font() {
  const ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  return fonts->Fonts.empty() || !fonts->IsBuilt() ? nullptr : fonts->Fonts[0];
}

SDL_Rect covering(ImVec2 min, ImVec2 max) {
  int x0 = static_cast<int>(std::floor(min.x)) - 2, y0 = static_cast<int>(std::floor(min.y)) - 2;
  int x1 = static_cast<int>(std::ceil(max.x)) + 2, y1 = static_cast<int>(std::ceil(max.y)) + 2;
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

SDL_Rect counter_rect(const OverlayState& state, int width, int height) {
  ImFont* font = overlay_font();
  if (!state.show_counter || state.count <= 0) return {0, 0, 0, 0};
  if (!font) return overlay_band(state, width, height);
  char text[32];
  TextPlace p = counter_place(state, font,
                              ImVec2(static_cast<float>(width), static_cast<float>(height)), text);
  return covering(p.at, ImVec2(p.at.x + p.extent.x, p.at.y + p.extent.y));
}

SDL_Rect hint_rect(const OverlayState& state, int width, int height) {
  ImFont* font = overlay_font();
  if (!state.touch_hint) return {0, 0, 0, 0};
  if (!font) return overlay_band(state, width, height);
  ImVec2 min, max;
  pill_box(hint_place(state, font, ImVec2(static_cast<float>(width), static_cast<float>(height))),
           font->FontSize, &min, &max);
  return covering(min, max);
}

void draw_progress_line(SDL_Renderer* renderer, const OverlayState& state, const Theme& theme,
                        int width, int height) {
  SDL_Rect line = progress_line_rect(state, width, height);
  if (line.w <= 0) return;
  SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(renderer, theme.accent.r, theme.accent.g, theme.accent.b, 200);
  SDL_RenderFillRect(renderer, &line);
}

void draw_overlay(const OverlayState& state, const Theme& theme, ImDrawList* list, ImVec2 size) {
  ImFont* font = ImGui::GetFont();
  float font_size = ImGui::GetFontSize();
  if (state.show_counter && state.count > 0) {
    char text[32];
    TextPlace p = counter_place(state, font, size, text);
    if (visible(list, p.at, ImVec2(p.at.x + p.extent.x, p.at.y + p.extent.y)))
      list->AddText(font, font_size, p.at, color(theme.muted, 190), text);
  }
  if (state.touch_hint) {
    TextPlace p = hint_place(state, font, size);
    ImVec2 min, max;
    pill_box(p, font_size, &min, &max);
    if (visible(list, min, max)) {
      list->AddRectFilled(min, max, color(theme.background, 170), p.extent.y);
      list->AddText(font, font_size, p.at, color(theme.text, 210), kTouchHint);
    }
  }
}

}  // namespace boothdeck
