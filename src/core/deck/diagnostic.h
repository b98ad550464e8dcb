// A problem found in a deck: where it is, how bad, a stable code for tests and a message for
// people. Content errors are values the parser collects; nothing in core exits or throws on bad
// input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace boothdeck {

enum class Severity { Warning, Error };

struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 = the whole file
  int col = 0;   // 1-based, in characters
  Severity severity = Severity::Error;
  std::string code;     // stable, e.g. "unknown-key"; tests assert this
  std::string message;  // what is wrong, and what to do
};

// "deck.md:12:5: error: unknown key 'durration' (did you mean 'duration'?) [unknown-key]"
std::string format_diagnostic(const Diagnostic& d);

// Collects the diagnostics of one file; the parser's stages all report through one of these.
struct DiagnosticList {
  std::string file;
  std::vector<Diagnostic> items;
  void add(Severity severity, int line, int col, std::string code, std::string message) {
    items.push_back({file, line, col, severity, std::move(code), std::move(message)});
  }
  void error(int line, int col, std::string code, std::string message) {
    add(Severity::Error, line, col, std::move(code), std::move(message));
  }
  void warning(int line, int col, std::string code, std::string message) {
    add(Severity::Warning, line, col, std::move(code), std::move(message));
  }
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);
int count_code(const std::vector<Diagnostic>& diagnostics, std::string_view code);

// User text for a message, in quotes, cut (at a character boundary) when it is long:
// a 1 MB line must not become a 1 MB message.
std::string excerpt(std::string_view text, size_t max_bytes = 60);

// The closest candidate within a small edit distance, or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace boothdeck
