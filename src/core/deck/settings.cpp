// The table of every key boothdeck knows: its own, and those of Marp, Slidev, reveal.js (and
// reveal-md), remark and Deckset. A row says where the key may be written and what it does;
// a key boothdeck cannot honour says, once per deck, what it does instead.
#include "core/deck/settings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/deck/css_color.h"
#include "core/deck/utf8.h"

namespace boothdeck {

std::string_view trim(std::string_view text) {
  const char* space = " \t\r\n";
  size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(space);
  return text.substr(first, last - first + 1);
}

namespace {

std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

}  // namespace

bool split_setting(std::string_view text, int line, int col, Setting* out) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view key = trim(text.substr(0, colon));
  if (key.empty() || key.find_first_of(" \t") != std::string_view::npos) return false;
  std::string_view rest = text.substr(colon + 1);
  std::string_view value = trim(rest);
  auto column = [&](std::string_view at) {
    return col + static_cast<int>(count_code_points(text.substr(0, at.data() - text.data())));
  };
  out->key = std::string(key);
  out->value = std::string(unquote(value));
  out->shape = Setting::Shape::Scalar;
  out->line = line;
  out->col = column(key);
  out->value_line = line;
  out->value_col = value.empty() ? out->col : column(value);
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

void SlideStyle::fill_from(const SlideStyle& lower) {
  auto take = [](auto& mine, const auto& theirs) {
    if (!mine && theirs) mine = theirs;
  };
  take(duration, lower.duration);
  take(transition, lower.transition);
  take(layout, lower.layout);
  take(header, lower.header);
  take(footer, lower.footer);
  take(paginate, lower.paginate);
  take(background_color, lower.background_color);
  take(text_color, lower.text_color);
  take(invert, lower.invert);
  take(background, lower.background);
  take(image_side, lower.image_side);
  take(image, lower.image);
}

namespace {

enum Places : unsigned { kFront = 1, kComment = 2, kHeader = 4, kAll = 7 };

// Everything a row's action needs: the setting, where it was written, the layer it writes.
struct Apply {
  const Setting& s;
  SettingPlace place;
  SettingsState& state;
  DiagnosticList& out;
  SlideStyle& style;
  std::string_view tool;

  bool front() const { return place == SettingPlace::FrontMatter; }
  std::string name() const {
    return "'" + s.key + "'" + (tool.empty() ? "" : " (" + std::string(tool) + ")");
  }
  // Reports once per deck for the same code, key and value.
  void once(Code code, int line, int col, const std::string& value, std::string message) {
    if (state.reported.insert(std::string(code_info(code).name) + " " + s.key + " " + value).second)
      out.add(code, line, col, std::move(message), s.key);
  }
  void bad(const std::string& expected) {
    once(Code::BadValue, s.value_line, s.value_col, s.value,
         name() + " must be " + expected + ", not " + excerpt(s.value) + "; it is ignored");
  }
  void unsupported(const std::string& instead) {
    once(Code::UnsupportedKey, s.line, s.col, "", name() + " is not supported: " + instead);
  }

