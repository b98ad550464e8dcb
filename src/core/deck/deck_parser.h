// Markdown deck → Deck plus diagnostics, for boothdeck's own format and the Markdown of Marp,
// reveal.js, Slidev, remark and Deckset (docs/migrating.md).
//
//   ParseResult r = parse_deck(text, {.file = "booth.md", .deck_dir = "decks"});
//   for (auto& d : r.diagnostics) puts(format_diagnostic(d).c_str());
//
// The parser never throws on content and never stops at the first problem: it reports and
// resynchronises at the next slide, so one bad slide costs one slide.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"
#include "core/deck/dialect.h"

namespace boothdeck {

struct ParseOptions {
  std::string file = "deck.md";    // for messages
  std::filesystem::path deck_dir;  // images resolve against this
  bool check_images = true;
};

struct ParseResult {
  Deck deck;
  std::vector<Diagnostic> diagnostics;
  Dialect dialect = Dialect::Boothdeck;
  std::string dialect_reason;  // what it was recognised by, with its place; "" for boothdeck's own
  bool ok() const { return !has_errors(diagnostics); }
};

ParseResult parse_deck(std::string_view text, const ParseOptions& options);

// Reads and parses a file; an unreadable file is a diagnostic with code "unreadable".
// `source` (optional) gets the bytes that were parsed, for a caller that fingerprints them.
ParseResult load_deck_file(const std::filesystem::path& path, std::string* source = nullptr);

}  // namespace boothdeck
