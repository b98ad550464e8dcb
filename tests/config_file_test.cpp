// The configuration file read from strings: every kind of mistake is a diagnostic with
// file:line:col and a code; values and their origins; the shipped default configuration; where
// an installed or an in-place binary finds its files.
#include "app/config_file.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/install_paths.h"
#include "temp_dir.h"

using namespace boothdeck;

namespace {

struct Read {
  Options options;
  std::vector<Diagnostic> diagnostics;
};

Read read(const std::string& text, const std::string& file = "/etc/boothdeck/boothdeck.toml") {
  Read r;
  r.diagnostics = apply_config(text, file, &r.options);
  return r;
}

}  // namespace

TEST_CASE("mistakes in the configuration: code, line and column") {
  struct Row {
    const char* text;
    Code code;
    int line, col;
    Severity severity;
  };
  const Row rows[] = {
      {"deck = \"a.md\"\npin = \"12 34\"\n", Code::ConfigBadValue, 2, 7, Severity::Error},
      {"pin = \"abcd\"", Code::ConfigBadValue, 1, 7, Severity::Error},
      {"pin = \"1234567890123\"", Code::ConfigBadValue, 1, 7, Severity::Error},
      {"pin = 1234", Code::ConfigBadType, 1, 7, Severity::Error},
      {"log-format = \"xml\"", Code::ConfigBadValue, 1, 14, Severity::Error},
      {"dekc = \"a.md\"", Code::ConfigUnknownKey, 1, 1, Severity::Error},
      {"monday = \"09:00-18:00\"", Code::ConfigUnknownKey, 1, 1, Severity::Error},
      {"[show-hours]\nmonday = \"9-18\"", Code::ConfigBadValue, 2, 11, Severity::Error},
      {"[show-hours]\nmonday = \"09:00-18:00; 19:00-20:00\"", Code::ConfigBadValue, 2, 22,
       Severity::Error},
      {"[show-hours]\ntrust-clock = \"yes\"", Code::ConfigBadType, 2, 15, Severity::Error},
      {"[show-hours.dates]\n2026-02-30 = \"closed\"", Code::ConfigBadValue, 2, 1, Severity::Error},
      {"[show-hours.dates]\n2026-12-24 = 10", Code::ConfigBadType, 2, 14, Severity::Error},
      {"[engagement]\nkeep-days = 0", Code::ConfigBadValue, 2, 13, Severity::Error},
      {"[remote]\nlisten = \"host:http\"", Code::ConfigBadValue, 2, 10, Severity::Error},
      {"[remote]\nlisten = \":8080\"", Code::ConfigBadValue, 2, 10, Severity::Error},
      {"[remote]\ntoken-file = \"/nonexistent/token\"", Code::ConfigBadValue, 2, 14,
       Severity::Error},
      {"[mqtt]\nurl = \"http://broker\"", Code::ConfigBadValue, 2, 7, Severity::Error},
      {"[mqtt]\nurl = \"mqtt://:1883\"", Code::ConfigBadValue, 2, 7, Severity::Error},
      {"[mqtt]\ngroup = \"hall a/#\"", Code::ConfigBadValue, 2, 9, Severity::Error},
      {"[mqtt]\nid = \"booth 3\"", Code::ConfigBadValue, 2, 6, Severity::Error},
      {"[mqtt]\nurl = \"mqtt://b\"\nca-file = \"ca.pem\"", Code::ConfigNotSupported, 3, 11,
       Severity::Warning},
      {"time-zone = \"Mars/Olympus\"", Code::ConfigBadValue, 1, 13, Severity::Error},
      {"deck = \"a.md\"\ndeck = \"b.md\"", Code::TomlSyntax, 2, 8, Severity::Error},
      {"[show-hours\nmonday = 1", Code::TomlSyntax, 1, 12, Severity::Error},
  };
  for (const Row& row : rows) {
    std::string text = row.text;
    CAPTURE(text);
    Read r = read(row.text);
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.code == row.code);
    CHECK(d.line == row.line);
    CHECK(d.col == row.col);
    CHECK(d.severity == row.severity);
    CHECK(d.file == "/etc/boothdeck/boothdeck.toml");
  }
}

TEST_CASE("did-you-mean for a misspelt key, or one in the wrong section") {
  CHECK(read("dekc = \"a.md\"").diagnostics[0].message.find("'deck'") != std::string::npos);
  CHECK(read("monday = \"closed\"").diagnostics[0].message.find("'show-hours.monday'") !=
        std::string::npos);
  CHECK(read("[mqtt]\npasword = \"x\"").diagnostics[0].message.find("'mqtt.password'") !=
        std::string::npos);
}

