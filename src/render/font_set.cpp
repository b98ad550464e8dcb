// Font lookup and fallback. fontconfig always answers with *some* font, so a family counts as
// found only when the match really has that family name. What a font has is asked once per
// (file, code point) and remembered; what no configured family has comes from fontconfig's own
// fallback order, sorted once at load.
#include "render/font_set.h"

#include <fontconfig/fontconfig.h>
#include <strings.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>

#include "core/deck/settings.h"
#include "core/deck/utf8.h"
#include "core/layout/bidi.h"
#include "core/layout/grapheme.h"

namespace boothdeck {

namespace {

constexpr int kProbeSize = 48;               // pixels: a face opened only to ask what the font has
constexpr size_t kMaxRemembered = 1u << 20;  // answers kept before the caches start over

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

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// Some fonts map a code point to an empty glyph (NanumSquare's U+2022 bullet), and some draw a
// space with ink (NanumBarunGothic's U+3000 is a dot): ink is asked, not assumed.
bool has_ink(TTF_Font* font, char32_t cp) {
  int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
  if (TTF_GlyphMetrics32(font, cp, &minx, &maxx, &miny, &maxy, &advance) != 0) return false;
  return maxx > minx && maxy > miny;
}

// A backslash is a diagonal: mirrored left to right it becomes a slash and hardly overlaps
// itself. ₩ and ¥, which Korean and Japanese fonts draw in its place, are symmetric.
bool draws_real_backslash(TTF_Font* font) {
  if (!TTF_GlyphIsProvided32(font, '\\')) return false;
  SDL_Surface* glyph = TTF_RenderGlyph32_Blended(font, '\\', SDL_Color{255, 255, 255, 255});
  if (!glyph) return false;
  double overlap = 0, total = 0;
  if (SDL_LockSurface(glyph) == 0) {
    // The ink's horizontal extent, so side bearings do not shift the mirror axis.
    int x0 = glyph->w, x1 = -1;
    auto alpha = [&](int x, int y) {
      return static_cast<const uint32_t*>(glyph->pixels)[y * (glyph->pitch / 4) + x] >> 24;
    };
    for (int y = 0; y < glyph->h; ++y)
      for (int x = 0; x < glyph->w; ++x)
        if (alpha(x, y) > 64) x0 = std::min(x0, x), x1 = std::max(x1, x);
    for (int y = 0; y < glyph->h && x1 >= x0; ++y)
      for (int x = x0; x <= x1; ++x) {
        double a = alpha(x, y), mirrored = alpha(x0 + x1 - x, y);
        total += a;
        overlap += std::min(a, mirrored);
      }
    SDL_UnlockSurface(glyph);
  }
  SDL_FreeSurface(glyph);
  return total > 0 && overlap / total < 0.5;
}

}  // namespace

ReplacementBox replacement_box(int size) {
  auto px = [&](float em) { return std::max(1, static_cast<int>(std::lround(em * size))); };
  return {px(0.72f), px(0.08f), px(0.56f), px(0.7f), px(1.0f / 16)};
}

FontSet::~FontSet() {
  for (TTF_Font* face : faces_)
    if (face) TTF_CloseFont(face);
  if (sorted_) FcFontSetDestroy(sorted_);
}

int FontSet::add_file(const FontFile& file) {
  for (size_t i = 0; i < files_.size(); ++i)
    if (files_[i].path == file.path && files_[i].index == file.index) return static_cast<int>(i);
  files_.push_back(file);
  infos_.emplace_back();
  faces_.push_back(nullptr);
  face_sizes_.push_back(0);
  return static_cast<int>(files_.size() - 1);
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
      {"fallback", {"DejaVu Sans", "Noto Sans CJK KR", "Noto Color Emoji"}},
      {"cjk", {"Noto Sans CJK KR"}}};
  std::ifstream in(config_dir + "/families.conf");
  std::string line;
  while (std::getline(in, line)) {
    std::string_view text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    size_t colon = text.find(':');
    if (colon == std::string_view::npos) continue;
    families[std::string(trim(text.substr(0, colon)))] = split_families(text.substr(colon + 1));
  }
  if (!deck_font.empty()) {  // a Chinese deck's `font: Noto Sans CJK SC` sets its Han too
    for (const char* role : {"heading", "body", "cjk"})
      families[role].insert(families[role].begin(), deck_font);
  }

