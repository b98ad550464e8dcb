// The command line, as DESIGN.md's contract gives it.
#pragma once

#include <optional>
#include <string>

namespace boothdeck {

enum class LogFormat { Text, Json };

struct Options {
  std::string deck;  // empty: the built-in report
  bool windowed = false;
  int width = 0, height = 0;  // --size; 0 = the display's own
  bool check = false;
  bool verbose = false;  // --check --verbose: every diagnostic, not one line per kind
  std::string export_dir;
  bool bench = false;
  LogFormat log_format = LogFormat::Text;
  std::string pin;        // operator panel PIN; empty = none
  std::string fonts_dir;  // families.conf and brand fonts
  double duration = 0;    // --duration: overrides every slide's, for soak runs
  int only_slide = 0;     // --slide N (1-based) with --export: just that slide
};

// Fills `out`; returns an exit code to stop with (usage error 2, --help 0), or -1 to go on.
int parse_command_line(int argc, char** argv, Options* out);

}  // namespace boothdeck
