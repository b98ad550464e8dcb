// [SECTION] The main loop: wait for the next event or deadline, apply input, run timers,
//           draw if anything changed. A static slide costs no frames.
// [SECTION] Drawing: full frames, or only the region that moves (bars, fades, progress line).
// [SECTION] Hot reload: a parsed deck is swapped in at a slide boundary, a bad one only logged.
#include "app/kiosk.h"

#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

#include "app/deck_reloader.h"
#include "app/event_log.h"
#include "app/frame_pacer.h"
#include "app/process_stats.h"
#include "app/screen.h"
#include "app/sdl_input.h"
#include "app/startup.h"
#include "core/input/input_mapper.h"
#include "core/show/show.h"
#include "render/animation.h"
#include "render/offscreen.h"
#include "render/slide_stack.h"
#include "ui/operator_panel.h"
#include "ui/overlay.h"
#include "ui/ui_font.h"

namespace boothdeck {

namespace {

std::atomic<bool> g_stop_requested{false};
void on_stop_signal(int) {
  g_stop_requested = true;
}

constexpr double kCursorHideSeconds = 3;
constexpr double kMaxSleepSeconds = 0.5;  // SIGTERM is noticed within this

double seconds_now() {
  return static_cast<double>(SDL_GetPerformanceCounter()) /
         static_cast<double>(SDL_GetPerformanceFrequency());
}

struct ActiveTransition {
  int from = 0;
  double start = 0;
  Transition kind = Transition::None;
};

class Kiosk {
 public:
  Kiosk(const Options& options, LoadedDeck deck, FontSet& fonts, Screen& screen)
      : options_(options),
        loaded_(std::move(deck)),
        fonts_(fonts),
        screen_(screen),
        start_(seconds_now()),
        log_(options.log_format, start_),
        show_(timing_of(loaded_.result.deck, options.duration), start_),
        mapper_(InputConfig{.windowed = options.windowed}),
        panel_(options.pin),
        reloader_(loaded_.path) {}

  int run();

 private:
  // [SECTION] set-up
  void build_render_stack();
  void build_ui_font();
  const Deck& deck() const { return loaded_.result.deck; }

  // [SECTION] main loop
  double next_wakeup(double now) const;
  bool progress_moving() const;
  FrameNeeds frame_needs(double now) const;
  void handle(const SDL_Event& event, double now);
  void apply(const std::vector<Command>& commands, double now);
  void on_show_events(const std::vector<ShowEvent>& events, double now);
  bool in_transition(double now) const;
  bool bars_moving(double now) const;
  SDL_Rect moving_region(double now) const;

  // [SECTION] drawing
  void draw_frame(double now, FrameKind kind);
  void draw_slides(double now, int width, int height);
  void prepare_neighbours();

  // [SECTION] hot reload
  void start_reload(double now);
  void poll_reload(double now);
  bool apply_pending_deck(double now);

  const Options& options_;
  LoadedDeck loaded_;
  FontSet& fonts_;
  Screen& screen_;
  double start_;
  EventLog log_;
  Show show_;
  InputMapper mapper_;
  OperatorPanel panel_;
  std::unique_ptr<ImGuiRenderContext> imgui_;
  std::unique_ptr<SlideStack> stack_;
  DeckReloader reloader_;

