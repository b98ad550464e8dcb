// sd_notify() calls. The watchdog is fed from the main loop itself, never from a thread of its
// own, so a loop that hangs stops feeding it.
#include "app/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <limits>

namespace boothdeck {

ServiceNotifier::ServiceNotifier() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) watchdog_ = static_cast<double>(usec) / 1e6;
}

bool ServiceNotifier::healthy(double now) const {
  return due_since_ < 0 || now - due_since_ <= kFrameLateSeconds;
}

void ServiceNotifier::loop_turn(double now) {
  if (watchdog_ <= 0 || !healthy(now) || now - last_ping_ < watchdog_ / 4) return;
  sd_notify(0, "WATCHDOG=1");
  last_ping_ = now;
}

void ServiceNotifier::frame_due(double now) {
  if (due_since_ < 0) due_since_ = now;
}

void ServiceNotifier::frame_presented(double now) {
  due_since_ = -1;
  if (!ready_) {
    ready_ = true;
    sd_notify(0, "READY=1");
  }
  loop_turn(now);
}

void ServiceNotifier::status(const std::string& text) {
  if (text == status_) return;
  status_ = text;
  sd_notify(0, ("STATUS=" + text).c_str());
}

void ServiceNotifier::stopping() {
  sd_notify(0, "STOPPING=1");
}

double ServiceNotifier::next_deadline() const {
  if (watchdog_ <= 0) return std::numeric_limits<double>::infinity();
  return last_ping_ + watchdog_ / 4;
}

}  // namespace boothdeck
