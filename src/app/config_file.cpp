// The configuration file read into Options with toml++; needs no SDL.
// [SECTION] The key table: one row per key, with its type, its check and how to print it.
// [SECTION] Reading a TOML document into Options, with file:line:col for every problem.
// [SECTION] --print-config.
#include "app/config_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "app/install_paths.h"
#include "app/remote/remote_settings.h"
#include "ui/operator_panel.h"

namespace boothdeck {

namespace fs = std::filesystem;

namespace {

// [SECTION] The key table ------------------------------------------------------------------

enum class Type { String, Boolean, Integer, Hours };

struct Value {
  std::string text;
  bool boolean = false;
  int64_t integer = 0;
  DayHours hours;
};

struct Key {
  std::string_view name;
  Type type;
  void (*set)(Options&, const Value&);
  std::string (*get)(const Options&);
  bool path = false;    // relative to the configuration file's folder
  bool secret = false;  // masked by --print-config
};

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string boolean(bool value) {
  return value ? "true" : "false";
}

std::string hours_text(const std::optional<DayHours>& hours) {
  return hours ? quoted(format_day_hours(*hours)) : "";
}

template <int Day>
void set_weekday(Options& o, const Value& v) {
  o.show_hours.hours.set_weekday(Day, v.hours);
}
template <int Day>
std::string get_weekday(const Options& o) {
  return hours_text(o.show_hours.hours.weekday(Day));
}

#define BD_STRING(member)                                \
  [](Options& o, const Value& v) { o.member = v.text; }, \
      [](const Options& o) { return quoted(o.member); }
#define BD_BOOL(member)                                     \
  [](Options& o, const Value& v) { o.member = v.boolean; }, \
      [](const Options& o) { return boolean(o.member); }

const Key kKeys[] = {
    {"deck", Type::String, BD_STRING(deck), true},
    {"pin", Type::String, BD_STRING(pin), false, true},
    {"log-format", Type::String,
     [](Options& o, const Value& v) {
       o.log_format = v.text == "json" ? LogFormat::Json : LogFormat::Text;
     },
     [](const Options& o) { return quoted(o.log_format == LogFormat::Json ? "json" : "text"); }},
    {"fonts", Type::String, BD_STRING(fonts_dir), true},
    {"state-dir", Type::String, BD_STRING(state_dir), true},
    {"time-zone", Type::String, BD_STRING(time_zone)},
    {"show-hours.daily", Type::Hours,
     [](Options& o, const Value& v) { o.show_hours.hours.set_daily(v.hours); },
     [](const Options& o) { return hours_text(o.show_hours.hours.daily()); }},
    {"show-hours.monday", Type::Hours, set_weekday<1>, get_weekday<1>},
    {"show-hours.tuesday", Type::Hours, set_weekday<2>, get_weekday<2>},
    {"show-hours.wednesday", Type::Hours, set_weekday<3>, get_weekday<3>},
    {"show-hours.thursday", Type::Hours, set_weekday<4>, get_weekday<4>},
    {"show-hours.friday", Type::Hours, set_weekday<5>, get_weekday<5>},
    {"show-hours.saturday", Type::Hours, set_weekday<6>, get_weekday<6>},
    {"show-hours.sunday", Type::Hours, set_weekday<0>, get_weekday<0>},
    {"show-hours.trust-clock", Type::Boolean, BD_BOOL(show_hours.trust_clock)},
    {"show-hours.display-off", Type::String, BD_STRING(show_hours.display_off)},
    {"show-hours.display-on", Type::String, BD_STRING(show_hours.display_on)},
    {"engagement.enabled", Type::Boolean, BD_BOOL(engagement.enabled)},
    {"engagement.keep-days", Type::Integer,
     [](Options& o, const Value& v) { o.engagement.keep_days = static_cast<int>(v.integer); },
     [](const Options& o) { return std::to_string(o.engagement.keep_days); }},
    {"remote.listen", Type::String, BD_STRING(remote.listen)},
    {"remote.token-file", Type::String, BD_STRING(remote.token_file), true},
    {"mqtt.url", Type::String, BD_STRING(mqtt.url)},
    {"mqtt.group", Type::String, BD_STRING(mqtt.group)},
    {"mqtt.id", Type::String, BD_STRING(mqtt.id)},
    {"mqtt.tls", Type::Boolean, BD_BOOL(mqtt.tls)},
    {"mqtt.ca-file", Type::String, BD_STRING(mqtt.ca_file), true},
    {"mqtt.username", Type::String, BD_STRING(mqtt.username)},
    {"mqtt.password", Type::String, BD_STRING(mqtt.password), false, true},
};

#undef BD_STRING
#undef BD_BOOL

constexpr std::string_view kDatesTable = "show-hours.dates";

const Key* find_key(std::string_view name) {
  for (const Key& key : kKeys)
    if (key.name == name) return &key;
  return nullptr;
}

const char* type_example(Type type) {
  switch (type) {
    case Type::String:
      return "text in quotes, e.g. key = \"value\"";
    case Type::Boolean:
      return "true or false";
    case Type::Integer:
      return "a whole number";
    case Type::Hours:
      return "hours in quotes, e.g. \"09:00-18:00\" or \"closed\"";
  }
  return "";
}

// [SECTION] Reading --------------------------------------------------------------------------

struct Reader {
  std::string file;
  fs::path base;
  Options* options;
  std::vector<Diagnostic> out;
  std::optional<toml::source_region> ca_file_at = {};  // checked once the whole file is read