  bool running_ = true;
  FramePacer pacer_;
  uint64_t frames_ = 0;
  double last_frame_ = 0;
  double last_pointer_motion_ = 0;
  bool cursor_visible_ = true;
  bool prepared_ = false;
  int last_shown_ = 0;
  std::optional<ActiveTransition> transition_;
  std::optional<LoadedDeck> pending_deck_;
  std::string reload_notice_;
};

// [SECTION] set-up ---------------------------------------------------------------------------

void Kiosk::build_render_stack() {
  stack_.reset();
  imgui_.reset();
  imgui_ = std::make_unique<ImGuiRenderContext>(screen_.renderer(), screen_.window());
  ImGui::GetIO().ConfigFlags |=
      ImGuiConfigFlags_NoMouseCursorChange;  // we hide the cursor ourselves
  stack_ = std::make_unique<SlideStack>(screen_.renderer(), fonts_,
                                        Viewport{screen_.width(), screen_.height()});
  stack_->layout.set_deck(deck());
  build_ui_font();
  prepared_ = false;
  pacer_.invalidate();
}

void Kiosk::build_ui_font() {
  std::vector<std::string> texts = OperatorPanel::labels();
  texts.push_back(kTouchHint);
  for (const Slide& slide : deck().slides) texts.push_back(slide.title());
  texts.push_back(reload_notice_);
  float scale = std::min(screen_.width(), screen_.height()) / 1080.0f;
  boothdeck::build_ui_font(fonts_.body_file().path, std::max(14.0f, 26 * scale), texts);
  imgui_->reload_fonts();
}

// [SECTION] main loop ------------------------------------------------------------------------

int Kiosk::run() {
  build_render_stack();
  log_.write("start", start_,
             {{"deck", deck().file},
              {"slides", deck().slides.size()},
              {"renderer", screen_.renderer_name()},
              {"size", {screen_.width(), screen_.height()}},
              {"fonts", fonts_.describe()}});
  log_.write("slide", start_, {{"index", 0}, {"reason", "start"}});
  while (running_) {
    double now = seconds_now();
    double wake = next_wakeup(now);
    int timeout_ms =
        static_cast<int>(std::clamp((wake - now) * 1000, 0.0, kMaxSleepSeconds * 1000));
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, timeout_ms)) {
      now = seconds_now();
      handle(event, now);
      while (SDL_PollEvent(&event)) handle(event, now);
    }
    now = seconds_now();
    if (g_stop_requested) running_ = false;
    on_show_events(show_.update(now), now);
    apply(mapper_.update(now), now);
    poll_reload(now);
    if (options_.windowed == false && cursor_visible_ &&
        now - last_pointer_motion_ > kCursorHideSeconds) {
      SDL_ShowCursor(SDL_DISABLE);
      cursor_visible_ = false;
    }
    if (screen_.needs_new_renderer()) {
      if (screen_.partial_present()) screen_.recreate_renderer();
      build_render_stack();
    }
    if (!running_) break;

    FrameKind kind = pacer_.decide(now, frame_needs(now));
    if (kind != FrameKind::None) draw_frame(now, kind);
  }
  log_.write("quit", seconds_now(), {{"frames", frames_}});
  return kExitOk;
}

bool Kiosk::in_transition(double now) const {
  return transition_ && transition_->kind != Transition::None &&
         transition_->from < stack_->layout.size() && now - transition_->start < kTransitionSeconds;
}

bool Kiosk::bars_moving(double now) const {
  return !show_.blanked() && SlideRenderer::animating(stack_->layout.slide(show_.slide()),
                                                      now - show_.slide_shown_at());
}

bool Kiosk::progress_moving() const {
  return deck().settings.progress && show_.mode() == Mode::Autoplay && !show_.blanked();
}

FrameNeeds Kiosk::frame_needs(double now) const {
  FrameNeeds needs;
  // A fade passes through the background, so only the two slides' content changes; a slide
  // transition moves everything.
  bool transition = in_transition(now) && !show_.blanked();
  needs.transition = transition && transition_->kind == Transition::Slide;
  needs.region_moving = bars_moving(now) || (transition && transition_->kind == Transition::Fade);
  needs.progress_moving = progress_moving();
  needs.progress = show_.progress(now);
  needs.slide_seconds = show_.slide_duration();
  needs.width = screen_.width();
  return needs;
}

double Kiosk::next_wakeup(double now) const {
  double deadline = std::min(show_.next_deadline(), mapper_.next_deadline());
  deadline = std::min(deadline, reloader_.next_deadline(now));
  if (cursor_visible_ && !options_.windowed)
    deadline = std::min(deadline, last_pointer_motion_ + kCursorHideSeconds);
  return pacer_.next_wakeup(now, frame_needs(now), deadline, screen_.vsync());
}

