// ICU's rule-based break iterators run over UTF-8 in place (no conversion to UTF-16), one
// iterator of each kind per thread, made once and reused. Only line_breaker and grapheme use it.
#pragma once

#include <string_view>
#include <vector>

namespace boothdeck {

enum class IcuBreakKind { Line, Grapheme };

struct IcuBoundary {
  size_t offset;  // bytes; every boundary after 0, text.size() last
  bool hard;      // Line: a mandatory break (UAX #14 class BK, CR, LF, NL); else false
};

// Boundaries of `utf8` by UAX #14 (Line) or UAX #29 extended grapheme clusters (Grapheme).
// Linear in the text's length. Text beyond 2 GiB (ICU's int32 offsets) is one last segment.
std::vector<IcuBoundary> icu_boundaries(IcuBreakKind kind, std::string_view utf8);

}  // namespace boothdeck
