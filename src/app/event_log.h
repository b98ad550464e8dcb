// The event log. With --log-format json: one object a line on stdout (start, slide, blank,
// mode, panel, pin, presenter, presenter-view, signal, renderer, show-hours, reload-start,
// reload, reload-unchanged, reload-failed, remote, remote-pairing, fleet, fleet-deck, error,
// status, quit), so tests and monitoring can follow the show. Each carries `t` (seconds since
// start, monotonic) and `time` (the wall clock, UTC, ISO 8601 with milliseconds), so the logs
// of several screens can be laid side by side. With the default text format the events are
// silent, but what someone must act on (a failed reload, an error) is one line on stderr. An
// observer (the remote's event stream) sees every event in either format.
//
//   EventLog log(LogFormat::Json, start);
//   log.write("slide", now, {{"index", 3}, {"reason", "timer"}});
//   log.error("cannot watch /srv/deck: …", now);  // once per distinct message
#pragma once

#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "app/options.h"

namespace boothdeck {

// Seconds since 1970-01-01 00:00 UTC, with fractions: "2026-11-30T09:00:00.250Z".
std::string utc_iso8601(double wall_seconds);

class EventLog {
 public:
  using WallClock = std::function<double()>;  // seconds since 1970, UTC
  using Observer = std::function<void(const nlohmann::json& event)>;

  // JSON lines go to `out` (stdout; tests pass a file of their own). `wall`: the system clock
  // unless given (tests pass the fake platform's).
  EventLog(LogFormat format, double start_time, std::FILE* out = stdout, WallClock wall = nullptr);
  // `text`: the line to print on stderr in text format (empty: the event is silent there).
  void write(const std::string& event, double now, nlohmann::json fields = nlohmann::json::object(),
             const std::string& text = "");
  // An `error` event with `message`, on stderr in text format; a message repeated (every
  // frame, every reload) is written once until a different one comes.
  void error(const std::string& message, double now);
  // Called on the writer's thread with every event, fields, `event`, `t` and `time` included.
  void set_observer(Observer observer) { observer_ = std::move(observer); }

 private:
  LogFormat format_;
  double start_;
  WallClock wall_;
  Observer observer_;
  std::FILE* out_;
  std::string last_error_;
  bool broken_ = false;
};

}  // namespace boothdeck
