// Clusters come from ICU's character break iterator; the properties are ICU's (Unicode 15),
// so a new emoji or script needs a new ICU, not new tables here.
#include "core/layout/grapheme.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "core/deck/utf8.h"
#include "core/layout/icu_breaks.h"

namespace boothdeck {

std::vector<size_t> grapheme_boundaries(std::string_view text) {
  std::vector<size_t> out{0};
  // Printable ASCII and spaces: every byte is a cluster (only CR LF and controls join).
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
    for (size_t i = 1; i <= text.size(); ++i) out.push_back(i);
    return out;
  }
  for (const IcuBoundary& b : icu_boundaries(IcuBreakKind::Grapheme, text)) {
    // A cluster of more code points than any text means (a letter under 10 000 accents, a
    // run of 10 000 leading jamo) gets a boundary every kMaxClusterCodePoints.
    size_t start = out.back(), count = 0;
    for (size_t pos = start; pos < b.offset;) {
      next_code_point(text, pos);
      if (++count == kMaxClusterCodePoints && pos < b.offset) {
        out.push_back(pos);
        count = 0;
      }
    }
    out.push_back(b.offset);
  }
  return out;
}

size_t cluster_start(const std::vector<size_t>& boundaries, size_t pos) {
  auto it = std::upper_bound(boundaries.begin(), boundaries.end(), pos);
  return it == boundaries.begin() ? 0 : *(it - 1);
}

bool is_default_ignorable(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_white_space(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool is_line_end(char32_t c) {
  return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool is_breaking_space(char32_t c) {
  return is_white_space(c) && !is_line_end(c) && c != 0xA0 && c != 0x2007 && c != 0x202F;
}

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF);
}

bool is_cjk_ideograph_or_kana(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
                               script == USCRIPT_KATAKANA || script == USCRIPT_BOPOMOFO);
}

bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3001 && c <= 0x303F) || c == 0x30FB || c == 0x30FC ||
         (c >= 0xFF01 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
}

bool wants_emoji_presentation(std::string_view cluster) {
  size_t pos = 0;
  if (cluster.empty()) return false;
  char32_t base = next_code_point(cluster, pos);
  bool pictographic_zwj = false, modifier = false, fe0f = false;
  bool pictographic = u_hasBinaryProperty(base, UCHAR_EXTENDED_PICTOGRAPHIC);
  while (pos < cluster.size()) {
    char32_t c = next_code_point(cluster, pos);
    if (c == 0xFE0E) return false;
    fe0f |= c == 0xFE0F;
    modifier |= u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER);
    pictographic_zwj |= c == 0x200D && pictographic;
  }
  return fe0f || modifier || pictographic_zwj ||
         u_hasBinaryProperty(base, UCHAR_EMOJI_PRESENTATION) ||
         u_hasBinaryProperty(base, UCHAR_REGIONAL_INDICATOR);
}

const char* complex_script(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return "";
  switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
    case USCRIPT_LATIN:
    case USCRIPT_HANGUL:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_CYRILLIC:
    case USCRIPT_GREEK:
      return "";
    default: {
      const char* tag = uscript_getShortName(script);
      return tag && std::char_traits<char>::length(tag) == 4 ? tag : "";
    }
  }
}

bool backslash_is_price(std::string_view text, size_t pos) {
  if (pos >= text.size() || text[pos] != '\\') return false;
  if (pos + 1 >= text.size() || text[pos + 1] < '0' || text[pos + 1] > '9') return false;
  if (pos == 0) return true;
  // The code point before: back up over UTF-8 continuation bytes.
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  size_t at = start;
  char32_t before = next_code_point(text, at);
  return is_white_space(before) || before == '(' || before == '[' || before == 0xFF08;
}

}  // namespace boothdeck
