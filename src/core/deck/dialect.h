// Which tool a Markdown deck was written for, recognised from the file itself: `marp: true`,
// reveal.js `Note:` and `.slide:` comments, Slidev's per-slide front matter, remark's `???`
// and `class:`, Deckset's `^` notes and `[fit]`; or named by `dialect:` in the front matter.
// Pure text scanning: no md4c, no YAML library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boothdeck {

enum class Dialect { Boothdeck, Marp, Reveal, Slidev, Remark, Deckset };

std::string_view dialect_name(Dialect dialect);  // "Marp", "reveal.js", …
// "marp", "reveal", "reveal.js", "slidev", "remark", "deckset", "boothdeck"; case-insensitive.
std::optional<Dialect> dialect_named(std::string_view name);

struct DialectGuess {
  Dialect dialect = Dialect::Boothdeck;
  std::string reason;  // "`???` at 12:1": the first sign of the winning dialect
};

class LineIndex;
struct Setting;

// `front` are the front matter's top-level settings; `body` the first line after it.
DialectGuess detect_dialect(const LineIndex& index, int body, const std::vector<Setting>& front);

}  // namespace boothdeck