void Kiosk::handle(const SDL_Event& event, double now) {
  ImGui_ImplSDL2_ProcessEvent(&event);
  switch (event.type) {
    case SDL_QUIT:
      // Only a window can be closed; the public cannot close a fullscreen kiosk (SIGTERM can).
      if (options_.windowed) running_ = false;
      return;
    case SDL_WINDOWEVENT:
      if (event.window.event == SDL_WINDOWEVENT_EXPOSED) pacer_.invalidate();
      if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) screen_.window_resized();
      return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      build_render_stack();
      return;
    case SDL_MOUSEMOTION:
      last_pointer_motion_ = now;
      if (!cursor_visible_) {
        SDL_ShowCursor(SDL_ENABLE);
        cursor_visible_ = true;
      }
      break;
    default:
      break;
  }
  // The operator panel sees input first; the show gets what ImGui leaves (Dear ImGui FAQ).
  if (panel_.is_open()) {
    pacer_.input();
    ImGuiIO& io = ImGui::GetIO();
    bool pointer = event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEBUTTONUP ||
                   event.type == SDL_FINGERDOWN || event.type == SDL_FINGERUP ||
                   event.type == SDL_MOUSEMOTION;
    if ((pointer && io.WantCaptureMouse) || (event.type == SDL_KEYDOWN && io.WantCaptureKeyboard))
      return;
    if (pointer) return;  // taps around the panel do not browse the slides behind it
  }
  // Mouse coordinates are in window points (fingers come normalised already).
  int w = 0, h = 0;
  SDL_GetWindowSize(screen_.window(), &w, &h);
  if (auto input = translate_sdl_event(event, now, w, h)) apply(mapper_.feed(*input), now);
}

void Kiosk::apply(const std::vector<Command>& commands, double now) {
  for (const Command& command : commands) {
    if (command.kind == CommandKind::OpenPanel) {
      panel_.open();
      pacer_.invalidate();
      log_.write("panel", now, {{"open", true}});
      continue;
    }
    on_show_events(show_.apply(command, now), now);
  }
}

void Kiosk::on_show_events(const std::vector<ShowEvent>& events, double now) {
  for (const ShowEvent& e : events) {
    pacer_.invalidate();
    switch (e.kind) {
      case ShowEvent::Kind::SlideShown: {
        // A reloaded deck appears without a transition: the old slide belongs to the old deck.
        if (apply_pending_deck(now))
          transition_.reset();
        else
          transition_ = ActiveTransition{last_shown_, now, deck().transition_into(e.slide)};
        last_shown_ = e.slide;
        prepared_ = false;
        log_.write("slide", now, {{"index", e.slide}, {"reason", to_string(e.reason)}});
        break;
      }
      case ShowEvent::Kind::Blank:
        log_.write("blank", now, {{"on", true}, {"reason", to_string(e.reason)}});
        break;
      case ShowEvent::Kind::Unblank:
        log_.write("blank", now, {{"on", false}, {"reason", to_string(e.reason)}});
        break;
      case ShowEvent::Kind::ModeChanged:
        log_.write("mode", now, {{"mode", to_string(e.mode)}});
        break;
      case ShowEvent::Kind::Reload:
        start_reload(now);
        break;
      case ShowEvent::Kind::Quit:
        running_ = false;
        break;
      case ShowEvent::Kind::OpenPanel:
        panel_.open();
        break;
    }
  }
}

// [SECTION] drawing --------------------------------------------------------------------------

