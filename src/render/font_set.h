// The fonts of a show: families per role from fonts/families.conf (or the deck), found
// through fontconfig, opened with SDL_ttf once per file and set to each pixel size on use, and the
// choice of font for each grapheme cluster, per role (heading, body, mono; regular or bold).
//
//   FontSet fonts;
//   if (!fonts.load(config_dir, deck_font, &error)) { puts(error.c_str()); exit(1); }
//   for (const FontRun& run : fonts.runs("한글 text 😀", spec)) x += fonts.advance(run, text, spec);
#pragma once

#include <SDL_ttf.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/layout/text_measurer.h"
#include "render/font_file_pages.h"

struct _FcFontSet;

namespace boothdeck {

struct FontFile {
  std::string path;
  int index = 0;       // face in a collection (.ttc)
  std::string family;  // as fontconfig names it
};

enum class RunKind : char {
  Glyphs,       // SDL_ttf shapes and draws text[begin, end) with `font`
  ColorBitmap,  // the same from a colour bitmap font (Noto Color Emoji), scaled by `scale`
  Missing,      // one grapheme cluster that no installed font has: the replacement box
  Blank,        // tabs, spaces no font draws blank, default-ignorable characters: no ink
};

// A stretch of text drawn one way.
struct FontRun {
  RunKind kind = RunKind::Glyphs;
  TTF_Font* font = nullptr;  // Glyphs and ColorBitmap: the file's face; FontSet::ready sizes it
  int file = -1;             // FontSet::file(); -1 for Missing and Blank
  size_t begin = 0, end = 0;
  float scale = 1;          // ColorBitmap: the font's one strike to the spec's line height
  uint8_t level = 0;        // UAX #9 embedding level: odd is right to left
  const char* script = "";  // ISO 15924 tag for HarfBuzz when the script needs shaping
  int size = 0;             // pixels: the spec's size
};

// What a cluster no installed font has looks like: an outlined box on the baseline, in the
// text's colour, proportional to the font size and the same in every role. Pixels.
struct ReplacementBox {
  int advance, left, width, height, stroke;
};
ReplacementBox replacement_box(int font_size);

class FontSet {
 public:
  FontSet() = default;
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // `config_dir` holds families.conf and any brand fonts; `deck_font` overrides body and heading.
  bool load(const std::string& config_dir, const std::string& deck_font, std::string* error);

  // Splits text into runs by the font that draws each grapheme cluster for `spec`'s role:
  //  - a cluster that asks for emoji presentation (UTS #51) from the colour emoji font first;
  //  - a run of Han and kana (and its CJK punctuation) from the first font of `cjk:`, then of
  //    the role, that has all of it: one design per run, not Nanum's kana beside Noto's Han;
  //  - otherwise the first font of the role's chain, then of `fallback:`, then whatever font
  //    fontconfig finds, that has every character of the cluster with ink (a space: blank);
  //  - a backslash only from a font that draws a backslash (Nanum draws ₩), except a price in
  //    prose (\10,000), which keeps the role's own font: the theme's choice;
  //  - Missing when none has it, Blank for tabs and default-ignorable characters.
  // Runs also split where the direction (UAX #9) or a complex script changes; they come in
  // logical order (visual_order() gives the drawing order).
  std::vector<FontRun> runs(std::string_view utf8, const FontSpec& spec);
  // Width of one run in pixels, as it is drawn.
  int advance(const FontRun& run, std::string_view utf8, const FontSpec& spec);
  // A Glyphs or ColorBitmap run shaped in its direction and script (at the font's strike for
  // a colour bitmap font), or nullptr. The caller frees it.
  SDL_Surface* render(const FontRun& run, std::string_view utf8, SDL_Color ink);

