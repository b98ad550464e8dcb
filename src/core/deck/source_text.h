// The deck's bytes made into text the parser can trust: a binary file is refused, invalid
// UTF-8 is replaced by U+FFFD and reported where it was, and a byte-order mark is dropped.
// Depends only on utf8 and diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/deck/diagnostic.h"

namespace boothdeck {

// std::nullopt for a binary file (reported as binary-file).
std::optional<std::string> prepare_source(std::string_view raw, DiagnosticList& out);

}  // namespace boothdeck
