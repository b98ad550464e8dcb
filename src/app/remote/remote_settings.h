// What a booth writes for the remote and the fleet (--remote, --remote-token-file, --mqtt,
// --group, and their [remote] and [mqtt] keys), checked where it is read, before anything
// starts. Pure checks and one file read: the libraries that serve the remote and the fleet live
// in boothdeck-remote.so (remote_module.h) and are not loaded for these. No SDL.
//
//   std::string host, error; int port;
//   if (!parse_listen("0.0.0.0:8080", &host, &port, &error)) exit_bad_input(error);
//   MqttAddress broker;
//   if (!parse_mqtt_url("mqtts://broker.local", &broker, &error)) ...;   // port 8883, TLS
#pragma once

#include <string>
#include <string_view>

namespace boothdeck {

// "[ADDR:]PORT" (remote.listen, --remote) → host and port; no address means 127.0.0.1. IPv6 in
// brackets: "[::1]:8080". False with `error` when it is not that.
bool parse_listen(const std::string& listen, std::string* host, int* port, std::string* error);
// An address that only this machine reaches (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

struct MqttAddress {
  std::string host;
  int port = 1883;
  bool tls = false;  // mqtts://, or [mqtt] tls = true
};

// "mqtt://host[:port]" (1883) or "mqtts://host[:port]" (8883). False with `error` otherwise.
bool parse_mqtt_url(const std::string& url, MqttAddress* out, std::string* error);

// boothdeck/GROUP/LEAF; a group is letters, digits, '-', '_' and '.', as topics need no wildcards.
std::string fleet_topic(const std::string& group, const std::string& leaf);
// "" when `name` can be a group or a screen's id; else what is wrong.
std::string fleet_name_problem(const std::string& name);

// "" when `token` can be used (32 to 256 of A-Z a-z 0-9 . _ ~ -: at least 128 bits as hex, and
// safe in a URL and a cookie); else what is wrong.
std::string token_problem(std::string_view token);

// The token in FILE (its first line). False with `error` when the file cannot be read, when
// others can read it or anyone but its owner and group can change it (chmod 600 FILE), or when
// the token is unusable.
bool read_token_file(const std::string& path, std::string* token, std::string* error);

// `s` without the spaces, tabs and carriage returns around it (a token as written in a file or
// a header).
std::string_view trim_token_spaces(std::string_view s);

}  // namespace boothdeck
