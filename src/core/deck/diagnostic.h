// A problem found in a deck: where it is, a code from the table in diagnostic_codes.h (which
// fixes its severity) and a message for people. Content errors are values the parser collects;
// nothing in core exits or throws on bad input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/deck/diagnostic_codes.h"

namespace boothdeck {

struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 = the whole file
  int col = 0;   // 1-based, in characters
  Severity severity = Severity::Error;
  Code code = Code::Unreadable;
  std::string message;  // what is wrong, and what to do
  // What it is about when one code covers several kinds of thing (the key, the HTML tag):
  // --check gives one line per code and subject.
  std::string subject;
  std::string_view code_name() const { return code_info(code).name; }
};

Diagnostic make_diagnostic(std::string file, int line, int col, Code code, std::string message);

// "deck.md:12:5: warning: unknown key 'durration' (did you mean 'duration'?) [unknown-key]"
std::string format_diagnostic(const Diagnostic& d);

// Collects the diagnostics of one file; the parser's stages all report through one of these.
struct DiagnosticList {
  std::string file;
  std::vector<Diagnostic> items;
  void add(Code code, int line, int col, std::string message, std::string subject = {}) {
    items.push_back(make_diagnostic(file, line, col, code, std::move(message)));
    items.back().subject = std::move(subject);
  }
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);
int count_code(const std::vector<Diagnostic>& diagnostics, Code code);

// User text for a message, in quotes, cut (at a character boundary) when it is long:
// a 1 MB line must not become a 1 MB message.
std::string excerpt(std::string_view text, size_t max_bytes = 60);

// The closest candidate within a small edit distance, or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace boothdeck
