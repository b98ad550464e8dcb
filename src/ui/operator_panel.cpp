// The panel drawn with ImGui at PanelLayout's rectangles. ImGui gives the buttons (hover, press,
// release on the same button); every letter is a TextCache texture, so Korean in a deck path,
// an emoji in a title or Arabic in a notice render as on the slides (ImGui's atlas has 16-bit
// code points and only the glyphs it was built with).
#include "ui/operator_panel.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace boothdeck {

namespace {

// [SECTION] words. Korean first, English under it: booth staff are of both kinds.
struct Label {
  const char* first;
  const char* second;
};
const char* const kTitle = "운영자 패널 · Operator";
const Label kClose{"닫기", "Close"};
const Label kPrevious{"◀ 이전", "Previous"};
const Label kNext{"다음 ▶", "Next"};
const Label kPause{"일시정지", "Pause"};
const Label kResume{"자동 재생", "Resume autoplay"};
const Label kBlank{"화면 끄기", "Blank"};
const Label kUnblank{"화면 켜기", "Unblank"};
const Label kReload{"덱 다시 읽기", "Reload deck"};
const Label kQuit{"종료", "Quit"};
const Label kPagePrevious{"◀ 이전 쪽", "Previous page"};
const Label kPageNext{"다음 쪽 ▶", "Next page"};
const Label kErase{"⌫", "지우기"};
const Label kOk{"확인", "OK"};
const Label kCancel{"취소", "Cancel"};
const Label kRemote{"원격 연결", "Remote"};
const Label kPairAgain{"새로 연결", "Pair again"};
const Label kBack{"◀ 돌아가기", "Back"};
const char* const kScan = "휴대폰 카메라로 QR 코드를 스캔하세요 · Scan with a phone's camera";
const char* const kRemoteOff = "원격 제어를 시작하지 못했습니다 · The remote is not running";
const Label kFigures{"오늘의 관심", "Today's figures"};
const char* const kPinPrompt = "PIN을 입력하세요 · Enter the PIN";
const char* const kWrongPin = "PIN이 틀렸습니다 · Wrong PIN";

const char* mode_words(Mode mode) {
  switch (mode) {
    case Mode::Autoplay:
      return "재생 중 · autoplay";
    case Mode::Browsing:
      return "탐색 중 · browsing";
    case Mode::Paused:
      return "정지 · paused";
  }
  return "";
}

// The question and the answer that carries it out.
struct Question {
  const char* text;
  Label yes;
};
Question question_for(const Command& command) {
  switch (command.kind) {
    case CommandKind::Quit:
      return {"쇼를 끝낼까요? · Quit the show?", kQuit};
    case CommandKind::Reload:
      return {"덱 파일을 다시 읽을까요? · Read the deck file again?", {"다시 읽기", "Reload"}};
    default:
      return {"화면을 끌까요? · Blank the screen?", kBlank};
  }
}

std::string duration_words(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char text[48];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld h %02ld min", s / 3600, s / 60 % 60);
  else if (s >= 60)
    std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld s", s);
  return text;
}

// [SECTION] drawing helpers
constexpr Color kInk{236, 239, 244, 255};
constexpr Color kMuted{160, 168, 182, 255};
constexpr Color kWarning{255, 150, 90, 255};
const ImVec4 kAccent(0.36f, 0.62f, 1.0f, 1);

ImVec2 at(float x, float y) {
  return ImVec2(x, y);
}

enum class Align { Left, Center, Right };

// `text` in `box`, one line, vertically centred; what does not fit is clipped (a path keeps its
// end: right-aligned when too wide).
void text_in(TextCache& cache, const std::string& text, float px, Color color, const PanelRect& box,
             Align align, bool bold = false) {
  if (text.empty()) return;
  const TextTexture& t = cache.get(text, FontSpec{static_cast<int>(std::lround(px)), bold}, color);
  if (!t.texture) return;
  float w = static_cast<float>(t.width), h = static_cast<float>(t.height);
  float x = align == Align::Left     ? box.x
            : align == Align::Center ? box.center_x() - w / 2
                                     : box.right() - w;
  if (w > box.w) x = align == Align::Left ? box.x : box.right() - w;
  float y = std::round(box.center_y() - h / 2);
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->PushClipRect(at(box.x, box.y), at(box.right(), box.bottom()), true);
  list->AddImage(t.texture, at(std::round(x), y), at(std::round(x) + w, y + h));
  list->PopClipRect();
}

// A button at `r` with a label of one or two lines; true when it was pressed and released.
bool button(TextCache& cache, const PanelTarget& target, const Label& label, float px,
            bool enabled = true, const ImVec4* color = nullptr) {
  const PanelRect& r = target.rect;
  ImGui::SetCursorScreenPos(at(r.x, r.y));
  ImGui::PushID(target.name().c_str());
  if (color) ImGui::PushStyleColor(ImGuiCol_Button, *color);
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::Button("##target", ImVec2(r.w, r.h));
  if (!enabled) ImGui::EndDisabled();
  if (color) ImGui::PopStyleColor();
  ImGui::PopID();
  Color ink = enabled ? kInk : kMuted;
  if (!label.second || !*label.second) {
    text_in(cache, label.first, px, ink, r, Align::Center, true);
  } else {
    float line = std::round(px * 1.25f);
    PanelRect top{r.x, r.center_y() - line, r.w, line}, bottom{r.x, r.center_y(), r.w, line};
    text_in(cache, label.first, px, ink, top, Align::Center, true);
    text_in(cache, label.second, std::round(px * 0.8f), kMuted, bottom, Align::Center);
  }
  return pressed && enabled;
}

// [SECTION] the views
struct Frame {
  const PanelLayout& layout;
  TextCache& text;
  const PanelStatus& status;
  float px;
};

void header(const Frame& f, PanelState& state, PanelOutput& out) {
  text_in(f.text, kTitle, f.px * 1.15f, kInk, f.layout.title, Align::Left, true);
  if (button(f.text, *f.layout.find(TargetKind::Close), kClose, f.px)) {
    state.close();
    out.closed = true;
  }
}

void pin_view(const Frame& f, PanelState& state, double now, PanelOutput& out) {
  const PanelRect& box = f.layout.text;
  float line = f.layout.metrics.line;
  text_in(f.text, kPinPrompt, f.px, kInk, {box.x, box.y, box.w, line}, Align::Center);
  std::string dots;
  for (size_t i = 0; i < state.entered().size(); ++i) dots += i ? " ●" : "●";
  text_in(f.text, dots.empty() ? "–" : dots, f.px * 1.2f, kInk, {box.x, box.y + line, box.w, line},
          Align::Center);
  std::string message;
  if (state.waiting(now)) {
    char wait[96];
    int left = static_cast<int>(std::ceil(state.wait_until() - now));
    std::snprintf(wait, sizeof wait, "%d초 후에 다시 · Try again in %d s", left, left);
    message = wait;
  } else if (state.wrong_shown()) {
    message = kWrongPin;
  }
  text_in(f.text, message, f.px, kWarning, {box.x, box.y + 2 * line, box.w, line}, Align::Center);

  bool keys = !state.waiting(now);
  for (const PanelTarget& t : f.layout.targets) {
    if (t.kind == TargetKind::PinDigit) {
      std::string digit(1, static_cast<char>('0' + t.index));
      if (button(f.text, t, {digit.c_str(), ""}, f.px * 1.4f, keys)) state.digit(t.index, now);
    } else if (t.kind == TargetKind::PinErase) {
      if (button(f.text, t, kErase, f.px, keys)) state.erase(now);
    } else if (t.kind == TargetKind::PinOk) {
      if (button(f.text, t, kOk, f.px, keys && !state.entered().empty()))
        out.pin = state.submit(now);
    }
  }
}

void confirm_view(const Frame& f, PanelState& state, PanelOutput& out) {
  if (!state.asking()) return;
  Question q = question_for(*state.asking());
  text_in(f.text, q.text, f.px * 1.2f, kInk, f.layout.text, Align::Center, true);
  const ImVec4 danger(0.62f, 0.18f, 0.16f, 1);
  if (button(f.text, *f.layout.find(TargetKind::No), kCancel, f.px)) state.answer(false);
  if (button(f.text, *f.layout.find(TargetKind::Yes), q.yes, f.px, true, &danger))
    if (auto command = state.answer(true)) out.commands.push_back(*command);
}

std::vector<std::string> status_lines(const PanelStatus& s, bool restricted) {
  char line[256];
  std::vector<std::string> lines;
  std::snprintf(line, sizeof line, "%s · 슬라이드 %d / %zu · %.0f s/slide%s", mode_words(s.mode),
                s.slide + 1, s.titles.size(), s.slide_duration,
                s.held ? " · 발표자 진행 중 · held by a presenter" : "");
  lines.push_back(line);
  std::snprintf(line, sizeof line, "가동 %s · uptime · %llu frames · RSS %.1f MiB",
                duration_words(s.uptime).c_str(), static_cast<unsigned long long>(s.frames),
                s.rss_bytes / 1048576.0);
  lines.push_back(line);
  // Strangers at a kiosk without a PIN do not read where the deck lives.
  if (!restricted) {
    lines.push_back(s.deck_file);
    lines.push_back(s.reload_notice);
    lines.push_back(s.show_hours);
  }
  return lines;
}

// Today's figures as a table: a row per slide that was on screen, in slide order, as many as fit.
void figures_view(const Frame& f, PanelState& state) {
  if (button(f.text, *f.layout.find(TargetKind::Back), kBack, f.px)) state.back_to_main();
  const PanelStatus& s = f.status;
  const PanelRect& box = f.layout.text;
  float line = f.layout.metrics.line;
  float y = box.y;
  auto row = [&](const std::string& text, Color color, bool bold = false) {
    if (y + line > box.bottom()) return;
    text_in(f.text, text, f.px * 0.9f, color, {box.x, y, box.w, line}, Align::Left, bold);
    y += line;
  };
  row(s.show_hours, kInk);
  row("오늘의 관심 · figures: " + s.figures_file, kMuted);
  if (!s.figures_error.empty()) row(s.figures_error, kWarning);
  y += line / 2;
  // Columns by width: the title takes what the five numbers leave.
  const float numbers = 5 * 6.5f * f.px;
  const float title_w = std::max(box.w - numbers - 3.5f * f.px, 6 * f.px);
  auto cells = [&](const std::string& slide, const std::string& title, const char* const values[5],
                   Color color, bool bold) {
    if (y + line > box.bottom()) return;
    text_in(f.text, slide, f.px * 0.9f, color, {box.x, y, 3 * f.px, line}, Align::Right, bold);
    text_in(f.text, title, f.px * 0.9f, color, {box.x + 3.5f * f.px, y, title_w - f.px, line},
            Align::Left, bold);
    for (int c = 0; c < 5; ++c)
      text_in(f.text, values[c], f.px * 0.9f, color,
              {box.x + 3.5f * f.px + title_w + c * 6.5f * f.px, y, 6 * f.px, line}, Align::Right,
              bold);
    y += line;
  };
  const char* const heads[5] = {"표시 shown", "분 min", "터치 touches", "체류 dwell s", "평균 s"};
  cells("#", "제목 · title", heads, kMuted, true);
  if (s.figures.empty()) row("아직 없음 · nothing yet today", kMuted);
  for (const SlideFigures& fig : s.figures) {
    char shown[16], minutes[16], touches[16], dwell[16], average[16];
    std::snprintf(shown, sizeof shown, "%ld", fig.shown);
    std::snprintf(minutes, sizeof minutes, "%.1f", fig.seconds / 60);
    std::snprintf(touches, sizeof touches, "%ld", fig.touches);
    std::snprintf(dwell, sizeof dwell, "%.0f", fig.dwell);
    std::snprintf(average, sizeof average, "%.1f", fig.shown ? fig.seconds / fig.shown : 0.0);
    const char* const values[5] = {shown, minutes, touches, dwell, average};
    cells(std::to_string(fig.slide + 1), fig.title, values, kInk, false);
  }
}

void slide_grid(const Frame& f, PanelState& state, PanelOutput& out) {
  const PanelLayout& layout = f.layout;
  ImDrawList* list = ImGui::GetWindowDrawList();
  for (const PanelTarget& t : layout.targets) {
    if (t.kind != TargetKind::Slide) continue;
    const PanelRect& r = t.rect;
    ImGui::SetCursorScreenPos(at(r.x, r.y));
    ImGui::PushID(t.name().c_str());
    if (ImGui::InvisibleButton("##slide", ImVec2(r.w, r.h)) && state.allows(CommandKind::GoTo))
      out.commands.push_back({CommandKind::GoTo, Source::Operator, t.index});
    bool active = ImGui::IsItemActive();
    ImGui::PopID();
    ImVec2 p0 = at(r.x, r.y), p1 = at(r.x + layout.thumbnail_w, r.y + layout.thumbnail_h);
    SDL_Texture* thumbnail = f.status.thumbnail ? f.status.thumbnail(t.index) : nullptr;
    if (thumbnail)
      list->AddImage(thumbnail, p0, p1);
    else
      list->AddRectFilled(p0, p1, IM_COL32(40, 44, 54, 255));
    if (active) list->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 60));
    // An outline: a dark slide on the dark panel still has an edge. The slide on screen: accent.
    bool current = t.index == f.status.slide;
    float border = std::max(2.0f, std::round(4 * layout.metrics.unit));
    float width = current ? border : std::max(1.0f, std::round(border / 2));
    ImU32 edge = current ? ImGui::GetColorU32(kAccent) : IM_COL32(86, 94, 112, 255);
    list->AddRect(at(p0.x - width / 2, p0.y - width / 2), at(p1.x + width / 2, p1.y + width / 2),
                  edge, 0, 0, width);
    std::string title =
        t.index < static_cast<int>(f.status.titles.size()) ? f.status.titles[t.index] : "";
    std::string caption = std::to_string(t.index + 1) + "  " + title;
    text_in(f.text, caption, f.px * 0.85f, current ? kInk : kMuted,
            {r.x, r.y + layout.thumbnail_h, r.w, r.h - layout.thumbnail_h}, Align::Left, current);
  }
  if (layout.pages > 1) {
    if (button(f.text, *layout.find(TargetKind::PagePrevious), kPagePrevious, f.px,
               layout.page > 0))
      state.set_page(layout.page - 1, layout.pages);
    if (button(f.text, *layout.find(TargetKind::PageNext), kPageNext, f.px,
               layout.page + 1 < layout.pages))
      state.set_page(layout.page + 1, layout.pages);
    char pages[32];
    std::snprintf(pages, sizeof pages, "%d / %d", layout.page + 1, layout.pages);
    text_in(f.text, pages, f.px, kInk, layout.page_label, Align::Center);
  }
}

