// `key: value` settings: the deck's front matter and a slide's <!-- key: value --> comments.
// Each key is a row of a table with its type; unknown keys get a did-you-mean.
#pragma once

#include <string>
#include <string_view>

#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"

namespace boothdeck {

struct SettingLine {
  std::string key;
  std::string value;
  int line = 0;
  int col = 0;  // of the key
};

// Splits "key: value"; false when the line has no colon or no key.
bool split_setting(std::string_view text, int line, int col, SettingLine* out);

void apply_deck_setting(const SettingLine& setting, DeckSettings& deck, DiagnosticList& out);
void apply_slide_setting(const SettingLine& setting, Slide& slide, DiagnosticList& out);

// Strict number parsing shared with the bars block: the whole string must be a finite number.
bool parse_number(std::string_view text, double* out);

std::string_view trim(std::string_view text);

}  // namespace boothdeck
