// The tables of known settings and the typed parsing of their values.
#include "core/deck/settings.h"

#include <charconv>
#include <cmath>
#include <functional>
#include <vector>

namespace boothdeck {

std::string_view trim(std::string_view text) {
  const char* space = " \t\r\n";
  size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(space);
  return text.substr(first, last - first + 1);
}

bool split_setting(std::string_view text, int line, int col, SettingLine* out) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view key = trim(text.substr(0, colon));
  if (key.empty() || key.find(' ') != std::string_view::npos) return false;
  size_t lead = text.find_first_not_of(" \t");
  out->key = std::string(key);
  out->value = std::string(trim(text.substr(colon + 1)));
  out->line = line;
  out->col = col + static_cast<int>(lead == std::string_view::npos ? 0 : lead);
  return true;
}

bool parse_number(std::string_view text, double* out) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return false;
  *out = value;
  return true;
}

namespace {

// One reader per value type; each reports its own bad-value message.
struct Reader {
  const SettingLine& setting;
  DiagnosticList& out;

  void bad(const std::string& expected) {
    out.error(setting.line, setting.col, "bad-value",
              excerpt(setting.key) + " must be " + expected + ", not " + excerpt(setting.value));
  }
  bool seconds(double* target, bool allow_zero) {
    double value;
    if (!parse_number(setting.value, &value) || value < 0 || (!allow_zero && value == 0) ||
        value > 1e6) {
      bad(allow_zero ? "a number of seconds (0 or more)" : "a number of seconds above 0");
      return false;
    }
    *target = value;
    return true;
  }
  bool boolean(bool* target) {
    if (setting.value == "true" || setting.value == "yes" || setting.value == "on") {
      *target = true;
    } else if (setting.value == "false" || setting.value == "no" || setting.value == "off") {
      *target = false;
    } else {
      bad("true or false");
      return false;
    }
    return true;
  }
  bool transition(Transition* target) {
    if (setting.value == "fade")
      *target = Transition::Fade;
    else if (setting.value == "slide")
      *target = Transition::Slide;
    else if (setting.value == "none")
      *target = Transition::None;
    else {
      bad("fade, slide or none");
      return false;
    }
    return true;
  }
  void text(std::string* target) { *target = setting.value; }
};

template <typename Target>
struct SettingSpec {
  std::string_view key;
  std::function<void(Reader&, Target&)> apply;
};

template <typename Target>
void apply_setting(const std::vector<SettingSpec<Target>>& table, std::string_view where,
                   const SettingLine& setting, Target& target, DiagnosticList& out) {
  Reader reader{setting, out};
  std::vector<std::string_view> keys;
  for (const auto& spec : table) {
    if (spec.key == setting.key) return spec.apply(reader, target);
    keys.push_back(spec.key);
  }
  std::string message = "unknown " + std::string(where) + " key " + excerpt(setting.key);
  std::string suggestion = did_you_mean(setting.key, keys);
  if (!suggestion.empty())
    message += " (did you mean '" + suggestion + "'?)";
  else
    message += "; known keys are documented in docs/deck-format.md";
  out.warning(setting.line, setting.col, "unknown-key", message);
}

const std::vector<SettingSpec<DeckSettings>> kDeckSettings = {
    {"title", [](Reader& r, DeckSettings& d) { r.text(&d.title); }},
    {"author", [](Reader& r, DeckSettings& d) { r.text(&d.author); }},
    {"date", [](Reader& r, DeckSettings& d) { r.text(&d.date); }},
    {"duration", [](Reader& r, DeckSettings& d) { r.seconds(&d.duration, false); }},
    {"loop", [](Reader& r, DeckSettings& d) { r.boolean(&d.loop); }},
    {"idle-return", [](Reader& r, DeckSettings& d) { r.seconds(&d.idle_return, true); }},
    {"presenter-timeout",
     [](Reader& r, DeckSettings& d) { r.seconds(&d.presenter_timeout, true); }},
    {"theme",
     [](Reader& r, DeckSettings& d) {
       if (r.setting.value == "dark" || r.setting.value == "light")
         r.text(&d.theme);
       else
         r.bad("dark or light");
     }},
    {"font", [](Reader& r, DeckSettings& d) { r.text(&d.font); }},
    {"transition", [](Reader& r, DeckSettings& d) { r.transition(&d.transition); }},
    {"progress", [](Reader& r, DeckSettings& d) { r.boolean(&d.progress); }},
    {"counter", [](Reader& r, DeckSettings& d) { r.boolean(&d.counter); }},
};

const std::vector<SettingSpec<Slide>> kSlideSettings = {
    {"duration", [](Reader& r, Slide& s) { r.seconds(&s.duration, false); }},
    {"transition",
     [](Reader& r, Slide& s) {
       Transition t;
       if (r.transition(&t)) s.transition = t;
     }},
    {"layout",
     [](Reader& r, Slide& s) {
       if (r.setting.value == "cover")
         s.layout = SlideLayout::Cover;
       else if (r.setting.value == "default")
         s.layout = SlideLayout::Default;
       else
         r.bad("default or cover");
     }},
};

}  // namespace

void apply_deck_setting(const SettingLine& setting, DeckSettings& deck, DiagnosticList& out) {
  apply_setting(kDeckSettings, "front matter", setting, deck, out);
}

void apply_slide_setting(const SettingLine& setting, Slide& slide, DiagnosticList& out) {
  apply_setting(kSlideSettings, "slide", setting, slide, out);
}

}  // namespace boothdeck
