// The configuration file (TOML, read with toml++): /etc/boothdeck/boothdeck.toml or --config
// FILE. Its keys are the rows of one table, used to read the file, to suggest a key for a
// misspelt one, and to print the merged result with --print-config. Problems are diagnostics
// with file:line:col, as in a deck.
//
//   std::vector<Diagnostic> problems = apply_config(text, "/etc/boothdeck/boothdeck.toml", &opts);
//   std::fputs(print_config(opts).c_str(), stdout);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/options.h"
#include "core/deck/diagnostic.h"

namespace boothdeck {

// Reads `text` (named `file` in messages; relative paths in it are relative to its folder) into
// `options`, recording each value's origin. Codes: toml-syntax, unknown-key, bad-type,
// bad-value (errors); not-supported (a warning).
std::vector<Diagnostic> apply_config(std::string_view text, const std::string& file,
                                     Options* options);

// Sets the defaults of every key and their origins ("default", "installed", "environment …").
void set_config_defaults(Options* options);

// The merged configuration as TOML, each value followed by where it came from; the PIN and
// passwords are masked.
std::string print_config(const Options& options);

// The checks that values from the file and from the command line share: "" when `value` is
// fine for `key`, else what is wrong and what to do.
std::string check_config_value(std::string_view key, const std::string& value);

// Every key, dotted ("show-hours.monday"), in the order --print-config uses.
std::vector<std::string_view> config_keys();

}  // namespace boothdeck
