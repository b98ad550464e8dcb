// systemd's notify protocol against a fake NOTIFY_SOCKET, with fake time: READY=1 after the
// first frame, WATCHDOG=1 while the loop is healthy, and a watchdog that would fire when the
// loop stops making progress or stops presenting due frames.
#include "app/service_notifier.h"

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "temp_dir.h"

using namespace boothdeck;

namespace {

// The manager's side: a datagram socket that records each message with the (fake) time it was
// drained, and judges the watchdog as systemd does: fired when no WATCHDOG=1 came for WatchdogSec.
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

constexpr double kWatchdog = 10;
constexpr double kTurn = 0.5;  // the kiosk loop sleeps at most this long

}  // namespace

TEST_CASE("READY=1 comes with the first frame on screen, once") {
  FakeSystemd systemd(kWatchdog, 0);
  ServiceNotifier notifier(kWatchdog);
  notifier.loop_turn(0);
  notifier.frame_due(0);
  systemd.drain(0);
  CHECK(systemd.count("READY=1") == 0);
  notifier.frame_presented(0.02);
  notifier.frame_presented(0.05);
  systemd.drain(0.05);
  CHECK(systemd.count("READY=1") == 1);
  CHECK(notifier.ready());
  notifier.status("slide 3/22, autoplay");
  notifier.status("slide 3/22, autoplay");
  notifier.stopping();
  systemd.drain(0.1);
  CHECK(systemd.count("STATUS=slide 3/22, autoplay") == 1);
  CHECK(systemd.count("STOPPING=1") == 1);
}

TEST_CASE("a healthy loop keeps the watchdog fed; a stuck one lets it fire") {
  FakeSystemd systemd(kWatchdog, 0);
  ServiceNotifier notifier(kWatchdog);
  double now = 0;
  notifier.frame_due(now);
  notifier.frame_presented(now);
  // Five minutes of a static slide: the loop turns, draws nothing, and is healthy.
  for (; now < 300; now += kTurn) {
    notifier.loop_turn(now);
    systemd.drain(now);
    REQUIRE_FALSE(systemd.fired(now));
    CHECK(notifier.next_deadline() <= now + kWatchdog / 4 + 1e-9);
  }
  int pings = systemd.count("WATCHDOG=1");
  CHECK(pings >= 300 / (kWatchdog / 4) - 1);
  CHECK(pings <= 300 / (kWatchdog / 4) + 1);  // fed at a quarter interval, not every turn

  SUBCASE("the loop stops turning") {
    double stuck_at = now;
    while (!systemd.fired(now)) {
      now += kTurn;
      systemd.drain(now);  // nothing arrives: nobody calls the notifier
    }
    CHECK(now - stuck_at <= kWatchdog + kTurn);
  }
  SUBCASE("the loop turns but a due frame never reaches the screen") {
    double due_at = now;
    notifier.frame_due(now);
    while (!systemd.fired(now) && now < due_at + 60) {
      now += kTurn;
      notifier.loop_turn(now);
      systemd.drain(now);
    }
    CHECK(systemd.fired(now));
    CHECK_FALSE(notifier.healthy(now));
    CHECK(now - due_at <= ServiceNotifier::kFrameLateSeconds + kWatchdog + kTurn);
    // Presenting again makes it healthy, and the pings come back.
    notifier.frame_presented(now);
    systemd.drain(now);
    CHECK_FALSE(systemd.fired(now));
  }
  SUBCASE("a frame that is merely slow is no fault") {
    notifier.frame_due(now);
    now += ServiceNotifier::kFrameLateSeconds - 1;
    notifier.loop_turn(now);
    CHECK(notifier.healthy(now));
  }
}

TEST_CASE("the watchdog interval comes from systemd's environment") {
  setenv("WATCHDOG_USEC", "20000000", 1);
  setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
  CHECK(ServiceNotifier().watchdog_seconds() == doctest::Approx(20));
  setenv("WATCHDOG_PID", "1", 1);  // meant for another process
  CHECK(ServiceNotifier().watchdog_seconds() == 0);
  unsetenv("WATCHDOG_USEC");
  unsetenv("WATCHDOG_PID");
  ServiceNotifier none;
  CHECK(none.watchdog_seconds() == 0);
  CHECK(none.next_deadline() == std::numeric_limits<double>::infinity());
}
