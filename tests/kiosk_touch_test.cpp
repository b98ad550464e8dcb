// The real kiosk loop on the fake platform, touched by fingers: the operator panel opened,
// unlocked and used by finger, closing and locking by itself; lost lifts and a composite touch
// panel; a presenter's clicker against idle-return. Checked against the JSON event log.
#include <doctest/doctest.h>

#include "kiosk_rig.h"

using namespace boothdeck;

namespace {

constexpr int kWidth = 1280, kHeight = 720;

const char* kDeck =
    "---\nduration: 30\ntransition: none\nidle-return: 20\n---\n# 하나\n---\n# 둘\n---\n# "
    "셋\n---\n# "
    "넷\n";

Options with_pin(const std::string& pin, bool windowed = false) {
  Options options;
  options.pin = pin;
  options.windowed = windowed;
  return options;
}

std::vector<nlohmann::json> panel_events(Rig& rig) {
  return rig.events("panel");
}

}  // namespace

TEST_CASE(
    "the panel by finger: opened, unlocked with the PIN pad, used, closed; then taps browse") {
  Rig rig(kDeck, kWidth, kHeight, with_pin("1234"));
  Finger finger{rig};
  double t = rig.now();
  finger.long_press(t + 1);
  rig.run_until(t + 4);
  REQUIRE(rig.kiosk->panel_open());
  REQUIRE(panel_events(rig).size() == 1);
  CHECK(panel_events(rig)[0]["view"] == "pin");
  CHECK(rig.slides_logged().size() == 1);  // the finger that opened it pressed nothing

  double at = t + 5;
  for (int digit : {1, 2, 3, 4})
    finger.press(at += 0.5, PanelView::Pin, TargetKind::PinDigit, digit);
  finger.press(at += 0.5, PanelView::Pin, TargetKind::PinOk);
  finger.press(at += 0.5, PanelView::Main, TargetKind::Next);
  finger.press(at += 0.5, PanelView::Main, TargetKind::Slide, 3);
  finger.press(at += 0.5, PanelView::Main, TargetKind::Close);
  rig.run_until(at + 1);
  auto pins = rig.events("pin");
  REQUIRE(pins.size() == 1);
  CHECK(pins[0]["ok"] == true);
  CHECK(rig.slides_logged("operator") == std::vector<int>{1, 3});
  CHECK_FALSE(rig.kiosk->panel_open());
  REQUIRE(panel_events(rig).size() == 2);
  CHECK(panel_events(rig)[1]["reason"] == "button");

  // Touch works as before: right part forward, left third back.
  finger.tap(at + 1.5, 0.8f, 0.5f);
  finger.tap(at + 2.5, 0.1f, 0.5f);
  rig.run_until(at + 3);
  CHECK(rig.slides_logged("touch") == std::vector<int>{0, 3});
}

TEST_CASE("a wrong PIN says so in the log; after five the pad waits, and the wait grows") {
  Rig rig(kDeck, kWidth, kHeight, with_pin("1234"));
  Finger finger{rig};
  double t = rig.now();
  finger.long_press(t + 1);
  double at = t + 4;
  auto wrong = [&](int times) {
    for (int i = 0; i < times; ++i) {
      finger.press(at += 0.5, PanelView::Pin, TargetKind::PinDigit, 9);
      finger.press(at += 0.5, PanelView::Pin, TargetKind::PinOk);
    }
  };
  wrong(5);
  rig.run_until(at + 1);
  auto pins = rig.events("pin");
  REQUIRE(pins.size() == 5);
  for (int i = 0; i < 5; ++i) {
    CHECK(pins[i]["ok"] == false);
    CHECK(pins[i]["wrong_tries"] == i + 1);
  }
  CHECK(pins[4]["wait"] == 30.0);
  at += 1;
  wrong(2);  // while the pad waits: not even tried
  rig.run_until(at + 1);
  CHECK(rig.events("pin").size() == 5);
  at += 30;  // past the wait (the taps kept the panel open)
  wrong(1);
  rig.run_until(at + 1);
  pins = rig.events("pin");
  REQUIRE(pins.size() == 6);
  CHECK(pins[5]["wait"] == 60.0);
  CHECK(rig.kiosk->panel_open());
}

