// [SECTION] set-up
// [SECTION] input and commands: platform events become show commands, or go to the panel.
// [SECTION] timers, signals and reloads, once per loop turn.
#include "app/kiosk/kiosk.h"

#include <csignal>
#include <cstring>
#include <utility>

#include "app/kiosk/signals.h"
#include "app/process_stats.h"
#include "core/show/timing.h"
#include "ui/overlay.h"
#include "ui/ui_font.h"

namespace boothdeck {

namespace {
constexpr double kCursorHideSeconds = 3;
}

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
      panel_(options.pin),
      last_pointer_motion_(start_) {}

Kiosk::~Kiosk() = default;

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
  return true;
}

void Kiosk::finish(double now) {
  log_.write("quit", now, {{"frames", frames_}});
}

void Kiosk::build_ui_font() {
  std::vector<std::string> texts = OperatorPanel::labels();
  texts.push_back(kTouchHint);
  for (const Slide& slide : current_->deck().slides) texts.push_back(slide.title());
  texts.push_back(current_->deck().file);
  texts.push_back(reload_notice_);
  PixelSize size = platform_.size();
  float scale = std::min(size.width, size.height) / 1080.0f;
  boothdeck::build_ui_font(current_->fonts().body_file().path, std::max(14.0f, 26 * scale), texts);
  render_.reload_ui_font_texture();
}

// [SECTION] input and commands ---------------------------------------------------------------

void Kiosk::handle(const PlatformEvent& event, double now) {
  using Type = PlatformEvent::Type;
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
      mapper_.cancel_pointers();  // their lifts go to another window
      return;
    case Type::Input:
      route_input(event.input, now);
      return;
  }
}

void Kiosk::route_input(const InputEvent& input, double now) {
  bool pointer = input.type != InputEvent::Type::KeyDown;
  // The operator panel sees the pointer first (Dear ImGui FAQ), and taps around it do not
  // browse the slides behind it. Keys still reach the show: a clicker keeps working.
  if (pointer && panel_.is_open()) {
    PixelSize size = platform_.size();
    ui_.pointer(input.x * size.width, input.y * size.height,
                input.type != InputEvent::Type::PointerUp);
    pacer_.input();
    return;
  }
  apply(mapper_.feed(input), now);
}

void Kiosk::open_panel(double now) {
  if (panel_.is_open()) return;
  panel_.open();
  mapper_.cancel_pointers();  // the finger that opened the panel lifts over the panel
  build_ui_font();
  pacer_.invalidate();
  log_.write("panel", now, {{"open", true}});
}

void Kiosk::apply(const std::vector<Command>& commands, double now) {
  for (const Command& command : commands) {
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
        // A new deck appears without a transition: the old slide belongs to the old deck.
        if (swapped_this_turn_ || e.reason == Reason::Reload)
          transition_.reset();
        else
          transition_ =
              ActiveTransition{last_shown_, now, current_->deck().transition_into(e.slide)};
        last_shown_ = e.slide;
        prepared_ = false;
        log_.write("slide", now, {{"index", e.slide}, {"reason", to_string(e.reason)}});
        break;
      case ShowEvent::Kind::Blank:
      case ShowEvent::Kind::Unblank:
        log_.write("blank", now,
                   {{"on", e.kind == ShowEvent::Kind::Blank}, {"reason", to_string(e.reason)}});
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
    }
  }
}

void Kiosk::set_cursor(bool visible) {
  if (visible == cursor_visible_) return;
  cursor_visible_ = visible;
  platform_.set_cursor_visible(visible);
}

// [SECTION] timers, signals and reloads ------------------------------------------------------

double Kiosk::next_wakeup(double now) const {
  double deadline = std::min(show_.next_deadline(), mapper_.next_deadline());
  deadline = std::min(deadline, source_.next_deadline(now));
  if (cursor_visible_ && !options_.windowed)
    deadline = std::min(deadline, last_pointer_motion_ + kCursorHideSeconds);
  return pacer_.next_wakeup(now, frame_needs(now), deadline, platform_.vsync());
}

void Kiosk::tick(double now) {
  swapped_this_turn_ = false;
  for (int signal : take_signals()) on_signal(signal, now);
  poll_source(now);
  // A new deck comes in at a slide boundary in autoplay, before the timer picks the next
  // slide (so the index is one of the new deck), and at once for someone browsing.
  bool at_end = show_.slide() == show_.slide_count() - 1 && !current_->deck().settings.loop;
  if (pending_ && (show_.mode() != Mode::Autoplay || now >= show_.next_deadline() || at_end))
    take_pending(now);
  on_show_events(show_.update(now), now);
  apply(mapper_.update(now), now);
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
        if (panel_.is_open()) build_ui_font();
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
