// The display outside show hours: during the show SDL keeps the screen saver and DPMS off;
// outside it they are allowed again and the operator's command switches the display off
// ("xset dpms force off", "wlr-randr --output HDMI-A-1 --off", "vcgencmd display_power 0").
// Commands run through /bin/sh without waiting: a hung command never stalls the show.
//
//   DisplayPower power(config.display_off, config.display_on);
//   if (auto running = hours.update(...)) power.set_show_running(*running);
//   power.reap();                 // now and then: collects finished commands
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace boothdeck {

class DisplayPower {
 public:
  DisplayPower(std::string off_command, std::string on_command)
      : off_(std::move(off_command)), on_(std::move(on_command)) {}
  ~DisplayPower();
  DisplayPower(const DisplayPower&) = delete;
  DisplayPower& operator=(const DisplayPower&) = delete;

  // true: the show runs (screen saver off, on-command); false: it stops (off-command, screen
  // saver allowed). Returns false with `error` when the command cannot be started.
  bool set_show_running(bool running, std::string* error);
  // Collects commands that finished; their failures are returned as lines for the log.
  std::vector<std::string> reap();
  // Waits for every command still running (tests, shutdown).
  std::vector<std::string> wait_all();

 private:
  struct Child {
    pid_t pid;
    std::string command;
  };
  std::vector<std::string> collect(bool block);
  std::string off_, on_;
  std::vector<Child> children_;
};

}  // namespace boothdeck
