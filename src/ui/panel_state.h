// The operator panel's rules, without ImGui: who may see what, the PIN with its growing wait,
// confirmation before what cannot be undone at a glance, pages of slides, and closing by itself.
// Takes `now` (seconds) like the show, so tests run it with plain numbers.
//
//   PanelState panel({.pin = "1234", .restricted = false});
//   panel.open(now);                             // a long press in a corner
//   panel.digit(1, now); ...; panel.submit(now); // the PIN pad
//   if (panel.expired(now)) panel.close();       // 45 s without operator input
#pragma once

#include <optional>
#include <string>

#include "core/show/command.h"

namespace boothdeck {

// Who may use the panel, from the options.
struct PanelPolicy {
  std::string pin;          // empty: no PIN pad
  bool restricted = false;  // a fullscreen kiosk without a PIN: navigation and status only
  bool remote = false;      // the HTTP remote is on: the panel pairs phones (not restricted)
};

// Pair: a QR code that pairs a phone with the HTTP remote. Figures: today's engagement figures
// per slide and the show hours (staff only).
enum class PanelView { Closed, Pin, Main, Confirm, Pair, Figures };

// A PIN that was submitted, for the event log.
struct PinOutcome {
  bool accepted = false;
  int wrong_tries = 0;  // in a row, this one included
  double wait = 0;      // seconds the pad now waits before it takes another PIN
};

class PanelState {
 public:
  static constexpr double kIdleClose = 45;  // seconds without operator input, then it closes
  static constexpr int kFreeTries = 5;      // wrong PINs in a row before the pad waits
  static constexpr double kFirstWait = 30;  // seconds, doubled by each further wrong PIN
  static constexpr double kMaxWait = 900;

  explicit PanelState(PanelPolicy policy) : policy_(std::move(policy)) {}

  // Opens on the PIN pad when there is a PIN, else on the main view.
  void open(double now);
  // Closes and locks: the next opening asks for the PIN again.
  void close();
  bool is_open() const { return view_ != PanelView::Closed; }
  PanelView view() const { return view_; }
  bool restricted() const { return policy_.restricted; }
  bool has_pin() const { return !policy_.pin.empty(); }

  // Operator input on the panel: the auto-close starts again.
  void touched(double now) { last_input_ = now; }
  // When it closes by itself (kNever when closed).
  double close_deadline() const;
  bool expired(double now) const { return is_open() && now >= close_deadline(); }

  // [PIN pad] Keys do nothing while the pad waits.
  const std::string& entered() const { return entered_; }
  void digit(int digit, double now);
  void erase(double now);
  // The entered PIN is checked; nothing (nullopt) while the pad waits or when nothing is entered.
  std::optional<PinOutcome> submit(double now);
  bool waiting(double now) const { return now < wait_until_; }
  double wait_until() const { return wait_until_; }
  bool wrong_shown() const { return wrong_shown_; }  // the last PIN was wrong (until a key)
  int wrong_tries() const { return wrong_tries_; }
  // Seconds the pad waits after `wrong_tries` wrong PINs in a row (0: it does not).
  static double wait_after(int wrong_tries);

  // [Confirmation] Quit, blanking and reload are asked again before they happen.
  static bool needs_confirmation(const Command& command, bool blanked);
  void ask(const Command& command);
  const std::optional<Command>& asking() const { return asking_; }
  // Yes: the command to carry out; no: nothing. Back to the main view either way.
  std::optional<Command> answer(bool yes);
  // [Figures] From the main view, for staff (not on a restricted panel); back to the main view.
  void show_figures();
  void back_to_main();
  // Only what the policy allows: restricted panels offer navigation and resuming autoplay.
  bool allows(CommandKind kind) const;

  // [Pairing] The QR code, from the main view; back to it. Only when the policy has a remote
  // and is not restricted: a phone that pairs can do what the operator can.
  bool can_pair() const { return policy_.remote && !policy_.restricted; }
  void show_pairing(double now);

  // [Pages of slides]
  int page() const { return page_; }
  void set_page(int page, int pages);
  void show_page_of(int slide, int per_page);

 private:
  PanelPolicy policy_;
  PanelView view_ = PanelView::Closed;
  double last_input_ = 0;
  std::string entered_;
  int wrong_tries_ = 0;
  bool wrong_shown_ = false;
  double wait_until_ = -1e300;
  std::optional<Command> asking_;
  int page_ = 0;
};

}  // namespace boothdeck