void main_view(const Frame& f, PanelState& state, double now, PanelOutput& out) {
  const PanelStatus& s = f.status;
  auto act = [&](const Command& command) {
    if (!state.allows(command.kind)) return;
    if (PanelState::needs_confirmation(command, s.blanked))
      state.ask(command);
    else
      out.commands.push_back(command);
  };
  const ImVec4 danger(0.50f, 0.14f, 0.14f, 1);
  for (const PanelTarget& t : f.layout.targets) {
    switch (t.kind) {
      case TargetKind::Previous:
        if (button(f.text, t, kPrevious, f.px)) act({CommandKind::Previous, Source::Operator});
        break;
      case TargetKind::Next:
        if (button(f.text, t, kNext, f.px)) act({CommandKind::Next, Source::Operator});
        break;
      case TargetKind::Play: {
        bool playing = s.mode == Mode::Autoplay && !s.blanked;
        // A restricted panel can only hand the screen back to the attract loop.
        bool pause = playing && !state.restricted();
        if (button(f.text, t, pause ? kPause : kResume, f.px, pause || !playing))
          act({pause ? CommandKind::Pause : CommandKind::Resume, Source::Operator});
        break;
      }
      case TargetKind::Blank:
        if (button(f.text, t, s.blanked ? kUnblank : kBlank, f.px))
          act({CommandKind::ToggleBlank, Source::Operator});
        break;
      case TargetKind::Reload:
        if (button(f.text, t, kReload, f.px)) act({CommandKind::Reload, Source::Operator});
        break;
      case TargetKind::Quit:
        if (button(f.text, t, kQuit, f.px, true, &danger))
          act({CommandKind::Quit, Source::Operator});
        break;
      case TargetKind::Remote:
        if (button(f.text, t, kRemote, f.px)) state.show_pairing(now);
        break;
      case TargetKind::Figures:
        if (button(f.text, t, kFigures, f.px)) state.show_figures();
        break;
      default:
        break;
    }
  }
  std::vector<std::string> lines = status_lines(s, state.restricted());
  const PanelRect& box = f.layout.text;
  float line = f.layout.metrics.line;
  for (size_t i = 0; i < lines.size(); ++i)
    text_in(f.text, lines[i], f.px * 0.9f,
            i == 3   ? kWarning
            : i == 0 ? kInk
                     : kMuted,
            {box.x, box.y + i * line, box.w, line}, Align::Left);
  slide_grid(f, state, out);
}

