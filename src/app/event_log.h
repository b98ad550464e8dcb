// The event log. With --log-format json: one object a line on stdout (start, slide, blank,
// mode, panel, reload-start, reload, reload-failed, error, status, quit), so tests and
// monitoring can follow the show. With the default text format the events are silent, but
// what someone must act on (a failed reload, an error) is one line on stderr.
//
//   EventLog log(LogFormat::Json, start);
//   log.write("slide", now, {{"index", 3}, {"reason", "timer"}});
//   log.error("cannot watch /srv/deck: …", now);  // once per distinct message
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "app/options.h"

namespace boothdeck {

class EventLog {
 public:
  // JSON lines go to `out` (stdout; tests pass a file of their own).
  EventLog(LogFormat format, double start_time, std::FILE* out = stdout)
      : format_(format), start_(start_time), out_(out) {}
  // `text`: the line to print on stderr in text format (empty: the event is silent there).
  void write(const std::string& event, double now, nlohmann::json fields = nlohmann::json::object(),
             const std::string& text = "");
  // An `error` event with `message`, on stderr in text format; a message repeated (every
  // frame, every reload) is written once until a different one comes.
  void error(const std::string& message, double now);

 private:
  LogFormat format_;
  double start_;
  std::FILE* out_;
  std::string last_error_;
  bool broken_ = false;
};

}  // namespace boothdeck
