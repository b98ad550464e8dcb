// Crash-safe appends with POSIX calls: O_APPEND, one write(), fdatasync(), ftruncate() to undo.
#include "app/engagement_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/schedule/show_hours.h"

namespace boothdeck {

namespace fs = std::filesystem;

namespace {

double tenths(double seconds) {
  return std::round(seconds * 10) / 10;
}

std::string errno_text(const std::string& what, const fs::path& path) {
  return "cannot " + what + " " + path.string() + ": " + std::strerror(errno);
}

}  // namespace

std::string figures_to_json_line(const SlideFigures& f) {
  nlohmann::ordered_json j = {{"date", f.date},
                              {"slide", f.slide},
                              {"title", f.title},
                              {"shown", f.shown},
                              {"seconds", tenths(f.seconds)},
                              {"touches", f.touches},
                              {"dwell", tenths(f.dwell)}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<SlideFigures> parse_figures(std::string_view text, int* skipped) {
  std::vector<SlideFigures> out;
  int bad = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {  // no newline: a line cut short by a crash
      ++bad;
      break;
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    try {
      if (j.is_discarded() || !j.is_object()) throw std::runtime_error("not an object");
      SlideFigures f;
      f.date = j.at("date").get<std::string>();
      f.slide = j.at("slide").get<int>();
      f.title = j.value("title", "");
      f.shown = j.at("shown").get<long>();
      f.seconds = j.at("seconds").get<double>();
      f.touches = j.at("touches").get<long>();
      f.dwell = j.at("dwell").get<double>();
      out.push_back(f);
    } catch (const std::exception&) {
      ++bad;
    }
  }
  if (skipped) *skipped = bad;
  return out;
}

fs::path EngagementLog::file_of(const std::string& date) const {
  return dir_ / (date + ".jsonl");
}

std::vector<SlideFigures> EngagementLog::read_day(const std::string& date, std::string* error) {
  fs::path path = file_of(date);
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  size_t keep = text.rfind('\n');
  keep = keep == std::string::npos ? 0 : keep + 1;
  if (keep != text.size()) {
    if (::truncate(path.c_str(), static_cast<off_t>(keep)) != 0)
      *error = errno_text("repair", path);
    text.resize(keep);
  }
  return parse_figures(text);
}

bool EngagementLog::append(const std::vector<SlideFigures>& records, std::string* error) {
  std::map<std::string, std::string> by_date;
  for (const SlideFigures& f : records) by_date[f.date] += figures_to_json_line(f);
  std::error_code ec;
  fs::create_directories(dir_, ec);
  bool ok = true;
  for (const auto& [date, lines] : by_date) {
    fs::path path = file_of(date);
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      *error = errno_text("open", path);
      ok = false;
      continue;
    }
    struct stat before {};
    ::fstat(fd, &before);
    ssize_t written = ::write(fd, lines.data(), lines.size());
    if (written != static_cast<ssize_t>(lines.size())) {
      *error = errno_text("write", path);
      if (::ftruncate(fd, before.st_size) != 0) *error += " (and cannot undo the partial line)";
      ok = false;
    } else if (::fdatasync(fd) != 0) {
      *error = errno_text("sync", path);
      ok = false;
    }
    ::close(fd);
  }
  return ok;
}

void EngagementLog::prune(const std::string& today) {
  int y, m, d;
  if (!parse_iso_date(today, &y, &m, &d)) return;
  LocalTime t;
  t.year = y, t.month = m, t.day = d;
  std::string oldest = add_days(t, -keep_days_).date();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() != 16 || entry.path().extension() != ".jsonl") continue;
    std::string date = name.substr(0, 10);
    int yy, mm, dd;
    if (parse_iso_date(date, &yy, &mm, &dd) && date < oldest) fs::remove(entry.path(), ec);
  }
}

EngagementRecorder::EngagementRecorder(fs::path dir, int keep_days,
                                       std::function<std::string()> local_date)
    : log_(dir, keep_days), writing_(!dir.empty()), local_date_(std::move(local_date)) {}

bool EngagementRecorder::start(std::string* error) {
  date_ = local_date_();
  if (!writing_) return true;
  std::error_code ec;
  fs::create_directories(log_.file_of(date_).parent_path(), ec);
  if (ec) {
    *error = "cannot create the engagement folder: " + ec.message();
    error_ = *error;
    return false;
  }
  std::string read_error;
  counter_.restore(log_.read_day(date_, &read_error));
  log_.prune(date_);
  if (!read_error.empty()) {
    *error = error_ = read_error;
    return false;
  }
  return true;
}

void EngagementRecorder::slide_shown(double now, int slide, std::string title, bool by_visitor) {
  counter_.slide_shown(now, local_date_(), slide, std::move(title), by_visitor);
}

void EngagementRecorder::visitor_touch(double now) {
  counter_.visitor_touch(now, local_date_());
}

void EngagementRecorder::set_visible(double now, bool visible) {
  counter_.set_visible(now, local_date_(), visible);
}

void EngagementRecorder::tick(double now) {
  std::string date = local_date_();
  if (now < next_deadline() && date == date_) return;
  flush(now);
  if (date != date_) {
    date_ = date;
    counter_.keep_only(date_);
    if (writing_) log_.prune(date_);
  }
}

bool EngagementRecorder::flush(double now) {
  last_flush_ = now;
  std::vector<SlideFigures> increments = counter_.take_increments(now, local_date_());
  if (!writing_ || increments.empty()) return true;
  std::string error;
  bool ok = log_.append(increments, &error);
  error_ = ok ? "" : error;
  return ok;
}

}  // namespace boothdeck
