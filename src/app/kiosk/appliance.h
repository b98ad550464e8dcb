// What the kiosk does as an appliance, beside the show: tells systemd it is alive (READY=1 with
// the first frame, WATCHDOG=1 while frames reach the screen), follows the show hours (the
// screen closes outside them and the display may be switched off), and counts engagement per
// slide and day. The kiosk calls it at the moments named below; nothing here draws.
//
//   Appliance appliance(options, log);
//   appliance.start(now);
//   if (auto open = appliance.tick(now, wall)) *open ? reopen() : close();
//   appliance.frame_due(now); ... present ...; appliance.frame_presented(now);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/display_power.h"
#include "app/engagement_log.h"
#include "app/event_log.h"
#include "app/options.h"
#include "app/service_notifier.h"
#include "core/schedule/show_hours.h"

namespace boothdeck {

// What the operator panel shows of it.
struct ApplianceStatus {
  std::vector<SlideFigures> today;  // engagement figures of the local day, by slide
  std::string figures_file;         // where they are written, or why not
  std::string figures_error;        // the last write error, "" when fine
  std::string hours;                // "open until 18:00", "closed", "clock not synchronised …"
};

class Appliance {
 public:
  Appliance(const Options& options, EventLog& log);

  void start(double now);
  // Once per loop turn, first. `wall`: seconds since 1970 on the wall clock. Returns the new
  // state when the show hours open (true) or close (false) the show.
  std::optional<bool> tick(double now, WallSeconds wall);
  // The next time tick() must run: the watchdog, a minute's figures, the next show-hours edge.
  double next_deadline(double now, WallSeconds wall) const;

  void frame_due(double now) { notifier_.frame_due(now); }
  void frame_presented(double now) { notifier_.frame_presented(now); }
  void slide_shown(double now, int slide, const std::string& title, bool by_visitor);
  void visitor_touch(double now) { stats_.visitor_touch(now); }
  void set_visible(double now, bool visible) { stats_.set_visible(now, visible); }
  void status(const std::string& text) { notifier_.status(text); }
  void finish(double now);

  bool show_open() const { return hours_.show_running(); }
  ApplianceStatus panel(WallSeconds wall) const;

 private:
  const Options& options_;
  EventLog& log_;
  ServiceNotifier notifier_;
  SystemTimeZone zone_;
  ShowHoursTracker hours_;
  DisplayPower power_;
  EngagementRecorder stats_;
  std::string figures_file_;
};

}  // namespace boothdeck
