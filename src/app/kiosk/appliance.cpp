// The appliance's calls in one place, so the kiosk's own code stays about the show.
#include "app/kiosk/appliance.h"

#include <cstdio>

namespace boothdeck {

namespace {

std::filesystem::path figures_dir(const Options& options) {
  if (!options.engagement.enabled || options.state_dir.empty()) return {};
  return std::filesystem::path(options.state_dir) / "engagement";
}

std::string clock_text(int minute) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return text;
}

}  // namespace

Appliance::Appliance(const Options& options, EventLog& log)
    : options_(options),
      log_(log),
      hours_(options.show_hours.hours),
      power_(options.show_hours.display_off, options.show_hours.display_on),
      stats_(figures_dir(options), options.engagement.keep_days,
             [this] { return zone_.local(std::time(nullptr)).date(); }) {
  std::filesystem::path dir = figures_dir(options);
  figures_file_ = dir.empty() ? "not written (no state folder)" : dir.string();
}

void Appliance::start(double now) {
  std::string error;
  if (!stats_.start(&error)) log_.error("engagement figures: " + error, now);
}

std::optional<bool> Appliance::tick(double now, WallSeconds wall) {
  notifier_.loop_turn(now);
  stats_.tick(now);
  for (const std::string& line : power_.reap()) log_.error(line, now);
  std::optional<bool> change =
      hours_.update(wall, zone_, clock_known_good(options_.show_hours.trust_clock));
  if (!change) return std::nullopt;
  std::string error;
  if (!power_.set_show_running(*change, &error)) log_.error(error, now);
  log_.write("show-hours", now, {{"open", *change}},
             *change ? "show hours: the show opens" : "show hours: the show closes");
  return change;
}

double Appliance::next_deadline(double now, WallSeconds wall) const {
  double deadline = std::min(notifier_.next_deadline(), stats_.next_deadline());
  if (hours_.hours().scheduled())
    deadline =
        std::min(deadline, now + static_cast<double>(ShowHoursTracker::next_check(wall) - wall));
  return deadline;
}

void Appliance::slide_shown(double now, int slide, const std::string& title, bool by_visitor) {
  stats_.slide_shown(now, slide, title, by_visitor);
}

void Appliance::finish(double now) {
  notifier_.stopping();
  stats_.flush(now);
  for (const std::string& line : power_.reap()) log_.error(line, now);  // a hung one is left
}

ApplianceStatus Appliance::panel(WallSeconds wall) const {
  ApplianceStatus status;
  status.today = stats_.today();
  status.figures_file = figures_file_;
  status.figures_error = stats_.error();
  if (!hours_.hours().scheduled()) {
    status.hours = "show hours: always open";
  } else if (!clock_known_good(options_.show_hours.trust_clock)) {
    status.hours = "clock not synchronised: show hours not applied yet";
  } else {
    LocalTime t = zone_.local(wall);
    std::optional<DayHours> day = hours_.hours().hours_of(t);
    status.hours = hours_.show_running() ? "open" : "closed";
    if (day)
      for (const TimeRange& r : day->ranges)
        if (r.begin <= t.minute && (t.minute < r.end || r.end <= r.begin))
          status.hours += " until " + clock_text(r.end);
  }
  return status;
}

}  // namespace boothdeck
