// The remote's and the fleet's settings, checked where they are read (the command line, the
// configuration file) without the libraries that serve them: those are in boothdeck-remote.so.
#include "app/remote/remote_settings.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/deck/diagnostic.h"

namespace boothdeck {

namespace {

bool token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '~' || c == '-';
}

}  // namespace

bool parse_listen(const std::string& listen, std::string* host, int* port, std::string* error) {
  std::string_view text(listen), port_text = text, host_text;
  if (size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    host_text = text.substr(0, colon);
    port_text = text.substr(colon + 1);
  }
  if (host_text.size() >= 2 && host_text.front() == '[' && host_text.back() == ']')
    host_text = host_text.substr(1, host_text.size() - 2);
  int value = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  bool bad_host = text.find(':') != std::string_view::npos && host_text.empty();
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
      value < 1 || value > 65535 || bad_host) {
    *error =
        "--remote is [ADDRESS:]PORT with a port from 1 to 65535, e.g. 8080 (loopback only) "
        "or 0.0.0.0:8080 (every network), not " +
        excerpt(listen);
    return false;
  }
  *host = host_text.empty() ? "127.0.0.1" : std::string(host_text);
  *port = value;
  return true;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

bool parse_mqtt_url(const std::string& url, MqttAddress* out, std::string* error) {
  std::string rest;
  if (url.rfind("mqtt://", 0) == 0) {
    rest = url.substr(7), out->tls = false, out->port = 1883;
  } else if (url.rfind("mqtts://", 0) == 0) {
    rest = url.substr(8), out->tls = true, out->port = 8883;
  } else {
    *error = "the broker is mqtt://HOST[:PORT] or mqtts://HOST[:PORT], not " + excerpt(url);
    return false;
  }
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  std::string host = rest, port;
  bool has_port = false;
  if (!rest.empty() && rest.front() == '[') {  // [IPv6]:port
    size_t close = rest.find(']');
    host = close == std::string::npos ? "" : rest.substr(1, close - 1);
    has_port = close != std::string::npos && close + 1 < rest.size();
    if (has_port && rest[close + 1] != ':') host.clear();
    if (has_port) port = rest.substr(close + 2);
  } else if (size_t colon = rest.rfind(':'); colon != std::string::npos) {
    host = rest.substr(0, colon), port = rest.substr(colon + 1), has_port = true;
  }
  if (has_port) {
    char* end = nullptr;
    long value = std::strtol(port.c_str(), &end, 10);
    if (port.empty() || *end || value < 1 || value > 65535) {
      *error = "the broker's port in " + excerpt(url) + " is not a number from 1 to 65535";
      return false;
    }
    out->port = static_cast<int>(value);
  }
  if (host.empty() || host.find('/') != std::string::npos) {
    *error = "the broker's host is missing in " + excerpt(url) + ", e.g. mqtt://broker.local";
    return false;
  }
  out->host = host;
  return true;
}

std::string fleet_topic(const std::string& group, const std::string& leaf) {
  return "boothdeck/" + group + "/" + leaf;
}

std::string fleet_name_problem(const std::string& name) {
  if (name.empty()) return "is empty";
  if (name.size() > 64) return "is longer than 64 characters";
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return "may hold only letters, digits, '-', '_' and '.' (it becomes part of MQTT topics), "
             "not " +
             excerpt(name);
  return "";
}

std::string token_problem(std::string_view token) {
  if (token.size() < 32)
    return "the token has " + std::to_string(token.size()) +
           " characters; use at least 32 (e.g. openssl rand -hex 32)";
  if (token.size() > 256) return "the token is longer than 256 characters";
  for (char c : token)
    if (!token_char(c))
      return "the token may hold only A-Z, a-z, 0-9 and . _ ~ - (e.g. openssl rand -hex 32)";
  return "";
}

bool read_token_file(const std::string& path, std::string* token, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read the token file " + excerpt(path, 200) + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  std::string text;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok && (st.st_mode & (S_IRWXO | S_IWGRP))) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    *error = "the token file " + excerpt(path, 200) + " can be read or changed by others (mode " +
             mode + "); run chmod 600 on it";
    ::close(fd);
    return false;
  }
  char buffer[512];
  ssize_t n = ok ? ::read(fd, buffer, sizeof buffer) : -1;
  ::close(fd);
  if (n < 0) {
    *error = "cannot read the token file " + excerpt(path, 200) + ": not a readable file";
    return false;
  }
  std::string_view first(buffer, static_cast<size_t>(n));
  first = trim_token_spaces(first.substr(0, first.find('\n')));
  if (std::string problem = token_problem(first); !problem.empty()) {
    *error = "the token file " + excerpt(path, 200) + ": " + problem;
    return false;
  }
  *token = std::string(first);
  explicit_bzero(buffer, sizeof buffer);
  return true;
}

std::string_view trim_token_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace boothdeck
