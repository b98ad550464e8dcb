// The operator panel drawn headless with the real fonts: every character it shows comes from
// the slides' text engine (a Korean deck path is not a row of question marks), and what a
// restricted panel keeps from strangers is not drawn at all.
#include "ui/operator_panel.h"

#include <doctest/doctest.h>

#include "app/startup.h"
#include "ui/headless_screen.h"

using namespace boothdeck;

namespace {

constexpr int kWidth = 1280, kHeight = 720;

struct PanelScreen {
  Startup startup;
  FontSet fonts;
  std::unique_ptr<HeadlessScreen> screen;
  PanelScreen() {
    REQUIRE(startup.headless(Options{}, Deck{}, fonts) == kExitOk);
    screen = std::make_unique<HeadlessScreen>(fonts, kWidth, kHeight);
    std::string error;
    REQUIRE_MESSAGE(screen->start(&error), error);
  }
  // The pixels of `box` after drawing the panel with `status`.
  std::vector<uint32_t> draw(OperatorPanel& panel, const PanelStatus& status,
                             const PanelRect& box) {
    FrameScene scene{.width = kWidth, .height = kHeight};
    scene.windows = [&] { panel.draw(status, screen->render.text(), 0); };
    for (int frame = 0; frame < 2; ++frame) screen->draw(scene);  // ImGui places new windows
    SDL_Surface* s = screen->surface.surface();
    std::vector<uint32_t> out;
    for (int y = static_cast<int>(box.y); y < static_cast<int>(box.bottom()); ++y)
      for (int x = static_cast<int>(box.x); x < static_cast<int>(box.right()); ++x)
        out.push_back(static_cast<uint32_t*>(s->pixels)[y * (s->pitch / 4) + x]);
    return out;
  }
};

PanelStatus status_with_path(const std::string& path) {
  PanelStatus status;
  status.titles = {"하나", "둘"};
  status.deck_file = path;
  return status;
}

// The status line that shows the deck's path: the third.
PanelRect path_row(const OperatorPanel& panel) {
  PanelLayout layout = panel.layout(kWidth, kHeight, 2);
  float line = layout.metrics.line;
  return {layout.text.x, layout.text.y + 2 * line, layout.text.w, line};
}

}  // namespace

TEST_CASE("a Korean deck path is drawn as Korean, not as question marks") {
  PanelScreen s;
  OperatorPanel panel({.pin = "", .restricted = false});
  panel.open(0, 0, kWidth, kHeight, 2);
  PanelRect row = path_row(panel);
  std::vector<uint32_t> korean = s.draw(panel, status_with_path("/srv/부스/발표.md"), row);
  std::vector<uint32_t> marks = s.draw(panel, status_with_path("/srv/?\?/?\?.md"), row);
  std::vector<uint32_t> again = s.draw(panel, status_with_path("/srv/부스/발표.md"), row);
  std::vector<uint32_t> none = s.draw(panel, status_with_path(""), row);
  CHECK(korean == again);
  CHECK(korean != marks);
  CHECK(korean != none);
}

TEST_CASE("a restricted panel does not draw the deck's path") {
  PanelScreen s;
  OperatorPanel panel({.pin = "", .restricted = true});
  panel.open(0, 0, kWidth, kHeight, 2);
  PanelRect row = path_row(panel);
  CHECK(s.draw(panel, status_with_path("/srv/부스/발표.md"), row) ==
        s.draw(panel, status_with_path(""), row));
}
