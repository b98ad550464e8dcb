// The operator panel: opened by a long press in a corner, optionally behind a PIN typed on an
// on-screen pad (a kiosk has no keyboard), used with a finger. It covers the screen; its rules
// are PanelState's, its rectangles PanelLayout's, and its text is drawn by the slides' own text
// engine, so every character a slide can show, the panel shows too. No SDL events: the kiosk
// feeds ImGui (UiContext) and tells the state about operator input.
//
//   OperatorPanel panel({.pin = options.pin, .restricted = !options.windowed && no pin});
//   panel.open(now, show.slide(), 1920, 1080, slides);
//   // inside an ImGui frame:
//   PanelOutput out = panel.draw(status, render.text(), now);
//   for (const Command& c : out.commands) show.apply(c, now);
#pragma once

#include <SDL.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/layout/qr_code.h"
#include "core/show/command.h"
#include "core/show/show.h"
#include "core/stats/engagement.h"
#include "render/text_cache.h"
#include "ui/panel_layout.h"
#include "ui/panel_state.h"

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
  bool held = false;  // a presenter holds the show (see Show::held)
  double slide_duration = 0;
  double uptime = 0;
  uint64_t frames = 0;
  size_t rss_bytes = 0;
  std::string deck_file;
  std::string reload_notice;  // last failed reload, shown only here
  // The appliance: engagement figures of the day, where they go, the show hours.
  std::vector<SlideFigures> figures;
  std::string figures_file, figures_error, show_hours;
  // The thumbnail of a slide, or null while it is not drawn yet.
  std::function<SDL_Texture*(int slide)> thumbnail;
  // The HTTP remote's pairing URL (its token included); "" when the remote is off.
  std::string pairing_url;
};

// What the operator did in one frame, for the kiosk to carry out and log.
struct PanelOutput {
  std::vector<Command> commands;  // allowed by the policy, and confirmed where that is asked
  std::optional<PinOutcome> pin;  // a PIN was submitted
  bool closed = false;            // by its Close button
  bool pair_again = false;        // a new token for the remote: phones paired before lose it
};

class OperatorPanel {
 public:
  explicit OperatorPanel(PanelPolicy policy) : state_(std::move(policy)) {}

  // Opens on the PIN pad or the main view, its grid on the page of `slide`.
  void open(double now, int slide, int width, int height, int slides);
  void close() { state_.close(); }
  bool is_open() const { return state_.is_open(); }
  PanelState& state() { return state_; }
  const PanelState& state() const { return state_; }

  // Where everything is on a `width` × `height` screen, for the state as it is.
  PanelLayout layout(int width, int height, int slides) const;
  PanelLayout layout(int width, int height, int slides, PanelView view) const;
  // Draws the panel (inside an ImGui frame) with text from `text`; what the operator asked for.
  PanelOutput draw(const PanelStatus& status, TextCache& text, double now);

 private:
  PanelState state_;
  std::optional<QrMatrix> qr_;  // of qr_text_: encoded when the pairing URL changes, not every frame
  std::string qr_text_;
};

}  // namespace boothdeck
