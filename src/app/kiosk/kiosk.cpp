// [SECTION] set-up
// [SECTION] input and commands: platform events become show commands, or go to the panel.
// [SECTION] the operator panel: opening, closing by itself, what the operator did.
// [SECTION] timers, signals and reloads, once per loop turn.
#include "app/kiosk/kiosk.h"

#include <csignal>
#include <cstring>
#include <utility>

#include "app/kiosk/kiosk_remote.h"
#include "app/kiosk/signals.h"
#include "app/process_stats.h"
#include "core/show/timing.h"
#include "ui/overlay.h"
#include "ui/ui_font.h"

namespace boothdeck {

namespace {
constexpr double kCursorHideSeconds = 3;
constexpr int kThumbnailsPerFrame = 4;  // a page of the slide grid fills in over a few frames

// Without a PIN, a fullscreen kiosk's panel is for anyone who finds the corner.
PanelPolicy panel_policy(const Options& options) {
  return {options.pin, !options.windowed && options.pin.empty(), !options.remote.listen.empty()};
}
}  // namespace

// [SECTION] set-up ---------------------------------------------------------------------------

Kiosk::Kiosk(const Options& options, Platform& platform, EventLog& log, DeckSource& source,
             std::unique_ptr<Presentation> first, std::string fonts_dir)
    : options_(options),
      platform_(platform),
      log_(log),
      source_(source),
      fonts_dir_(std::move(fonts_dir)),
      start_(platform.now()),
      current_(std::move(first)),
      render_([&platform](std::string* error) { return platform.create_renderer(error); },
              current_->fonts()),
      show_(timing_of(current_->deck(), options.duration), start_),
      mapper_(InputConfig{.windowed = options.windowed}),
      panel_(panel_policy(options)),
      appliance_(options, log),
      last_pointer_motion_(start_) {}

Kiosk::~Kiosk() {
  remote_finish();
}

bool Kiosk::start(std::string* error) {
  if (!render_.rebuild(error)) return false;
  PixelSize size = platform_.size();
  current_->layout().set_viewport({size.width, size.height});
  build_ui_font();
  const Deck& deck = current_->deck();
  log_.write("start", start_,
             {{"deck", deck.file},
              {"slides", deck.slides.size()},
              {"generation", current_->generation()},
              {"renderer", platform_.renderer_name()},
              {"size", {size.width, size.height}},
              {"fonts", current_->fonts().describe()}});
  log_.write("slide", start_, {{"index", 0}, {"reason", "start"}});
  remote_start(start_);
  appliance_.start(start_);
  appliance_.slide_shown(start_, 0, deck.slides.empty() ? "" : deck.slides[0].title(), false);
  return true;
}

void Kiosk::finish(double now) {
  appliance_.finish(now);
  log_.write("quit", now, {{"frames", frames_}});
  remote_finish();
}

// ImGui's atlas serves the overlays only (the panel's text is drawn by the TextCache).
void Kiosk::build_ui_font() {
  PixelSize size = platform_.size();
  boothdeck::build_ui_font(current_->fonts().body_file().path,
                           ui_font_pixels(size.width, size.height), {kTouchHint, "0123456789 /"});
  render_.reload_ui_font_texture();
}

// [SECTION] input and commands ---------------------------------------------------------------

void Kiosk::handle(const PlatformEvent& event, double now) {
  using Type = PlatformEvent::Type;
  if (event.presenter) return presenter_event(event, now);
  switch (event.type) {
    case Type::CloseRequest:
      // Only a window can be closed; the public cannot close a fullscreen kiosk (SIGTERM can).
      if (options_.windowed) running_ = false;
      return;
    case Type::Resized:
    case Type::Exposed:
      pacer_.invalidate();
      return;
    case Type::RendererLost:
      renderer_lost_ = true;
      return;
    case Type::PointerMoved:
      last_pointer_motion_ = now;
      set_cursor(true);
      return;
    case Type::FocusLost:
      deliver(tracker_.cancel_all(now), now);  // their lifts go to another window
      return;
    case Type::Input:
      route_input(event.input, now);
      return;
    case Type::PresenterOpened:
    case Type::PresenterClosed:
      presenter_event(event, now);
      return;
  }
}

// Keys go to the show even while the panel is open: a clicker keeps working. Pointers go
// through the tracker, which gives each touch to the panel when it is open at the press, else
// to the show's gestures, and each its lift or its cancel.
void Kiosk::route_input(const InputEvent& input, double now) {
  if (input.type == InputEvent::Type::KeyDown) {
    apply(mapper_.feed(input), now);
    return;
  }
  deliver(tracker_.feed(input, panel_.is_open() ? PointerOwner::Panel : PointerOwner::Show), now);
}

void Kiosk::deliver(const std::vector<RoutedPointer>& pointers, double now) {
  for (const RoutedPointer& p : pointers) {
    if (p.owner == PointerOwner::Panel) {
      to_panel(p.event, now);
      continue;
    }
    if (p.event.type == InputEvent::Type::PointerDown && !closed_) appliance_.visitor_touch(now);
    std::vector<Command> commands = mapper_.feed(p.event);
    // Outside show hours the public gets a black screen whatever it presses; staff can still
    // open the operator panel (and open the show from there).
    if (closed_)
      std::erase_if(commands, [](const Command& c) { return c.kind != CommandKind::OpenPanel; });
    apply(commands, now);
  }
}

// ImGui has one pointer: the first touch on the panel drives it until it ends; other fingers
// meanwhile are ignored. A finger that lifts leaves nothing hovering.
void Kiosk::to_panel(const InputEvent& e, double now) {
  using Type = InputEvent::Type;
  panel_.state().touched(now);
  show_.touched(now);
  pacer_.input();
  if (e.type == Type::PointerDown && panel_touch_ == 0) panel_touch_ = e.pointer;
  if (e.pointer != panel_touch_) return;
  PixelSize size = platform_.size();
  float x = e.x * size.width, y = e.y * size.height;
  switch (e.type) {
    case Type::PointerDown:
    case Type::PointerMove:
      ui_.pointer(x, y, true);
      break;
    case Type::PointerUp:
      ui_.pointer(x, y, false);
      if (e.device != kMouseDevice) ui_.pointer_gone();
      panel_touch_ = 0;
      break;
    case Type::PointerCancel:
      ui_.pointer_gone();
      panel_touch_ = 0;
      break;
    case Type::KeyDown:
      break;
  }
}

void Kiosk::apply(const std::vector<Command>& commands, double now) {
  for (const Command& command : commands) {
    // The operator showing something outside show hours opens the show until the next edge.
    bool shows = command.kind != CommandKind::Pause && command.kind != CommandKind::Reload &&
                 command.kind != CommandKind::Quit && command.kind != CommandKind::OpenPanel;
    if (closed_ && command.source == Source::Operator && shows) set_closed(false, now);
    if (command.kind == CommandKind::OpenPanel)
      open_panel(now);
    else if (command.kind == CommandKind::ToggleFullscreen)
      platform_.toggle_fullscreen();
    else
      on_show_events(show_.apply(command, now), now);
  }
}

void Kiosk::on_show_events(const std::vector<ShowEvent>& events, double now) {
  for (const ShowEvent& e : events) {
    // Another slide changes the slides' ink and the overlay's band: a region frame finds it.
    if (e.kind == ShowEvent::Kind::SlideShown)
      scene_changed();
    else
      pacer_.invalidate();
    switch (e.kind) {
      case ShowEvent::Kind::SlideShown:
        // The attract loop is back: nobody is at the screen, the panel locks again.
        if (e.reason == Reason::IdleReturn) close_panel("idle-return", now);
        // A new deck appears without a transition: the old slide belongs to the old deck.
        if (swapped_this_turn_ || e.reason == Reason::Reload)
          transition_.reset();
        else
          transition_ =
              ActiveTransition{last_shown_, now, current_->deck().transition_into(e.slide)};
        last_shown_ = e.slide;
        prepared_ = false;
        log_.write("slide", now, {{"index", e.slide}, {"reason", to_string(e.reason)}});
        appliance_.slide_shown(now, e.slide, current_->deck().slides[e.slide].title(),
                               e.reason == Reason::Touch);
        appliance_.status("slide " + std::to_string(e.slide + 1) + "/" +
                          std::to_string(show_.slide_count()) + ", " +
                          std::string(to_string(show_.mode())));
        break;
      case ShowEvent::Kind::Blank:
      case ShowEvent::Kind::Unblank:
        log_.write("blank", now,
                   {{"on", e.kind == ShowEvent::Kind::Blank}, {"reason", to_string(e.reason)}});
        appliance_.set_visible(now, !show_.blanked() && !closed_);
        break;
      case ShowEvent::Kind::ModeChanged:
        log_.write("mode", now, {{"mode", to_string(e.mode)}});
        break;
      case ShowEvent::Kind::Reload:
        source_.request();
        break;
      case ShowEvent::Kind::Quit:
        running_ = false;
        break;
      case ShowEvent::Kind::OpenPanel:
        open_panel(now);
        break;
      case ShowEvent::Kind::Held:
      case ShowEvent::Kind::Released:
        log_.write("presenter", now,
                   {{"held", e.kind == ShowEvent::Kind::Held}, {"reason", to_string(e.reason)}});
        break;
    }
  }
}

void Kiosk::set_cursor(bool visible) {
  if (visible == cursor_visible_) return;
  cursor_visible_ = visible;
  platform_.set_cursor_visible(visible);
}

// [SECTION] the operator panel ---------------------------------------------------------------

void Kiosk::open_panel(double now) {
  if (panel_.is_open()) return;
  PixelSize size = platform_.size();
  panel_.open(now, show_.slide(), size.width, size.height, show_.slide_count());
  // The finger that opened it lifts over the panel: the show's gestures are over.
  deliver(tracker_.cancel(PointerOwner::Show, now), now);
  panel_countdown_ = -1;
  pacer_.invalidate();
  log_.write("panel", now, {{"open", true}, {"view", panel_.state().has_pin() ? "pin" : "main"}});
}

void Kiosk::close_panel(const char* reason, double now) {
  if (!panel_.is_open()) return;
  panel_.close();
  panel_closed(reason, now);
}

void Kiosk::panel_closed(const char* reason, double now) {
  deliver(tracker_.cancel(PointerOwner::Panel, now), now);
  ui_.pointer_gone();
  render_.thumbnails().clear();
  pacer_.invalidate();
  log_.write("panel", now, {{"open", false}, {"reason", reason}});
}

// The grid's thumbnails are drawn before the frame that shows them, a few a frame.
void Kiosk::prepare_panel() {
  if (!panel_.is_open() || panel_.state().view() != PanelView::Main) return;
  PixelSize size = platform_.size();
  DeckLayout& layout = current_->layout();
  PanelLayout panel = panel_.layout(size.width, size.height, layout.size());
  ThumbnailCache& thumbnails = render_.thumbnails();
  thumbnails.set_source(current_->generation(), size.width, size.height,
                        static_cast<int>(panel.thumbnail_w), static_cast<int>(panel.thumbnail_h));
  int drawn = 0;
  for (const PanelTarget& t : panel.targets) {
    if (t.kind != TargetKind::Slide || thumbnails.find(t.index)) continue;
    if (drawn++ == kThumbnailsPerFrame) {
      pacer_.input();  // the rest in the next frames
      return;
    }
    thumbnails.draw(t.index, layout.slide(t.index));
  }
}

void Kiosk::after_panel_frame(double now) {
  PanelOutput out = std::exchange(panel_output_, {});
  render_.thumbnails().trim();
  if (out.pin) {
    const PinOutcome& pin = *out.pin;
    log_.write(
        "pin", now, {{"ok", pin.accepted}, {"wrong_tries", pin.wrong_tries}, {"wait", pin.wait}},
        pin.accepted
            ? ""
            : "operator panel: wrong PIN (" + std::to_string(pin.wrong_tries) + " in a row)");
    pacer_.invalidate();
  }
  if (out.closed) panel_closed("button", now);
  if (out.pair_again) remote_pair_again(now);
  apply(out.commands, now);
}

// When the panel needs the loop: it closes by itself, or the PIN pad's countdown ticks.
double Kiosk::panel_deadline(double now) const {
  if (!panel_.is_open()) return kNever;
  const PanelState& state = panel_.state();
  double deadline = state.close_deadline();
  if (state.waiting(now))
    deadline = std::min(deadline, state.wait_until() - std::ceil(state.wait_until() - now) + 1);
  return deadline;
}

// [SECTION] timers, signals and reloads ------------------------------------------------------

double Kiosk::next_wakeup(double now) const {
  // Closed by show hours, the show is frozen: its timers wait for the opening.
  double deadline = std::min(closed_ ? kNever : show_.next_deadline(), mapper_.next_deadline());
  deadline = std::min(deadline, panel_deadline(now));
  deadline = std::min(deadline, source_.next_deadline(now));
  if (cursor_visible_ && !options_.windowed)
    deadline = std::min(deadline, last_pointer_motion_ + kCursorHideSeconds);
  deadline = std::min(deadline, appliance_.next_deadline(now, platform_.wall_seconds()));
  deadline = std::min(deadline, remote_deadline(now));
  return pacer_.next_wakeup(now, frame_needs(now), deadline, platform_.vsync());
}

void Kiosk::tick(double now) {
  swapped_this_turn_ = false;
  if (std::optional<bool> open = appliance_.tick(now, platform_.wall_seconds()))
    set_closed(!*open, now);
  for (int signal : take_signals()) on_signal(signal, now);
  poll_source(now);
  remote_tick(now);
  // A new deck comes in at a slide boundary in autoplay, before the timer picks the next
  // slide (so the index is one of the new deck), and at once for someone browsing.
  bool at_end = show_.slide() == show_.slide_count() - 1 && !current_->deck().settings.loop;
  if (pending_ && (show_.mode() != Mode::Autoplay || now >= show_.next_deadline() || at_end))
    take_pending(now);
  show_.follow_wall(platform_.wall_time(), now);
  if (!closed_) on_show_events(show_.update(now), now);  // closed: the show is frozen
  apply(mapper_.update(now), now);
  if (panel_.state().expired(now)) close_panel("timeout", now);
  // The PIN pad's countdown shows whole seconds: a frame when the number changes.
  if (panel_.is_open()) {
    const PanelState& state = panel_.state();
    int left = state.waiting(now) ? static_cast<int>(std::ceil(state.wait_until() - now)) : 0;
    if (left != panel_countdown_) pacer_.invalidate();
    panel_countdown_ = left;
  }
  // An animation's last frame is drawn at rest, not at 98 %: a fade must not leave the slide
  // dim, a counting bar label must not stop at a rounded value.
  bool moving = in_transition(now) || bars_moving(now);
  if (animating_ && !moving) scene_changed();
  animating_ = moving;
  if (transition_ && !in_transition(now)) transition_.reset();
  if (!options_.windowed && now >= last_pointer_motion_ + kCursorHideSeconds) set_cursor(false);
  if (renderer_lost_) rebuild_renderer(now);
  PixelSize size = platform_.size();
  Viewport viewport = current_->layout().viewport();
  if (size.width != viewport.width || size.height != viewport.height) {
    current_->layout().set_viewport({size.width, size.height});
    if (pending_) pending_->layout().set_viewport({size.width, size.height});
    build_ui_font();  // its size follows the screen's
    render_.forget_slides();
    last_scene_.reset();
    prepared_ = false;
    pacer_.invalidate();
  }
}

// Outside show hours the screen is black and the show frozen; it opens again on its first
// slide, in autoplay, as a fresh start of the day.
void Kiosk::set_closed(bool closed, double now) {
  if (closed == closed_) return;
  closed_ = closed;
  log_.write("blank", now, {{"on", closed}, {"reason", "show-hours"}});
  if (!closed) {
    show_ = Show(timing_of(current_->deck(), options_.duration), now);
    transition_.reset();
    last_shown_ = 0;
    prepared_ = false;
    log_.write("slide", now, {{"index", 0}, {"reason", "show-hours"}});
    appliance_.slide_shown(now, 0, current_->deck().slides[0].title(), false);
  }
  appliance_.set_visible(now, !closed && !show_.blanked());
  pacer_.invalidate();
}

void Kiosk::on_signal(int signal, double now) {
  switch (signal) {
    case SIGHUP:
      log_.write("signal", now, {{"signal", "SIGHUP"}, {"action", "reload"}});
      source_.request();
      break;
    case SIGUSR1:
      log_.write("status", now,
                 {{"slide", show_.slide()},
                  {"slides", show_.slide_count()},
                  {"mode", to_string(show_.mode())},
                  {"blanked", show_.blanked()},
                  {"held", show_.held()},
                  {"generation", current_->generation()},
                  {"frames", frames_},
                  {"rss_kib", proc_status_kib("VmRSS")}},
                 "status: slide " + std::to_string(show_.slide() + 1) + " of " +
                     std::to_string(show_.slide_count()) + ", " +
                     std::string(to_string(show_.mode())) + ", deck generation " +
                     std::to_string(current_->generation()) + ", " + std::to_string(frames_) +
                     " frames");
      break;
    case SIGUSR2:
      log_.write("signal", now, {{"signal", "SIGUSR2"}, {"action", "none"}},
                 "SIGUSR2 has no meaning here; ignored");
      break;
    default:  // SIGTERM, SIGINT, SIGQUIT
      log_.write("signal", now, {{"signal", strsignal(signal)}, {"action", "quit"}});
      running_ = false;
      break;
  }
}

void Kiosk::poll_source(double now) {
  for (DeckSourceEvent& e : source_.poll(now)) {
    switch (e.kind) {
      case DeckSourceEvent::Kind::ParseStarted:
        log_.write("reload-start", now, {{"deck", current_->deck().file}});
        break;
      case DeckSourceEvent::Kind::Problem:
        log_.error(e.message, now);
        break;
      case DeckSourceEvent::Kind::Unchanged:  // another file in the deck's folder was saved
        log_.write("reload-unchanged", now, {{"deck", current_->deck().file}});
        break;
      case DeckSourceEvent::Kind::Refused: {
        // The last good deck stays on screen; the problem goes to the log and the panel.
        nlohmann::json diagnostics = nlohmann::json::array();
        for (const Diagnostic& d : e.deck.result.diagnostics)
          if (d.severity == Severity::Error) diagnostics.push_back(format_diagnostic(d));
        if (diagnostics.empty())
          diagnostics.push_back(e.deck.result.deck.file + ": error: the deck has no slides");
        reload_notice_ = "reload failed, still showing the last good deck: " +
                         diagnostics.front().get<std::string>();
        log_.write("reload-failed", now,
                   {{"deck", e.deck.result.deck.file}, {"diagnostics", diagnostics}},
                   reload_notice_);
        if (panel_.is_open()) pacer_.invalidate();
        break;
      }
      case DeckSourceEvent::Kind::Accepted: {
        std::string error;
        std::vector<std::string> warnings;
        PixelSize size = platform_.size();
        auto next = Presentation::make(std::move(e.deck), e.generation, fonts_dir_,
                                       {size.width, size.height}, &error, &warnings);
        for (const std::string& warning : warnings) log_.error(warning, now);
        if (!next) {
          log_.error("cannot show the new deck (" + error + "); still showing the last one", now);
          break;
        }
        pending_ = std::move(next);
        break;
      }
    }
  }
}

void Kiosk::take_pending(double now) {
  // The old generation dies after the renderer let go of its fonts.
  std::unique_ptr<Presentation> old = std::exchange(current_, std::move(pending_));
  render_.use_fonts(current_->fonts());
  remote_deck_changed();
  last_scene_.reset();  // it points into the old generation's layout
  old.reset();
  swapped_this_turn_ = true;
  const ParseResult& result = current_->loaded().result;
  reload_notice_.clear();
  for (const Diagnostic& d : result.diagnostics)
    if (d.severity == Severity::Error) {
      // Shown with a hole (accepted over a deck that had errors too): say where.
      reload_notice_ = "the deck has errors: " + format_diagnostic(d);
      log_.error(reload_notice_, now);
      break;
    }
  on_show_events(show_.set_timing(timing_of(current_->deck(), options_.duration), now), now);
  transition_.reset();
  last_shown_ = show_.slide();
  build_ui_font();
  prepared_ = false;
  pacer_.invalidate();
  log_.write("reload", now,
             {{"deck", current_->deck().file},
              {"slides", current_->deck().slides.size()},
              {"index", show_.slide()},
              {"generation", current_->generation()}});
}

void Kiosk::rebuild_renderer(double now) {
  renderer_lost_ = false;
  std::string error;
  if (!render_.rebuild(&error)) {
    log_.error("cannot draw: " + error + "; trying again", now);
    renderer_lost_ = true;  // the loop wakes at least twice a second
    return;
  }
  build_ui_font();
  prepared_ = false;
  pacer_.invalidate();
  PixelSize size = platform_.size();
  log_.write("renderer", now,
             {{"renderer", platform_.renderer_name()},
              {"size", {size.width, size.height}},
              {"builds", render_.builds()}});
}

}  // namespace boothdeck
