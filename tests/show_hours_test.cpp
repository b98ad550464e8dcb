// Show hours with a fake wall clock and fake time zones: weekdays, dated exceptions, ranges past
// midnight, clock jumps, daylight-saving changes, and a clock that becomes good late.
#include "core/schedule/show_hours.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using namespace boothdeck;

namespace {

WallSeconds utc(int y, int mo, int d, int h, int mi) {
  std::tm tm{};
  tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d, tm.tm_hour = h, tm.tm_min = mi;
  return static_cast<WallSeconds>(timegm(&tm));
}

// A zone `standard` minutes east of UTC, and `summer` minutes between two UTC instants (one
// daylight-saving period), so the tests know exactly where the clocks change.
struct FakeZone : TimeZone {
  int standard = 0, summer = 0;
  WallSeconds summer_from = 0, summer_until = 0;
  LocalTime local(WallSeconds wall) const override {
    bool in_summer = wall >= summer_from && wall < summer_until;
    WallSeconds t = wall + 60 * (in_summer ? summer : standard);
    WallSeconds days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    LocalTime out = add_days(LocalTime{}, static_cast<int>(days));
    out.minute = static_cast<int>((t - days * 86400) / 60);
    return out;
  }
};

DayHours hours(const char* text) {
  DayHours out;
  std::string error;
  int col = 0;
  REQUIRE_MESSAGE(parse_day_hours(text, &out, &error, &col), text, ": ", error);
  return out;
}

LocalTime at(int y, int mo, int d, int h, int mi) {
  FakeZone utc_zone;
  return utc_zone.local(utc(y, mo, d, h, mi));
}

// Steps the tracker minute by minute and returns the UTC instants where the show changed.
std::vector<std::pair<WallSeconds, bool>> run(ShowHoursTracker& tracker, const TimeZone& zone,
                                              WallSeconds from, WallSeconds to) {
  std::vector<std::pair<WallSeconds, bool>> changes;
  for (WallSeconds t = from; t <= to; t = ShowHoursTracker::next_check(t))
    if (auto running = tracker.update(t, zone, true)) changes.push_back({t, *running});
  return changes;
}

}  // namespace

