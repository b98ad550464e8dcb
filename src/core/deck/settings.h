// `key: value` settings from every place a deck writes them: front matter, a slide's comments,
// Slidev's per-slide front matter, remark's slide properties, Deckset's `[.key: value]`.
// Each key, ours or another tool's, is a row of one table (settings.cpp): honoured, or
// reported once with what boothdeck does instead. No md4c, no YAML library here.
//
//   SettingsState state{deck.settings};
//   apply_setting(setting, SettingPlace::FrontMatter, state, out);
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"
#include "core/deck/dialect.h"

namespace boothdeck {

// One setting as read: a scalar, a list of scalars or a mapping (YAML front matter has all
// three; comments and slide headers give scalars only).
struct Setting {
  enum class Shape { Scalar, List, Map };
  std::string key;
  std::string value;               // a scalar's text, trimmed, quotes removed
  std::vector<std::string> items;  // a list's scalars
  std::vector<Setting> children;   // a mapping's entries
  Shape shape = Shape::Scalar;
  int line = 0, col = 0;              // of the key
  int value_line = 0, value_col = 0;  // of the value (the key's place when there is none)
};

enum class SettingPlace {
  FrontMatter,  // the deck's front matter, and Deckset's settings lines at the top
  Comment,      // <!-- key: value --> in a slide
  SlideHeader,  // Slidev's per-slide front matter, remark's properties, Deckset's [.key: value]
};

// A background image as written; the parser resolves and checks the path.
struct BackgroundRequest {
  std::string src;
  int line = 0, col = 0;
  ImageFit fit = ImageFit::Cover;
  BackgroundSide side = BackgroundSide::Full;
  float fraction = 0.5f;
};

// What directives ask of a slide. Unset fields fall through to the layer below:
// this slide's own settings, then those carried from earlier slides, then the deck's.
struct SlideStyle {
  std::optional<double> duration;
  std::optional<Transition> transition;
  std::optional<SlideLayout> layout;
  std::optional<std::string> header, footer;  // Markdown inline text
  std::optional<bool> paginate;
  std::optional<Rgb> background_color, text_color;
  std::optional<bool> invert;
  std::optional<BackgroundRequest> background;
  std::optional<BackgroundSide> image_side;  // Slidev image-left / image-right / image layouts
  std::optional<BackgroundRequest> image;    // Slidev `image:`, placed by the layout
  bool template_slide = false;               // remark `layout: true`: a template, not shown
  bool exclude = false;                      // remark `exclude: true`
  bool fit_first_heading = false;            // <!-- fit --> outside a heading
  void fill_from(const SlideStyle& lower);   // takes lower's value for every field still unset
};

// Settings that change how the deck is split: read before the slides are.
struct DeckDirectives {
  std::vector<int> heading_divider;  // heading levels that start a new slide (Marp, Deckset)
  std::vector<int> fit_levels;       // heading levels fitted to the width (Deckset fit-header)
  std::string separator, vertical_separator;  // reveal-md's separators, when literal lines
};

struct SettingsState {
  explicit SettingsState(DeckSettings& deck_settings) : deck(deck_settings) {}
  DeckSettings& deck;
  Dialect dialect = Dialect::Boothdeck;
  DeckDirectives directives;
  SlideStyle defaults;             // front matter: every slide
  SlideStyle first;                // Slidev's head matter is also the first slide's front matter
  SlideStyle carried;              // Marp directives in a comment: that slide and the ones after
  SlideStyle spot;                 // this slide only
  std::set<std::string> reported;  // "code key value": each foreign key is reported once
};

void apply_setting(const Setting& setting, SettingPlace place, SettingsState& state,
                   DiagnosticList& out);

// What a deck of that dialect looks like before its settings: Marp's, Slidev's and remark's
// default themes are light, so those decks start in boothdeck's light theme.
void apply_dialect_defaults(SettingsState& state);

// A key written in a comment that is a setting (ours or another tool's, or close to one of ours):
// a comment whose keys are not all settings is a note.
bool is_setting_key(std::string_view key, SettingPlace place);

// Keys of a slide's own front matter (Slidev) or properties (remark): a `---` block of only these
// is settings for the next slide, never a slide of its own.
bool is_slide_header_key(std::string_view key);

// Splits "key: value"; false when the line has no colon or no key (or a key with spaces).
// `col` is the column of text[0]; the setting's columns are counted from it.
bool split_setting(std::string_view text, int line, int col, Setting* out);

// Strict number parsing shared with the bars block: the whole string must be a finite number.
bool parse_number(std::string_view text, double* out);

std::string_view trim(std::string_view text);

}  // namespace boothdeck
