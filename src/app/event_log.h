// The event log. With --log-format json: one object a line on stdout (start, slide, blank,
// mode, panel, reload-start, reload, reload-failed, error, status, quit), so tests and
// monitoring can follow the show. With the default text format the events are silent, but
// what someone must act on (a failed reload, an error) is one line on stderr.
//
//   EventLog log(LogFormat::Json, start);
//   log.write("slide", now, {{"index", 3}, {"reason", "timer"}});
//   log.error("cannot watch /srv/deck: …", now);  // once per distinct message
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "app/options.h"

namespace boothdeck {

class EventLog {
 public:
  EventLog(LogFormat format, double start_time) : format_(format), start_(start_time) {}
  // `text`: the line to print on stderr in text format (empty: the event is silent there).
  void write(const std::string& event, double now, nlohmann::json fields = nlohmann::json::object(),
             const std::string& text = "");
  // An `error` event with `message`, on stderr in text format; a message repeated (every
  // frame, every reload) is written once until a different one comes.
  void error(const std::string& message, double now);

 private:
  LogFormat format_;
  double start_;
  std::string last_error_;
  bool broken_ = false;
};

}  // namespace boothdeck
