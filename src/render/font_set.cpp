// Font lookup. fontconfig always answers with *some* font, so a family counts as found only
// when the match really has that family name; otherwise the next family in the list is tried.
#include "render/font_set.h"

#include <fontconfig/fontconfig.h>
#include <strings.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "core/deck/settings.h"
#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

std::vector<std::string> split_families(std::string_view list) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = trim(list.substr(pos, comma - pos));
    if (!name.empty()) out.emplace_back(name);
    pos = comma + 1;
  }
  return out;
}

bool same_family(const char* a, const std::string& b) {
  return strcasecmp(a, b.c_str()) == 0;
}

// The file of `family` at `weight`, if fontconfig really has that family.
bool find_family(FcConfig* config, const std::string& family, bool bold, FontFile* out) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return false;
  bool found = false;
  FcChar8* name;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i)
    if (same_family(reinterpret_cast<const char*>(name), family)) found = true;
  FcChar8* file;
  int index = 0;
  if (found && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    *out = {reinterpret_cast<const char*>(file), index, family};
  } else {
    found = false;
  }
  FcPatternDestroy(match);
  return found;
}

// Any installed font that has `cp`, for glyphs none of the configured families cover.
bool find_font_with(FcConfig* config, char32_t cp, FontFile* out) {
  FcPattern* pattern = FcPatternCreate();
  FcCharSet* charset = FcCharSetCreate();
  FcCharSetAddChar(charset, cp);
  FcPatternAddCharSet(pattern, FC_CHARSET, charset);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  FcPatternDestroy(pattern);
  FcCharSetDestroy(charset);
  if (!match) return false;
  FcCharSet* has = nullptr;
  FcChar8* file;
  bool ok = FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch &&
            FcCharSetHasChar(has, cp) &&
            FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch;
  if (ok) {
    int index = 0;
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    *out = {reinterpret_cast<const char*>(file), index, "fallback"};
  }
  FcPatternDestroy(match);
  return ok;
}

// Some fonts map a code point to an empty glyph (NanumSquare's U+2022 bullet): a visible
// character without ink counts as missing, so the fallback chain draws it instead.
bool has_ink(TTF_Font* font, char32_t cp) {
  if (!TTF_GlyphIsProvided32(font, cp)) return false;
  if (cp <= 0x20 || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200F)) return true;
  int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
  if (TTF_GlyphMetrics32(font, cp, &minx, &maxx, &miny, &maxy, &advance) != 0) return false;
  return maxx > minx && maxy > miny;
}

}  // namespace

FontSet::~FontSet() {
  for (auto& [key, font] : open_) TTF_CloseFont(font);
}

bool FontSet::load(const std::string& config_dir, const std::string& deck_font,
                   std::string* error) {
  FcConfig* config = FcConfigGetCurrent();
  // Brand fonts dropped into the configuration folder are found like installed ones. Once per
  // folder: fontconfig would add the same fonts again for every deck generation.
  static std::set<std::string> added_dirs;
  if (added_dirs.insert(config_dir).second)
    FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(config_dir.c_str()));

  std::map<std::string, std::vector<std::string>> families = {
      {"heading", {"NanumSquare", "NanumBarunGothic", "NanumGothic"}},
      {"body", {"NanumBarunGothic", "NanumGothic"}},
      {"mono", {"NanumGothicCoding", "DejaVu Sans Mono"}},
      {"fallback", {"DejaVu Sans"}}};
  std::ifstream in(config_dir + "/families.conf");
  std::string line;
  while (std::getline(in, line)) {
    std::string_view text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    size_t colon = text.find(':');
    if (colon == std::string_view::npos) continue;
    families[std::string(trim(text.substr(0, colon)))] = split_families(text.substr(colon + 1));
  }
  if (!deck_font.empty()) {
    families["heading"].insert(families["heading"].begin(), deck_font);
    families["body"].insert(families["body"].begin(), deck_font);
  }

  // The roles share families (the fallbacks are in every chain): each family and weight is
  // matched once. A match costs fontconfig ~2 M instructions, a tenth of a cold start's fonts.
  std::map<std::pair<std::string, int>, std::optional<FontFile>> matched;
  auto find = [&](const std::string& family, int bold, FontFile* out) {
    auto [it, added] = matched.try_emplace({family, bold});
    if (added) {
      FontFile file;
      if (find_family(config, family, bold, &file)) it->second = file;
    }
    if (it->second) *out = *it->second;
    return it->second.has_value();
  };
  const char* role_names[RoleCount] = {"heading", "body", "mono"};
  for (int role = 0; role < RoleCount; ++role) {
    for (int bold = 0; bold < 2; ++bold) {
      auto& chain = chains_[role][bold];
      std::vector<std::string> wanted = families[role_names[role]];
      for (const std::string& family : families["fallback"]) wanted.push_back(family);
      for (const std::string& family : wanted) {
        FontFile file;
        if (find(family, bold, &file))
          chain.push_back(file);
        else if (bold == 0 && family == deck_font)
          warnings_.push_back("font '" + family + "' from the deck is not installed; using " +
                              families[role_names[role]].back());
      }
      if (chain.empty()) {
        *error = "no usable font for " + std::string(role_names[role]) +
                 " text; install fonts-nanum (apt-get install fonts-nanum) or edit " + config_dir +
                 "/families.conf";
        return false;
      }
    }
  }
  return true;
}

