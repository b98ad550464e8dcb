// Command-line parsing with CLI11, merged over the configuration file: defaults, then the file,
// then the flags given. Every refusal is one sentence on stderr and exit 2.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/config_file.h"
#include "app/install_paths.h"
#include "app/options.h"
#include "app/startup.h"
#include "core/deck/settings.h"
#include "ui/operator_panel.h"

namespace boothdeck {

namespace {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "boothdeck: %s\n", message.c_str());
  return kExitBadInput;
}

// CLI11 only says an argument was not expected; a mistyped flag deserves a suggestion.
int unexpected_arguments(const CLI::App& app, const std::vector<std::string>& extras) {
  const std::string& arg = extras.front();
  if (arg.size() > 1 && arg[0] == '-') {
    std::string name = arg.substr(0, arg.find('='));
    std::vector<std::string> flags;
    for (const CLI::Option* option : app.get_options())
      for (const std::string& flag : option->get_lnames()) flags.push_back("--" + flag);
    std::vector<std::string_view> candidates(flags.begin(), flags.end());
    std::string suggestion = did_you_mean(name, candidates);
    return usage_error("unknown option " + excerpt(name) +
                       (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") +
                       "; boothdeck --help lists them all");
  }
  return usage_error("unexpected argument " + excerpt(arg) +
                     ": boothdeck shows one deck, given once (quote a path with spaces)");
}

// The configuration file: --config FILE must exist; the installed default is read if present.
int read_configuration(const std::string& given, Options* out) {
  std::string path = given.empty() ? install_paths().config_file.string() : given;
  std::error_code ec;
  if (path.empty() || (given.empty() && !std::filesystem::exists(path, ec))) return -1;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || std::filesystem::is_directory(path, ec))
    return usage_error("cannot read the configuration " + excerpt(path, 200) +
                       "; check that the file exists and is readable");
  out->config_file = path;
  std::vector<Diagnostic> problems = apply_config(text.str(), path, out);
  print_diagnostics(problems);
  return has_errors(problems) ? kExitBadInput : -1;
}

}  // namespace

