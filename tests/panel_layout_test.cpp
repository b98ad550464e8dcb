// The operator panel laid out for the screen it is on: on every screen, in every view, every
// target is on screen, at least the target size, apart from the others; a 60-slide deck takes a
// few pages; the restricted panel has no Quit.
#include "ui/panel_layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace boothdeck;

namespace {

struct Screen {
  int width, height;
};
// Booth screens (landscape and portrait 1080p, a small 1366x768 kiosk, 4K) and a small one.
const Screen kScreens[] = {{1920, 1080}, {1080, 1920}, {1366, 768}, {1280, 720},
                           {3840, 2160}, {768, 1366},  {800, 480}};

}  // namespace

TEST_CASE("every target on every screen: on screen, large enough, apart from the others") {
  const PanelView views[] = {PanelView::Pin, PanelView::Main, PanelView::Confirm, PanelView::Pair,
                             PanelView::Figures};
  for (const Screen& screen : kScreens)
    for (PanelView view : views)
      for (bool restricted : {false, true})
        for (bool remote : {false, true})
          for (int slides : {1, 7, 60, 200}) {
            CAPTURE(screen.width);
            CAPTURE(screen.height);
            CAPTURE(static_cast<int>(view));
            CAPTURE(restricted);
            CAPTURE(remote);
            CAPTURE(slides);
            PanelLayout layout = layout_panel({.width = screen.width,
                                               .height = screen.height,
                                               .view = view,
                                               .restricted = restricted,
                                               .remote = remote,
                                               .slides = slides});
            // The remote's button only where pairing is allowed; its view's QR code on screen.
            CHECK((layout.find(TargetKind::Remote) != nullptr) ==
                  (view == PanelView::Main && remote && !restricted));
            if (view == PanelView::Pair) {
              CHECK(layout.qr.w == layout.qr.h);
              CHECK(layout.qr.w >= 120);  // at 800x480: 5 px a module of a 45-module code
              CHECK(layout.qr.right() <= screen.width);
              CHECK(layout.qr.bottom() <= screen.height);
              CHECK_FALSE(layout.qr.overlaps(layout.text));
              for (const PanelTarget& t : layout.targets) CHECK_FALSE(t.rect.overlaps(layout.qr));
            }
            const float min = layout.metrics.target;
            CHECK(min >= 48);
            REQUIRE_FALSE(layout.targets.empty());
            REQUIRE(layout.find(TargetKind::Close));
            for (size_t i = 0; i < layout.targets.size(); ++i) {
              const PanelTarget& t = layout.targets[i];
              CAPTURE(t.name());
              CHECK(t.rect.x >= 0);
              CHECK(t.rect.y >= 0);
              CHECK(t.rect.right() <= screen.width);
              CHECK(t.rect.bottom() <= screen.height);
              CHECK(t.rect.w >= min);
              CHECK(t.rect.h >= min);
              for (size_t j = i + 1; j < layout.targets.size(); ++j)
                CHECK_FALSE(t.rect.overlaps(layout.targets[j].rect));
              CHECK_FALSE(t.rect.overlaps(layout.title));
              CHECK_FALSE(t.rect.overlaps(layout.text));
            }
          }
}

TEST_CASE("the main view: controls by policy, and every slide on exactly one page") {
  for (const Screen& screen : kScreens) {
    CAPTURE(screen.width);
    CAPTURE(screen.height);
    PanelLayoutInput in{.width = screen.width, .height = screen.height, .view = PanelView::Main};
    in.slides = 60;
    PanelLayout full = layout_panel(in);
    for (TargetKind kind :
         {TargetKind::Previous, TargetKind::Next, TargetKind::Play, TargetKind::Blank,
          TargetKind::Reload, TargetKind::Figures, TargetKind::Quit})
      CHECK(full.find(kind));
    in.restricted = true;
    in.status_lines = panel_status_lines(true);
    PanelLayout restricted = layout_panel(in);
    CHECK(restricted.find(TargetKind::Next));
    CHECK_FALSE(restricted.find(TargetKind::Quit));
    CHECK_FALSE(restricted.find(TargetKind::Reload));
    CHECK_FALSE(restricted.find(TargetKind::Blank));
    CHECK_FALSE(restricted.find(TargetKind::Figures));  // strangers do not read the figures

    // 60 slides: a few pages on a booth's screen, each slide on exactly one, the pager only
    // when needed.
    if (std::min(screen.width, screen.height) >= 720) CHECK(full.pages <= 8);
    in.restricted = false;
    in.status_lines = panel_status_lines(false);
    std::multiset<int> seen;
    for (int page = 0; page < full.pages; ++page) {
      in.page = page;
      PanelLayout layout = layout_panel(in);
      CHECK(layout.page == page);
      CHECK(static_cast<bool>(layout.find(TargetKind::PageNext)) == (full.pages > 1));
      for (const PanelTarget& t : layout.targets)
        if (t.kind == TargetKind::Slide) seen.insert(t.index);
    }
    CHECK(seen.size() == 60);
    CHECK(std::set<int>(seen.begin(), seen.end()).size() == 60);
    // A page past the end shows the last one.
    in.page = 99;
    CHECK(layout_panel(in).page == full.pages - 1);
  }
}

TEST_CASE("a short deck fits on one page with the largest thumbnails") {
  PanelLayout four =
      layout_panel({.width = 1920, .height = 1080, .view = PanelView::Main, .slides = 4});
  PanelLayout sixty =
      layout_panel({.width = 1920, .height = 1080, .view = PanelView::Main, .slides = 60});
  CHECK(four.pages == 1);
  CHECK_FALSE(four.find(TargetKind::PageNext));
  CHECK(four.thumbnail_w > sixty.thumbnail_w);
  CHECK(four.thumbnail_h / four.thumbnail_w == doctest::Approx(1080.0 / 1920).epsilon(0.01));
}

TEST_CASE("the PIN pad: ten digits, erase and OK, each once") {
  for (const Screen& screen : kScreens) {
    PanelLayout pad =
        layout_panel({.width = screen.width, .height = screen.height, .view = PanelView::Pin});
    for (int digit = 0; digit <= 9; ++digit) CHECK(pad.find(TargetKind::PinDigit, digit));
    CHECK(pad.find(TargetKind::PinErase));
    CHECK(pad.find(TargetKind::PinOk));
    CHECK(pad.targets.size() == 13);  // and Close
    std::set<std::string> names;
    for (const PanelTarget& t : pad.targets) names.insert(t.name());
    CHECK(names.size() == pad.targets.size());
  }
}

TEST_CASE("target sizes follow the screen's short side: 80 px at 1080, never under 48") {
  CHECK(panel_metrics(1920, 1080).target == 80);
  CHECK(panel_metrics(1080, 1920).target == 80);
  CHECK(panel_metrics(1366, 768).target == 57);
  CHECK(panel_metrics(3840, 2160).target == 160);
  CHECK(panel_metrics(800, 480).target == 48);
}