void Kiosk::draw_slides(double now, int width, int height) {
  SDL_Renderer* renderer = screen_.renderer();
  if (show_.blanked()) {
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderFillRect(renderer, nullptr);
    return;
  }
  const SlideDisplay& current = stack_->layout.slide(show_.slide());
  DrawState state;
  state.seconds_shown = now - show_.slide_shown_at();
  if (!in_transition(now)) {
    transition_.reset();
    stack_->slides.draw(current, state, width, height);
    return;
  }
  double p = ease_in_out((now - transition_->start) / kTransitionSeconds);
  const SlideDisplay& from = stack_->layout.slide(transition_->from);
  DrawState old_state;
  if (transition_->kind == Transition::Slide) {
    bool forward = show_.slide() > transition_->from;
    float direction = forward ? -1.0f : 1.0f;
    old_state.offset_x = static_cast<float>(direction * p * width);
    state.offset_x = static_cast<float>(-direction * (1 - p) * width);
    stack_->slides.draw(from, old_state, width, height);
    stack_->slides.draw(current, state, width, height);
    return;
  }
  // A fade goes through the background: the old slide fades out, then the new one fades in.
  // One slide a frame, and only content pixels change: cheap enough for a software screen.
  if (p < 0.5) {
    old_state.alpha = static_cast<float>(1 - 2 * p);
    stack_->slides.draw(from, old_state, width, height);
  } else {
    state.alpha = static_cast<float>(2 * p - 1);
    stack_->slides.draw(current, state, width, height);
  }
}

// What a Region frame redraws: the progress line's strip, the chart while its bars grow, and
// both slides' content during a fade.
SDL_Rect Kiosk::moving_region(double now) const {
  int w = screen_.width(), h = screen_.height();
  float scale = std::min(w, h) / 1080.0f;
  int strip_h = static_cast<int>(std::ceil(std::max(3.0f, 5 * scale))) + 1;
  SDL_Rect region{0, h - strip_h, w, strip_h};
  auto add = [&](const Rect& r) {
    if (r.w <= 0 || r.h <= 0) return;
    SDL_Rect rect{static_cast<int>(r.x) - 2, static_cast<int>(r.y) - 2,
                  static_cast<int>(std::ceil(r.w)) + 4, static_cast<int>(std::ceil(r.h)) + 4};
    SDL_UnionRect(&region, &rect, &region);
  };
  const SlideDisplay& current = stack_->layout.slide(show_.slide());
  if (in_transition(now)) {
    add(stack_->layout.slide(transition_->from).content_bounds());
    add(current.content_bounds());
  } else if (bars_moving(now)) {
    add(current.bars_bounds());
  }
  return region;
}

void Kiosk::draw_frame(double now, FrameKind kind) {
  int w = screen_.width(), h = screen_.height();
  ImVec2 size(static_cast<float>(w), static_cast<float>(h));
  float scale = std::min(size.x, size.y) / 1080.0f;
  imgui_->begin_frame(w, h, now - last_frame_);
  ImDrawList* foreground = ImGui::GetForegroundDrawList();

  // A Region frame redraws, and on a software screen presents, only the part that moves.
  SDL_Rect region{0, 0, w, h};
  if (kind == FrameKind::Region) {
    region = moving_region(now);
    SDL_RenderSetClipRect(screen_.renderer(), &region);
    foreground->PushClipRect(ImVec2(region.x, region.y),
                             ImVec2(region.x + region.w, region.y + region.h));
  }
  draw_slides(now, w, h);
  OverlayState overlay;
  overlay.slide = show_.slide();
  overlay.count = stack_->layout.size();
  overlay.progress = show_.mode() == Mode::Autoplay ? show_.progress(now) : 0;
  overlay.show_progress = deck().settings.progress && !show_.blanked();
  overlay.show_counter = deck().settings.counter && !show_.blanked();
  overlay.touch_hint =
      show_.mode() == Mode::Autoplay && !show_.blanked() && deck().settings.idle_return > 0;
  overlay.scale = scale;
  draw_overlay(overlay, stack_->layout.theme(), foreground, size);
  if (kind == FrameKind::Region) foreground->PopClipRect();

  PanelStatus status;
  if (panel_.is_open()) {
    for (const Slide& slide : deck().slides) status.titles.push_back(slide.title());
    status.slide = show_.slide();
    status.mode = show_.mode();
    status.blanked = show_.blanked();
    status.slide_duration = show_.slide_duration();
    status.uptime = now - start_;
    status.frames = frames_;
    status.rss_bytes = static_cast<size_t>(proc_status_kib("VmRSS")) * 1024;
    status.deck_file = deck().file;
    status.reload_notice = reload_notice_;
  }
  std::vector<Command> commands = panel_.draw(status);

  imgui_->end_frame();
  if (kind == FrameKind::Region) {
    screen_.present_rect(region);
    SDL_RenderSetClipRect(screen_.renderer(), nullptr);
  } else {
    screen_.present();
  }
  screen_.show_once();
  ++frames_;
  last_frame_ = now;
  pacer_.drawn(now, kind, frame_needs(now));
  stack_->text.trim();
  prepare_neighbours();
  apply(commands, now);
}

