// Engagement figures with fake time and a fake calendar: the counting, the crash-safe day files
// (a torn line is repaired, a restart resumes the day's totals), the minute cadence and rotation.
#include "core/stats/engagement.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "app/engagement_log.h"
#include "temp_dir.h"

using namespace boothdeck;

namespace {

const std::string kDay = "2026-12-01";

SlideFigures figures_of(const std::vector<SlideFigures>& all, int slide) {
  for (const SlideFigures& f : all)
    if (f.slide == slide) return f;
  return {};
}

}  // namespace

TEST_CASE("counting: shown, seconds on screen, touches, dwell after a touch") {
  EngagementCounter c;
  c.slide_shown(0, kDay, 0, "표지", false);      // autoplay
  c.slide_shown(8, kDay, 1, "벤치마크", false);  // timer
  c.visitor_touch(10, kDay);                     // a visitor taps: dwell starts on slide 1
  c.slide_shown(10, kDay, 2, "표", true);        // the tap brought up slide 2
  c.set_visible(20, kDay, false);                // blanked: counts for no slide
  c.set_visible(50, kDay, true);
  c.slide_shown(55, kDay, 0, "표지", false);  // idle-return: the visitor has gone
  c.visitor_touch(56, kDay);
  std::vector<SlideFigures> totals = c.totals(kDay);
  REQUIRE(totals.size() == 3);
  SlideFigures cover = figures_of(totals, 0), bench = figures_of(totals, 1),
               table = figures_of(totals, 2);
  CHECK(cover.shown == 2);
  CHECK(cover.seconds == doctest::Approx(8 + 1));  // booked up to the touch at 56
  CHECK(cover.touches == 1);
  CHECK(bench.shown == 1);
  CHECK(bench.seconds == doctest::Approx(2));
  CHECK(bench.touches == 1);
  CHECK(bench.dwell == doctest::Approx(0));  // touched at 10 and left at 10
  CHECK(table.title == "표");
  CHECK(table.seconds == doctest::Approx(10 + 5));
  CHECK(table.dwell == doctest::Approx(15));
  CHECK(table.touches == 0);

  std::vector<SlideFigures> increments = c.take_increments(60, kDay);
  CHECK(figures_of(increments, 0).seconds == doctest::Approx(8 + 5));
  CHECK(figures_of(increments, 0).dwell == doctest::Approx(4));
  CHECK(c.take_increments(60, kDay).empty());
  c.slide_shown(70, kDay, 1, "벤치마크", false);
  increments = c.take_increments(70, kDay);
  REQUIRE(increments.size() == 2);  // the cover's last 10 s, and slide 1 shown once more
  CHECK(figures_of(increments, 1).shown == 1);
  CHECK(figures_of(c.totals(kDay), 1).shown == 2);
}

TEST_CASE("a clock that goes backwards books no negative time") {
  EngagementCounter c;
  c.slide_shown(100, kDay, 0, "a", false);
  c.slide_shown(90, kDay, 1, "b", false);
  CHECK(figures_of(c.totals(kDay), 0).seconds == 0);
}

TEST_CASE("a record is one JSON line, and only whole lines are read back") {
  SlideFigures f{kDay, 3, "따옴표 \" 와\n줄바꿈", 2, 16.04, 1, 5.55};
  std::string line = figures_to_json_line(f);
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  int skipped = 0;
  std::vector<SlideFigures> back = parse_figures(line + line.substr(0, 20), &skipped);
  REQUIRE(back.size() == 1);
  CHECK(skipped == 1);
  CHECK(back[0].title == f.title);
  CHECK(back[0].seconds == doctest::Approx(16.0));
  CHECK(back[0].dwell == doctest::Approx(5.6));
  CHECK(back[0].shown == 2);
  parse_figures("{\"date\":\"x\"}\nnot json\n", &skipped);
  CHECK(skipped == 2);
}

