// posix_spawn of the display commands and SDL's screen-saver switch.
#include "app/display_power.h"

#include <SDL.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstring>

extern char** environ;

namespace boothdeck {

DisplayPower::~DisplayPower() {
  collect(false);
}

bool DisplayPower::set_show_running(bool running, std::string* error) {
  // SDL disables the screen saver by default; both calls are no-ops without a video subsystem.
  if (running)
    SDL_DisableScreenSaver();
  else
    SDL_EnableScreenSaver();
  const std::string& command = running ? on_ : off_;
  if (command.empty()) return true;
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  int rc = posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char* const*>(argv), environ);
  if (rc != 0) {
    *error = "cannot run '" + command + "': " + std::strerror(rc);
    return false;
  }
  children_.push_back({pid, command});
  return true;
}

std::vector<std::string> DisplayPower::collect(bool block) {
  std::vector<std::string> failures;
  for (size_t i = 0; i < children_.size();) {
    int status = 0;
    pid_t done = waitpid(children_[i].pid, &status, block ? 0 : WNOHANG);
    if (done == 0) {
      ++i;
      continue;
    }
    if (done > 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
      failures.push_back("display command '" + children_[i].command + "' failed (" +
                         (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                            : std::string("killed")) +
                         ")");
    children_.erase(children_.begin() + static_cast<long>(i));
  }
  return failures;
}

std::vector<std::string> DisplayPower::reap() {
  return collect(false);
}

std::vector<std::string> DisplayPower::wait_all() {
  return collect(true);
}

}  // namespace boothdeck
