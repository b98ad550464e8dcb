// The FIFO is opened read-write so that the open never blocks and the reader never sees an end
// of file between two writers; poll() with a short timeout lets the destructor stop the thread.
#include "app/platform/touch_injector.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

namespace boothdeck {

std::optional<SDL_Event> parse_touch_line(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::string kind;
  long long finger = 0, device = kInjectedTouchDevice;
  float x = 0, y = 0;
  if (!(in >> kind >> finger >> x >> y)) return std::nullopt;
  if (!(in >> device)) device = kInjectedTouchDevice;
  SDL_Event e;
  SDL_zero(e);
  if (kind == "down")
    e.type = SDL_FINGERDOWN;
  else if (kind == "move")
    e.type = SDL_FINGERMOTION;
  else if (kind == "up")
    e.type = SDL_FINGERUP;
  else
    return std::nullopt;
  e.tfinger.timestamp = SDL_GetTicks();
  e.tfinger.touchId = device;
  e.tfinger.fingerId = finger;
  e.tfinger.x = x;
  e.tfinger.y = y;
  e.tfinger.pressure = e.type == SDL_FINGERUP ? 0.0f : 1.0f;
  return e;
}

TouchInjector::~TouchInjector() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (fd_ >= 0) close(fd_);
}

bool TouchInjector::start(const std::string& path, std::string* error) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0 || !S_ISFIFO(info.st_mode)) {
    *error = path + " is not a FIFO (make one with mkfifo)";
    return false;
  }
  fd_ = open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) {
    *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  thread_ = std::thread([this] { run(); });
  return true;
}

void TouchInjector::run() {
  std::string pending;
  char buffer[512];
  while (!stop_) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) continue;
    pending.append(buffer, static_cast<size_t>(n));
    for (size_t end; (end = pending.find('\n')) != std::string::npos; pending.erase(0, end + 1))
      if (auto event = parse_touch_line(std::string_view(pending).substr(0, end)))
        SDL_PushEvent(&*event);  // thread-safe; wakes SDL_WaitEventTimeout
  }
}

}  // namespace boothdeck