  for (int bold = 0; bold < 2; ++bold) {
    cjk_chains_[bold] = {families["cjk"], bold == 1, 0, {}};
    const char* role_names[RoleCount] = {"heading", "body", "mono"};
    for (int role = 0; role < RoleCount; ++role) {
      Chain& chain = chains_[role][bold];
      chain = {families[role_names[role]], bold == 1, 0, {}};
      for (const std::string& family : families["fallback"]) chain.families.push_back(family);
      // Only the first font of each chain is looked up now, to fail early when there is none;
      // the others when a character needs them.
      if (file_in(chain, 0) < 0) {
        *error = "no usable font for " + std::string(role_names[role]) +
                 " text; install fonts-nanum (apt-get install fonts-nanum) or edit " + config_dir +
                 "/families.conf";
        return false;
      }
      if (bold == 0 && role != Mono && !deck_font.empty() && !matched(deck_font, false))
        warnings_.push_back("font '" + deck_font + "' from the deck is not installed; " +
                            role_names[role] + " text uses " + files_[file_in(chain, 0)].family);
    }
  }
  return true;
}

const FontFile* FontSet::matched(const std::string& family, bool bold) {
  auto [it, added] = matches_.try_emplace({family, bold});
  if (added) {
    FontFile file;
    if (find_family(FcConfigGetCurrent(), family, bold, &file)) it->second = file;
  }
  return it->second ? &*it->second : nullptr;
}

int FontSet::file_in(Chain& chain, size_t i) {
  while (chain.files.size() <= i && chain.looked_up < chain.families.size()) {
    if (const FontFile* file = matched(chain.families[chain.looked_up++], chain.bold)) {
      int index = add_file(*file);
      if (std::find(chain.files.begin(), chain.files.end(), index) == chain.files.end())
        chain.files.push_back(index);
    }
  }
  return i < chain.files.size() ? chain.files[i] : -1;
}

const std::vector<int>& FontSet::all_files(Chain& chain) {
  file_in(chain, chain.families.size());
  return chain.files;
}

std::string FontSet::describe() const {
  std::ostringstream out;
  const char* names[RoleCount] = {"heading", "body", "mono"};
  for (int role = 0; role < RoleCount; ++role)
    out << (role ? ", " : "") << names[role] << ": " << files_[chains_[role][0].files[0]].family;
  return out.str();
}

TTF_Font* FontSet::open(int file, int size) {
  if (TTF_Font* face = faces_[file]) {
    if (face_sizes_[file] == size) return face;
    if (TTF_SetFontSize(face, size) == 0) {
      face_sizes_[file] = size;
      return face;
    }
    face_sizes_[file] = 0;  // at no known size: set again on the next use
    return nullptr;
  }
  const std::string& path = files_[file].path;
  auto pages = pages_.find(path);
  if (pages == pages_.end()) {
    auto opened = std::make_unique<FontFilePages>();
    if (!opened->open(path)) opened.reset();
    pages = pages_.emplace(path, std::move(opened)).first;
  }
  TTF_Font* font = nullptr;
  if (SDL_RWops* rw = pages->second ? pages->second->reader() : nullptr)
    font = TTF_OpenFontIndexRW(rw, 1, size, files_[file].index);
  else
    font = TTF_OpenFontIndex(path.c_str(), size, files_[file].index);
  if (font) {
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    TTF_SetFontKerning(font, 1);
  }
  faces_[file] = font;
  face_sizes_[file] = size;
  return font;
}

TTF_Font* FontSet::probe_face(int file) {
  // At its size if it is open at 24 px or more: at a footnote's 10 px, a backslash is too few
  // pixels to tell from ₩ by its mirror image.
  if (faces_[file] && face_sizes_[file] >= kProbeSize / 2) return faces_[file];
  return open(file, probe_size_ >= kProbeSize / 2 ? probe_size_ : kProbeSize);
}

