// A log that cannot be written (closed pipe, full disk) is reported once on stderr and the
// show goes on: logging must never stop the kiosk.
#include "app/event_log.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace boothdeck {

std::string utc_iso8601(double wall_seconds) {
  long long ms = std::llround(wall_seconds * 1000);
  std::time_t whole = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  gmtime_r(&whole, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms - static_cast<long long>(whole) * 1000));
  return text;
}

EventLog::EventLog(LogFormat format, double start_time, std::FILE* out, WallClock wall)
    : format_(format), start_(start_time), wall_(std::move(wall)), out_(out) {
  if (!wall_)
    wall_ = [] {
      return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
          .count();
    };
}

void EventLog::write(const std::string& event, double now, nlohmann::json fields,
                     const std::string& text) {
  fields["event"] = event;
  fields["t"] = std::round((now - start_) * 1000) / 1000;
  fields["time"] = utc_iso8601(wall_());
  if (observer_) observer_(fields);
  if (format_ != LogFormat::Json) {
    if (!text.empty()) std::fprintf(stderr, "boothdeck: %s\n", text.c_str());
    return;
  }
  if (broken_) return;
  std::string line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (std::fwrite(line.data(), 1, line.size(), out_) != line.size() || std::fflush(out_) != 0) {
    broken_ = true;
    std::fprintf(stderr, "boothdeck: cannot write the event log; going on without it\n");
  }
}

void EventLog::error(const std::string& message, double now) {
  if (message == last_error_) return;
  last_error_ = message;
  write("error", now, {{"message", message}}, message);
}

}  // namespace boothdeck