  void report(Code code, const toml::source_region& where, std::string message) {
    out.push_back(make_diagnostic(file, static_cast<int>(where.begin.line),
                                  static_cast<int>(where.begin.column), code, std::move(message)));
  }
  std::string origin_of(const toml::source_region& where) const {
    return file + ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
  }

  void read_table(const toml::table& table, const std::string& prefix) {
    for (auto&& [name, node] : table) {
      std::string full =
          prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
      if (full == kDatesTable) {
        read_dates(node, name.source());
      } else if (const Key* key = find_key(full)) {
        read_value(*key, node);
      } else if (node.is_table() && is_section(full)) {
        read_table(*node.as_table(), full);
      } else {
        unknown(full, name.source());
      }
    }
  }

  static bool is_section(const std::string& name) {
    std::string head = name + ".";
    return std::any_of(std::begin(kKeys), std::end(kKeys),
                       [&](const Key& k) { return k.name.substr(0, head.size()) == head; });
  }

  void unknown(const std::string& full, const toml::source_region& where) {
    std::vector<std::string_view> names = config_keys();
    names.push_back(kDatesTable);
    std::string suggestion = did_you_mean(full, names);
    if (suggestion.empty()) {
      // A key in the wrong section ("monday" at the top) is found by its last part.
      std::string_view last = std::string_view(full).substr(full.rfind('.') + 1);
      for (std::string_view n : names)
        if (n.size() > last.size() && n.substr(n.size() - last.size()) == last &&
            n[n.size() - last.size() - 1] == '.')
          suggestion = std::string(n);
    }
    report(Code::ConfigUnknownKey, where,
           "unknown key " + excerpt(full) +
               (suggestion.empty() ? "; see boothdeck --print-config for every key"
                                   : " (did you mean '" + suggestion + "'?)"));
  }

  void read_value(const Key& key, const toml::node& node) {
    const toml::source_region& where = node.source();
    Value value;
    bool typed = false;
    switch (key.type) {
      case Type::String:
      case Type::Hours:
        if (auto text = node.value_exact<std::string>()) value.text = *text, typed = true;
        break;
      case Type::Boolean:
        if (auto b = node.value_exact<bool>()) value.boolean = *b, typed = true;
        break;
      case Type::Integer:
        if (auto i = node.value_exact<int64_t>()) value.integer = *i, typed = true;
        break;
    }
    if (!typed) {
      std::string hint;
      if (key.name == "pin" && node.is_integer()) hint = " (as a number a leading 0 would be lost)";
      report(Code::ConfigBadType, where,
             excerpt(key.name) + " must be " + type_example(key.type) + hint);
      return;
    }
    if (key.type == Type::Hours) {
      std::string error;
      int col = 0;
      if (!parse_day_hours(value.text, &value.hours, &error, &col)) {
        toml::source_region at = where;
        at.begin.column += static_cast<toml::source_index>(col);  // past the opening quote
        report(Code::ConfigBadValue, at, excerpt(key.name) + ": " + error);
        return;
      }
    }
    if (key.type == Type::Integer && key.name == "engagement.keep-days" &&
        (value.integer < 1 || value.integer > 3650)) {
      report(Code::ConfigBadValue, where,
             "'engagement.keep-days' is the days of figures kept, from 1 to 3650");
      return;
    }
    if (key.path && !value.text.empty())
      value.text = (base / value.text).lexically_normal().string();
    if (key.type == Type::String) {
      if (std::string problem = check_config_value(key.name, value.text); !problem.empty()) {
        report(Code::ConfigBadValue, where, excerpt(key.name) + ": " + problem);
        return;
      }
    }
    key.set(*options, value);
    options->origin[std::string(key.name)] = origin_of(where);
    if (key.name == "mqtt.ca-file") ca_file_at = where;
  }

