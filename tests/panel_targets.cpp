// Test tool: where the operator panel's targets are on a screen, for the window test's finger.
//   panel_targets 1280x720 pin|main|main-restricted|main-remote|confirm|pair|figures [SLIDES
//   [PAGE]]
// prints one line per target: NAME X Y, the target's centre as fractions of the screen.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ui/panel_layout.h"

using namespace boothdeck;

int main(int argc, char** argv) {
  PanelLayoutInput in;
  if (argc < 3 || std::sscanf(argv[1], "%dx%d", &in.width, &in.height) != 2) {
    std::fprintf(stderr,
                 "usage: panel_targets WxH pin|main|main-restricted|main-remote|confirm|pair|"
                 "figures [SLIDES [PAGE]]\n");
    return 2;
  }
  std::string view = argv[2];
  in.view = view == "pin"       ? PanelView::Pin
            : view == "confirm" ? PanelView::Confirm
            : view == "pair"    ? PanelView::Pair
            : view == "figures" ? PanelView::Figures
                                : PanelView::Main;
  in.restricted = view == "main-restricted";
  in.remote = view == "main-remote";
  in.status_lines = panel_status_lines(in.restricted);
  in.slides = argc > 3 ? std::atoi(argv[3]) : 0;
  in.page = argc > 4 ? std::atoi(argv[4]) : 0;
  for (const PanelTarget& t : layout_panel(in).targets)
    std::printf("%s %.4f %.4f\n", t.name().c_str(), t.rect.center_x() / in.width,
                t.rect.center_y() / in.height);
  return 0;
}