// The QR code in its quiet zone (four modules of white), the dark modules drawn as runs along
// each row: a few hundred rectangles, not one per module.
void qr_square(const std::optional<QrMatrix>& qr, const PanelRect& box) {
  if (!qr) return;
  const QrMatrix& code = *qr;
  ImDrawList* list = ImGui::GetWindowDrawList();
  int modules = code.side + 2 * kQrQuietZone;
  float module = std::floor(box.w / modules);
  if (module < 1) return;
  float side = module * modules;
  float x0 = std::round(box.x + (box.w - side) / 2), y0 = box.y;
  list->AddRectFilled(at(x0, y0), at(x0 + side, y0 + side), IM_COL32(255, 255, 255, 255));
  const int q = kQrQuietZone;
  for (int y = 0; y < code.side; ++y)
    for (int x = 0; x < code.side;) {
      if (!code.dark(x, y)) {
        ++x;
        continue;
      }
      int run = x;
      while (run < code.side && code.dark(run, y)) ++run;
      list->AddRectFilled(at(x0 + (x + q) * module, y0 + (y + q) * module),
                          at(x0 + (run + q) * module, y0 + (y + q + 1) * module),
                          IM_COL32(0, 0, 0, 255));
      x = run;
    }
}

void pair_view(const Frame& f, PanelState& state, const std::optional<QrMatrix>& code,
               PanelOutput& out) {
  const PanelRect& box = f.layout.text;
  float line = f.layout.metrics.line;
  const std::string& url = f.status.pairing_url;
  text_in(f.text, url.empty() ? kRemoteOff : kScan, f.px, url.empty() ? kWarning : kInk,
          {box.x, box.y, box.w, line}, Align::Center);
  // The address without its token: what a phone that cannot scan could type, then pair.
  text_in(f.text, url.substr(0, url.find("pair?")), f.px * 0.9f, kMuted,
          {box.x, box.y + line, box.w, line}, Align::Center);
  if (!url.empty()) qr_square(code, f.layout.qr);
  if (button(f.text, *f.layout.find(TargetKind::Back), kBack, f.px)) state.back_to_main();
  if (button(f.text, *f.layout.find(TargetKind::PairAgain), kPairAgain, f.px, !url.empty()))
    out.pair_again = true;
}

}  // namespace

