// Test-only: touches read from a FIFO and pushed into SDL's event queue as SDL_FINGERDOWN,
// SDL_FINGERMOTION and SDL_FINGERUP, so the window test can touch the real kiosk under Xvfb
// (xdotool has no touch). Off unless the environment variable BOOTHDECK_TEST_TOUCH_FIFO names
// a FIFO; a kiosk started without it never opens anything. Depends on SDL only.
//
//   mkfifo /tmp/touch; BOOTHDECK_TEST_TOUCH_FIFO=/tmp/touch boothdeck --windowed deck.md &
//   echo "down 1 0.03 0.03" > /tmp/touch   # finger 1 at 3 % of the window's width and height
//   echo "up 1 0.03 0.03" > /tmp/touch     # lines: down|move|up FINGER X Y [TOUCH_DEVICE]
#pragma once

#include <SDL.h>

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace boothdeck {

constexpr const char* kTouchFifoVariable = "BOOTHDECK_TEST_TOUCH_FIFO";
constexpr SDL_TouchID kInjectedTouchDevice = 0x7e57;  // unless a line names another

// One line of the FIFO as the SDL event a touchscreen would send; nothing for a bad line.
std::optional<SDL_Event> parse_touch_line(std::string_view line);

class TouchInjector {
 public:
  TouchInjector() = default;
  ~TouchInjector();
  TouchInjector(const TouchInjector&) = delete;
  TouchInjector& operator=(const TouchInjector&) = delete;

  // Reads `path` (a FIFO) on a thread of its own until destroyed; false with `error` when it
  // cannot be opened.
  bool start(const std::string& path, std::string* error);

 private:
  void run();
  int fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace boothdeck