  std::optional<double> seconds(bool allow_zero, double unit = 1) {
    double value;
    if (!parse_number(s.value, &value) || value < 0 || (!allow_zero && value == 0) ||
        value / unit > 1e6) {
      bad(allow_zero ? "a number of seconds (0 or more)" : "a number of seconds above 0");
      return std::nullopt;
    }
    return value / unit;
  }
  std::optional<bool> boolean() {
    std::string v = ascii_lower(s.value);
    if (v == "true" || v == "yes" || v == "on") return true;
    if (v == "false" || v == "no" || v == "off") return false;
    bad("true or false");
    return std::nullopt;
  }
  std::optional<Rgb> color() {
    if (std::optional<Rgb> rgb = parse_css_color(s.value)) return rgb;
    bad("a colour (#rrggbb, rgb(), or a CSS name)");
    return std::nullopt;
  }
};

std::optional<Transition> transition_named(std::string_view name) {
  std::string v = ascii_lower(name);
  if (v == "none" || v == "false" || v == "no") return Transition::None;
  for (std::string_view fade : {"fade", "fade-out", "crossfade", "cross-fade", "dissolve", "zoom",
                                "true", "yes", "view-transition"})
    if (v == fade) return Transition::Fade;
  for (std::string_view slide : {"slide", "slide-left", "slide-right", "slide-up", "slide-down",
                                 "push", "push-left", "push-right", "move", "cover", "reveal",
                                 "convex", "concave", "in-out", "coverflow", "cube"})
    if (v == slide) return Transition::Slide;
  return std::nullopt;
}

void apply_transition(Apply& a, std::string_view value) {
  std::optional<Transition> t = transition_named(value);
  if (!t) return a.bad("fade, slide or none");
  if (a.front())
    a.state.deck.transition = *t;
  else
    a.style.transition = t;
}

// Themes of the other tools, shown in the built-in theme closest to them.
struct ThemeRow {
  std::string_view name;
  std::string_view ours;
  std::string_view tool;
};
constexpr ThemeRow kThemes[] = {
    {"default", "light", "Marp or Slidev"}, {"gaia", "light", "Marp"},
    {"uncover", "light", "Marp"},           {"black", "dark", "reveal.js"},
    {"white", "light", "reveal.js"},        {"league", "dark", "reveal.js"},
    {"beige", "light", "reveal.js"},        {"sky", "light", "reveal.js"},
    {"night", "dark", "reveal.js"},         {"serif", "light", "reveal.js"},
    {"simple", "light", "reveal.js"},       {"solarized", "light", "reveal.js"},
    {"blood", "dark", "reveal.js"},         {"moon", "dark", "reveal.js"},
    {"dracula", "dark", "reveal.js"},       {"seriph", "light", "Slidev"},
    {"apple-basic", "light", "Slidev"},     {"bricks", "light", "Slidev"},
    {"shibainu", "light", "Slidev"},        {"penguin", "dark", "Slidev"},
};

void apply_theme(Apply& a) {
  // Deckset writes "Next, 1" (a theme and a colour variant).
  std::string name = ascii_lower(trim(a.s.value.substr(0, a.s.value.find(','))));
  if (name == "dark" || name == "light") {
    a.state.deck.theme = name;
    return;
  }
  for (const ThemeRow& row : kThemes) {
    if (row.name == name) {
      a.state.deck.theme = std::string(row.ours);
      a.once(Code::UnknownTheme, a.s.value_line, a.s.value_col, name,
             "theme " + excerpt(a.s.value) + " (" + std::string(row.tool) +
                 ") is not built in; the slides use boothdeck's " + std::string(row.ours) +
                 " theme, the closest (themes: dark, light)");
      return;
    }
  }
  a.once(Code::UnknownTheme, a.s.value_line, a.s.value_col, name,
         "theme " + excerpt(a.s.value) + " is not built in; the slides use boothdeck's " +
             a.state.deck.theme + " theme (themes: dark, light)");
}

void apply_layout(Apply& a) {
  std::string v = ascii_lower(a.s.value);
  if (v == "big-number" || v == "fact") return void(a.style.layout = SlideLayout::BigNumber);
  for (std::string_view cover :
       {"cover", "center", "intro", "section", "end", "statement", "quote", "lead"})
    if (v == cover) return void(a.style.layout = SlideLayout::Cover);
  for (std::string_view plain : {"default", "full", "none", "two-cols", "two-cols-header", "false"})
    if (v == plain) return void(a.style.layout = SlideLayout::Default);
  if (v == "true") return void(a.style.template_slide = true);  // remark's layout slide
  if (v == "image-left") return void(a.style.image_side = BackgroundSide::Left);
  if (v == "image-right") return void(a.style.image_side = BackgroundSide::Right);
  if (v == "image") return void(a.style.image_side = BackgroundSide::Full);
  if (v.rfind("iframe", 0) == 0)
    return a.unsupported("a web page cannot be shown on the kiosk; use a screenshot");
  a.bad(
      "default, cover or big-number (or a Slidev layout: center, section, fact, image-left, "
      "two-cols, …)");
}

// Marp and remark classes, and Slidev's utility classes.
void apply_class(Apply& a) {
  std::string v = ascii_lower(a.s.value);
  size_t pos = 0;
  while (pos < v.size()) {
    size_t end = v.find_first_of(" ,", pos);
    if (end == std::string::npos) end = v.size();
    std::string word = v.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (word == "lead" || word == "center" || word == "middle" || word == "title" ||
        word == "cover" || word == "text-center") {
      a.style.layout = SlideLayout::Cover;
    } else if (word == "invert" || word == "inverse") {
      a.style.invert = true;
    } else if (word == "left" || word == "top" || word == "text-left" ||
               word.rfind("hljs-", 0) == 0) {
      // Already how boothdeck places content.
    } else {
      a.once(Code::UnsupportedKey, a.s.value_line, a.s.value_col, "",
             "class " + excerpt(word) + " in " + a.name() +
                 " is not applied (only lead, invert and remark's center, middle, inverse are); "
                 "the slide uses boothdeck's theme");
    }
  }
}

// `url(images/bg.png)`, `url("bg.png")` or a bare path.
std::string css_url(std::string_view v) {
  v = trim(v);
  if (v.substr(0, 4) == "url(" && v.back() == ')') v = trim(v.substr(4, v.size() - 5));
  return std::string(unquote(v));
}

// `none` (Marp's `_backgroundImage: none`) takes away a background set before.
bool no_image(std::string_view value) {
  std::string v = ascii_lower(trim(value));
  return v.empty() || v == "none" || v == "initial" || v == "unset";
}

BackgroundRequest background_of(const Apply& a, std::string src) {
  BackgroundRequest request;
  request.src = std::move(src);
  request.line = a.s.value_line;
  request.col = a.s.value_col;
  return request;
}

// A colour, or an image path (Slidev `background:`, reveal.js `data-background`).
void apply_background(Apply& a) {
  if (std::optional<Rgb> rgb = parse_css_color(a.s.value)) {
    a.style.background_color = rgb;
    return;
  }
  std::string v = ascii_lower(a.s.value);
  if (no_image(v)) {
    a.style.background = BackgroundRequest{};
    return;
  }
  if (v.find("gradient(") != std::string::npos)
    return a.unsupported("gradients are not drawn; the theme's background is used");
  a.style.background = background_of(a, css_url(a.s.value));
}

void apply_background_image(Apply& a) {
  if (no_image(a.s.value)) {
    a.style.background = BackgroundRequest{};
    return;
  }
  if (ascii_lower(a.s.value).find("gradient(") != std::string::npos)
    return a.unsupported("gradients are not drawn; the theme's background is used");
  a.style.background = background_of(a, css_url(a.s.value));
}

void apply_background_size(Apply& a) {
  std::string v = ascii_lower(a.s.value);
  ImageFit fit;
  if (v == "contain" || v == "fit")
    fit = ImageFit::Contain;
  else if (v == "cover")
    fit = ImageFit::Cover;
  else
    return a.unsupported("the background image covers the slide");
  BackgroundRequest request = a.style.background.value_or(BackgroundRequest{});
  request.fit = fit;
  a.style.background = request;
}

// Heading levels: `2`, `[1, 3]` (Marp) or `#, ##` (Deckset).
std::vector<int> heading_levels(const Setting& s, bool* ok) {
  std::vector<int> levels;
  *ok = true;
  auto add = [&](std::string_view word) {
    word = trim(word);
    if (word.empty()) return;
    if (word.find_first_not_of('#') == std::string_view::npos && word.size() <= 6) {
      levels.push_back(static_cast<int>(word.size()));
      return;
    }
    double n;
    if (parse_number(word, &n) && n >= 1 && n <= 6 && n == std::floor(n))
      levels.push_back(static_cast<int>(n));
    else
      *ok = false;
  };
  if (s.shape == Setting::Shape::List) {
    for (const std::string& item : s.items) add(item);
  } else {
    std::string_view v = s.value;
    if (!v.empty() && v.front() == '[' && v.back() == ']') v = v.substr(1, v.size() - 2);
    size_t pos = 0;
    while (pos <= v.size()) {
      size_t end = v.find(',', pos);
      if (end == std::string_view::npos) end = v.size();
      add(v.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  return levels;
}

// Marp's headingDivider: a number means that level and every higher one.
void apply_heading_divider(Apply& a) {
  bool ok;
  std::vector<int> levels = heading_levels(a.s, &ok);
  if (ascii_lower(a.s.value) == "false") return;
  if (!ok || levels.empty()) return a.bad("a heading level 1 to 6, or a list of levels");
  if (a.s.shape == Setting::Shape::Scalar && levels.size() == 1 &&
      a.s.value.find('#') == std::string::npos) {
    int max = levels[0];
    levels.clear();
    for (int l = 1; l <= max; ++l) levels.push_back(l);
  }
  a.state.directives.heading_divider = levels;
}

// reveal-md writes separators as regular expressions; the literal line inside is what counts.
std::optional<std::string> literal_separator(std::string_view regex) {
  std::string v(regex);
  for (std::string_view noise : {"^", "$", "\\r?\\n", "\\r\\n", "\\n", "\\r?"}) {
    size_t at;
    while ((at = v.find(noise)) != std::string::npos) v.erase(at, noise.size());
  }
  std::string_view t = trim(v);
  if (t.empty() || t.find_first_of("\\[](){}*+?|.") != std::string_view::npos) return std::nullopt;
  return std::string(t);
}

void apply_separator(Apply& a, std::string* target) {
  if (std::optional<std::string> literal = literal_separator(a.s.value))
    *target = *literal;
  else
    a.unsupported("only a separator that is one literal line is read; slides split on '---'");
}

void apply_reveal_options(Apply& a) {
  for (const Setting& child : a.s.children) {
    Apply c{child, a.place, a.state, a.out, a.style, "reveal.js revealOptions"};
    if (child.key == "transition") {
      apply_transition(c, child.value);
    } else if (child.key == "loop") {
      if (auto b = c.boolean()) a.state.deck.loop = *b;
    } else if (child.key == "autoSlide") {
      if (auto ms = c.seconds(true, 1000); ms && *ms > 0) a.state.deck.duration = *ms;
    } else if (child.key == "slideNumber") {
      a.style.paginate = ascii_lower(child.value) != "false";
    }
    // The rest (controls, progress, hash, center, …) steer reveal.js's own player.
  }
}

void apply_slidev_fonts(Apply& a) {
  for (const Setting& child : a.s.children)
    if (child.key == "sans" && !child.value.empty())
      a.state.deck.font = std::string(trim(child.value.substr(0, child.value.find(','))));
}

void silent(Apply&) {}

struct KeyRow {
  std::string_view key;
  std::string_view tool;  // "" = boothdeck's own
  unsigned places;
  bool carries;  // in a comment: that slide and every later one (Marp's local directives)
  void (*apply)(Apply&);
};

// clang-format off
const KeyRow kKeys[] = {
    // boothdeck's own
    {"title", "", kFront | kComment | kHeader, false, [](Apply& a) {
       if (a.place != SettingPlace::SlideHeader) a.state.deck.title = a.s.value; }},
    {"author", "", kFront | kComment, false, [](Apply& a) { a.state.deck.author = a.s.value; }},
    {"date", "", kFront, false, [](Apply& a) { a.state.deck.date = a.s.value; }},
    {"duration", "", kAll, false, [](Apply& a) {
       if (auto s = a.seconds(false)) {
         if (a.front()) a.state.deck.duration = *s;
         else a.style.duration = s;
       } }},
    {"loop", "", kFront, false, [](Apply& a) { if (auto b = a.boolean()) a.state.deck.loop = *b; }},
    {"idle-return", "", kFront, false, [](Apply& a) {
       if (auto s = a.seconds(true)) a.state.deck.idle_return = *s; }},
    {"presenter-timeout", "", kFront, false, [](Apply& a) {
       if (auto s = a.seconds(true)) a.state.deck.presenter_timeout = *s; }},
    {"theme", "", kFront | kComment, false, apply_theme},
    {"font", "", kFront, false, [](Apply& a) { a.state.deck.font = a.s.value; }},
    {"transition", "", kAll, false, [](Apply& a) { apply_transition(a, a.s.value); }},
    {"progress", "", kFront, false, [](Apply& a) { if (auto b = a.boolean()) a.state.deck.progress = *b; }},
    {"counter", "", kFront, false, [](Apply& a) { if (auto b = a.boolean()) a.state.deck.counter = *b; }},
    {"sync", "", kFront, false, [](Apply& a) {
       std::string v = ascii_lower(a.s.value);
       if (v == "wallclock") a.state.deck.sync_wallclock = true;
       else if (v == "none") a.state.deck.sync_wallclock = false;
       else a.bad("wallclock or none"); }},
    {"layout", "", kAll, false, apply_layout},
    {"dialect", "", kFront, false, [](Apply& a) {
       if (!dialect_named(a.s.value))
         a.once(Code::UnknownDialect, a.s.value_line, a.s.value_col, a.s.value,
                "dialect " + excerpt(a.s.value) + " is not one boothdeck reads (marp, reveal, slidev, "
                "remark, deckset, boothdeck); it is detected from the file"); }},
    // Marp (Marpit directives); several are also remark's and Slidev's
    {"marp", "Marp", kFront | kComment, false, silent},
    {"paginate", "Marp", kAll, true, [](Apply& a) { if (auto b = a.boolean()) a.style.paginate = b; }},
    {"header", "Marp", kAll, true, [](Apply& a) { a.style.header = a.s.value; }},
    {"footer", "Marp", kAll, true, [](Apply& a) { a.style.footer = a.s.value; }},
    {"class", "Marp", kAll, true, apply_class},
    {"backgroundColor", "Marp", kAll, true, [](Apply& a) {
       if (auto c = a.color()) a.style.background_color = c; }},
    {"color", "Marp", kAll, true, [](Apply& a) { if (auto c = a.color()) a.style.text_color = c; }},
    {"backgroundImage", "Marp", kAll, true, apply_background_image},
    {"backgroundSize", "Marp", kAll, true, apply_background_size},
    {"backgroundPosition", "Marp", kAll, true, [](Apply& a) {
       a.unsupported("the background image is centred"); }},
    {"backgroundRepeat", "Marp", kAll, true, [](Apply& a) {
       a.unsupported("the background image is drawn once"); }},
    {"headingDivider", "Marp", kFront | kComment, false, apply_heading_divider},
    {"size", "Marp", kFront | kComment, false, [](Apply& a) {
       if (a.s.value != "16:9") a.unsupported("slides are laid out for the screen's own shape"); }},
    {"math", "Marp", kFront | kComment, false, silent},  // math is shown as text: math-as-text
    {"style", "Marp", kFront | kComment, false, [](Apply& a) {
       a.unsupported("custom CSS is not applied; the slides use boothdeck's theme"); }},
    {"description", "Marp", kFront | kComment, false, silent},
    {"keywords", "Marp", kFront | kComment, false, silent},
    {"url", "Marp", kFront | kComment, false, silent},
    {"lang", "Marp", kFront | kComment, false, silent},
    {"image", "Marp or Slidev", kFront | kHeader, false, [](Apply& a) {
       // Marp's is the page's social-media picture; Slidev's is shown by the slide's layout.
       if (a.state.dialect == Dialect::Slidev || a.place == SettingPlace::SlideHeader)
         a.style.image = background_of(a, css_url(a.s.value)); }},
    // Slidev
    {"background", "Slidev", kFront | kHeader, false, apply_background},
    {"colorSchema", "Slidev", kFront, false, [](Apply& a) {
       std::string v = ascii_lower(a.s.value);
       if (v == "dark" || v == "light") a.state.deck.theme = v;
       else if (v != "auto" && v != "all") a.bad("light, dark or auto"); }},
    {"fonts", "Slidev", kFront, false, apply_slidev_fonts},
    {"highlighter", "Slidev", kFront, false, [](Apply& a) {
       a.unsupported("code is shown in one colour, without syntax highlighting"); }},
    {"lineNumbers", "Slidev", kFront, false, [](Apply& a) {
       if (ascii_lower(a.s.value) == "true") a.unsupported("code is shown without line numbers"); }},
    {"themeConfig", "Slidev", kFront, false, [](Apply& a) {
       a.unsupported("the theme's colours are not applied; the slides use boothdeck's theme"); }},
    {"addons", "Slidev", kFront, false, [](Apply& a) { a.unsupported("add-ons are not run"); }},
    {"defaults", "Slidev", kFront, false, [](Apply& a) {
       a.unsupported("per-layout defaults are not applied; write the settings on each slide"); }},
    {"css", "Slidev or reveal-md", kFront, false, [](Apply& a) {
       a.unsupported("custom CSS is not applied; the slides use boothdeck's theme"); }},
    {"unocss", "Slidev", kFront, false, [](Apply& a) {
       a.unsupported("utility classes are not applied; the slides use boothdeck's theme"); }},
    {"aspectRatio", "Slidev", kFront, false, [](Apply& a) {
       if (a.s.value != "16/9" && a.s.value != "16:9")
         a.unsupported("slides are laid out for the screen's own shape"); }},
    {"canvasWidth", "Slidev", kFront, false, silent},  // boothdeck scales to the screen
    {"info", "Slidev", kFront, false, silent},
    {"drawings", "Slidev", kFront, false, silent},
    {"record", "Slidev", kFront, false, silent},
    {"download", "Slidev", kFront, false, silent},
    {"exportFilename", "Slidev", kFront, false, silent},
    {"favicon", "Slidev", kFront, false, silent},
    {"routerMode", "Slidev", kFront, false, silent},
    {"selectable", "Slidev", kFront, false, silent},
    {"presenter", "Slidev", kFront, false, silent},
    {"contextMenu", "Slidev", kFront, false, silent},
    {"wakeLock", "Slidev", kFront, false, silent},
    {"seoMeta", "Slidev", kFront, false, silent},
    {"htmlAttrs", "Slidev", kFront, false, silent},
    {"mdc", "Slidev", kFront, false, silent},
    {"monaco", "Slidev", kFront, false, silent},
    {"remoteAssets", "Slidev", kFront, false, silent},
    {"plantUmlServer", "Slidev", kFront, false, silent},  // diagrams: diagram-as-code
    {"browserExporter", "Slidev", kFront, false, silent},
    {"twoslash", "Slidev", kFront, false, silent},
    {"hideInToc", "Slidev", kFront | kHeader, false, silent},
    {"level", "Slidev", kHeader, false, silent},
    {"routeAlias", "Slidev", kHeader, false, silent},
    {"preload", "Slidev", kHeader, false, silent},
    {"clicks", "Slidev", kHeader, false, [](Apply& a) {
       a.once(Code::BuildSteps, a.s.line, a.s.col, "", "'clicks' (Slidev): the slide is shown with every click done"); }},
    {"hide", "Slidev", kHeader, false, [](Apply& a) {
       if (auto b = a.boolean(); b && *b) a.style.exclude = true; }},
    {"disabled", "Slidev", kHeader, false, [](Apply& a) {
       if (auto b = a.boolean(); b && *b) a.style.exclude = true; }},
    {"zoom", "Slidev", kHeader, false, [](Apply& a) {
       a.unsupported("slides are fitted to the screen instead"); }},
    {"dragPos", "Slidev", kHeader, false, [](Apply& a) {
       a.unsupported("dragged positions are not applied; elements are laid out in order"); }},
    {"src", "Slidev", kHeader, false, [](Apply& a) {
       a.unsupported("slides imported from another file are not shown; copy them into the deck"); }},
    // reveal.js (reveal-md front matter and <!-- .slide: --> attributes)
    {"revealOptions", "reveal-md", kFront, false, apply_reveal_options},
    {"separator", "reveal-md", kFront, false, [](Apply& a) {
       apply_separator(a, &a.state.directives.separator); }},
    {"verticalSeparator", "reveal-md", kFront, false, [](Apply& a) {
       apply_separator(a, &a.state.directives.vertical_separator); }},
    {"notesSeparator", "reveal-md", kFront, false, [](Apply& a) {
       if (ascii_lower(a.s.value).find("note") == std::string::npos)
         a.unsupported("notes start at a 'Note:' line"); }},
    {"highlightTheme", "reveal-md", kFront, false, [](Apply& a) {
       a.unsupported("code is shown in one colour, without syntax highlighting"); }},
    {"scripts", "reveal-md", kFront, false, [](Apply& a) { a.unsupported("scripts are not run"); }},
    {"preprocessor", "reveal-md", kFront, false, [](Apply& a) { a.unsupported("the deck is read as it is"); }},
    {"data-background-color", "reveal.js", kHeader, false, [](Apply& a) {
       if (auto c = a.color()) a.style.background_color = c; }},
    {"data-background", "reveal.js", kHeader, false, apply_background},
    {"data-background-image", "reveal.js", kHeader, false, apply_background_image},
    {"data-background-size", "reveal.js", kHeader, false, apply_background_size},
    {"data-background-opacity", "reveal.js", kHeader, false, [](Apply& a) {
       a.unsupported("the background image is drawn opaque"); }},
    {"data-background-position", "reveal.js", kHeader, false, [](Apply& a) {
       a.unsupported("the background image is centred"); }},
    {"data-background-repeat", "reveal.js", kHeader, false, [](Apply& a) {
       a.unsupported("the background image is drawn once"); }},
    {"data-background-video", "reveal.js", kHeader, false, [](Apply& a) {
       a.unsupported("videos are not played; use an image"); }},
    {"data-background-iframe", "reveal.js", kHeader, false, [](Apply& a) {
       a.unsupported("a web page cannot be shown on the kiosk; use a screenshot"); }},
    {"data-transition", "reveal.js", kHeader, false, [](Apply& a) { apply_transition(a, a.s.value); }},
    {"data-autoslide", "reveal.js", kHeader, false, [](Apply& a) {
       if (auto s = a.seconds(false, 1000)) a.style.duration = s; }},
    {"data-visibility", "reveal.js", kHeader, false, [](Apply& a) {
       if (a.s.value == "hidden") a.style.exclude = true; }},
    {"data-state", "reveal.js", kHeader, false, silent},
    {"data-auto-animate", "reveal.js", kHeader, false, silent},
    {"id", "reveal.js", kHeader, false, silent},
    // remark slide properties
    {"name", "remark", kHeader, false, silent},
    {"count", "remark", kHeader, false, silent},
    {"exclude", "remark", kHeader, false, [](Apply& a) {
       if (auto b = a.boolean(); b && *b) a.style.exclude = true; }},
    {"template", "remark", kHeader, false, [](Apply& a) {
       a.unsupported("the slide is shown without its template; copy the template's content in"); }},
    {"background-image", "remark", kHeader, false, apply_background_image},
    {"background-size", "remark", kHeader, false, apply_background_size},
    {"background-position", "remark", kHeader, false, [](Apply& a) {
       a.unsupported("the background image is centred"); }},
    // Deckset (settings lines at the top, [.key: value] on a slide)
    {"autoscale", "Deckset", kFront | kHeader, false, silent},  // boothdeck always fits
    {"slidenumbers", "Deckset", kFront | kHeader, false, [](Apply& a) {
       if (auto b = a.boolean()) a.style.paginate = b; }},
    {"slidecount", "Deckset", kFront, false, [](Apply& a) {
       if (auto b = a.boolean(); b && *b) a.style.paginate = true; }},
    {"hide-footer", "Deckset", kHeader, false, [](Apply& a) { a.style.footer = ""; }},
    {"build-lists", "Deckset", kFront | kHeader, false, [](Apply& a) {
       if (ascii_lower(a.s.value) != "false")
         a.once(Code::BuildSteps, a.s.line, a.s.col, "", "'build-lists' (Deckset): lists are shown complete"); }},
    {"slide-transition", "Deckset", kFront | kHeader, false, [](Apply& a) {
       apply_transition(a, a.s.value.substr(0, a.s.value.find('('))); }},
    {"slide-dividers", "Deckset", kFront, false, [](Apply& a) {
       bool ok;
       std::vector<int> levels = heading_levels(a.s, &ok);
       if (ok && !levels.empty()) a.state.directives.heading_divider = levels;
       else a.bad("heading marks such as #, ##"); }},
    {"fit-header", "Deckset", kFront | kHeader, false, [](Apply& a) {
       bool ok;
       std::vector<int> levels = heading_levels(a.s, &ok);
       if (ok) a.state.directives.fit_levels = levels;
       else a.bad("heading marks such as #, ##"); }},
    {"background-color", "Deckset", kFront | kHeader, false, [](Apply& a) {
       if (auto c = a.color()) a.style.background_color = c; }},
    {"presenter-notes", "Deckset", kFront, false, silent},
    {"code-language", "Deckset", kFront, false, silent},
    {"code-highlight", "Deckset", kHeader, false, silent},
    {"column", "Deckset", kHeader, false, silent},  // columns are split before settings
    {"text", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("text styling is not applied; the slides use boothdeck's theme"); }},
    {"text-strong", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("text styling is not applied; the slides use boothdeck's theme"); }},
    {"text-emphasis", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("text styling is not applied; the slides use boothdeck's theme"); }},
    {"header-strong", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("heading styling is not applied; the slides use boothdeck's theme"); }},
    {"footer-style", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("footer styling is not applied; the slides use boothdeck's theme"); }},
    {"slidenumber-style", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("slide number styling is not applied; the slides use boothdeck's theme"); }},
    {"list", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("list styling is not applied; the slides use boothdeck's theme"); }},
    {"quote", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("quote styling is not applied; the slides use boothdeck's theme"); }},
    {"table-separator", "Deckset", kFront | kHeader, false, [](Apply& a) {
       a.unsupported("table styling is not applied; the slides use boothdeck's theme"); }},
};
// clang-format on