TEST_CASE("day hours: what an operator writes, and the column of a mistake") {
  struct Row {
    const char* text;
    bool ok;
    const char* formatted;  // ok rows: the canonical form; bad rows: nullptr
    int col;                // bad rows: where the problem is
  };
  const Row rows[] = {
      {"09:00-18:00", true, "09:00-18:00", 0},
      {"09:00-12:00, 13:00-18:00", true, "09:00-12:00, 13:00-18:00", 0},
      {" 09:00 - 18:00 ", true, "09:00-18:00", 0},
      {"22:00-02:00", true, "22:00-02:00", 0},
      {"18:00-24:00", true, "18:00-24:00", 0},
      {"always", true, "always", 0},
      {"00:00-24:00", true, "always", 0},
      {"closed", true, "closed", 0},
      {"9:00-18:00", false, nullptr, 1},
      {"09:00", false, nullptr, 6},
      {"09:00-25:00", false, nullptr, 7},
      {"09:60-18:00", false, nullptr, 1},
      {"24:00-02:00", false, nullptr, 1},
      {"09:00-09:00", false, nullptr, 1},
      {"09:00-18:00;19:00-20:00", false, nullptr, 12},
      {"open", false, nullptr, 1},
      {"", false, nullptr, 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    DayHours out;
    std::string error;
    int col = 0;
    CHECK(parse_day_hours(row.text, &out, &error, &col) == row.ok);
    if (row.ok)
      CHECK(format_day_hours(out) == row.formatted);
    else
      CHECK(col == row.col);
  }
}

TEST_CASE("open by weekday, daily, and dated exceptions") {
  ShowHours show;
  show.set_weekday(1, hours("09:00-18:00"));          // Monday
  show.set_weekday(6, hours("10:00-16:00"));          // Saturday
  show.set_weekday(0, hours("closed"));               // Sunday
  show.set_date("2026-12-24", hours("10:00-14:00"));  // a Thursday
  show.set_date("2026-12-25", hours("closed"));
  struct Row {
    LocalTime t;
    bool open;
  };
  // 2026-11-30 is a Monday.
  const Row without_daily[] = {
      {at(2026, 11, 30, 8, 59), false}, {at(2026, 11, 30, 9, 0), true},
      {at(2026, 11, 30, 17, 59), true}, {at(2026, 11, 30, 18, 0), false},
      {at(2026, 12, 5, 10, 30), true},  {at(2026, 12, 6, 12, 0), false},
      {at(2026, 12, 1, 3, 0), true},  // Tuesday has no entry: all day
      {at(2026, 12, 24, 9, 30), false}, {at(2026, 12, 24, 12, 0), true},
      {at(2026, 12, 24, 15, 0), false}, {at(2026, 12, 25, 12, 0), false},
  };
  for (const Row& row : without_daily) {
    CAPTURE(row.t.date());
    CAPTURE(row.t.minute);
    CHECK(show.open_at(row.t) == row.open);
  }
  show.set_daily(hours("08:00-20:00"));
  CHECK_FALSE(show.open_at(at(2026, 12, 1, 7, 0)));
  CHECK(show.open_at(at(2026, 12, 1, 19, 59)));
  CHECK_FALSE(show.open_at(at(2026, 11, 30, 19, 0)));  // Monday's own hours win over daily
  CHECK_FALSE(ShowHours().scheduled());
  CHECK(ShowHours().open_at(at(2026, 12, 6, 3, 0)));
}

TEST_CASE("a range past midnight belongs to the day it starts") {
  ShowHours show;
  show.set_weekday(5, hours("20:00-02:00"));  // Friday night
  show.set_weekday(6, hours("10:00-16:00"));
  show.set_date("2026-12-12", hours("closed"));  // a Saturday
  CHECK(show.open_at(at(2026, 12, 4, 23, 30)));
  CHECK(show.open_at(at(2026, 12, 5, 1, 59)));
  CHECK_FALSE(show.open_at(at(2026, 12, 5, 2, 0)));
  CHECK(show.open_at(at(2026, 12, 5, 10, 0)));
  CHECK(show.open_at(at(2026, 12, 12, 1, 0)));  // Friday's night goes on into a closed Saturday
  CHECK_FALSE(show.open_at(at(2026, 12, 12, 12, 0)));
}

TEST_CASE("the tracker: one change per edge, and one for any jump of the clock") {
  ShowHours show;
  show.set_daily(hours("09:00-18:00"));
  FakeZone zone;
  ShowHoursTracker tracker(show);
  auto changes = run(tracker, zone, utc(2026, 12, 1, 0, 0), utc(2026, 12, 3, 0, 0));
  REQUIRE(changes.size() == 5);  // closed at start, then open/close on two days
  CHECK(changes[0] == std::pair{utc(2026, 12, 1, 0, 0), false});
  CHECK(changes[1] == std::pair{utc(2026, 12, 1, 9, 0), true});
  CHECK(changes[2] == std::pair{utc(2026, 12, 1, 18, 0), false});
  CHECK(changes[3] == std::pair{utc(2026, 12, 2, 9, 0), true});

  SUBCASE("a jump across midnight into closed hours") {
    ShowHoursTracker t(show);
    CHECK_FALSE(t.update(utc(2026, 12, 1, 17, 0), zone, true));  // open, as it started
    CHECK(t.update(utc(2026, 12, 2, 3, 0), zone, true) == false);
    CHECK_FALSE(t.update(utc(2026, 12, 2, 3, 1), zone, true));
  }
  SUBCASE("a jump over whole days to the same state changes nothing") {
    ShowHoursTracker t(show);
    CHECK_FALSE(t.update(utc(2026, 12, 1, 10, 0), zone, true));
    CHECK_FALSE(t.update(utc(2026, 12, 9, 11, 0), zone, true));
  }
  SUBCASE("a clock that goes backwards") {
    ShowHoursTracker t(show);
    CHECK(t.update(utc(2026, 12, 1, 19, 0), zone, true) == false);
    CHECK(t.update(utc(2026, 12, 1, 12, 0), zone, true) == true);
  }
  CHECK(ShowHoursTracker::next_check(utc(2026, 12, 1, 9, 0) + 59) == utc(2026, 12, 1, 9, 1));
}

TEST_CASE("daylight saving: local hours stay local; the missing and the doubled hour") {
  // Central Europe, 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  FakeZone zone;
  zone.standard = 60, zone.summer = 120;
  zone.summer_from = utc(2026, 3, 29, 1, 0), zone.summer_until = utc(2026, 10, 25, 1, 0);

  struct Row {
    const char* what;
    const char* daily;
    WallSeconds from, to;
    std::vector<std::pair<WallSeconds, bool>> changes;
  };
  const Row rows[] = {
      {"09:00 local is 08:00 UTC in winter and 07:00 UTC in summer",
       "09:00-18:00",
       utc(2026, 3, 28, 12, 0),
       utc(2026, 3, 29, 23, 0),
       {{utc(2026, 3, 28, 17, 0), false},
        {utc(2026, 3, 29, 7, 0), true},
        {utc(2026, 3, 29, 16, 0), false}}},
      {"spring forward: hours that start in the missing hour start when it ends",
       "02:30-04:00",
       utc(2026, 3, 28, 23, 0),
       utc(2026, 3, 29, 4, 0),
       {{utc(2026, 3, 28, 23, 0), false},  // 00:00 CET
        {utc(2026, 3, 29, 1, 0), true},    // 03:00 CEST
        {utc(2026, 3, 29, 2, 0), false}}},
      {"fall back: the doubled hour neither closes nor reopens the show",
       "02:30-04:00",
       utc(2026, 10, 24, 22, 0),
       utc(2026, 10, 25, 5, 0),
       {{utc(2026, 10, 24, 22, 0), false},
        {utc(2026, 10, 25, 0, 30), true},    // 02:30 CEST
        {utc(2026, 10, 25, 3, 0), false}}},  // 04:00 CET
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.what));
    ShowHours show;
    show.set_daily(hours(row.daily));
    ShowHoursTracker tracker(show);
    CHECK(run(tracker, zone, row.from, row.to) == row.changes);
  }
}

