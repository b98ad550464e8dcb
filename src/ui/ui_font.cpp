// Glyph ranges from text: ImFontGlyphRangesBuilder collects exactly the code points used.
#include "ui/ui_font.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace boothdeck {

float ui_font_pixels(int width, int height) {
  return std::max(14.0f, std::round(26 * std::min(width, height) / 1080.0f));
}

bool build_ui_font(const std::string& font_path, float pixel_size,
                   const std::vector<std::string>& texts) {
  // ImGui reads the ranges when the atlas is built, so they must outlive this call.
  static ImVector<ImWchar> ranges;
  ImFontGlyphRangesBuilder builder;
  ImGuiIO& io = ImGui::GetIO();
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  for (const std::string& text : texts) builder.AddText(text.c_str(), text.c_str() + text.size());
  ranges.clear();
  builder.BuildRanges(&ranges);
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  ImFont* font = io.Fonts->AddFontFromFileTTF(font_path.c_str(), pixel_size, &config, ranges.Data);
  if (!font) {
    io.Fonts->AddFontDefault();
    return false;
  }
  return io.Fonts->Build();
}

}  // namespace boothdeck
