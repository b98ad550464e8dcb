// The event log: with --log-format json one object a line on stdout (start, slide, blank,
// mode, reload, reload-failed, error, quit), so tests and monitoring can follow the show.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/options.h"

namespace boothdeck {

class EventLog {
 public:
  EventLog(LogFormat format, double start_time) : format_(format), start_(start_time) {}
  void write(const std::string& event, double now,
             nlohmann::json fields = nlohmann::json::object());
  // Errors also go to stderr in text mode; the same message is written once, not every frame.
  void error(const std::string& message, double now);

 private:
  LogFormat format_;
  double start_;
  std::string last_error_;
  bool broken_ = false;
};

}  // namespace boothdeck
