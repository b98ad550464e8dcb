// The code table's rows, formatting of diagnostics and the did-you-mean suggestion for
// misspelled keys.
#include "core/deck/diagnostic.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace boothdeck {

namespace {

constexpr std::array kCodes = {
#define BOOTHDECK_CODE_ROW(id, name, severity, help) \
  CodeInfo{Code::id, name, Severity::severity, help},
    BOOTHDECK_DIAGNOSTIC_CODES(BOOTHDECK_CODE_ROW)
#undef BOOTHDECK_CODE_ROW
};

}  // namespace

const CodeInfo& code_info(Code code) {
  return kCodes[static_cast<size_t>(code)];
}

std::span<const CodeInfo> all_codes() {
  return kCodes;
}

Diagnostic make_diagnostic(std::string file, int line, int col, Code code, std::string message) {
  return {std::move(file), line, col, code_info(code).severity, code, std::move(message), {}};
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(std::max(d.col, 1));
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message;
  out += " [" + std::string(d.code_name()) + "]";
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

int count_code(const std::vector<Diagnostic>& diagnostics, Code code) {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [&](const Diagnostic& d) { return d.code == code; }));
}

std::string excerpt(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return "'" + std::string(text) + "'";
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "\xE2\x80\xA6'";
}

static size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (std::string_view candidate : candidates) {
    size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return std::string(best);
}

}  // namespace boothdeck