// The `header` row also serves Deckset's styling command `[.header: #FF0000, …]`: a colour
// there is styling, not a header text.
bool deckset_styling(const Setting& s, SettingPlace place, Dialect dialect) {
  return place != SettingPlace::Comment && dialect == Dialect::Deckset && s.key == "header";
}

const KeyRow* find_row(std::string_view key) {
  for (const KeyRow& row : kKeys)
    if (row.key == key) return &row;
  return nullptr;
}

unsigned place_bit(SettingPlace place) {
  switch (place) {
    case SettingPlace::FrontMatter:
      return kFront;
    case SettingPlace::Comment:
      return kComment;
    case SettingPlace::SlideHeader:
      return kHeader;
  }
  return 0;
}

std::vector<std::string_view> own_keys(SettingPlace place) {
  std::vector<std::string_view> keys;
  for (const KeyRow& row : kKeys)
    if (row.tool.empty() && (row.places & place_bit(place))) keys.push_back(row.key);
  return keys;
}

// Slidev's head matter is also its first slide's front matter: its slide keys go there.
// No other tool writes a layout or a background path in front matter.
bool first_slide_key(std::string_view key, Dialect dialect) {
  for (std::string_view k : {"layout", "background", "image"})
    if (key == k) return true;
  return dialect == Dialect::Slidev && (key == "class" || key == "backgroundSize");
}

}  // namespace

