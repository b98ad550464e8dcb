// A break iterator is expensive to make (it loads rule tables) and cheap to reuse, but not
// thread-safe: each thread keeps its own, so layout may run on any thread.
#include "core/layout/icu_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <climits>
#include <memory>

namespace boothdeck {

namespace {

icu::BreakIterator* iterator(IcuBreakKind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> line, grapheme;
  std::unique_ptr<icu::BreakIterator>& slot = kind == IcuBreakKind::Line ? line : grapheme;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale& root = icu::Locale::getRoot();
    slot.reset(kind == IcuBreakKind::Line
                   ? icu::BreakIterator::createLineInstance(root, status)
                   : icu::BreakIterator::createCharacterInstance(root, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

}  // namespace

std::vector<IcuBoundary> icu_boundaries(IcuBreakKind kind, std::string_view text) {
  std::vector<IcuBoundary> out;
  size_t length = std::min<size_t>(text.size(), INT32_MAX);
  icu::BreakIterator* it = iterator(kind);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = it && length
                  ? utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(length), &status)
                  : nullptr;
  if (ut && U_SUCCESS(status)) {
    it->setText(ut, status);
    if (U_SUCCESS(status)) {
      for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
        int rule = it->getRuleStatus();
        bool hard =
            kind == IcuBreakKind::Line && rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
        out.push_back({static_cast<size_t>(p), hard});
      }
    }
  }
  // The iterator keeps a shallow clone pointing at `text`; it is only read after the next setText.
  if (ut) utext_close(ut);
  // Never a text without its end: no iterator, or beyond ICU's reach, ends in one segment.
  if (out.empty() ? text.size() > 0 : out.back().offset < text.size())
    out.push_back({text.size(), false});
  return out;
}

}  // namespace boothdeck
