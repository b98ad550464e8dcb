// systemd's service notifications (sd_notify(3), libsystemd): READY=1 once the first frame is on
// screen, WATCHDOG=1 only while the main loop is healthy, STATUS= for `systemctl status`, and
// STOPPING=1 at the end. Outside systemd (no NOTIFY_SOCKET) every call does nothing.
// Needs no SDL; time is passed in.
//
//   ServiceNotifier notifier;              // reads WATCHDOG_USEC through sd_watchdog_enabled()
//   loop: notifier.loop_turn(now);         // every pass of the main loop, first thing
//         if (frame needed) notifier.frame_due(now);
//         after present:   notifier.frame_presented(now);
//         wait at most until notifier.next_deadline()
//   exit: notifier.stopping();
#pragma once

#include <string>

namespace boothdeck {

class ServiceNotifier {
 public:
  // A frame wanted this long ago and still not on screen makes the loop unhealthy.
  static constexpr double kFrameLateSeconds = 5;

  ServiceNotifier();  // the watchdog interval from the environment systemd set up
  explicit ServiceNotifier(double watchdog_seconds) : watchdog_(watchdog_seconds) {}

  // A pass of the main loop began. Sends WATCHDOG=1 (at most every quarter interval) when healthy.
  void loop_turn(double now);
  // The loop decided that a frame must be drawn.
  void frame_due(double now);
  // A frame reached the screen; the first one sends READY=1.
  void frame_presented(double now);
  // A short line for `systemctl status` ("slide 3/22, autoplay"); sent when it changes.
  void status(const std::string& text);
  void stopping();

  // Healthy: no frame has been due for longer than kFrameLateSeconds without reaching the screen.
  // (A loop that does not turn at all sends nothing, so systemd's watchdog fires by itself.)
  bool healthy(double now) const;
  bool ready() const { return ready_; }
  double watchdog_seconds() const { return watchdog_; }  // 0: no watchdog
  // The loop must turn by then to keep the watchdog fed (infinity without a watchdog).
  double next_deadline() const;

 private:
  double watchdog_ = 0;
  double last_ping_ = -1e300;
  double due_since_ = -1;  // < 0: no frame outstanding
  bool ready_ = false;
  std::string status_;
};

}  // namespace boothdeck