bool is_setting_key(std::string_view key, SettingPlace place) {
  bool spot = place == SettingPlace::Comment && key.size() > 1 && key[0] == '_';
  const KeyRow* row = find_row(spot ? key.substr(1) : key);
  if (row) return spot ? row->carries : (row->places & place_bit(place)) != 0;
  if (place != SettingPlace::Comment) return false;
  return !did_you_mean(key, own_keys(place)).empty();
}

bool is_slide_header_key(std::string_view key) {
  const KeyRow* row = find_row(key);
  return row && (row->places & kHeader) && !row->key.starts_with("data-");
}

void apply_dialect_defaults(SettingsState& state) {
  Dialect d = state.dialect;
  if (d == Dialect::Marp || d == Dialect::Slidev || d == Dialect::Remark)
    state.deck.theme = "light";
}

void apply_setting(const Setting& setting, SettingPlace place, SettingsState& state,
                   DiagnosticList& out) {
  bool spot = place == SettingPlace::Comment && setting.key.size() > 1 && setting.key[0] == '_';
  std::string_view key = spot ? std::string_view(setting.key).substr(1) : setting.key;
  const KeyRow* row = find_row(key);
  if (row && spot && !row->carries) row = nullptr;
  if (row && !(row->places & place_bit(place)) && !spot) row = nullptr;
  if (!row || deckset_styling(setting, place, state.dialect)) {
    if (row) {  // Deckset's [.header: …] styles headings
      Apply a{setting, place, state, out, state.spot, "Deckset"};
      return a.unsupported("heading styling is not applied; the slides use boothdeck's theme");
    }
    std::string where = place == SettingPlace::FrontMatter ? "front matter" : "slide";
    std::string message = "unknown " + where + " key " + excerpt(setting.key);
    std::string suggestion = did_you_mean(setting.key, own_keys(place));
    if (!suggestion.empty())
      message += " (did you mean '" + suggestion + "'?)";
    else
      message += "; it is ignored (known keys: docs/deck-format.md)";
    if (state.reported.insert("unknown-key " + setting.key).second)
      out.add(Code::UnknownKey, setting.line, setting.col, message, setting.key);
    return;
  }
  SlideStyle* layer = &state.spot;
  if (place == SettingPlace::FrontMatter)
    layer = first_slide_key(key, state.dialect) ? &state.first : &state.defaults;
  else if (place == SettingPlace::Comment && row->carries && !spot)
    layer = &state.carried;
  Setting plain = setting;
  plain.key = std::string(key);
  Apply a{plain, place, state, out, *layer, row->tool};
  row->apply(a);
}

}  // namespace boothdeck