TEST_CASE("the day file: appended, repaired after a crash, resumed after a restart") {
  TempDir dir;
  EngagementLog log(dir.path, 30);
  std::string error;
  REQUIRE(log.append({{kDay, 0, "a", 1, 8, 0, 0}, {kDay, 1, "b", 1, 3, 1, 2}}, &error));
  REQUIRE(log.append({{kDay, 0, "a", 1, 8, 0, 0}}, &error));
  std::string text = dir.read(kDay + ".jsonl");
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);

  // A crash in the middle of a write leaves a torn last line: the next start cuts it off.
  dir.write(kDay + ".jsonl", text + "{\"date\":\"2026-12-01\",\"sli");
  std::vector<SlideFigures> read = log.read_day(kDay, &error);
  CHECK(error.empty());
  CHECK(read.size() == 3);
  CHECK(dir.read(kDay + ".jsonl") == text);
  REQUIRE(log.append({{kDay, 1, "b", 0, 1, 0, 0}}, &error));
  CHECK(log.read_day(kDay, &error).size() == 4);

  SUBCASE("a restart resumes the day's totals") {
    EngagementRecorder recorder(dir.path, 30, [] { return kDay; });
    REQUIRE(recorder.start(&error));
    CHECK(figures_of(recorder.today(), 0).shown == 2);
    CHECK(figures_of(recorder.today(), 1).seconds == doctest::Approx(4));
  }
  SUBCASE("files older than keep-days go; other files stay") {
    dir.write("2026-10-31.jsonl", "");
    dir.write("2026-11-01.jsonl", "");
    dir.write("notes.txt", "");
    log.prune(kDay);
    CHECK_FALSE(std::filesystem::exists(dir.path / "2026-10-31.jsonl"));
    CHECK(std::filesystem::exists(dir.path / "2026-11-01.jsonl"));
    CHECK(std::filesystem::exists(dir.path / "notes.txt"));
  }
}

TEST_CASE("the recorder writes once a minute and starts a new file each day") {
  TempDir dir;
  std::string today = kDay;
  EngagementRecorder recorder(dir.path / "engagement", 90, [&] { return today; });
  std::string error;
  REQUIRE(recorder.start(&error));
  recorder.slide_shown(1000, 0, "a", false);
  recorder.tick(1000);  // the first tick writes what there is
  std::string file = "engagement/" + kDay + ".jsonl";
  CHECK(dir.read(file).size() > 0);
  std::string after_first = dir.read(file);
  recorder.tick(1030);
  CHECK(dir.read(file) == after_first);  // not yet a minute
  CHECK(recorder.next_deadline() == doctest::Approx(1060));
  recorder.tick(1060);
  CHECK(dir.read(file).size() > after_first.size());

  today = "2026-12-02";
  recorder.slide_shown(1070, 1, "b", true);
  recorder.tick(1071);
  CHECK(std::filesystem::exists(dir.path / "engagement" / "2026-12-02.jsonl"));
  CHECK(figures_of(recorder.today(), 1).shown == 1);
  CHECK(figures_of(recorder.today(), 0).shown == 0);  // yesterday's totals are not today's

  SUBCASE("no state folder: counted for the panel, nothing written") {
    TempDir none;
    EngagementRecorder memory("", 90, [] { return kDay; });
    REQUIRE(memory.start(&error));
    memory.slide_shown(0, 0, "a", false);
    CHECK(memory.flush(100));
    CHECK(figures_of(memory.today(), 0).seconds == doctest::Approx(100));
    CHECK(std::filesystem::is_empty(none.path));
  }
}

TEST_CASE("a folder that cannot be written is reported, and the show goes on") {
  TempDir dir;
  dir.write("file", "x");
  EngagementRecorder recorder(dir.path / "file" / "engagement", 90, [] { return kDay; });
  std::string error;
  CHECK_FALSE(recorder.start(&error));
  CHECK_FALSE(error.empty());
  recorder.slide_shown(0, 0, "a", false);
  CHECK_FALSE(recorder.flush(60));
  CHECK_FALSE(recorder.error().empty());
}
