// The operator panel's rules with plain time: the PIN and its growing wait, closing by itself,
// confirmation, what a restricted panel allows, and pages.
#include "ui/panel_state.h"

#include <doctest/doctest.h>

#include "ui/operator_panel.h"

using namespace boothdeck;

namespace {

void type(PanelState& panel, const std::string& digits, double now) {
  for (char c : digits) panel.digit(c - '0', now);
}

}  // namespace

TEST_CASE("the PIN: right opens the panel, wrong says so, and after five the pad waits longer") {
  PanelState panel({.pin = "2468"});
  panel.open(0);
  CHECK(panel.view() == PanelView::Pin);

  SUBCASE("the right PIN") {
    type(panel, "2468", 1);
    std::optional<PinOutcome> outcome = panel.submit(1);
    REQUIRE(outcome);
    CHECK(outcome->accepted);
    CHECK(panel.view() == PanelView::Main);
  }

  SUBCASE("wrong PINs: the waits, in a row") {
    // Tries 1-4 free; the fifth waits 30 s; each further one doubles it, up to 15 min.
    const double waits[] = {0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900};
    double now = 1;
    for (int i = 0; i < static_cast<int>(std::size(waits)); ++i) {
      CAPTURE(i + 1);
      type(panel, "1111", now);
      std::optional<PinOutcome> outcome = panel.submit(now);
      REQUIRE(outcome);
      CHECK_FALSE(outcome->accepted);
      CHECK(outcome->wrong_tries == i + 1);
      CHECK(outcome->wait == waits[i]);
      CHECK(panel.wrong_shown());
      CHECK(panel.view() == PanelView::Pin);
      if (waits[i] > 0) {
        // While it waits, keys do nothing and nothing is submitted, not even the right PIN.
        CHECK(panel.waiting(now + waits[i] - 0.5));
        type(panel, "2468", now + 1);
        CHECK(panel.entered().empty());
        CHECK_FALSE(panel.submit(now + 1));
      }
      now += waits[i] + 1;
      CHECK_FALSE(panel.waiting(now));
    }
    // The right PIN after the wait still works, and the count starts again.
    type(panel, "2468", now);
    CHECK(panel.submit(now)->accepted);
    CHECK(panel.wrong_tries() == 0);
  }

  SUBCASE("closing and opening again does not buy more tries") {
    for (int i = 0; i < 5; ++i) {
      type(panel, "9", i);
      panel.submit(i);
    }
    panel.close();
    panel.open(10);
    CHECK(panel.view() == PanelView::Pin);
    CHECK(panel.waiting(10));
    type(panel, "2468", 10);
    CHECK_FALSE(panel.submit(10));
  }

  SUBCASE("the pad takes at most kPinMaxDigits digits; erase takes one back") {
    type(panel, std::string(kPinMaxDigits + 5, '7'), 1);
    CHECK(panel.entered().size() == kPinMaxDigits);
    panel.erase(2);
    CHECK(panel.entered().size() == kPinMaxDigits - 1);
    CHECK_FALSE(panel.submit(3)->accepted);
    CHECK(panel.entered().empty());
    CHECK_FALSE(panel.submit(4));  // nothing entered: nothing to check, no try counted
    CHECK(panel.wrong_tries() == 1);
  }
}

TEST_CASE("the panel closes by itself 45 s after the operator's last input, and locks") {
  PanelState panel({.pin = "1"});
  panel.open(100);
  CHECK(panel.close_deadline() == doctest::Approx(145));
  panel.digit(1, 120);  // input: the time starts again
  CHECK(panel.submit(130)->accepted);
  CHECK_FALSE(panel.expired(174.9));
  CHECK(panel.expired(175));
  panel.close();
  CHECK_FALSE(panel.is_open());
  CHECK_FALSE(panel.expired(1000));
  panel.open(1000);
  CHECK(panel.view() == PanelView::Pin);  // locked again
}

TEST_CASE("confirmation before quit, reload and blanking; restricted panels only navigate") {
  struct Row {
    CommandKind kind;
    bool blanked;
    bool asks;
    bool restricted_allows;
  };
  // clang-format off
  const Row rows[] = {
    {CommandKind::Quit,        false, true,  false},
    {CommandKind::Reload,      false, true,  false},
    {CommandKind::ToggleBlank, false, true,  false},
    {CommandKind::ToggleBlank, true,  false, false},  // unblanking undoes nothing
    {CommandKind::Pause,       false, false, false},
    {CommandKind::Resume,      false, false, true},
    {CommandKind::Next,        false, false, true},
    {CommandKind::Previous,    false, false, true},
    {CommandKind::GoTo,        false, false, true},
  };
  // clang-format on
  for (const Row& row : rows) {
    CAPTURE(to_string(row.kind));
    Command command{row.kind, Source::Operator};
    CHECK(PanelState::needs_confirmation(command, row.blanked) == row.asks);
    CHECK(PanelState({.pin = "", .restricted = true}).allows(row.kind) == row.restricted_allows);
    CHECK(PanelState({}).allows(row.kind));
  }

  PanelState panel({});
  panel.open(0);
  panel.ask({CommandKind::Quit, Source::Operator});
  CHECK(panel.view() == PanelView::Confirm);
  CHECK_FALSE(panel.answer(false));
  CHECK(panel.view() == PanelView::Main);
  panel.ask({CommandKind::Quit, Source::Operator});
  CHECK(panel.answer(true) == Command{CommandKind::Quit, Source::Operator});

  PanelState restricted({.pin = "", .restricted = true});
  restricted.open(0);
  restricted.ask({CommandKind::Quit, Source::Operator});
  CHECK(restricted.view() == PanelView::Main);  // not even asked
}

TEST_CASE("pages: the current slide's page, clamped") {
  PanelState panel({});
  panel.show_page_of(25, 12);
  CHECK(panel.page() == 2);
  panel.set_page(7, 5);
  CHECK(panel.page() == 4);
  panel.set_page(-1, 5);
  CHECK(panel.page() == 0);
}

TEST_CASE("today's figures: for staff from the main view, never on a restricted panel") {
  PanelState staff({.pin = "1234", .restricted = false});
  staff.open(0);
  staff.show_figures();  // still on the PIN pad: nothing
  CHECK(staff.view() == PanelView::Pin);
  for (int d : {1, 2, 3, 4}) staff.digit(d, 1);
  REQUIRE(staff.submit(1)->accepted);
  staff.show_figures();
  CHECK(staff.view() == PanelView::Figures);
  staff.back_to_main();
  CHECK(staff.view() == PanelView::Main);

  PanelState stranger({.pin = "", .restricted = true});
  stranger.open(0);
  stranger.show_figures();
  CHECK(stranger.view() == PanelView::Main);
}
