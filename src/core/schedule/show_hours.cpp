// Parsing and evaluation of show hours.
#include "core/schedule/show_hours.h"

#include <cstdio>

namespace boothdeck {

const char* const kWeekdayNames[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                      "thursday", "friday", "saturday"};

namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// "HH:MM" at `text[*pos]`; 24:00 only where `allow_24`.
bool parse_clock(std::string_view text, size_t* pos, bool allow_24, int* minutes) {
  size_t p = *pos;
  if (p + 5 > text.size() || !digit(text[p]) || !digit(text[p + 1]) || text[p + 2] != ':' ||
      !digit(text[p + 3]) || !digit(text[p + 4]))
    return false;
  int h = (text[p] - '0') * 10 + (text[p + 1] - '0');
  int m = (text[p + 3] - '0') * 10 + (text[p + 4] - '0');
  if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow_24))) return false;
  *minutes = h * 60 + m;
  *pos = p + 5;
  return true;
}

void skip_spaces(std::string_view text, size_t* pos) {
  while (*pos < text.size() && (text[*pos] == ' ' || text[*pos] == '\t')) ++*pos;
}

bool in_range(const TimeRange& r, int minute) {
  return r.end > r.begin ? minute >= r.begin && minute < r.end : minute >= r.begin;
}

}  // namespace

bool parse_day_hours(std::string_view text, DayHours* out, std::string* error, int* col) {
  *out = {};
  if (text == "closed") return true;
  if (text == "always") {
    out->ranges.push_back({0, kMinutesPerDay});
    return true;
  }
  size_t pos = 0;
  auto fail = [&](size_t at, const char* message) {
    *error = message;
    *col = static_cast<int>(at) + 1;
    return false;
  };
  while (true) {
    skip_spaces(text, &pos);
    TimeRange range;
    size_t start = pos;
    if (!parse_clock(text, &pos, false, &range.begin))
      return fail(start,
                  "show hours are \"closed\", \"always\", or ranges such as \"09:00-18:00\" "
                  "(24-hour clock, several separated by commas)");
    skip_spaces(text, &pos);
    if (pos >= text.size() || text[pos] != '-')
      return fail(pos, "a range needs '-' between its start and end, as in \"09:00-18:00\"");
    ++pos;
    skip_spaces(text, &pos);
    size_t end_at = pos;
    if (!parse_clock(text, &pos, true, &range.end))
      return fail(end_at, "the end of a range must be a time from 00:00 to 24:00, as in \"18:00\"");
    if (range.end == range.begin)
      return fail(start,
                  "a range that starts and ends at the same time is empty; write \"always\" "
                  "for the whole day");
    out->ranges.push_back(range);
    skip_spaces(text, &pos);
    if (pos == text.size()) return true;
    if (text[pos] != ',') return fail(pos, "separate ranges with a comma");
    ++pos;
  }
}

std::string format_day_hours(const DayHours& hours) {
  if (hours.ranges.empty()) return "closed";
  std::string out;
  for (const TimeRange& r : hours.ranges) {
    if (r.begin == 0 && r.end == kMinutesPerDay && hours.ranges.size() == 1) return "always";
    char text[48];
    std::snprintf(text, sizeof text, "%s%02d:%02d-%02d:%02d", out.empty() ? "" : ", ", r.begin / 60,
                  r.begin % 60, r.end / 60, r.end % 60);
    out += text;
  }
  return out;
}

bool parse_iso_date(std::string_view text, int* year, int* month, int* day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!digit(text[i])) return false;
  *year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  *month = (text[5] - '0') * 10 + (text[6] - '0');
  *day = (text[8] - '0') * 10 + (text[9] - '0');
  return valid_date(*year, *month, *day);
}

void ShowHours::set_weekday(int weekday, DayHours hours) {
  weekdays_[weekday] = std::move(hours);
}

void ShowHours::set_daily(DayHours hours) {
  daily_ = std::move(hours);
}

void ShowHours::set_date(const std::string& date, DayHours hours) {
  dates_[date] = std::move(hours);
}

bool ShowHours::scheduled() const {
  for (const auto& day : weekdays_)
    if (day) return true;
  return daily_ || !dates_.empty();
}

std::optional<DayHours> ShowHours::hours_of(const LocalTime& date) const {
  if (auto it = dates_.find(date.date()); it != dates_.end()) return it->second;
  return weekdays_[date.weekday] ? weekdays_[date.weekday] : daily_;
}

bool ShowHours::open_at(const LocalTime& t) const {
  if (!scheduled()) return true;
  std::optional<DayHours> today = hours_of(t);
  if (!today) return true;
  for (const TimeRange& r : today->ranges)
    if (in_range(r, t.minute)) return true;
  // Yesterday's ranges that run past midnight ("22:00-02:00") keep the show on until their end.
  if (std::optional<DayHours> yesterday = hours_of(add_days(t, -1)))
    for (const TimeRange& r : yesterday->ranges)
      if (r.end <= r.begin && t.minute < r.end) return true;
  return false;
}

std::optional<bool> ShowHoursTracker::update(WallSeconds wall, const TimeZone& zone,
                                             bool clock_good) {
  if (!clock_good) return std::nullopt;
  LocalTime local = zone.local(wall);
  std::int64_t behind = latest_ ? local_minutes(*latest_) - local_minutes(local) : 0;
  if (wall >= latest_wall_ && behind > 0 && behind <= 120)
    local = *latest_;  // wall time went on, the local clock went back: the repeated hour
  else
    latest_ = local;
  latest_wall_ = wall;
  bool open = hours_.open_at(local);
  if (open == running_) return std::nullopt;
  running_ = open;
  return open;
}

}  // namespace boothdeck