TEST_CASE("no action until the clock is known good") {
  ShowHours show;
  show.set_daily(hours("09:00-18:00"));
  FakeZone zone;
  ShowHoursTracker tracker(show);
  // A board without a real-time clock boots in 1970, at night by the hours: the show runs.
  for (WallSeconds t = 300; t < 3600; t += 60) CHECK_FALSE(tracker.update(t, zone, false));
  CHECK(tracker.show_running());

  SUBCASE("synchronised during show hours: nothing to do") {
    CHECK_FALSE(tracker.update(utc(2026, 12, 1, 12, 0), zone, true));
  }
  SUBCASE("synchronised after hours: the show stops once") {
    CHECK(tracker.update(utc(2026, 12, 1, 22, 0), zone, true) == false);
    CHECK_FALSE(tracker.update(utc(2026, 12, 1, 22, 1), zone, true));
  }
  SUBCASE("the flag file of systemd-timesyncd, or the configuration") {
    std::string missing = "/nonexistent/boothdeck/synchronized";
    CHECK_FALSE(clock_known_good(false, missing));
    CHECK(clock_known_good(true, missing));
    CHECK(clock_known_good(false, "/"));  // any existing path counts as the flag
  }
}

TEST_CASE("the C library's zone with a POSIX rule (no tzdata needed)") {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
  tzset();
  SystemTimeZone zone;
  LocalTime before = zone.local(utc(2026, 3, 29, 0, 59));
  LocalTime after = zone.local(utc(2026, 3, 29, 1, 0));
  CHECK(before.minute == 1 * 60 + 59);
  CHECK(after.minute == 3 * 60);
  CHECK(after.date() == "2026-03-29");
  CHECK(after.weekday == 0);
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

TEST_CASE("calendar arithmetic") {
  int y, m, d;
  CHECK(parse_iso_date("2028-02-29", &y, &m, &d));
  CHECK_FALSE(parse_iso_date("2026-02-29", &y, &m, &d));
  CHECK_FALSE(parse_iso_date("2026-13-01", &y, &m, &d));
  CHECK_FALSE(parse_iso_date("2026-1-01", &y, &m, &d));
  LocalTime new_year = add_days(at(2026, 12, 31, 0, 0), 1);
  CHECK(new_year.date() == "2027-01-01");
  CHECK(new_year.weekday == 5);
  CHECK(add_days(at(2026, 3, 1, 0, 0), -1).date() == "2026-02-28");
}
