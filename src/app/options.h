// The command line and the configuration file, merged: docs/design.md's command-line contract plus
// the keys of /etc/boothdeck/boothdeck.toml (see config_file.h). Flags override the file.
#pragma once

#include <map>
#include <string>

#include "core/schedule/show_hours.h"

namespace boothdeck {

enum class LogFormat { Text, Json };

// [show-hours]: when the show runs; outside, the screen blanks and `display_off` runs.
struct ShowHoursSettings {
  ShowHours hours;           // no entries: around the clock
  bool trust_clock = false;  // act on the clock before systemd-timesyncd has synchronised it
  std::string display_off;   // shell command run when the show stops ("" = none)
  std::string display_on;    // and when it starts again
};

// [engagement]: figures per slide and day in STATE/engagement/ (engagement_log.h).
struct EngagementSettings {
  bool enabled = true;
  int keep_days = 90;
};

// [remote]: the HTTP remote control (docs/remote.md).
struct RemoteSettings {
  std::string listen;      // "[ADDR:]PORT"; empty = off; no address = loopback only
  std::string token_file;  // the bearer token, one line; empty = a random one, paired by QR
};

// [mqtt]: fleets of screens (docs/fleets.md).
struct MqttSettings {
  std::string url;    // mqtt://host[:port] or mqtts://host[:port]; empty = off
  std::string group;  // topics boothdeck/GROUP/…, shared by a fleet of booths
  std::string id;     // this screen in the group; empty = the host name
  bool tls = false;   // defaults to true for mqtts://
  std::string ca_file;
  std::string username;
  std::string password;
};

struct Options {
  std::string deck;  // empty: the built-in report
  bool windowed = false;
  bool presenter_view = false;  // a second window with notes, the next slide and clocks
  bool publish = false;         // `boothdeck publish`: a deck bundle or a command to a group
  std::string publish_command;  // `boothdeck publish --command JSON`
  int width = 0, height = 0;    // --size; 0 = the display's own
  bool check = false;
  bool verbose = false;  // --check --verbose: every diagnostic, not one line per kind
  std::string export_dir;
  bool bench = false;
  LogFormat log_format = LogFormat::Text;
  std::string pin;        // operator panel PIN; empty = none
  std::string fonts_dir;  // families.conf and brand fonts
  double duration = 0;    // --duration: overrides every slide's, for soak runs
  int only_slide = 0;     // --slide N (1-based) with --export: just that slide

  std::string config_file;  // the configuration that was read; empty = none
  std::string state_dir;    // engagement figures; empty = not written
  std::string time_zone;    // for show hours and dates; empty = the system's
  ShowHoursSettings show_hours;
  EngagementSettings engagement;
  RemoteSettings remote;
  MqttSettings mqtt;
  // Where each configuration key's value came from: "default", "command line",
  // "FILE:LINE:COL", … (for --print-config and for messages about values).
  std::map<std::string, std::string> origin;
};

// Fills `out`; returns an exit code to stop with (usage error 2, --help 0), or -1 to go on.
int parse_command_line(int argc, char** argv, Options* out);

}  // namespace boothdeck
