// Keywords are Marpit's image syntax (bg, left/right[:N%], contain/cover/fit/auto, N%, w:/h:/
// width:/height:, CSS filters) and Deckset's (inline, left, right, fit, fill, original, filtered,
// N%, autoplay/loop/mute/hide for videos). Side and fit words count only with `bg` or in
// Deckset, so `![left arrow](a.png)` stays an image with the alt text "left arrow".
#include "core/deck/image_ref.h"

#include <cctype>
#include <charconv>

#include "core/deck/settings.h"
#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

constexpr std::string_view kFilters[] = {"blur",      "brightness", "contrast", "drop-shadow",
                                         "grayscale", "hue-rotate", "invert",   "opacity",
                                         "saturate",  "sepia"};

bool parse_size(std::string_view text, float* out) {
  text = trim(text);
  if (text.size() > 2 && text.substr(text.size() - 2) == "px") text.remove_suffix(2);
  double value;
  if (!parse_number(text, &value) || value <= 0 || value > 20000) return false;
  *out = static_cast<float>(value);
  return true;
}

bool parse_percent(std::string_view text, float* out) {
  if (text.size() < 2 || text.back() != '%') return false;
  double value;
  if (!parse_number(text.substr(0, text.size() - 1), &value) || value <= 0 || value > 100)
    return false;
  *out = static_cast<float>(value / 100);
  return true;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

}  // namespace

float dialect_pixel_scale(Dialect dialect) {
  switch (dialect) {
    case Dialect::Marp:
      return 1080.0f / 720;
    case Dialect::Reveal:
      return 1080.0f / 700;
    case Dialect::Slidev:
      return 1080.0f / 551.25f;
    default:
      return 1;
  }
}

ImageSpec parse_image_alt(std::string_view alt, Dialect dialect) {
  ImageSpec spec;
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < alt.size();) {
    size_t end = alt.find(' ', pos);
    if (end == std::string_view::npos) end = alt.size();
    if (end > pos) words.push_back(alt.substr(pos, end - pos));
    pos = end + 1;
  }
  bool bg = false;
  for (std::string_view w : words) bg = bg || w == "bg";
  bool deckset = dialect == Dialect::Deckset;
  bool deckset_inline = false;
  for (std::string_view w : words) deckset_inline = deckset_inline || w == "inline";
  spec.background = bg || (deckset && !deckset_inline);
  bool placement = bg || deckset;
  for (std::string_view w : words) {
    size_t colon = w.find(':');
    std::string_view key = w.substr(0, colon),
                     value = colon == std::string_view::npos ? "" : w.substr(colon + 1);
    float number;
    if (w == "bg" || (deckset && w == "inline")) continue;
    if ((key == "w" || key == "width") && parse_size(value, &number)) {
      spec.width = number;
    } else if ((key == "h" || key == "height") && parse_size(value, &number)) {
      spec.height = number;
    } else if (placement && (key == "left" || key == "right")) {
      spec.side = key == "left" ? BackgroundSide::Left : BackgroundSide::Right;
      spec.background = true;
      if (!value.empty() && !parse_percent(value, &spec.fraction))
        spec.ignored.push_back(std::string(w));
    } else if (placement && (w == "contain" || w == "fit")) {
      spec.fit = ImageFit::Contain;
    } else if (placement && (w == "cover" || w == "fill" || w == "auto")) {
      spec.fit = ImageFit::Cover;
    } else if (placement && parse_percent(w, &number)) {
      if (deckset && deckset_inline)
        spec.width_fraction = number;
      else
        spec.fit = ImageFit::Contain;
    } else if (deckset && (w == "original" || w == "filtered" || w == "autoplay" || w == "loop" ||
                           w == "mute" || w == "hide")) {
      if (w != "original" && w != "filtered") spec.ignored.push_back(std::string(w));
    } else if (placement && w == "vertical") {
      spec.ignored.push_back(std::string(w));
    } else {
      bool filter = false;
      for (std::string_view f : kFilters) filter = filter || key == f;
      if (filter && (placement || dialect == Dialect::Marp)) {
        spec.ignored.push_back(std::string(w));
      } else {
        if (!spec.alt.empty()) spec.alt += ' ';
        spec.alt += w;
      }
    }
  }
  return spec;
}

ImageSource parse_image_source(std::string_view src) {
  ImageSource out;
  size_t hash = src.find('#');
  if (hash != std::string_view::npos) {
    std::string_view fragment = src.substr(hash + 1);
    if (fragment.substr(0, 5) == "page=") fragment.remove_prefix(5);
    int page = 0;
    auto [end, ec] = std::from_chars(fragment.data(), fragment.data() + fragment.size(), page);
    if (ec == std::errc() && end == fragment.data() + fragment.size() && page > 0) out.page = page;
    src = src.substr(0, hash);
  }
  size_t query = src.find('?');
  if (query != std::string_view::npos && src.find("://") == std::string_view::npos) {
    out.had_query = true;
    src = src.substr(0, query);
  }
  for (size_t i = 0; i < src.size(); ++i) {
    if (src[i] == '%' && i + 2 < src.size() && hex(src[i + 1]) >= 0 && hex(src[i + 2]) >= 0) {
      out.path += static_cast<char>(hex(src[i + 1]) * 16 + hex(src[i + 2]));
      i += 2;
    } else {
      out.path += src[i];
    }
  }
  return out;
}

bool is_pdf_path(std::string_view path) {
  if (path.size() < 4) return false;
  return ascii_lower(path.substr(path.size() - 4)) == ".pdf";
}

}  // namespace boothdeck
