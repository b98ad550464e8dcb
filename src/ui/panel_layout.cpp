// The panel's rectangles: a header (title, Close), then per view the controls, the status and a
// grid of slide thumbnails in pages; the PIN pad; or a question with two answers.
#include "ui/panel_layout.h"

#include <algorithm>
#include <cmath>

#include "ui/ui_font.h"

namespace boothdeck {

namespace {

constexpr TargetKind kControls[] = {TargetKind::Previous, TargetKind::Next,   TargetKind::Play,
                                    TargetKind::Blank,    TargetKind::Reload, TargetKind::Figures,
                                    TargetKind::Quit,     TargetKind::Remote};
constexpr int kRestrictedControls = 3;  // Previous, Next, Play (resume only)
constexpr int kFullControls = 7;        // and Blank, Reload, Figures, Quit; Remote when on

// The header: the title on the left, Close on the right. Returns the y below it.
float header(const PanelMetrics& m, int width, PanelLayout& out) {
  float close_w = std::round(std::max(2.5f * m.target, 7 * m.font));
  out.targets.push_back(
      {TargetKind::Close, 0, {width - m.margin - close_w, m.margin, close_w, m.target}});
  out.title = {m.margin, m.margin, width - 2 * m.margin - close_w - m.gap, m.target};
  return m.margin + m.target + m.gap;
}

// Slide thumbnails in `area`, `cols` × `rows` of them: the largest that show every slide on
// one page; when none do, as many a page as keep a thumbnail's short side at 1.7 targets
// (136 px at 1080: a title still recognisable), the larger the better.
struct Grid {
  int cols = 1, rows = 1;
  float thumb_w = 0, thumb_h = 0;
};

Grid grid(const PanelMetrics& m, const PanelRect& area, float aspect, int slides) {
  const float min_short = 1.7f * m.target;
  Grid best;
  bool best_fits = false;
  for (int cols = 1; cols <= 16; ++cols)
    for (int rows = 1; rows <= 16; ++rows) {
      float by_width = (area.w - (cols - 1) * m.gap) / cols;
      float by_height = ((area.h - (rows - 1) * m.gap) / rows - m.line) / aspect;
      Grid g{cols, rows, std::floor(std::min(by_width, by_height)), 0};
      g.thumb_h = std::floor(g.thumb_w * aspect);
      if (std::min(g.thumb_w, g.thumb_h) < min_short) continue;
      bool fits = cols * rows >= slides;
      bool better =
          best.thumb_w == 0 ||
          (fits ? !best_fits || g.thumb_w > best.thumb_w
                : !best_fits &&
                      (cols * rows > best.cols * best.rows ||
                       (cols * rows == best.cols * best.rows && g.thumb_w > best.thumb_w)));
      if (better) best = g, best_fits = fits;
    }
  if (best.thumb_w == 0) {  // a screen too small for the rule: one thumbnail, as it fits
    best.thumb_w = std::floor(std::max(1.0f, std::min(area.w, (area.h - m.line) / aspect)));
    best.thumb_h = std::floor(best.thumb_w * aspect);
  }
  return best;
}

void main_view(const PanelLayoutInput& in, const PanelMetrics& m, PanelLayout& out) {
  const float width = static_cast<float>(in.width), height = static_cast<float>(in.height);
  float y = header(m, in.width, out);
  // Controls: as few rows as the width allows, the buttons of a row equally wide.
  int n = in.restricted ? kRestrictedControls : kFullControls + (in.remote ? 1 : 0);
  float min_w = std::max(2 * m.target, 6.5f * m.font);
  int max_cols = std::max(1, static_cast<int>((width - 2 * m.margin + m.gap) / (min_w + m.gap)));
  int rows = (n + max_cols - 1) / max_cols;
  int cols = (n + rows - 1) / rows;
  float button_w = (width - 2 * m.margin - (cols - 1) * m.gap) / cols;
  for (int i = 0; i < n; ++i)
    out.targets.push_back({kControls[i],
                           0,
                           {m.margin + (i % cols) * (button_w + m.gap),
                            y + (i / cols) * (m.target + m.gap), button_w, m.target}});
  y += rows * (m.target + m.gap);
  out.text = {m.margin, y, width - 2 * m.margin, in.status_lines * m.line};
  y += out.text.h + m.gap;

  // The grid, with a row of page buttons below when the slides need more than one page.
  float aspect = height / width;
  PanelRect area{m.margin, y, width - 2 * m.margin, height - m.margin - y};
  Grid g = grid(m, area, aspect, in.slides);
  if (g.cols * g.rows < in.slides) {
    area.h -= m.target + m.gap;
    g = grid(m, area, aspect, in.slides);
  }
  out.thumbnail_w = g.thumb_w;
  out.thumbnail_h = g.thumb_h;
  out.per_page = g.cols * g.rows;
  out.pages = std::max(1, (in.slides + out.per_page - 1) / out.per_page);
  out.page = std::clamp(in.page, 0, out.pages - 1);
  float cell_h = out.thumbnail_h + m.line;
  float x0 = std::round(area.x + (area.w - g.cols * g.thumb_w - (g.cols - 1) * m.gap) / 2);
  int first = out.page * out.per_page;
  for (int i = first; i < std::min(in.slides, first + out.per_page); ++i) {
    int k = i - first;
    out.targets.push_back({TargetKind::Slide,
                           i,
                           {x0 + (k % g.cols) * (out.thumbnail_w + m.gap),
                            area.y + (k / g.cols) * (cell_h + m.gap), out.thumbnail_w, cell_h}});
  }
  if (out.pages > 1) {
    float pager_y = height - m.margin - m.target;
    float pager_w = std::round(std::min(4 * m.target, (area.w - 2 * m.gap) / 3));
    out.targets.push_back({TargetKind::PagePrevious, 0, {m.margin, pager_y, pager_w, m.target}});
    out.targets.push_back(
        {TargetKind::PageNext, 0, {width - m.margin - pager_w, pager_y, pager_w, m.target}});
    out.page_label = {m.margin + pager_w + m.gap, pager_y, width - 2 * (m.margin + pager_w + m.gap),
                      m.target};
  }
}

void pin_view(const PanelLayoutInput& in, const PanelMetrics& m, PanelLayout& out) {
  const float width = static_cast<float>(in.width), height = static_cast<float>(in.height);
  float y = header(m, in.width, out);
  out.text = {m.margin, y, width - 2 * m.margin, 3 * m.line};  // prompt, the dots, a message
  y += out.text.h + m.gap;
  float key = std::round(1.5f * m.target);
  key = std::min(key, std::floor((height - m.margin - y - 3 * m.gap) / 4));
  key = std::min(key, std::floor((width - 2 * m.margin - 2 * m.gap) / 3));
  float x0 = std::round((width - 3 * key - 2 * m.gap) / 2);
  for (int row = 0; row < 4; ++row)
    for (int col = 0; col < 3; ++col) {
      PanelRect r{x0 + col * (key + m.gap), y + row * (key + m.gap), key, key};
      int n = row * 3 + col;
      if (n < 9)
        out.targets.push_back({TargetKind::PinDigit, n + 1, r});
      else if (n == 9)
        out.targets.push_back({TargetKind::PinErase, 0, r});
      else if (n == 10)
        out.targets.push_back({TargetKind::PinDigit, 0, r});
      else
        out.targets.push_back({TargetKind::PinOk, 0, r});
    }
}

void confirm_view(const PanelLayoutInput& in, const PanelMetrics& m, PanelLayout& out) {
  const float width = static_cast<float>(in.width), height = static_cast<float>(in.height);
  header(m, in.width, out);
  out.text = {m.margin, std::round(height * 0.3f), width - 2 * m.margin, 2 * m.line};
  float button_w = std::round(std::min(4 * m.target, (width - 2 * m.margin - m.gap) / 2));
  float button_h = std::round(1.25f * m.target);
  float y = out.text.bottom() + 2 * m.gap;
  out.targets.push_back(
      {TargetKind::No, 0, {width / 2 - m.gap / 2 - button_w, y, button_w, button_h}});
  out.targets.push_back({TargetKind::Yes, 0, {width / 2 + m.gap / 2, y, button_w, button_h}});
}

// The QR code as large as fits between the text and a row of two buttons.
void pair_view(const PanelLayoutInput& in, const PanelMetrics& m, PanelLayout& out) {
  const float width = static_cast<float>(in.width), height = static_cast<float>(in.height);
  float y = header(m, in.width, out);
  out.text = {m.margin, y, width - 2 * m.margin, 2 * m.line};  // what to do, the address
  y += out.text.h + m.gap;
  float side = std::floor(std::min(width - 2 * m.margin, height - m.margin - y - m.gap - m.target));
  side = std::max(side, 1.0f);
  out.qr = {std::round((width - side) / 2), y, side, side};
  float button_w = std::round(std::min(4 * m.target, (width - 2 * m.margin - m.gap) / 2));
  float buttons_y = y + side + m.gap;
  out.targets.push_back(
      {TargetKind::Back, 0, {width / 2 - m.gap / 2 - button_w, buttons_y, button_w, m.target}});
  out.targets.push_back(
      {TargetKind::PairAgain, 0, {width / 2 + m.gap / 2, buttons_y, button_w, m.target}});
}

// Today's figures: Back beside the title's row, then the table filling the rest.
void figures_view(const PanelLayoutInput& in, const PanelMetrics& m, PanelLayout& out) {
  const float width = static_cast<float>(in.width), height = static_cast<float>(in.height);
  float y = header(m, in.width, out);
  float back_w = std::round(std::max(3 * m.target, 8 * m.font));
  out.targets.push_back({TargetKind::Back, 0, {m.margin, y, back_w, m.target}});
  y += m.target + m.gap;
  out.text = {m.margin, y, width - 2 * m.margin, height - m.margin - y};
}

}  // namespace

std::string PanelTarget::name() const {
  switch (kind) {
    case TargetKind::Close:
      return "close";
    case TargetKind::Previous:
      return "previous";
    case TargetKind::Next:
      return "next";
    case TargetKind::Play:
      return "play";
    case TargetKind::Blank:
      return "blank";
    case TargetKind::Reload:
      return "reload";
    case TargetKind::Quit:
      return "quit";
    case TargetKind::Slide:
      return "slide-" + std::to_string(index + 1);
    case TargetKind::PagePrevious:
      return "page-previous";
    case TargetKind::PageNext:
      return "page-next";
    case TargetKind::PinDigit:
      return "pin-" + std::to_string(index);
    case TargetKind::PinErase:
      return "pin-erase";
    case TargetKind::PinOk:
      return "pin-ok";
    case TargetKind::Yes:
      return "yes";
    case TargetKind::No:
      return "no";
    case TargetKind::Remote:
      return "remote";
    case TargetKind::PairAgain:
      return "pair-again";
    case TargetKind::Figures:
      return "figures";
    case TargetKind::Back:
      return "back";
  }
  return "?";
}

PanelMetrics panel_metrics(int width, int height) {
  PanelMetrics m;
  m.unit = std::min(width, height) / 1080.0f;
  m.font = ui_font_pixels(width, height);
  m.line = std::round(m.font * 1.35f);
  m.target = std::max(48.0f, std::round(80 * m.unit));
  m.margin = std::max(8.0f, std::round(24 * m.unit));
  m.gap = std::max(8.0f, std::round(16 * m.unit));
  return m;
}

const PanelTarget* PanelLayout::find(TargetKind kind, int index) const {
  for (const PanelTarget& t : targets)
    if (t.kind == kind && t.index == index) return &t;
  return nullptr;
}

PanelLayout layout_panel(const PanelLayoutInput& in) {
  PanelLayout out;
  out.metrics = panel_metrics(in.width, in.height);
  switch (in.view) {
    case PanelView::Main:
      main_view(in, out.metrics, out);
      break;
    case PanelView::Pin:
      pin_view(in, out.metrics, out);
      break;
    case PanelView::Confirm:
      confirm_view(in, out.metrics, out);
      break;
    case PanelView::Pair:
      pair_view(in, out.metrics, out);
      break;
    case PanelView::Figures:
      figures_view(in, out.metrics, out);
      break;
    case PanelView::Closed:
      break;
  }
  return out;
}

}  // namespace boothdeck