  // The first face of the spec's chain, set to its size: valid at that size until the next
  // call into this FontSet (one face per file serves every size).
  TTF_Font* primary(const FontSpec& spec);
  // The ascent of a run's face at the run's size, in pixels.
  int ascent(const FontRun& run);
  const FontFile& file(int index) const { return files_[index]; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  std::string describe() const;  // "heading: NanumSquare, body: …" for logs
  // The file of the body family, for ImGui's UI font.
  const FontFile& body_file() const { return files_[chains_[Body][0].files[0]]; }

 private:
  enum Role { Heading, Body, Mono, RoleCount };
  static Role role_of(const FontSpec& spec) {
    return spec.mono ? Mono : spec.heading ? Heading : Body;
  }
  // The families tried in turn for a role and weight, looked up through fontconfig as they are
  // first needed: a match costs fontconfig ~2 M instructions, and most text is drawn by the
  // first family (5-6 lookups for a cold start where looking up every chain took 13).
  struct Chain {
    std::vector<std::string> families;
    bool bold = false;
    size_t looked_up = 0;    // families[0, looked_up) have been asked for
    std::vector<int> files;  // the files found among them (indices into files_), no repeats
  };
  Chain& chain(const FontSpec& spec) { return chains_[role_of(spec)][spec.bold ? 1 : 0]; }
  // The chain's i-th file, looking up its families as far as needed; -1 past its end.
  int file_in(Chain& chain, size_t i);
  const std::vector<int>& all_files(Chain& chain);
  // The file fontconfig has for exactly `family` at this weight, asked once; nullptr if none.
  const FontFile* matched(const std::string& family, bool bold);
  struct FileInfo {
    int strike_height = -1;   // -1 unknown, 0 scalable, else a bitmap font's one strike
    int real_backslash = -1;  // -1 unknown, 0 draws U+005C as ₩ or ¥, 1 as a backslash
  };
  // The file's one face (a FreeType face with FreeType's and HarfBuzz's copies of its tables,
  // ~250 kB), opened once and set to `size` (TTF_SetFontSize, which empties SDL_ttf's glyph
  // cache) when it is at another: a face per size held the same tables once per size, and
  // FreeType's auto-hinter walked each new face's character map. Never closed before the
  // FontSet, so a FontRun's face stays valid; nullptr if the file cannot be opened at `size`.
  TTF_Font* open(int file, int size);
  int add_file(const FontFile& file);
  const FileInfo& info(int file);
  // The file's face to ask what the font has (a glyph, ink, a real backslash): at its size if
  // that is at least 24 px (none of it depends on the size beyond that), else set to the size
  // of the text being split (probe_size_) or to 48 px.
  TTF_Font* probe_face(int file);
  bool covers(int file, char32_t cp, bool literal_backslash);
  bool covers(int file, std::string_view cluster, bool literal_backslash);
  int found_by_fontconfig(char32_t cp);
  int choose(std::string_view text, size_t begin, size_t end, const FontSpec& spec);
  int choose_uncached(std::string_view text, size_t begin, size_t end, const FontSpec& spec);
  // The run's face set to its size, direction and script; nullptr when it has none.
  TTF_Font* ready(const FontRun& run);

  std::vector<FontFile> files_;
  std::vector<FileInfo> infos_;
  // Each font file's pages, read once for every size opened from it: through a file RWops
  // FreeType would seek and read the file for every glyph it loads. nullptr: cannot be read.
  std::map<std::string, std::unique_ptr<FontFilePages>> pages_;
  Chain chains_[RoleCount][2];
  Chain cjk_chains_[2];  // Han and kana runs try these first (not in code)
  std::map<std::pair<std::string, bool>, std::optional<FontFile>> matches_;
  std::vector<TTF_Font*> faces_;  // by file: its one face, or nullptr until first opened
  std::vector<int> face_sizes_;   // by file: the size its face is set to (0: unknown)
  int probe_size_ = 0;            // the size of the text runs() last split: see probe_face
  std::unordered_map<uint64_t, bool> coverage_;         // (file, code point) → has it
  std::unordered_map<uint64_t, int> choices_;           // (chain, code point) → file, or -1
  std::unordered_map<std::string, int> strike_widths_;  // emoji cluster → width at its strike
  std::unordered_map<char32_t, int> fontconfig_;  // code point → file, or -1: no font has it
  _FcFontSet* sorted_ = nullptr;                  // every installed font, fontconfig's order
  std::vector<std::string> warnings_;
};

}  // namespace boothdeck
