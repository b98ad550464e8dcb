// Named colours: the CSS Color Module Level 4 names most used on slides; the rest are reported
// as bad values by the caller, so nothing is guessed silently.
#include "core/deck/css_color.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

struct NamedColor {
  std::string_view name;
  Rgb rgb;
};

constexpr NamedColor kNamed[] = {
    {"black", {0, 0, 0}},
    {"white", {255, 255, 255}},
    {"red", {255, 0, 0}},
    {"green", {0, 128, 0}},
    {"blue", {0, 0, 255}},
    {"yellow", {255, 255, 0}},
    {"orange", {255, 165, 0}},
    {"purple", {128, 0, 128}},
    {"gray", {128, 128, 128}},
    {"grey", {128, 128, 128}},
    {"silver", {192, 192, 192}},
    {"navy", {0, 0, 128}},
    {"teal", {0, 128, 128}},
    {"maroon", {128, 0, 0}},
    {"olive", {128, 128, 0}},
    {"lime", {0, 255, 0}},
    {"aqua", {0, 255, 255}},
    {"cyan", {0, 255, 255}},
    {"fuchsia", {255, 0, 255}},
    {"magenta", {255, 0, 255}},
    {"pink", {255, 192, 203}},
    {"brown", {165, 42, 42}},
    {"gold", {255, 215, 0}},
    {"indigo", {75, 0, 130}},
    {"violet", {238, 130, 238}},
    {"beige", {245, 245, 220}},
    {"ivory", {255, 255, 240}},
    {"coral", {255, 127, 80}},
    {"crimson", {220, 20, 60}},
    {"salmon", {250, 128, 114}},
    {"tomato", {255, 99, 71}},
    {"khaki", {240, 230, 140}},
    {"tan", {210, 180, 140}},
    {"skyblue", {135, 206, 235}},
    {"steelblue", {70, 130, 180}},
    {"royalblue", {65, 105, 225}},
    {"darkblue", {0, 0, 139}},
    {"darkgreen", {0, 100, 0}},
    {"darkred", {139, 0, 0}},
    {"darkgray", {169, 169, 169}},
    {"darkgrey", {169, 169, 169}},
    {"lightgray", {211, 211, 211}},
    {"lightgrey", {211, 211, 211}},
    {"whitesmoke", {245, 245, 245}},
    {"gainsboro", {220, 220, 220}},
    {"dimgray", {105, 105, 105}},
    {"slategray", {112, 128, 144}},
    {"midnightblue", {25, 25, 112}},
    {"darkslategray", {47, 79, 79}},
    {"lightblue", {173, 216, 230}},
    {"lightgreen", {144, 238, 144}},
    {"orangered", {255, 69, 0}},
    {"dodgerblue", {30, 144, 255}},
    {"seagreen", {46, 139, 87}},
    {"forestgreen", {34, 139, 34}},
    {"chocolate", {210, 105, 30}},
    {"firebrick", {178, 34, 34}},
    {"linen", {250, 240, 230}},
    {"snow", {255, 250, 250}},
    {"honeydew", {240, 255, 240}},
    {"aliceblue", {240, 248, 255}},
    {"lavender", {230, 230, 250}},
    {"transparent", {0, 0, 0}},
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<Rgb> parse_hex(std::string_view h) {
  for (char c : h)
    if (hex_value(c) < 0) return std::nullopt;
  auto pair = [&](size_t i) {
    return static_cast<uint8_t>(hex_value(h[i]) * 16 + hex_value(h[i + 1]));
  };
  auto twice = [&](size_t i) { return static_cast<uint8_t>(hex_value(h[i]) * 17); };
  if (h.size() == 3 || h.size() == 4) return Rgb{twice(0), twice(1), twice(2)};
  if (h.size() == 6 || h.size() == 8) return Rgb{pair(0), pair(2), pair(4)};
  return std::nullopt;
}

// "rgb(12, 34, 56)" or "rgba(12 34 56 / 50%)": three numbers 0..255 (or percentages).
std::optional<Rgb> parse_rgb_function(std::string_view t) {
  size_t open = t.find('(');
  if (open == std::string_view::npos || t.back() != ')') return std::nullopt;
  std::string_view args = t.substr(open + 1, t.size() - open - 2);
  int values[3];
  size_t pos = 0;
  for (int& v : values) {
    while (pos < args.size() && (args[pos] == ' ' || args[pos] == ',')) ++pos;
    double number = 0;
    auto [end, ec] = std::from_chars(args.data() + pos, args.data() + args.size(), number);
    if (ec != std::errc()) return std::nullopt;
    pos = static_cast<size_t>(end - args.data());
    if (pos < args.size() && args[pos] == '%') {
      number = number * 2.55;
      ++pos;
    }
    v = std::clamp(static_cast<int>(number + 0.5), 0, 255);
  }
  return Rgb{static_cast<uint8_t>(values[0]), static_cast<uint8_t>(values[1]),
             static_cast<uint8_t>(values[2])};
}

}  // namespace

std::optional<Rgb> parse_css_color(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"' || text.front() == '\''))
    text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '"' || text.back() == '\'' || text.back() == ';'))
    text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (text.front() == '#') return parse_hex(text.substr(1));
  std::string lower = ascii_lower(text);
  if (lower.rfind("rgb", 0) == 0) return parse_rgb_function(lower);
  for (const NamedColor& named : kNamed)
    if (named.name == lower) return named.rgb;
  return std::nullopt;
}

}  // namespace boothdeck
