// Where everything of the operator panel goes, in pixels, for the screen it is on: landscape,
// portrait, small or large. Pure arithmetic (no ImGui, no fonts), so tests check every target
// at every screen size, and the window test finds the buttons it presses with a finger.
//
//   PanelLayout layout = layout_panel({.width = 1080, .height = 1920, .view = PanelView::Main,
//                                      .slides = 60});
//   for (const PanelTarget& t : layout.targets) ImGui::SetCursorScreenPos(...), ...;
//
// Sizes follow the screen's short side (`unit` = short side / 1080): the physical size is not
// known. A target is at least `target` px square, 80 px at 1080 and never under 48: 9 mm or
// more on every touchscreen with that many pixels, down to a 13.3" 1080p laptop (6.5 px/mm:
// 12.3 mm) and an 11.6" 1366x768 (5.3 px/mm: 57 px, 10.7 mm); on a 55" 1080p booth screen
// (1.6 px/mm) it is 51 mm. docs/touch-and-panel.md has the table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/panel_state.h"

namespace boothdeck {

struct PanelRect {
  float x = 0, y = 0, w = 0, h = 0;
  float center_x() const { return x + w / 2; }
  float center_y() const { return y + h / 2; }
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool overlaps(const PanelRect& o) const {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
};

enum class TargetKind {
  Close,
  Previous,
  Next,
  Play,  // pause or resume autoplay
  Blank,
  Reload,
  Quit,
  Slide,  // `index`: the slide
  PagePrevious,
  PageNext,
  PinDigit,  // `index`: the digit
  PinErase,
  PinOk,
  Yes,
  No,
  Remote,     // main view: the pairing view
  PairAgain,  // pairing view: a new token, the old one revoked
  Figures,    // main view: open today's figures
  Back        // pairing and figures views: back to the main view
};

struct PanelTarget {
  TargetKind kind;
  int index = 0;
  PanelRect rect;
  // "close", "slide-12", "pin-4", …: for tests, and for the window test's finger.
  std::string name() const;
};

// Sizes for one screen, in pixels.
struct PanelMetrics {
  float unit = 1;     // short side / 1080
  float font = 26;    // the UI font's pixel size (ui_font_pixels)
  float line = 35;    // a line of text
  float target = 80;  // the smallest side of anything pressed
  float margin = 24, gap = 16;
};
PanelMetrics panel_metrics(int width, int height);

// Lines of status the main view shows: mode and slide, uptime; for staff also the deck file,
// the last reload problem and the show hours.
inline int panel_status_lines(bool restricted) {
  return restricted ? 2 : 5;
}

struct PanelLayoutInput {
  int width = 0, height = 0;
  PanelView view = PanelView::Main;
  bool restricted = false;  // main view: navigation and status only
  bool remote = false;      // main view: a button for the pairing view
  int slides = 0;
  int page = 0;
  int status_lines = 5;  // main view: lines of status text (panel_status_lines)
};

struct PanelLayout {
  PanelMetrics metrics;
  PanelRect title;       // the header's text, left of Close
  PanelRect text;        // status (main), prompt and message (PIN), question (confirm), table
                         // (figures)
  PanelRect page_label;  // "2 / 5" between the page buttons; empty with one page
  PanelRect qr;          // pairing view: the QR code's square, its quiet zone included
  int per_page = 0, pages = 1, page = 0;
  float thumbnail_w = 0, thumbnail_h = 0;  // a slide target: the thumbnail, then a label line
  std::vector<PanelTarget> targets;
  const PanelTarget* find(TargetKind kind, int index = 0) const;
};

PanelLayout layout_panel(const PanelLayoutInput& in);

}  // namespace boothdeck