// Renders the next and previous slides' text while the screen is idle, so a change of slide
// never waits for SDL_ttf.
void Kiosk::prepare_neighbours() {
  if (prepared_ || stack_->layout.size() == 0) return;
  int n = stack_->layout.size();
  stack_->slides.prepare(stack_->layout.slide((show_.slide() + 1) % n));
  stack_->slides.prepare(stack_->layout.slide((show_.slide() + n - 1) % n));
  prepared_ = true;
}

// [SECTION] hot reload -----------------------------------------------------------------------

void Kiosk::start_reload(double now) {
  if (reloader_.request()) log_.write("reload-start", now, {{"deck", loaded_.path.string()}});
}

void Kiosk::poll_reload(double now) {
  bool started = false;
  std::optional<LoadedDeck> next = reloader_.poll(now, &started);
  if (started) log_.write("reload-start", now, {{"deck", loaded_.path.string()}});
  if (!next) return;
  if (!next->result.ok()) {
    // The last good deck stays on screen; the problem goes to the log and the operator panel.
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const Diagnostic& d : next->result.diagnostics)
      if (d.severity == Severity::Error) diagnostics.push_back(format_diagnostic(d));
    reload_notice_ =
        "reload failed, still showing the last good deck: " +
        (diagnostics.empty() ? std::string("?") : diagnostics.front().get<std::string>());
    log_.write("reload-failed", now, {{"deck", next->path.string()}, {"diagnostics", diagnostics}});
    if (panel_.is_open()) build_ui_font();
    return;
  }
  pending_deck_ = std::move(next);
  // Autoplay swaps at the next slide boundary; someone browsing sees the change at once.
  if (show_.mode() != Mode::Autoplay) apply_pending_deck(now);
}

bool Kiosk::apply_pending_deck(double now) {
  if (!pending_deck_) return false;
  loaded_ = std::move(*pending_deck_);
  pending_deck_.reset();
  reload_notice_.clear();
  show_.set_timing(timing_of(deck(), options_.duration), now);
  stack_->layout.set_deck(deck());
  stack_->slides.clear_images();
  transition_.reset();
  last_shown_ = show_.slide();
  build_ui_font();
  prepared_ = false;
  pacer_.invalidate();
  log_.write("reload", now,
             {{"deck", deck().file}, {"slides", deck().slides.size()}, {"index", show_.slide()}});
  return true;
}

}  // namespace

int run_kiosk(const Options& options, LoadedDeck deck) {
  print_diagnostics(deck.result.diagnostics);
  if (deck.result.deck.slides.empty()) return kExitBadInput;
  Startup startup;
  FontSet fonts;
  if (int code = startup.with_display(options, deck.result.deck, fonts)) return code;
  std::signal(SIGTERM, on_stop_signal);
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGPIPE, SIG_IGN);  // a closed log pipe is reported by the log, not fatal
  Screen screen;
  std::string error;
  if (!screen.open(options, &error)) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitNoDisplay;
  }
  return Kiosk(options, std::move(deck), fonts, screen).run();
}

}  // namespace boothdeck
