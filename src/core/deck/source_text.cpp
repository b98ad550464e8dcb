// Positions of invalid bytes are reported against the original bytes, before repair.
#include "core/deck/source_text.h"

#include <algorithm>

#include "core/deck/line_index.h"
#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

constexpr int kMaxUtf8Reports = 10;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

void report_utf8(std::string_view original, const std::vector<Utf8Problem>& problems,
                 DiagnosticList& out) {
  LineIndex index(original);
  for (size_t i = 0; i < problems.size() && i < kMaxUtf8Reports; ++i) {
    size_t at = problems[i].offset;
    out.add(Code::InvalidUtf8, index.line_of(at), index.col_of(at),
            "invalid UTF-8 byte; save the file as UTF-8 (it is shown as \xEF\xBF\xBD)");
  }
  if (problems.size() > kMaxUtf8Reports) {
    size_t at = problems[kMaxUtf8Reports].offset;
    out.add(Code::InvalidUtf8, index.line_of(at), index.col_of(at),
            "and " + std::to_string(problems.size() - kMaxUtf8Reports) +
                " more invalid UTF-8 bytes from here");
  }
}

}  // namespace

std::optional<std::string> prepare_source(std::string_view raw, DiagnosticList& out) {
  if (std::count(raw.begin(), raw.end(), '\0') > 8) {
    out.add(Code::BinaryFile, 1, 1, "this is a binary file, not a Markdown deck; give a .md file");
    return std::nullopt;
  }
  // A byte-order mark is invisible in editors, so columns on line 1 count without it.
  if (raw.substr(0, kByteOrderMark.size()) == kByteOrderMark)
    raw.remove_prefix(kByteOrderMark.size());
  std::vector<Utf8Problem> problems;
  std::string text = repair_utf8(raw, &problems);
  if (!problems.empty()) report_utf8(raw, problems, out);
  return text;
}

}  // namespace boothdeck