const FontSet::FileInfo& FontSet::info(int file) {
  FileInfo& info = infos_[file];
  if (info.strike_height < 0) {
    // A bitmap font has one size whatever size it is opened at (Noto Color Emoji: 109 px): the
    // face is set to another size and back.
    TTF_Font* font = probe_face(file);
    bool fixed = false;
    if (font) {
      int size = face_sizes_[file], height = TTF_FontHeight(font);
      fixed = open(file, size > 8 ? size / 2 : size * 2) && TTF_FontHeight(faces_[file]) == height;
      font = open(file, size);
    }
    info.strike_height = fixed && font ? TTF_FontHeight(font) : 0;
    info.real_backslash = font && draws_real_backslash(font) ? 1 : 0;
  }
  return info;
}

TTF_Font* FontSet::primary(const FontSpec& spec) {
  for (int i = 0, file; (file = file_in(chain(spec), i)) >= 0; ++i)
    if (TTF_Font* font = open(file, spec.size)) return font;
  return nullptr;
}

bool FontSet::covers(int file, char32_t cp, bool literal_backslash) {
  if (is_default_ignorable(cp) || is_line_end(cp)) return true;  // drawn as nothing
  if (is_control(cp)) return false;
  if (cp == '\\' && literal_backslash && !info(file).real_backslash) return false;
  uint64_t key = (static_cast<uint64_t>(file) << 21) | cp;
  auto it = coverage_.find(key);
  if (it != coverage_.end()) return it->second;
  TTF_Font* font = probe_face(file);
  bool has = font && TTF_GlyphIsProvided32(font, cp) &&
             (is_white_space(cp) ? !has_ink(font, cp) : has_ink(font, cp));
  if (coverage_.size() >= kMaxRemembered) coverage_.clear();
  coverage_.emplace(key, has);
  return has;
}

bool FontSet::covers(int file, std::string_view cluster, bool literal_backslash) {
  for (size_t pos = 0; pos < cluster.size();)
    if (!covers(file, next_code_point(cluster, pos), literal_backslash)) return false;
  return true;
}

// fontconfig's own fallback: every installed font sorted by closeness to sans-serif Korean,
// asked once; then each code point goes to the first font whose character set has it.
int FontSet::found_by_fontconfig(char32_t cp) {
  if (is_control(cp) || is_default_ignorable(cp)) return -1;
  auto known = fontconfig_.find(cp);
  if (known != fontconfig_.end()) return known->second;
  if (!sorted_) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("ko"));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    sorted_ = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    FcPatternDestroy(pattern);
  }
  int found = -1;
  for (int i = 0; sorted_ && i < sorted_->nfont && found < 0; ++i) {
    FcPattern* font = sorted_->fonts[i];
    FcCharSet* charset = nullptr;
    FcChar8 *file = nullptr, *family = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch ||
        !FcCharSetHasChar(charset, cp) ||
        FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
      continue;
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    FcPatternGetString(font, FC_FAMILY, 0, &family);
    int candidate = add_file({reinterpret_cast<const char*>(file), index,
                              family ? reinterpret_cast<const char*>(family) : "fallback"});
    if (covers(candidate, cp, false)) found = candidate;
  }
  if (fontconfig_.size() >= kMaxRemembered) fontconfig_.clear();
  fontconfig_.emplace(cp, found);
  return found;
}

int FontSet::choose(std::string_view text, size_t begin, size_t end, const FontSpec& spec) {
  std::string_view cluster = text.substr(begin, end - begin);
  // Most clusters are one code point that is not a backslash: their answer is remembered per
  // role and weight (the chain) and code point.
  size_t pos = 0;
  char32_t first = next_code_point(cluster, pos);
  bool single = pos == cluster.size() && first != '\\';
  uint64_t key = (static_cast<uint64_t>(role_of(spec) * 2 + spec.bold) << 21) | first;
  if (single)
    if (auto known = choices_.find(key); known != choices_.end()) return known->second;
  int chosen = choose_uncached(text, begin, end, spec);
  if (single) {
    if (choices_.size() >= kMaxRemembered) choices_.clear();
    choices_.emplace(key, chosen);
  }
  return chosen;
}