std::string FontSet::describe() const {
  std::ostringstream out;
  const char* names[RoleCount] = {"heading", "body", "mono"};
  for (int role = 0; role < RoleCount; ++role)
    out << (role ? ", " : "") << names[role] << ": " << chains_[role][0].front().family;
  return out.str();
}

TTF_Font* FontSet::open(const FontFile& file, int size) {
  auto key = std::make_pair(file.path + "#" + std::to_string(file.index), size);
  auto it = open_.find(key);
  if (it != open_.end()) return it->second;
  TTF_Font* font = TTF_OpenFontIndex(file.path.c_str(), size, file.index);
  if (font) {
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontKerning(font, 1);
  }
  open_[key] = font;
  return font;
}

TTF_Font* FontSet::primary(const FontSpec& spec) {
  for (const FontFile& file : chain(spec))
    if (TTF_Font* font = open(file, spec.size)) return font;
  return nullptr;
}

TTF_Font* FontSet::font_for(char32_t cp, const FontSpec& spec) {
  auto& files = chain(spec);
  for (const FontFile& file : files) {
    TTF_Font* font = open(file, spec.size);
    if (font && has_ink(font, cp)) return font;
  }
  // Ask fontconfig once per code point for any font that has it, and remember the answer.
  auto known = dynamic_fallback_.find(cp);
  if (known == dynamic_fallback_.end()) {
    FontFile file;
    int index = -1;
    if (find_font_with(FcConfigGetCurrent(), cp, &file)) {
      auto same = std::find_if(files.begin(), files.end(),
                               [&](const FontFile& f) { return f.path == file.path; });
      index = static_cast<int>(same - files.begin());
      if (same == files.end()) files.push_back(file);
    }
    known = dynamic_fallback_.emplace(cp, index).first;
  }
  if (known->second >= 0 && known->second < static_cast<int>(files.size()))
    return open(files[known->second], spec.size);
  return nullptr;
}

bool FontSet::has_glyph(char32_t cp, const FontSpec& spec) {
  if (cp < 0x20 || cp == 0xFFFD) return true;
  return font_for(cp, spec) != nullptr;
}

std::vector<FontRun> FontSet::runs(std::string_view text, const FontSpec& spec) {
  std::vector<FontRun> out;
  TTF_Font* main = primary(spec);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t cp = next_code_point(text, pos);
    // Spaces and the like stay with the run they are in, so runs split only where glyphs do.
    bool neutral = cp == ' ' || cp == 0xA0;
    TTF_Font* font = neutral && !out.empty() ? out.back().font : font_for(cp, spec);
    if (!font) font = main;
    if (!out.empty() && out.back().font == font)
      out.back().end = pos;
    else
      out.push_back({font, begin, pos});
  }
  return out;
}

}  // namespace boothdeck
