// systemd's side of the notify protocol for tests: a datagram socket named by NOTIFY_SOCKET
// that records each message, and judges the watchdog as systemd does (fired when no
// WATCHDOG=1 came for WatchdogSec). Time is the test's fake time.
#pragma once

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "temp_dir.h"

struct FakeSystemd {
  TempDir dir;
  int fd = -1;
  double watchdog;
  double last_ping;
  std::vector<std::string> messages;

  explicit FakeSystemd(double watchdog_seconds, double start)
      : watchdog(watchdog_seconds), last_ping(start) {
    fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::string path = (dir.path / "notify").string();
    path.copy(address.sun_path, sizeof address.sun_path - 1);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    setenv("NOTIFY_SOCKET", path.c_str(), 1);
  }
  ~FakeSystemd() {
    unsetenv("NOTIFY_SOCKET");
    ::close(fd);
  }
  void drain(double now) {
    char buffer[512];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
      std::string message(buffer, static_cast<size_t>(n));
      messages.push_back(message);
      if (message == "WATCHDOG=1") last_ping = now;
    }
  }
  bool fired(double now) const { return now - last_ping > watchdog; }
  int count(const std::string& message) const {
    return static_cast<int>(std::count(messages.begin(), messages.end(), message));
  }
};