  void read_dates(const toml::node& node, const toml::source_region& where) {
    const toml::table* dates = node.as_table();
    if (!dates) {
      report(Code::ConfigBadType, where,
             "'show-hours.dates' is a table of dates, e.g. [show-hours.dates] then "
             "2026-12-24 = \"10:00-14:00\"");
      return;
    }
    for (auto&& [name, value] : *dates) {
      int y, m, d;
      std::string date(name.str());
      if (!parse_iso_date(date, &y, &m, &d)) {
        report(Code::ConfigBadValue, name.source(),
               "show-hours.dates: " + excerpt(date) +
                   " is not a date; write YYYY-MM-DD, e.g. 2026-12-24");
        continue;
      }
      Value hours;
      auto text = value.value_exact<std::string>();
      std::string error;
      int col = 0;
      if (!text) {
        report(Code::ConfigBadType, value.source(),
               "the hours of " + date + " must be " + type_example(Type::Hours));
        continue;
      }
      if (!parse_day_hours(*text, &hours.hours, &error, &col)) {
        toml::source_region at = value.source();
        at.begin.column += static_cast<toml::source_index>(col);
        report(Code::ConfigBadValue, at, date + ": " + error);
        continue;
      }
      options->show_hours.hours.set_date(date, hours.hours);
      options->origin[std::string(kDatesTable) + "." + date] = origin_of(value.source());
    }
  }
};

}  // namespace

std::vector<std::string_view> config_keys() {
  std::vector<std::string_view> names;
  for (const Key& key : kKeys) names.push_back(key.name);
  return names;
}

std::string check_config_value(std::string_view key, const std::string& value) {
  std::error_code ec;
  if (key == "pin") return value.empty() ? "" : pin_problem(value);
  if (key == "log-format")
    return value == "text" || value == "json"
               ? ""
               : "must be \"text\" or \"json\", not " + excerpt(value);
  if (key == "deck" && !value.empty() && fs::is_directory(value, ec)) {
    std::string found;
    int count = 0;
    for (const auto& entry : fs::directory_iterator(value, ec))
      if (entry.path().extension() == ".md" && count++ < 3)
        found += (found.empty() ? "" : ", ") + entry.path().string();
    return excerpt(value, 200) + " is a directory, not a deck; name the deck file in it" +
           (found.empty() ? "" : " (" + found + (count > 3 ? ", …" : "") + ")");
  }
  if (key == "state-dir" && !value.empty() && fs::exists(value, ec) && !fs::is_directory(value, ec))
    return excerpt(value, 200) + " is a file; the state folder must be a directory";
  if (key == "time-zone" && !value.empty()) {
    bool rule = value.find_first_of("0123456789") != std::string::npos;  // "CET-1CEST,M3.5.0,…"
    if (!rule && !fs::is_regular_file(fs::path("/usr/share/zoneinfo") / value, ec))
      return "no time zone " + excerpt(value) +
             " in /usr/share/zoneinfo; use a name such as \"Europe/Berlin\" or \"Asia/Seoul\"";
  }
  if (key == "remote.listen" && !value.empty()) {
    std::string host, error;
    int port = 0;
    if (!parse_listen(value, &host, &port, &error))
      return "is [ADDRESS:]PORT with a port from 1 to 65535, e.g. \"8080\" (this machine only) "
             "or \"0.0.0.0:8080\" (every network)";
  }
  if (key == "remote.token-file" && !value.empty()) {
    std::string token, error;
    if (!read_token_file(value, &token, &error)) return error;
  }
  if (key == "mqtt.url" && !value.empty()) {
    MqttAddress address;
    std::string error;
    if (!parse_mqtt_url(value, &address, &error))
      return error + " (e.g. \"mqtts://broker.example:8883\")";
  }
  if ((key == "mqtt.group" || key == "mqtt.id") && !value.empty())
    if (std::string problem = fleet_name_problem(value); !problem.empty()) return problem;
  return "";
}

void set_config_defaults(Options* options) {
  for (const Key& key : kKeys) options->origin[std::string(key.name)] = "default";
  const InstallPaths& paths = install_paths();
  if (options->fonts_dir.empty()) {
    options->fonts_dir = paths.fonts_dir.string();
    options->origin["fonts"] = paths.build_tree ? "default (build tree)" : "default (installed)";
  }
  // systemd's StateDirectory= (the shipped unit) names the service's state folder.
  if (const char* state = std::getenv("STATE_DIRECTORY"); state && *state) {
    std::string first(state);
    options->state_dir = first.substr(0, first.find(':'));
    options->origin["state-dir"] = "environment STATE_DIRECTORY";
  }
}

std::vector<Diagnostic> apply_config(std::string_view text, const std::string& file,
                                     Options* options) {
  Reader reader{file, fs::path(file).parent_path(), options, {}};
  toml::table table;
  try {
    table = toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    reader.report(Code::TomlSyntax, error.source(),
                  std::string(error.description()) + " (TOML syntax, see toml.io)");
    return reader.out;
  }
  reader.read_table(table, "");
  // mqtts:// means TLS unless the file says otherwise.
  auto tls = options->origin.find("mqtt.tls");
  if (tls == options->origin.end() || tls->second == "default")
    options->mqtt.tls = options->mqtt.url.rfind("mqtts://", 0) == 0;
  if (reader.ca_file_at && !options->mqtt.tls)
    reader.report(Code::ConfigNotSupported, *reader.ca_file_at,
                  "'mqtt.ca-file' has no effect without TLS: use an mqtts:// url, or tls = true");
  // toml++ keeps a table's keys sorted; problems are reported in the order of the file.
  std::stable_sort(reader.out.begin(), reader.out.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.line, a.col) < std::pair(b.line, b.col);
                   });
  return reader.out;
}

