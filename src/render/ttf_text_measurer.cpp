// Widths are summed over font runs, so text that falls back to another font measures as drawn.
#include "render/ttf_text_measurer.h"

namespace boothdeck {

namespace {
constexpr size_t kMaxCachedWidths = 200000;

std::string cache_key(std::string_view text, const FontSpec& f) {
  std::string key(text);
  key += '\0';
  key += std::to_string(font_id(f));
  return key;
}
}  // namespace

float TtfTextMeasurer::width(std::string_view text, const FontSpec& font) {
  if (text.empty()) return 0;
  std::string key = cache_key(text, font);
  if (auto it = widths_.find(key); it != widths_.end()) return it->second;
  float total = 0;
  for (const FontRun& run : fonts_.runs(text, font)) {
    std::string piece(text.substr(run.begin, run.end - run.begin));
    int w = 0, h = 0;
    if (run.font && TTF_SizeUTF8(run.font, piece.c_str(), &w, &h) == 0)
      total += static_cast<float>(w);
  }
  if (widths_.size() > kMaxCachedWidths) widths_.clear();
  widths_.emplace(std::move(key), total);
  return total;
}

float TtfTextMeasurer::line_height(const FontSpec& font) {
  TTF_Font* f = fonts_.primary(font);
  return f ? static_cast<float>(TTF_FontHeight(f)) : font.size * 1.2f;
}

}  // namespace boothdeck
