// A log that cannot be written (closed pipe, full disk) is reported once on stderr and the
// show goes on: logging must never stop the kiosk.
#include "app/event_log.h"

#include <cstdio>

namespace boothdeck {

void EventLog::write(const std::string& event, double now, nlohmann::json fields,
                     const std::string& text) {
  if (format_ != LogFormat::Json) {
    if (!text.empty()) std::fprintf(stderr, "boothdeck: %s\n", text.c_str());
    return;
  }
  if (broken_) return;
  fields["event"] = event;
  fields["t"] = std::round((now - start_) * 1000) / 1000;
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