int parse_command_line(int argc, char** argv, Options* out) {
  CLI::App app{"boothdeck: a kiosk presenter for trade-show booths and touchscreens", "boothdeck"};
  app.allow_extras();
  app.set_version_flag("--version", "boothdeck " BOOTHDECK_VERSION);
  std::string deck, size, log_format, pin, fonts, state_dir, duration, config;
  std::string remote, token_file, mqtt, group, mqtt_id;
  bool print = false;
  CLI::Option* deck_option = app.add_option(
      "deck", deck, "Markdown deck (default: the configuration's, else the built-in report)");
  app.add_flag("--windowed", out->windowed, "a window instead of fullscreen (Escape or Q quits)");
  app.add_option("--size", size, "WxH of the window (with --windowed) or of --export and --bench");
  app.add_flag(
      "--check", out->check,
      "validate the configuration and the deck, print problems as file:line:col, exit 2 on errors");
  app.add_flag("--verbose", out->verbose, "with --check: every occurrence, not one line per kind");
  app.add_option("--export", out->export_dir,
                 "render every slide headless to DIR/slide-NN.png and DIR/layout.json");
  app.add_option("--slide", out->only_slide, "with --export: only slide N (1-based)")
      ->check(CLI::PositiveNumber);
  app.add_flag("--bench", out->bench, "render the deck offscreen and print timings as JSON");
  CLI::Option* log_option =
      app.add_option("--log-format", log_format, "text or json (one JSON object a line on stdout)");
  CLI::Option* pin_option = app.add_option(
      "--pin", pin,
      "PIN that guards the operator panel: 1 to " + std::to_string(kPinMaxDigits) + " digits");
  CLI::Option* fonts_option =
      app.add_option("--fonts", fonts, "folder with families.conf and brand fonts");
  CLI::Option* state_option = app.add_option(
      "--state-dir", state_dir, "folder for the engagement figures (none: not written)");
  app.add_option("--duration", duration, "seconds per slide, overriding the deck (soak tests)");
  app.add_option("--config", config,
                 "configuration file (default: /etc/boothdeck/boothdeck.toml once installed)");
  app.add_flag("--print-config", print,
               "print the merged configuration and where each value comes from");
  CLI::Option* remote_option = app.add_option(
      "--remote", remote,
      "turn the HTTP remote on (docs/remote.md): PORT listens on this machine only, ADDR:PORT "
      "on that address (0.0.0.0:PORT: every network)");
  CLI::Option* token_option = app.add_option(
      "--remote-token-file", token_file,
      "the remote's token, from a file only its owner can read (default: a new one, paired by "
      "the operator panel's QR code)");
  app.add_flag("--presenter-view", out->presenter_view,
               "a second window with the notes, the next slide and clocks (also opens by itself "
               "on a second display)");
  CLI::Option* mqtt_option =
      app.add_option("--mqtt", mqtt, "join a fleet over MQTT: the broker (docs/fleets.md)");
  CLI::Option* group_option =
      app.add_option("--group", group, "with --mqtt: the fleet's group of screens");
  CLI::Option* id_option = app.add_option("--mqtt-id", mqtt_id,
                                          "with --mqtt: this screen's name in the group "
                                          "(default: the host name)");
  CLI::App* publish = app.add_subcommand(
      "publish", "send DECK (as a bundle) or --command JSON to every screen of --group, then exit");
  CLI::Option* publish_deck =
      publish->add_option("deck", deck, "the deck to send to the group")->type_name("DECK.md");
  publish
      ->add_option("--command", out->publish_command,
                   "a command instead of a deck, e.g. '{\"command\": \"next\"}'")
      ->type_name("JSON");
  publish->fallthrough();
  // Value names for --help and so for the man page.
  const std::pair<const char*, const char*> kValueNames[] = {{"deck", "DECK.md"},
                                                             {"--size", "WxH"},
                                                             {"--export", "DIR"},
                                                             {"--slide", "N"},
                                                             {"--log-format", "text|json"},
                                                             {"--pin", "DIGITS"},
                                                             {"--fonts", "DIR"},
                                                             {"--state-dir", "DIR"},
                                                             {"--duration", "SECONDS"},
                                                             {"--config", "FILE"},
                                                             {"--remote", "[ADDR:]PORT"},
                                                             {"--remote-token-file", "FILE"},
                                                             {"--mqtt", "URL"},
                                                             {"--group", "NAME"},
                                                             {"--mqtt-id", "ID"}};
  for (auto [name, value] : kValueNames) app.get_option(name)->type_name(value);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  if (!app.remaining().empty()) return unexpected_arguments(app, app.remaining());
  out->publish = publish->parsed();

  set_config_defaults(out);
  if (int code = read_configuration(config, out); code >= 0) return code;

  // Flags override the file; their values pass the same checks.
  struct Given {
    CLI::Option* option;
    const char* key;
    std::string* value;
    std::string* target;
  };
  std::string log_value;
  for (Given given :
       {Given{deck_option, "deck", &deck, &out->deck},
        Given{publish_deck, "deck", &deck, &out->deck}, Given{pin_option, "pin", &pin, &out->pin},
        Given{log_option, "log-format", &log_format, &log_value},
        Given{fonts_option, "fonts", &fonts, &out->fonts_dir},
        Given{state_option, "state-dir", &state_dir, &out->state_dir},
        Given{remote_option, "remote.listen", &remote, &out->remote.listen},
        Given{token_option, "remote.token-file", &token_file, &out->remote.token_file},
        Given{mqtt_option, "mqtt.url", &mqtt, &out->mqtt.url},
        Given{group_option, "mqtt.group", &group, &out->mqtt.group},
        Given{id_option, "mqtt.id", &mqtt_id, &out->mqtt.id}}) {
    if (given.option->count() == 0) continue;
    if (std::string problem = check_config_value(given.key, *given.value); !problem.empty())
      return usage_error(
          std::string(given.option->get_name() == "deck" ? "the deck" : given.option->get_name()) +
          ": " + problem);
    *given.target = *given.value;
    out->origin[given.key] = "command line";
  }
  if (log_option->count())
    out->log_format = log_value == "json" ? LogFormat::Json : LogFormat::Text;
  if (mqtt_option->count())
    out->mqtt.tls = out->mqtt.tls || out->mqtt.url.rfind("mqtts://", 0) == 0;
  if (!out->mqtt.url.empty() && out->mqtt.group.empty())
    return usage_error("--mqtt needs a group of screens: add --group NAME (or [mqtt] group)");

  if (!duration.empty()) {
    double seconds = 0;
    if (!parse_number(duration, &seconds) || seconds <= 0 || seconds > 1e6)
      return usage_error(
          "--duration is each slide's time on screen in seconds, above 0 (e.g. "
          "--duration 8), not " +
          excerpt(duration));
    out->duration = seconds;
  }
  if (!size.empty()) {
    int w = 0, h = 0;
    char extra = 0;
    if (std::sscanf(size.c_str(), "%dx%d%c", &w, &h, &extra) != 2 || w < 64 || h < 64 ||
        w > 16384 || h > 16384)
      return usage_error("--size must be WxH between 64x64 and 16384x16384, e.g. 1920x1080");
    // Fullscreen always fills the display at its own size; a size there would be silently ignored.
    bool kiosk = !out->check && out->export_dir.empty() && !out->bench && !print;
    if (kiosk && !out->windowed)
      return usage_error(
          "--size sets the size of a window, an export or a bench run; fullscreen "
          "always fills the display at its own size: add --windowed, or leave out --size");
    out->width = w;
    out->height = h;
  }
  if (!out->time_zone.empty()) {
    setenv("TZ", out->time_zone.c_str(), 1);
    tzset();
  }
  if (print) {
    std::fputs(print_config(*out).c_str(), stdout);
    return kExitOk;
  }
  return -1;
}

}  // namespace boothdeck