void OperatorPanel::open(double now, int slide, int width, int height, int slides) {
  if (is_open()) return;
  state_.open(now);
  state_.show_page_of(slide, layout(width, height, slides, PanelView::Main).per_page);
}

PanelLayout OperatorPanel::layout(int width, int height, int slides) const {
  return layout(width, height, slides, state_.view());
}

PanelLayout OperatorPanel::layout(int width, int height, int slides, PanelView view) const {
  PanelLayoutInput in;
  in.width = width;
  in.height = height;
  in.view = view;
  in.restricted = state_.restricted();
  in.remote = state_.can_pair();
  in.slides = slides;
  in.page = state_.page();
  in.status_lines = panel_status_lines(state_.restricted());
  return layout_panel(in);
}

PanelOutput OperatorPanel::draw(const PanelStatus& status, TextCache& text, double now) {
  PanelOutput out;
  if (!is_open()) return out;
  ImGuiIO& io = ImGui::GetIO();
  PanelLayout layout =
      this->layout(static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y),
                   static_cast<int>(status.titles.size()));
  ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(io.DisplaySize, ImGuiCond_Always);
  // No background of its own: the frame under the panel is a black fill (a FrameScene without
  // slides), which SDL fills in a third of what ImGui's screen-sized quad costs on a software
  // screen (12 against 35 ms a 1080p frame).
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.17f, 0.20f, 0.27f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.22f, 0.27f, 0.37f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.30f, 0.42f, 0.62f, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, std::round(10 * layout.metrics.unit));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("operator-panel", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
  Frame frame{layout, text, status, layout.metrics.font};
  header(frame, state_, out);
  if (is_open()) {
    switch (state_.view()) {
      case PanelView::Pin:
        pin_view(frame, state_, now, out);
        break;
      case PanelView::Main:
        main_view(frame, state_, now, out);
        break;
      case PanelView::Confirm:
        confirm_view(frame, state_, out);
        break;
      case PanelView::Pair:
        if (qr_text_ != status.pairing_url) {
          qr_text_ = status.pairing_url;
          qr_ = encode_qr(qr_text_);
        }
        pair_view(frame, state_, qr_, out);
        break;
      case PanelView::Figures:
        figures_view(frame, state_);
        break;
      case PanelView::Closed:
        break;
    }
  }
  ImGui::End();
  ImGui::PopStyleVar(3);
  ImGui::PopStyleColor(4);
  return out;
}

}  // namespace boothdeck
