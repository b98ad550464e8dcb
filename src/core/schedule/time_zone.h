// Local civil time from the wall clock: the seam that lets show hours be tested with a fake
// clock and a fake time zone. Links nothing graphical.
//
//   SystemTimeZone zone;                       // the process's zone (TZ, else /etc/localtime)
//   LocalTime t = zone.local(std::time(nullptr));
//   if (clock_known_good(trust_clock)) ...     // systemd-timesyncd's flag, or configuration
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace boothdeck {

// A moment as a wall clock on the booth's wall reads it. Seconds are dropped: show hours are
// given to the minute.
struct LocalTime {
  int year = 1970, month = 1, day = 1;  // civil date, month and day 1-based
  int weekday = 4;                      // 0 = Sunday … 6 = Saturday (as struct tm)
  int minute = 0;                       // minutes since local midnight, 0 … 1439

  std::string date() const;  // "YYYY-MM-DD" (ISO 8601)
};

// Wall-clock seconds since 1970-01-01 UTC (POSIX time; leap seconds not counted).
using WallSeconds = std::int64_t;

class TimeZone {
 public:
  virtual ~TimeZone() = default;
  virtual LocalTime local(WallSeconds wall) const = 0;
};

// The C library's zone: TZ when set (a zoneinfo name such as "Europe/Berlin", or a POSIX rule
// such as "CET-1CEST,M3.5.0,M10.5.0/3"), else /etc/localtime.
class SystemTimeZone : public TimeZone {
 public:
  LocalTime local(WallSeconds wall) const override;
};

// The civil date `days` after (or before) y-m-d, with its weekday; proleptic Gregorian calendar.
LocalTime add_days(const LocalTime& date, int days);

// Minutes from 1970-01-01 00:00 to t on the local calendar (not real elapsed time across a
// daylight-saving change): for comparing two local times.
std::int64_t local_minutes(const LocalTime& t);

// True when the date is a real calendar date (1 ≤ month ≤ 12, day within its month).
bool valid_date(int year, int month, int day);

// systemd-timesyncd creates this file once the clock has been synchronised since boot.
inline const std::filesystem::path kTimesyncFlag = "/run/systemd/timesync/synchronized";

// The wall clock can be trusted: the configuration says so (a board with a real-time clock), or
// `flag` exists. Until then no show-hours action is taken: a board without a real-time clock
// boots in 1970 or at its last shutdown.
bool clock_known_good(bool trusted_by_configuration,
                      const std::filesystem::path& flag = kTimesyncFlag);

}  // namespace boothdeck
