// --check's report: by default one line for each kind of problem (a code, and its subject
// when it has one), at its first place, with how many there are; with --verbose every one.
// Pure formatting: tested without a deck.
#pragma once

#include <string>
#include <vector>

#include "core/deck/diagnostic.h"

namespace boothdeck {

std::vector<std::string> summarize_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                               bool verbose);

}  // namespace boothdeck
