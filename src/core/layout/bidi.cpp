// ICU works in UTF-16: the line is converted once, and each UTF-16 unit's level is written
// back to the bytes of the code point it came from.
#include "core/layout/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include <climits>

#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

bool right_to_left(char32_t c) {
  switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
    case U_RIGHT_TO_LEFT_EMBEDDING:
    case U_RIGHT_TO_LEFT_OVERRIDE:
    case U_RIGHT_TO_LEFT_ISOLATE:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<uint8_t> bidi_levels(std::string_view text) {
  bool any_rtl = false;
  for (size_t pos = 0; pos < text.size() && !any_rtl;) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII has no right-to-left letter
      ++pos;
      continue;
    }
    any_rtl = right_to_left(next_code_point(text, pos));
  }
  if (!any_rtl) return {};
  std::vector<char16_t> units;
  std::vector<size_t> starts;  // byte offset of each code point, indexed by its first unit
  for (size_t pos = 0; pos < text.size();) {
    size_t begin = pos;
    char32_t c = next_code_point(text, pos);
    if (c >= 0x10000) {
      units.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
      starts.push_back(begin);
    } else {
      units.push_back(static_cast<char16_t>(c));
    }
    starts.push_back(begin);
  }
  if (units.size() > INT32_MAX) return {};
  std::vector<uint8_t> out(text.size(), 0);
  UErrorCode status = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_openSized(static_cast<int32_t>(units.size()), 0, &status);
  if (bidi && U_SUCCESS(status))
    ubidi_setPara(bidi, reinterpret_cast<const UChar*>(units.data()),
                  static_cast<int32_t>(units.size()), UBIDI_DEFAULT_LTR, nullptr, &status);
  const UBiDiLevel* levels = U_SUCCESS(status) ? ubidi_getLevels(bidi, &status) : nullptr;
  if (levels && U_SUCCESS(status)) {
    for (size_t unit = 0; unit < units.size(); ++unit) {
      size_t end = unit + 1 < starts.size() ? starts[unit + 1] : text.size();
      for (size_t b = starts[unit]; b < end; ++b) out[b] = levels[unit];
    }
  }
  if (bidi) ubidi_close(bidi);
  return out;
}

std::vector<int> visual_order(const std::vector<uint8_t>& run_levels) {
  std::vector<int> order(run_levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  if (run_levels.empty() || run_levels.size() > INT32_MAX) return order;
  ubidi_reorderVisual(run_levels.data(), static_cast<int32_t>(run_levels.size()), order.data());
  return order;
}

}  // namespace boothdeck
