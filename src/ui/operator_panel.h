// The operator panel: opened by a long press in a corner, optionally behind a PIN typed on an
// on-screen keypad (a kiosk has no keyboard). Drawing returns the commands the operator chose.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/show/command.h"
#include "core/show/show.h"

namespace boothdeck {

// The PIN pad has the digits 0-9 and takes at most this many: one limit for the pad and for the
// start-up check of a configured PIN.
constexpr size_t kPinMaxDigits = 12;

// "" when the pad can enter `pin`; else why not (letters, spaces, too many digits).
inline std::string pin_problem(std::string_view pin) {
  if (pin.empty()) return "the PIN is empty; leave it out for no PIN";
  for (char c : pin) {
    if (c >= '0' && c <= '9') continue;
    std::string what = c == ' '                ? "a space"
                       : c > ' ' && c < '\x7f' ? "'" + std::string(1, c) + "'"
                                               : "a character other than 0-9";
    return "the PIN pad has only the digits 0-9, so a PIN with " + what + " could never be entered";
  }
  if (pin.size() > kPinMaxDigits)
    return "the PIN pad takes at most " + std::to_string(kPinMaxDigits) + " digits, not " +
           std::to_string(pin.size());
  return "";
}

struct PanelStatus {
  std::vector<std::string> titles;
  int slide = 0;
  Mode mode = Mode::Autoplay;
  bool blanked = false;
  double slide_duration = 0;
  double uptime = 0;
  uint64_t frames = 0;
  size_t rss_bytes = 0;
  std::string deck_file;
  std::string reload_notice;  // last failed reload, shown only here
};

class OperatorPanel {
 public:
  explicit OperatorPanel(std::string pin = "") : pin_(std::move(pin)) {}
  void open();
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  // Draws the panel (inside an ImGui frame) and returns what the operator asked for.
  std::vector<Command> draw(const PanelStatus& status);
  // Every label, for the UI font's glyph set.
  static std::vector<std::string> labels();

 private:
  bool draw_pin_pad();
  std::string pin_;
  std::string entered_;
  bool unlocked_ = false;
  bool open_ = false;
};

}  // namespace boothdeck