TEST_CASE("values and where they came from") {
  Read r = read(
      "deck = \"decks/booth.md\"\n"
      "log-format = \"json\"\n"
      "pin = \"0042\"\n"
      "[show-hours]\n"
      "daily = \"09:00-18:00\"\n"
      "sunday = \"closed\"\n"
      "display-off = \"xset dpms force off\"\n"
      "[show-hours.dates]\n"
      "2026-12-24 = \"10:00-14:00\"\n"
      "[engagement]\n"
      "keep-days = 30\n"
      "[mqtt]\n"
      "url = \"mqtts://broker.example:8883\"\n",
      "/etc/boothdeck/boothdeck.toml");
  CHECK(r.diagnostics.empty());
  const Options& o = r.options;
  CHECK(o.deck == "/etc/boothdeck/decks/booth.md");  // relative to the configuration's folder
  CHECK(o.log_format == LogFormat::Json);
  CHECK(o.pin == "0042");
  CHECK(o.show_hours.display_off == "xset dpms force off");
  CHECK(o.engagement.keep_days == 30);
  CHECK(o.mqtt.tls);  // mqtts:// without tls = … means TLS
  CHECK(o.origin.at("deck") == "/etc/boothdeck/boothdeck.toml:1:8");
  CHECK(o.origin.at("show-hours.sunday") == "/etc/boothdeck/boothdeck.toml:6:10");
  CHECK(o.origin.at("show-hours.dates.2026-12-24") == "/etc/boothdeck/boothdeck.toml:9:14");
  LocalTime christmas_eve;
  christmas_eve.year = 2026, christmas_eve.month = 12, christmas_eve.day = 24;
  christmas_eve.weekday = 4, christmas_eve.minute = 15 * 60;
  CHECK_FALSE(o.show_hours.hours.open_at(christmas_eve));

  std::string printed = print_config(o);
  CHECK(printed.find("pin = \"(set, hidden)\"") != std::string::npos);
  CHECK(printed.find("0042") == std::string::npos);
  CHECK(printed.find("# /etc/boothdeck/boothdeck.toml:2:14") != std::string::npos);
  CHECK(printed.find("2026-12-24 = \"10:00-14:00\"") != std::string::npos);
  CHECK(printed.find("monday is not set: daily applies") != std::string::npos);
  // What --print-config prints reads back as the same configuration (secrets aside).
  Read again = read(printed, "/tmp/printed.toml");
  for (const Diagnostic& d : again.diagnostics)
    CHECK_MESSAGE(d.code != Code::TomlSyntax, format_diagnostic(d));
}

TEST_CASE("the shipped default configuration reads clean and names every key") {
  std::ifstream in(BOOTHDECK_SOURCE_DIR "/packaging/boothdeck.toml");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  Read r = read(text.str());
  for (const Diagnostic& d : r.diagnostics) CHECK_MESSAGE(false, format_diagnostic(d));
  for (std::string_view key : config_keys()) {
    std::string name(key.substr(key.find('.') + 1));
    CHECK_MESSAGE(text.str().find(name + " =") != std::string::npos, key);
  }
}

TEST_CASE("values from the command line pass the same checks") {
  CHECK(check_config_value("pin", "1234").empty());
  CHECK(check_config_value("pin", "").empty());  // no PIN
  CHECK_FALSE(check_config_value("pin", "12 34").empty());
  CHECK_FALSE(check_config_value("pin", "１２３４").empty());  // full-width digits
  CHECK_FALSE(check_config_value("log-format", "JSON").empty());
  TempDir dir;
  dir.write("deck.md", "# x\n");
  std::string problem = check_config_value("deck", dir.path.string());
  CHECK(problem.find("is a directory") != std::string::npos);
  CHECK(problem.find("deck.md") != std::string::npos);
  CHECK(check_config_value("deck", (dir.path / "deck.md").string()).empty());
  CHECK_FALSE(check_config_value("state-dir", (dir.path / "deck.md").string()).empty());
  CHECK(check_config_value("remote.listen", "127.0.0.1:8080").empty());
  CHECK(check_config_value("remote.listen", "[::1]:8080").empty());
  CHECK_FALSE(check_config_value("remote.listen", "70000").empty());
  CHECK(check_config_value("time-zone", "CET-1CEST,M3.5.0,M10.5.0/3").empty());
}

TEST_CASE("where the program's files are: in place, or installed under a prefix") {
  TempDir dir;
  dir.write("build/CMakeCache.txt", "");
  InstallPaths in_place = install_paths_for(dir.path / "build" / "boothdeck", "/src/boothdeck");
  CHECK(in_place.build_tree);
  CHECK(in_place.fonts_dir == "/src/boothdeck/fonts");
  CHECK(in_place.config_file.empty());

  InstallPaths usr = install_paths_for("/usr/bin/boothdeck", "/src/boothdeck");
  CHECK_FALSE(usr.build_tree);
  CHECK(usr.fonts_dir == "/usr/share/boothdeck/fonts");
  CHECK(usr.decks_dir == "/usr/share/boothdeck/decks");
  CHECK(usr.config_file == "/etc/boothdeck/boothdeck.toml");
  InstallPaths local = install_paths_for("/usr/local/bin/boothdeck", "/src/boothdeck");
  CHECK(local.config_file == "/usr/local/etc/boothdeck/boothdeck.toml");
  CHECK(local.fonts_dir == "/usr/local/share/boothdeck/fonts");
}
