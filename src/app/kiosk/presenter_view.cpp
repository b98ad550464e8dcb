// [SECTION] the arithmetic of the window: two slides, the notes, the timers.
// [SECTION] drawing: slides laid out at the size they are drawn (crisp text), the notes through
// the slides' own layout (Korean line breaking, shrink-to-fit), the timers as text.
#include "app/kiosk/presenter_view.h"

#include <algorithm>
#include <cmath>
#include <ctime>

#include "core/layout/layout.h"
#include "render/image_sizer.h"

namespace boothdeck {

namespace {

constexpr Color kBackground{11, 13, 18, 255};
constexpr Color kInk{236, 239, 244, 255};
constexpr Color kMuted{160, 168, 182, 255};
constexpr Color kWarning{255, 150, 90, 255};
constexpr Color kNotesBackground{24, 28, 37, 255};

std::string clock_text(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

std::string time_of_day(double wall) {
  std::time_t t = static_cast<std::time_t>(std::floor(wall));
  std::tm tm{};
  localtime_r(&t, &tm);
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
  return text;
}

const char* mode_words(const PresenterInfo& info) {
  if (info.blanked) return "화면 꺼짐 · Blank";
  switch (info.mode) {
    case Mode::Autoplay:
      return "자동 재생 · Autoplay";
    case Mode::Browsing:
      return "탐색 중 · Browsing";
    case Mode::Paused:
      return "일시정지 · Paused";
  }
  return "";
}

// A box of `aspect` (height/width), as large as fits in `w` × `h`.
SDL_Rect fit(int x, int y, int w, int h, float aspect) {
  int fw = w, fh = static_cast<int>(std::lround(w * aspect));
  if (fh > h) fh = h, fw = static_cast<int>(std::lround(h / aspect));
  return {x, y, std::max(1, fw), std::max(1, fh)};
}

}  // namespace

// [SECTION] the arithmetic -------------------------------------------------------------------

PresenterLayout layout_presenter(int width, int height, float aspect) {
  PresenterLayout l;
  int shorter = std::min(width, height);
  l.unit = std::max(1, shorter / 1080);
  int m = std::max(8, shorter * 25 / 1000);
  int label = std::max(16, shorter * 45 / 1000);
  auto label_above = [&](const SDL_Rect& r) { return SDL_Rect{r.x, r.y - label, r.w, label}; };
  if (width >= height) {
    // Landscape: the current slide and the notes on the left, the next slide and the timers
    // on the right.
    int left_w = (width - 3 * m) * 62 / 100, right_w = width - 3 * m - left_w;
    l.current = fit(m, m + label, left_w, (height - 2 * m) * 58 / 100 - label, aspect);
    l.next = fit(2 * m + left_w, m + label, right_w, (height - 2 * m) / 2 - label, aspect);
    int notes_y = l.current.y + l.current.h + m + label;
    l.notes = {m, notes_y, left_w, std::max(1, height - m - notes_y)};
    int timers_y = l.next.y + l.next.h + m;
    l.timers = {l.next.x, timers_y, right_w, std::max(1, height - m - timers_y)};
  } else {
    // Portrait: the current slide across the top, the next slide beside the timers, the notes.
    int inner = width - 2 * m;
    l.current = fit(m, m + label, inner, height * 35 / 100, aspect);
    int row_y = l.current.y + l.current.h + m + label;
    int half = (inner - m) / 2;
    l.next = fit(m, row_y, half, height * 20 / 100, aspect);
    l.timers = {2 * m + half, row_y, inner - half - m, l.next.h};
    int notes_y = row_y + l.next.h + m + label;
    l.notes = {m, notes_y, inner, std::max(1, height - m - notes_y)};
  }
  l.current_label = label_above(l.current);
  l.next_label = label_above(l.next);
  l.notes_label = label_above(l.notes);
  return l;
}

// [SECTION] drawing --------------------------------------------------------------------------

PresenterView::PresenterView(PresenterWindow& window, Presentation& presentation)
    : window_(window),
      presentation_(&presentation),
      render_([&window](std::string* error) { return window.create_renderer(error); },
              presentation.fonts(), false) {
  use(presentation);
}

PresenterView::~PresenterView() = default;

bool PresenterView::start(std::string* error) {
  lost_ = false;
  dirty_ = true;
  return render_.rebuild(error);
}

void PresenterView::use(Presentation& presentation) {
  presentation_ = &presentation;
  render_.use_fonts(presentation.fonts());
  for (auto* layout : {&current_, &next_}) {
    *layout = std::make_unique<DeckLayout>(presentation.measurer(), make_image_sizer());
    (*layout)->set_deck(presentation.deck());
  }
  notes_.reset();
  notes_key_.clear();
  dirty_ = true;
}

std::string PresenterView::signature(const PresenterInfo& info) const {
  PixelSize size = window_.size();
  char text[256];
  std::snprintf(text, sizeof text, "%d %d %d %d %d %ld %ld %ld %dx%d %llu", info.slide, info.next,
                static_cast<int>(info.mode), info.blanked, info.held,
                info.slide_left < 0 ? -1L : std::lround(std::ceil(info.slide_left)),
                std::lround(std::floor(info.talk_elapsed)), std::lround(std::floor(info.wall)),
                size.width, size.height,
                static_cast<unsigned long long>(presentation_->generation()));
  return text;
}

bool PresenterView::due(const PresenterInfo& info) const {
  return dirty_ || lost_ || signature(info) != drawn_;
}

void PresenterView::text(const std::string& s, int px, Color color, int x, int y, bool bold,
                         int max_w) {
  if (s.empty()) return;
  const TextTexture& t = render_.text().get(s, FontSpec{std::max(8, px), bold}, color);
  if (!t.texture) return;
  SDL_Rect from{0, 0, std::min(t.width, max_w), t.height};
  SDL_Rect to{x, y, from.w, t.height};
  SDL_RenderCopy(render_.renderer(), t.texture, &from, &to);
}

void PresenterView::draw_slide(DeckLayout& layout, int slide, const SDL_Rect& box) {
  SDL_Renderer* renderer = render_.renderer();
  layout.set_viewport({box.w, box.h});
  SDL_RenderSetViewport(renderer, &box);
  render_.slides().draw(layout.slide(slide), DrawState{}, box.w, box.h);
  SDL_RenderSetViewport(renderer, nullptr);
}

// The notes are a slide of paragraphs laid out by the slides' own engine, large: body text a
// twentieth of the window's short side, smaller only when they do not fit.
void PresenterView::draw_notes(const SDL_Rect& box, int slide) {
  const Deck& deck = presentation_->deck();
  std::string notes = slide < static_cast<int>(deck.slides.size()) ? deck.slides[slide].notes : "";
  PixelSize size = window_.size();
  std::string key = std::to_string(slide) + " " + std::to_string(box.w) + "x" +
                    std::to_string(box.h) + " " + std::to_string(std::min(size.width, size.height));
  if (key != notes_key_) {
    Deck sheet;
    sheet.settings.theme = "dark";
    Slide page;
    size_t start = 0;
    while (start <= notes.size()) {
      size_t end = notes.find("\n\n", start);
      std::string paragraph =
          notes.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!paragraph.empty()) {
        Block block;
        block.kind = BlockKind::Paragraph;
        block.text = {Span{paragraph}};
        page.blocks.push_back(block);
      }
      if (end == std::string::npos) break;
      start = end + 2;
    }
    if (page.blocks.empty()) {
      Block none;
      none.kind = BlockKind::Paragraph;
      none.text = {Span{"노트 없음 · No notes"}};
      page.blocks.push_back(none);
    }
    sheet.slides.push_back(page);
    Theme theme = theme_named("dark");
    theme.background = kNotesBackground;
    float px = std::min(size.width, size.height) / 20.0f;
    theme.body_size = px * 1080.0f / std::max(1, std::min(box.w, box.h));
    theme.safe_margin = 0.03f;
    theme.min_scale = 0.45f;
    notes_ = layout_slide(sheet, 0, {box.w, box.h}, theme, presentation_->measurer());
    notes_key_ = key;
  }
  SDL_RenderSetViewport(render_.renderer(), &box);
  render_.slides().draw(*notes_, DrawState{}, box.w, box.h);
  SDL_RenderSetViewport(render_.renderer(), nullptr);
}

void PresenterView::draw_timers(const PresenterInfo& info, const SDL_Rect& box) {
  int big = std::max(16, std::min(box.h / 4, box.w / 5));
  int small = std::max(12, big * 2 / 5);
  int line = small * 3 / 2;
  int x = box.x, y = box.y;
  text(time_of_day(info.wall), big, kInk, x, y, true, box.w);
  y += big * 5 / 4;
  text("경과 · Elapsed  " + clock_text(info.talk_elapsed), small, kInk, x, y, false, box.w);
  y += line;
  text(
      "남은 시간 · Left  " + (info.slide_left < 0 ? std::string("–") : clock_text(info.slide_left)),
      small, kInk, x, y, false, box.w);
  y += line;
  text(std::string(mode_words(info)) + (info.held ? " · 발표자 · Presenter" : ""), small,
       info.blanked || info.mode != Mode::Autoplay ? kWarning : kMuted, x, y, false, box.w);
}

void PresenterView::draw(const PresenterInfo& info) {
  if (lost_) {
    std::string error;
    if (!start(&error)) return;  // tried again at the next frame
  }
  if (!render_.ok()) return;
  SDL_Renderer* renderer = render_.renderer();
  PixelSize size = window_.size();
  Viewport screen = presentation_->layout().viewport();
  float aspect = screen.width > 0 ? static_cast<float>(screen.height) / screen.width : 9 / 16.0f;
  PresenterLayout l = layout_presenter(size.width, size.height, aspect);
  SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
  SDL_SetRenderDrawColor(renderer, kBackground.r, kBackground.g, kBackground.b, 255);
  SDL_RenderFillRect(renderer, nullptr);
  int label_px = l.current_label.h * 7 / 10;
  int count = static_cast<int>(presentation_->deck().slides.size());
  std::string now = "현재 · Now  " + std::to_string(info.slide + 1) + " / " + std::to_string(count);
  text(now, label_px, info.blanked ? kWarning : kMuted, l.current_label.x, l.current_label.y, true,
       l.current_label.w);
  draw_slide(*current_, info.slide, l.current);
  if (info.next >= 0) {
    text("다음 · Next  " + std::to_string(info.next + 1), label_px, kMuted, l.next_label.x,
         l.next_label.y, true, l.next_label.w);
    draw_slide(*next_, info.next, l.next);
  } else {
    text("마지막 슬라이드 · Last slide", label_px, kMuted, l.next_label.x, l.next_label.y, true,
         l.next_label.w);
  }
  text("노트 · Notes", label_px, kMuted, l.notes_label.x, l.notes_label.y, true, l.notes_label.w);
  draw_notes(l.notes, info.slide);
  draw_timers(info, l.timers);
  window_.present(renderer);
  render_.text().trim();
  drawn_ = signature(info);
  dirty_ = false;
  ++frames_;
}

}  // namespace boothdeck