int FontSet::choose_uncached(std::string_view text, size_t begin, size_t end,
                             const FontSpec& spec) {
  std::string_view cluster = text.substr(begin, end - begin);
  bool literal_backslash = false;
  if (size_t slash = cluster.find('\\'); slash != std::string_view::npos)
    literal_backslash = spec.mono || !backslash_is_price(text, begin + slash);
  Chain& files = chain(spec);
  if (wants_emoji_presentation(cluster))
    for (int file : all_files(files))
      if (info(file).strike_height > 0 && covers(file, cluster, literal_backslash)) return file;
  for (int i = 0, file; (file = file_in(files, i)) >= 0; ++i)
    if (covers(file, cluster, literal_backslash)) return file;
  size_t pos = 0;
  int found = found_by_fontconfig(next_code_point(cluster, pos));
  return found >= 0 && covers(found, cluster, literal_backslash) ? found : -1;
}

std::vector<FontRun> FontSet::runs(std::string_view text, const FontSpec& spec) {
  std::vector<FontRun> out;
  probe_size_ = spec.size;
  std::vector<size_t> bounds = grapheme_boundaries(text);
  std::vector<uint8_t> levels = bidi_levels(text);  // empty: all left to right
  int cjk_file = -1;  // the font of the current run of Han and kana, when one has all of it
  size_t cjk_end = 0;
  for (size_t i = 1; i < bounds.size(); ++i) {
    size_t begin = bounds[i - 1], end = bounds[i];
    std::string_view cluster = text.substr(begin, end - begin);
    size_t pos = 0;
    char32_t base = next_code_point(cluster, pos);
    // Printable ASCII needs no Unicode property: no script to tell, never invisible.
    bool ascii = end - begin == 1 && base > 0x20 && base < 0x7F;
    FontRun run{RunKind::Blank,
                nullptr,
                -1,
                begin,
                end,
                1,
                levels.empty() ? uint8_t{0} : levels[begin],
                ascii ? "" : complex_script(base),
                spec.size};
    bool invisible = !ascii, control = false;
    for (size_t p = 0; !ascii && p < cluster.size();) {
      char32_t c = next_code_point(cluster, p);
      invisible &= is_default_ignorable(c) || is_line_end(c) || c == '\t';
      control |= is_control(c) && c != '\t' && !is_line_end(c);
    }
    bool plain_space = cluster == " " || cluster == "\xC2\xA0";
    if (plain_space && !out.empty() && out.back().kind == RunKind::Glyphs &&
        out.back().level == run.level) {
      out.back().end = end;  // a space stays in the run it is in: runs split only where glyphs do
      continue;
    }
    if (control) {
      run.kind = RunKind::Missing;
    } else if (!invisible) {
      auto cjk = [&](char32_t c) { return is_cjk_ideograph_or_kana(c) || is_cjk_punctuation(c); };
      if (!ascii && cjk(base)) {
        if (begin >= cjk_end) {
          // One design for a whole run of ideographs, kana and their punctuation: the first
          // font of `cjk:` (not for code), then of the role, that has all of it.
          size_t last = i;
          bool letters = is_cjk_ideograph_or_kana(base);
          while (last + 1 < bounds.size()) {
            size_t p = bounds[last];
            char32_t next = next_code_point(text, p);
            if (!cjk(next)) break;
            letters |= is_cjk_ideograph_or_kana(next);
            ++last;
          }
          cjk_end = bounds[last];
          cjk_file = -1;
          std::vector<int> candidates;
          if (letters && !spec.mono) candidates = all_files(cjk_chains_[spec.bold]);
          if (letters) {
            const std::vector<int>& role = all_files(chain(spec));
            candidates.insert(candidates.end(), role.begin(), role.end());
          }
          for (int file : candidates) {
            bool all = true;
            for (size_t k = i; k <= last && all; ++k)
              all = covers(file, text.substr(bounds[k - 1], bounds[k] - bounds[k - 1]), false);
            if (all) {
              cjk_file = file;
              break;
            }
          }
        }
        run.file = cjk_file >= 0 ? cjk_file : choose(text, begin, end, spec);
      } else {
        run.file = choose(text, begin, end, spec);
      }
      if (run.file >= 0) {
        int strike = info(run.file).strike_height;
        run.kind = strike > 0 ? RunKind::ColorBitmap : RunKind::Glyphs;
        run.font = open(run.file, spec.size);
        if (!run.font) run.kind = RunKind::Missing;
        if (strike > 0) {
          TTF_Font* main = primary(spec);
          run.scale = static_cast<float>(main ? TTF_FontHeight(main) : spec.size) / strike;
        }
      } else if (!is_white_space(base)) {
        run.kind = RunKind::Missing;  // a space no font draws blank is still blank
      }
    }
    // A character of no complex script (a digit, a space, a mark) joins the run before it.
    bool merge = !out.empty() && run.kind != RunKind::Missing && out.back().kind == run.kind &&
                 out.back().file == run.file && out.back().level == run.level &&
                 (!*run.script || std::string_view(out.back().script) == run.script);
    if (merge) {
      out.back().end = end;
    } else {
      out.push_back(run);
    }
  }
  return out;
}

