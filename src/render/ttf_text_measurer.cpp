// Widths are summed over font runs (FontSet::advance), so text that falls back to another font,
// an emoji or a replacement box measures exactly as render_line draws it.
#include "render/ttf_text_measurer.h"

namespace boothdeck {

namespace {
constexpr size_t kMaxCachedWidths = 200000;
constexpr size_t kMaxCachedBytes = 32u << 20;  // keys are up to 16 KB of text each

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
  for (const FontRun& run : fonts_.runs(text, font))
    total += static_cast<float>(fonts_.advance(run, text, font));
  if (widths_.size() > kMaxCachedWidths || key_bytes_ > kMaxCachedBytes) {
    widths_.clear();
    key_bytes_ = 0;
  }
  key_bytes_ += key.size();
  widths_.emplace(std::move(key), total);
  return total;
}

float TtfTextMeasurer::line_height(const FontSpec& font) {
  TTF_Font* f = fonts_.primary(font);
  return f ? static_cast<float>(TTF_FontHeight(f)) : font.size * 1.2f;
}

}  // namespace boothdeck