TEST_CASE("left alone the panel closes and locks: after 45 s, and at idle-return") {
  SUBCASE("45 s without operator input") {
    Rig rig(kDeck, kWidth, kHeight, with_pin("1234"));
    Finger finger{rig};
    double t = rig.now();
    finger.long_press(t + 1);
    double at = t + 4;
    for (int digit : {1, 2, 3, 4})
      finger.press(at += 0.5, PanelView::Pin, TargetKind::PinDigit, digit);
    finger.press(at += 0.5, PanelView::Pin, TargetKind::PinOk);
    rig.run_until(at + 44);
    CHECK(rig.kiosk->panel_open());
    rig.run_until(at + 46);
    CHECK_FALSE(rig.kiosk->panel_open());
    auto panel = panel_events(rig);
    REQUIRE(panel.size() == 2);
    CHECK(panel[1]["reason"] == "timeout");
    finger.long_press(at + 50);
    rig.run_until(at + 54);
    CHECK(rig.kiosk->panel().state().view() == PanelView::Pin);  // locked again
  }
  SUBCASE("idle-return brings the attract loop back and closes the panel") {
    Options windowed = with_pin("", true);
    Rig rig(kDeck, kWidth, kHeight, windowed);
    Finger finger{rig};
    double t = rig.now();
    finger.tap(t + 1, 0.8f, 0.5f);  // a visitor browses: idle-return 20 s later
    finger.long_press(t + 3);
    rig.run_until(t + 10);
    REQUIRE(rig.kiosk->panel_open());
    rig.run_until(t + 22);
    CHECK(rig.slides_logged("idle-return") == std::vector<int>{0});
    CHECK_FALSE(rig.kiosk->panel_open());
    auto panel = panel_events(rig);
    REQUIRE(panel.size() == 2);
    CHECK(panel[1]["reason"] == "idle-return");
  }
}

TEST_CASE("Quit asks first; a fullscreen kiosk without a PIN offers no Quit at all") {
  SUBCASE("windowed without a PIN: Quit, Cancel, Quit, Yes") {
    Rig rig(kDeck, kWidth, kHeight, with_pin("", true));
    Finger finger{rig};
    double t = rig.now();
    finger.long_press(t + 1);
    finger.press(t + 5, PanelView::Main, TargetKind::Quit);
    finger.press(t + 6, PanelView::Confirm, TargetKind::No);
    rig.run_until(t + 7);
    CHECK(rig.kiosk->running());
    CHECK(rig.kiosk->panel().state().view() == PanelView::Main);
    finger.press(t + 8, PanelView::Main, TargetKind::Quit);
    finger.press(t + 9, PanelView::Confirm, TargetKind::Yes);
    rig.run_until(t + 10);
    CHECK_FALSE(rig.kiosk->running());
    CHECK(rig.events("quit").size() == 1);
  }
  SUBCASE("fullscreen without a PIN: where Quit would be, nothing") {
    Rig rig(kDeck, kWidth, kHeight, with_pin(""));
    Finger finger{rig};
    double t = rig.now();
    finger.long_press(t + 1);
    finger.press(t + 5, PanelView::Main, TargetKind::Quit);
    rig.run_until(t + 6);
    CHECK(rig.kiosk->panel().state().view() == PanelView::Main);      // nothing asked
    finger.press(t + 7, PanelView::Main, TargetKind::Next, 0, true);  // navigation works
    rig.run_until(t + 8);
    CHECK(rig.kiosk->running());
    CHECK(rig.kiosk->panel().state().restricted());
    CHECK(rig.slides_logged("operator") == std::vector<int>{1});
  }
}