TTF_Font* FontSet::ready(const FontRun& run) {
  TTF_Font* face = run.font ? open(run.file, run.size) : nullptr;
  if (!face) return nullptr;
  TTF_SetFontDirection(face, run.level % 2 ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
  TTF_SetFontScriptName(face, *run.script ? run.script : "Zzzz");  // Zzzz: HarfBuzz guesses
  return face;
}

SDL_Surface* FontSet::render(const FontRun& run, std::string_view text, SDL_Color ink) {
  if (run.kind != RunKind::Glyphs && run.kind != RunKind::ColorBitmap) return nullptr;
  TTF_Font* face = ready(run);
  if (!face) return nullptr;
  std::string piece(text.substr(run.begin, run.end - run.begin));
  return TTF_RenderUTF8_Blended(face, piece.c_str(), ink);
}

int FontSet::ascent(const FontRun& run) {
  TTF_Font* face = ready(run);
  return face ? TTF_FontAscent(face) : 0;
}

int FontSet::advance(const FontRun& run, std::string_view text, const FontSpec& spec) {
  switch (run.kind) {
    case RunKind::Glyphs: {
      std::string piece(text.substr(run.begin, run.end - run.begin));
      int w = 0, h = 0;
      TTF_Font* face = ready(run);
      return face && TTF_SizeUTF8(face, piece.c_str(), &w, &h) == 0 ? w : 0;
    }
    case RunKind::ColorBitmap: {
      // Each emoji's width at the strike, remembered: measuring one decodes its PNG. A colour
      // font has no kerning, so a run is as wide as its clusters.
      if (!run.font) return 0;
      std::string_view piece = text.substr(run.begin, run.end - run.begin);
      std::vector<size_t> bounds = grapheme_boundaries(piece);
      int strike = 0;
      for (size_t i = 1; i < bounds.size(); ++i) {
        std::string cluster(piece.substr(bounds[i - 1], bounds[i] - bounds[i - 1]));
        auto known = strike_widths_.find(cluster);
        if (known == strike_widths_.end()) {
          int w = 0, h = 0;
          TTF_Font* face = ready(run);
          if (!face || TTF_SizeUTF8(face, cluster.c_str(), &w, &h) != 0) w = 0;
          if (strike_widths_.size() >= kMaxRemembered) strike_widths_.clear();
          known = strike_widths_.emplace(std::move(cluster), w).first;
        }
        strike += known->second;
      }
      return static_cast<int>(std::lround(strike * run.scale));
    }
    case RunKind::Missing:
      return replacement_box(spec.size).advance;
    case RunKind::Blank: {
      int space = spec.size / 4;
      if (TTF_Font* main = primary(spec)) {
        int minx, maxx, miny, maxy;
        TTF_GlyphMetrics32(main, ' ', &minx, &maxx, &miny, &maxy, &space);
      }
      int width = 0;
      for (size_t pos = run.begin; pos < run.end;) {
        char32_t c = next_code_point(text, pos);
        width += c == '\t' ? 4 * space : c == 0x3000 ? spec.size : is_white_space(c) ? space : 0;
      }
      return width;
    }
  }
  return 0;
}

}  // namespace boothdeck
