// The fonts of a show: families per role from fonts/families.conf (or the deck), found
// through fontconfig, opened with SDL_ttf at each pixel size on demand, with per-glyph fallback.
//
//   FontSet fonts;
//   if (!fonts.load(config_dir, deck_font, &error)) { puts(error.c_str()); exit(1); }
//   for (auto& run : fonts.runs("한글 text", spec)) TTF_SizeUTF8(run.font, ...);
#pragma once

#include <SDL_ttf.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/layout/text_measurer.h"

namespace boothdeck {

struct FontFile {
  std::string path;
  int index = 0;
  std::string family;
};

// A stretch of text drawn with one font.
struct FontRun {
  TTF_Font* font;
  size_t begin, end;
};

class FontSet {
 public:
  FontSet() = default;
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // `config_dir` holds families.conf and any brand fonts; `deck_font` overrides body and heading.
  bool load(const std::string& config_dir, const std::string& deck_font, std::string* error);

  std::vector<FontRun> runs(std::string_view utf8, const FontSpec& spec);
  TTF_Font* primary(const FontSpec& spec);
  // Code points that no font of the chain has, not even fontconfig's best match.
  bool has_glyph(char32_t cp, const FontSpec& spec);
  const std::vector<std::string>& warnings() const { return warnings_; }
  std::string describe() const;
  // The file of the body family, for ImGui's UI font.
  const FontFile& body_file() const {
    return chains_[Body][0].front();
  }  // "heading: NanumSquare (…/NanumSquareB.ttf), …" for logs

 private:
  enum Role { Heading, Body, Mono, RoleCount };
  static Role role_of(const FontSpec& spec) {
    return spec.mono ? Mono : spec.heading ? Heading : Body;
  }
  std::vector<FontFile>& chain(const FontSpec& spec) {
    return chains_[role_of(spec)][spec.bold ? 1 : 0];
  }
  TTF_Font* open(const FontFile& file, int size);
  TTF_Font* font_for(char32_t cp, const FontSpec& spec);

  std::vector<FontFile> chains_[RoleCount][2];
  std::map<std::pair<std::string, int>, TTF_Font*> open_;  // (path#index, size) → font
  std::unordered_map<char32_t, int> dynamic_fallback_;     // code point → index in chain, or -1
  std::vector<std::string> warnings_;
};

}  // namespace boothdeck