// [SECTION] --print-config ---------------------------------------------------------------------

std::string print_config(const Options& options) {
  std::string out =
      "# boothdeck --print-config: the merged configuration; after each value, where it comes "
      "from\n";
  auto origin = [&](const std::string& key) {
    auto it = options.origin.find(key);
    return it == options.origin.end() ? std::string("default") : it->second;
  };
  auto line = [&](std::string_view name, const std::string& value, const std::string& from) {
    std::string text = std::string(name) + " = " + value;
    if (text.size() < 44) text.resize(44, ' ');
    out += text + "  # " + from + "\n";
  };
  std::string section;
  for (const Key& key : kKeys) {
    size_t dot = key.name.find('.');
    std::string head = dot == std::string_view::npos ? "" : std::string(key.name.substr(0, dot));
    std::string_view name = dot == std::string_view::npos ? key.name : key.name.substr(dot + 1);
    if (head != section) {
      section = head;
      out += "\n[" + section + "]\n";
    }
    std::string value = key.get(options);
    std::string from = origin(std::string(key.name));
    if (value.empty()) {  // hours not given
      bool daily = options.show_hours.hours.daily().has_value();
      out += "# " + std::string(name) + " is not set: " +
             (name == "daily" ? "days without hours of their own run all day"
              : daily         ? "daily applies"
                              : "the show runs all day") +
             "\n";
      continue;
    }
    if (key.secret && value != "\"\"") value = "\"(set, hidden)\"";
    line(name, value, from);
  }
  if (!options.show_hours.hours.dates().empty()) {
    out += "\n[show-hours.dates]\n";
    for (const auto& [date, hours] : options.show_hours.hours.dates())
      line(date, quoted(format_day_hours(hours)), origin(std::string(kDatesTable) + "." + date));
  }
  return out;
}

}  // namespace boothdeck