TEST_CASE("touch survives lost events: a lift that never comes, a composite touch panel") {
  Rig rig(kDeck, kWidth, kHeight);
  Finger finger{rig};
  double t = rig.now();
  SUBCASE("a finger whose lift is lost, then taps") {
    finger.down(t + 1, 0.5f, 0.5f);  // never lifted
    finger.id = 2;
    finger.tap(t + 3, 0.8f, 0.5f);
    finger.tap(t + 4, 0.8f, 0.5f);
    rig.run_until(t + 5);
    CHECK(rig.slides_logged("touch") == std::vector<int>{1, 2});
  }
  SUBCASE("the panel took the lift of the finger that opened it: touch works after it closes") {
    finger.down(t + 1, 0.03f, 0.03f);  // the long press; its lift never arrives
    finger.id = 2;
    finger.press(t + 5, PanelView::Main, TargetKind::Close, 0, true);
    finger.tap(t + 6, 0.8f, 0.5f);
    rig.run_until(t + 7);
    CHECK(panel_events(rig).size() == 2);
    CHECK(rig.slides_logged("touch") == std::vector<int>{1});
  }
  SUBCASE("focus lost with a finger down") {
    finger.down(t + 1, 0.5f, 0.5f);
    PlatformEvent focus;
    focus.type = PlatformEvent::Type::FocusLost;
    rig.platform.at(t + 1.2, focus);
    finger.up(t + 1.3, 0.5f, 0.5f);  // arrives after all: no tap from a cancelled touch
    finger.id = 2;
    finger.tap(t + 1.4, 0.8f, 0.5f);
    rig.run_until(t + 2);
    CHECK(rig.slides_logged("touch") == std::vector<int>{1});
  }
  SUBCASE("a composite panel: a finger and a real mouse for one touch: one slide") {
    finger.down(t + 1, 0.8f, 0.5f);
    rig.platform.at(t + 1.01, pointer_event(InputEvent::Type::PointerDown, 0.8f, 0.5f, -1));
    rig.platform.at(t + 1.09, pointer_event(InputEvent::Type::PointerUp, 0.8f, 0.5f, -1));
    finger.up(t + 1.1, 0.8f, 0.5f);
    rig.run_until(t + 2);
    CHECK(rig.slides_logged("touch") == std::vector<int>{1});
  }
}

TEST_CASE("the presenter outranks idle-return; visitors browsing by touch do not") {
  Rig rig(kDeck, kWidth, kHeight);
  Finger finger{rig};
  double t = rig.now();
  SUBCASE("a clicker: a minute on one slide, then F5") {
    rig.platform.at(t + 1, key_event(Key::PageDown));
    rig.run_until(t + 61);
    CHECK(rig.slides_logged("idle-return").empty());
    CHECK(rig.kiosk->show().slide() == 1);
    auto presenter = rig.events("presenter");
    REQUIRE(presenter.size() == 1);
    CHECK(presenter[0]["held"] == true);
    rig.platform.at(t + 62, key_event(Key::F5));
    rig.run_until(t + 63);
    presenter = rig.events("presenter");
    REQUIRE(presenter.size() == 2);
    CHECK(presenter[1]["held"] == false);
    CHECK(rig.kiosk->show().mode() == Mode::Autoplay);
  }
  SUBCASE("a forgotten pause: the attract loop after the presenter's timeout (15 min)") {
    rig.platform.at(t + 1, key_event(Key::Escape));  // a clicker's stop
    rig.run_until(t + 900);
    CHECK(rig.kiosk->show().mode() == Mode::Paused);
    rig.run_until(t + 902);
    CHECK(rig.slides_logged("idle-return") == std::vector<int>{0});
    CHECK(rig.events("presenter").back()["reason"] == "presenter-timeout");
  }
  SUBCASE("a visitor browsing by touch: back to the attract loop after idle-return") {
    finger.tap(t + 1, 0.8f, 0.5f);
    rig.run_until(t + 22);
    CHECK(rig.slides_logged("idle-return") == std::vector<int>{0});
    CHECK(rig.events("presenter").empty());
  }
  SUBCASE("PageDown on a blanked screen unblanks on the same slide") {
    rig.platform.at(t + 1, key_event(Key::B));
    rig.platform.at(t + 2, key_event(Key::PageDown));
    rig.run_until(t + 3);
    auto blanks = rig.events("blank");
    REQUIRE(blanks.size() == 2);
    CHECK(blanks[1]["on"] == false);
    CHECK(rig.slides_logged() == std::vector<int>{0});
    CHECK(rig.kiosk->show().slide() == 0);
  }
}
