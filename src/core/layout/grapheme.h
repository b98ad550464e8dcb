// Grapheme clusters (UAX #29, extended) and the Unicode properties that decide how one cluster
// is drawn, all from ICU. Pure text logic: no fonts, no SDL.
//
//   for (size_t i = 1; i < b.size(); ++i) draw(text.substr(b[i - 1], b[i] - b[i - 1]));
//     with b = grapheme_boundaries(text)
#pragma once

#include <string_view>
#include <vector>

namespace boothdeck {

// No real cluster is longer: UAX #15's stream-safe text allows 30 combining marks in a row.
constexpr size_t kMaxClusterCodePoints = 32;

// Byte offsets of every extended grapheme cluster boundary, ascending, 0 and text.size()
// included (just {0} for empty text). Invalid UTF-8 bytes count as U+FFFD, one cluster each;
// a cluster longer than kMaxClusterCodePoints is cut into pieces that long, so a hostile run
// can still be cut into lines and drawn. Linear in the text's length.
std::vector<size_t> grapheme_boundaries(std::string_view utf8);

// The boundary at or before `pos` in `boundaries` (which grapheme_boundaries made).
size_t cluster_start(const std::vector<size_t>& boundaries, size_t pos);

// Default_Ignorable_Code_Point (ZWJ, variation selectors, tags, U+FEFF, U+200B, ...): never
// drawn, never missing.
bool is_default_ignorable(char32_t c);

// White_Space (U+0020, U+3000 ideographic space, the U+2000 spaces, tab, ...): blank, never ink.
bool is_white_space(char32_t c);

// A space a line may end at and that a line's ends lose: White_Space except the no-break
// spaces (U+00A0, U+2007, U+202F) and line ends.
bool is_breaking_space(char32_t c);

// Line-ending controls: LF, VT, FF, CR, NEL, U+2028, U+2029.
bool is_line_end(char32_t c);

bool is_hangul(char32_t c);  // syllables and jamo (conjoining, compatibility, extended)

// Han ideographs, kana and bopomofo: text set in one CJK font per run, not glyph by glyph.
bool is_cjk_ideograph_or_kana(char32_t c);

// CJK punctuation and fullwidth forms (、。「」：，！ U+3001-303F, U+30FB-30FC, U+FF01-FF60,
// U+FFE0-FFE6): part of a run of Han and kana when they sit inside one.
bool is_cjk_punctuation(char32_t c);

// Whether one grapheme cluster asks for the colour emoji form (UTS #51): a base with
// Emoji_Presentation, U+FE0F, a regional indicator, a skin tone modifier, or a ZWJ sequence of
// pictographs; U+FE0E asks for the text form.
bool wants_emoji_presentation(std::string_view cluster);

// The script a shaper must be told about (Arabic, Hebrew, Devanagari, Thai, ...) as an ISO
// 15924 tag ("Arab"), or "" for scripts that shape the same without one (Latin, Hangul, Han,
// kana, Cyrillic, Greek) and for characters of no script of their own (spaces, digits, marks).
const char* complex_script(char32_t c);

// Whether the backslash at byte `pos` of prose is the Korean way of writing a price
// (\10,000: it starts a word and a digit follows), which a Korean font may draw as ₩ (the
// theme's choice). Every other backslash, and every one in code, is drawn as a backslash.
bool backslash_is_price(std::string_view text, size_t pos);

}  // namespace boothdeck
