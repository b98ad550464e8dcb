// Engagement figures on disk: one JSON object a line in STATE/engagement/YYYY-MM-DD.jsonl, one
// file a day. Each minute's increments are appended with one write() and fdatasync(), so a crash
// loses at most the last minute; a torn last line is cut off at the next start, so the file
// never holds a broken record. Also keeps the counter and its minute cadence for the loop.
//
//   EngagementRecorder stats(state_dir / "engagement", 90, local_date_now);
//   stats.start(&error);                       // repairs and reads today's file, prunes old ones
//   stats.slide_shown(now, index, title, reason == Reason::Touch);
//   stats.tick(now);                           // writes at most once a minute
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/stats/engagement.h"

namespace boothdeck {

// "{"date":"2026-12-01","slide":3,"title":"…","shown":1,"seconds":8.0,"touches":2,"dwell":5.5}"
std::string figures_to_json_line(const SlideFigures& f);
// Records of one file's text; lines that are not whole records are skipped and counted.
std::vector<SlideFigures> parse_figures(std::string_view text, int* skipped = nullptr);

class EngagementLog {
 public:
  EngagementLog(std::filesystem::path dir, int keep_days)
      : dir_(std::move(dir)), keep_days_(keep_days) {}
  std::filesystem::path file_of(const std::string& date) const;
  // Cuts a torn last line off `date`'s file (left by a crash) and returns its records.
  std::vector<SlideFigures> read_day(const std::string& date, std::string* error);
  // Appends records to their days' files: one write() per file, then fdatasync(). A short
  // write (a full disk) is undone, so no partial line stays behind.
  bool append(const std::vector<SlideFigures>& records, std::string* error);
  // Deletes day files older than keep_days before `today`; other files are left alone.
  void prune(const std::string& today);

 private:
  std::filesystem::path dir_;
  int keep_days_;
};

class EngagementRecorder {
 public:
  static constexpr double kFlushSeconds = 60;

  // `dir` empty: figures are counted for the operator panel but not written.
  EngagementRecorder(std::filesystem::path dir, int keep_days,
                     std::function<std::string()> local_date);
  bool start(std::string* error);
  void slide_shown(double now, int slide, std::string title, bool by_visitor);
  void visitor_touch(double now);
  void set_visible(double now, bool visible);
  // Writes the last minute's figures when a minute has passed, or when the day changed.
  void tick(double now);
  double next_deadline() const { return last_flush_ + kFlushSeconds; }
  bool flush(double now);
  std::vector<SlideFigures> today() const { return counter_.totals(date_); }
  // The last write error, "" after a good write: for the log and the operator panel.
  const std::string& error() const { return error_; }

 private:
  EngagementLog log_;
  bool writing_;
  std::function<std::string()> local_date_;
  EngagementCounter counter_;
  std::string date_;
  double last_flush_ = 0;
  std::string error_;
};

}  // namespace boothdeck
