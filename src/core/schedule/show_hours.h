// Show hours: when the booth's show runs, per weekday with dated exceptions, in local wall-clock
// time; outside them the screen is blanked and the display may be switched off. Pure logic: the
// wall clock, the time zone and whether the clock is good are passed in. Links nothing graphical.
//
//   ShowHours hours;
//   DayHours weekday; std::string error; int col;
//   if (parse_day_hours("09:00-18:00, 19:00-23:30", &weekday, &error, &col)) hours.set_weekday(1,
//   weekday); ShowHoursTracker tracker(hours); if (auto running =
//   tracker.update(std::time(nullptr), zone, clock_known_good(trust)))
//     *running ? screen_on() : screen_off();
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schedule/time_zone.h"

namespace boothdeck {

constexpr int kMinutesPerDay = 24 * 60;

// Minutes since local midnight. An `end` at or before `begin` runs past midnight into the next
// day ("22:00-02:00"); "00:00-24:00" is the whole day.
struct TimeRange {
  int begin = 0, end = kMinutesPerDay;
};

struct DayHours {
  std::vector<TimeRange> ranges;  // empty: closed that day
};

// "closed", "always", or "HH:MM-HH:MM" ranges separated by commas (24-hour clock, 24:00 allowed
// as an end). On failure `error` says what is wrong and `col` is the 1-based column in `text`.
bool parse_day_hours(std::string_view text, DayHours* out, std::string* error, int* col);
std::string format_day_hours(const DayHours& hours);  // the inverse, for --print-config

// "YYYY-MM-DD" that is a real date.
bool parse_iso_date(std::string_view text, int* year, int* month, int* day);

extern const char* const kWeekdayNames[7];  // "sunday" … "saturday", as struct tm counts

class ShowHours {
 public:
  void set_weekday(int weekday, DayHours hours);           // 0 = Sunday
  void set_daily(DayHours hours);                          // for weekdays without their own
  void set_date(const std::string& date, DayHours hours);  // "YYYY-MM-DD" replaces its weekday
  // Without any entry the show runs around the clock.
  bool scheduled() const;
  // A day with no entry of its own (date, weekday, daily) runs all day.
  bool open_at(const LocalTime& t) const;
  // The hours that apply to t's date, or nullopt when that day has no entry.
  std::optional<DayHours> hours_of(const LocalTime& date) const;
  const std::optional<DayHours>& weekday(int day) const { return weekdays_[day]; }
  const std::optional<DayHours>& daily() const { return daily_; }
  const std::map<std::string, DayHours>& dates() const { return dates_; }

 private:
  std::optional<DayHours> weekdays_[7];
  std::optional<DayHours> daily_;
  std::map<std::string, DayHours> dates_;
};

// Follows the show hours over time and says when the show starts or stops. Until the clock is
// known good it takes no action (the show runs); a jump of the clock (NTP, suspend, a day
// skipped) gives at most one change, to the state the new time calls for; the hour repeated when
// daylight saving ends gives none.
class ShowHoursTracker {
 public:
  explicit ShowHoursTracker(ShowHours hours) : hours_(std::move(hours)) {}
  // The new state when it changes: true = the show runs again, false = it stops.
  std::optional<bool> update(WallSeconds wall, const TimeZone& zone, bool clock_good);
  bool show_running() const { return running_; }
  // update() can change its answer only on a minute boundary: the next one after `wall`.
  static WallSeconds next_check(WallSeconds wall) { return (wall / 60 + 1) * 60; }
  const ShowHours& hours() const { return hours_; }

 private:
  ShowHours hours_;
  bool running_ = true;
  // The latest local time seen: when the clocks go back an hour (end of daylight saving) the
  // repeated hour is judged as the moment before the change, so the show does not flap.
  std::optional<LocalTime> latest_;
  WallSeconds latest_wall_ = 0;
};

}  // namespace boothdeck
