// The C library's local time, and civil-date arithmetic (days from the civil date, after
// H. Hinnant's "chrono-Compatible Low-Level Date Algorithms").
#include "core/schedule/time_zone.h"

#include <cstdio>
#include <ctime>

namespace boothdeck {

namespace {

std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

LocalTime civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  LocalTime t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2));
  t.weekday = static_cast<int>(((z - 719468) % 7 + 7 + 4) % 7);  // 1970-01-01 was a Thursday
  return t;
}

}  // namespace

std::string LocalTime::date() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

LocalTime SystemTimeZone::local(WallSeconds wall) const {
  std::time_t t = static_cast<std::time_t>(wall);
  std::tm tm{};
  localtime_r(&t, &tm);
  LocalTime out;
  out.year = tm.tm_year + 1900;
  out.month = tm.tm_mon + 1;
  out.day = tm.tm_mday;
  out.weekday = tm.tm_wday;
  out.minute = tm.tm_hour * 60 + tm.tm_min;
  return out;
}

LocalTime add_days(const LocalTime& date, int days) {
  LocalTime out = civil_from_days(days_from_civil(date.year, date.month, date.day) + days);
  out.minute = date.minute;
  return out;
}

std::int64_t local_minutes(const LocalTime& t) {
  return days_from_civil(t.year, t.month, t.day) * 1440 + t.minute;
}

bool valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  LocalTime t = civil_from_days(days_from_civil(year, month, day));
  return t.year == year && t.month == month && t.day == day;
}

bool clock_known_good(bool trusted_by_configuration, const std::filesystem::path& flag) {
  std::error_code ec;
  return trusted_by_configuration || std::filesystem::exists(flag, ec);
}

}  // namespace boothdeck
