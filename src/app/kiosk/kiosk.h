// The kiosk: a show driven by timers, touch and clickers, drawn only when something changes,
// reloading its deck when the file changes. Plain code over a Platform, so tests run it with
// a fake clock and scripted input; run_kiosk() runs it on the real screen.
//
//   Kiosk kiosk(options, platform, log, source, std::move(first_presentation));
//   if (!kiosk.start(&error)) ...;
//   run_loop(platform, kiosk);                 // until SIGTERM, or Quit in a window
//
// The files of the kiosk: kiosk.cpp (input, commands, timers, reloads), kiosk_scene.cpp (what
// a frame shows and which part of it moves), kiosk_loop.cpp (the loop and run_kiosk),
// kiosk_remote.cpp (the HTTP remote, the fleet, the presenter view).
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/event_log.h"
#include "app/kiosk/appliance.h"
#include "app/kiosk/frame_pacer.h"
#include "app/options.h"
#include "app/platform/platform.h"
#include "app/presentation.h"
#include "app/reload/deck_source.h"
#include "core/input/input_mapper.h"
#include "core/input/pointer_tracker.h"
#include "core/show/show.h"
#include "render/render_context.h"
#include "ui/frame.h"
#include "ui/operator_panel.h"
#include "ui/ui_context.h"

namespace boothdeck {

struct PresenterInfo;
struct RemoteLink;
class RemoteExchange;

// What the kiosk drew, by why it drew it, and the bytes it presented (4 a pixel): for tests
// and the bench.
struct FrameTally {
  uint64_t full = 0;      // the whole screen: a change of deck, an expose, input, a slide move
  uint64_t fade = 0;      // a fade between two slides
  uint64_t bars = 0;      // growing bars
  uint64_t progress = 0;  // the progress line grew, nothing else moved
  uint64_t rest = 0;      // a change drawn at once: a cut, an animation's last frame at rest
  uint64_t bytes = 0;     // presented, all kinds together
};

// A change of slide in progress: from which slide, since when, how.
struct ActiveTransition {
  int from = 0;
  double start = 0;
  Transition kind = Transition::None;
};

class Kiosk {
 public:
  Kiosk(const Options& options, Platform& platform, EventLog& log, DeckSource& source,
        std::unique_ptr<Presentation> first, std::string fonts_dir);
  ~Kiosk();

  // Makes the renderer and logs `start`. False with `error` when nothing can be drawn.
  bool start(std::string* error);
  bool running() const { return running_; }

  // The next time anything could need doing: a timer, a settling file, an animation frame.
  double next_wakeup(double now) const;
  void handle(const PlatformEvent& event, double now);
  // Timers, signals, reloads; call once per loop turn, after handle().
  void tick(double now);
  // Draws and presents a frame when one is due (a full frame or only the part that moves).
  void draw_if_due(double now);
  // Between frames: the remote's status and thumbnails, the presenter's window.
  void serve(double now);
  // Logs `quit`; the show has ended.
  void finish(double now);

  // For tests and the bench.
  const Show& show() const { return show_; }
  const Presentation& presentation() const { return *current_; }
  uint64_t frames() const { return frames_; }
  uint64_t region_frames() const { return region_frames_; }
  const FrameTally& tally() const { return tally_; }
  RenderContext& render_context() { return render_; }
  int renderer_builds() const { return render_.builds(); }
  bool panel_open() const { return panel_.is_open(); }
  bool closed_by_show_hours() const { return closed_; }
  const OperatorPanel& panel() const { return panel_; }
  RemoteExchange& remote_exchange();
  std::string remote_pairing_url() const;
  int presenter_frames() const;

 private:
  // [SECTION] input and commands (kiosk.cpp)
  void route_input(const InputEvent& input, double now);
  void deliver(const std::vector<RoutedPointer>& pointers, double now);
  void to_panel(const InputEvent& pointer, double now);
  void apply(const std::vector<Command>& commands, double now);
  void on_show_events(const std::vector<ShowEvent>& events, double now);
  void on_signal(int signal, double now);
  void set_closed(bool closed, double now);
  void set_cursor(bool visible);

  // [SECTION] the operator panel (kiosk.cpp)
  void open_panel(double now);
  void close_panel(const char* reason, double now);
  void panel_closed(const char* reason, double now);  // after the panel closed, by any way
  void prepare_panel();                               // thumbnails before a frame
  void after_panel_frame(double now);                 // what the operator did in it
  double panel_deadline(double now) const;

  // [SECTION] reloads (kiosk.cpp)
  void poll_source(double now);
  void take_pending(double now);
  void rebuild_renderer(double now);
  void build_ui_font();

  // [SECTION] the scene (kiosk_scene.cpp)
  bool in_transition(double now) const;
  bool bars_moving(double now) const;
  FrameNeeds frame_needs(double now) const;
  FrameScene scene(double now);
  void count_frame(double now, FrameKind kind, const FrameScene& frame);
  void scene_changed();
  PanelStatus panel_status(double now) const;
  void prepare_neighbours();

  // [SECTION] beyond the screen (kiosk_remote.cpp)
  void remote_start(double now);
  void start_http(double now);
  void start_fleet(double now);
  void remote_finish();
  void remote_tick(double now);  // commands and fleet decks in
  double remote_deadline(double now) const;
  void open_presenter(double now);
  void presenter_event(const PlatformEvent& event, double now);
  void remote_deck_changed();  // a new generation: before the old one dies
  void remote_pair_again(double now);
  PresenterInfo presenter_info(double now) const;
  nlohmann::json remote_status(double now) const;

  const Options& options_;
  Platform& platform_;
  EventLog& log_;
  DeckSource& source_;
  std::string fonts_dir_;
  double start_;
  UiContext ui_;  // before render_: the ImGui backend lives in the context
  std::unique_ptr<Presentation> current_, pending_;
  RenderContext render_;
  Show show_;
  InputMapper mapper_;
  PointerTracker tracker_;
  OperatorPanel panel_;
  FramePacer pacer_;
  Appliance appliance_;

  bool running_ = true;
  bool closed_ = false;  // outside show hours: a black screen, the show frozen
  bool renderer_lost_ = false;
  bool prepared_ = false;
  bool swapped_this_turn_ = false;  // a new deck came in: its first slide appears without a fade
  bool animating_ = false;          // a transition or growing bars, as of the last tick
  bool changed_ = false;            // the scene changed without an animation (a cut, an end)
  bool cursor_visible_ = true;
  uint64_t frames_ = 0, region_frames_ = 0;
  FrameTally tally_;
  double last_frame_ = 0;
  double last_pointer_motion_ = 0;
  int last_shown_ = 0;
  std::optional<ActiveTransition> transition_;
  // The last frame drawn, to find what the next one changes; reset when its slides are gone.
  std::optional<FrameScene> last_scene_;
  std::string reload_notice_;
  long long panel_touch_ = 0;           // the touch that drives ImGui's one pointer; 0: none
  PanelOutput panel_output_;            // what the operator did in the frame being drawn
  int panel_countdown_ = -1;            // the PIN pad's wait, in whole seconds, as last drawn
  std::unique_ptr<RemoteLink> remote_;  // last: its threads stop before the rest goes
};

// The loop: wait for an event or the next deadline, hand events to the kiosk, tick, draw.
// Returns when the show ends (then `quit` is logged), or when the platform's clock passes
// `until` (tests run a stretch of fake time, then look).
void run_loop(Platform& platform, Kiosk& kiosk,
              double until = std::numeric_limits<double>::infinity());

// The kiosk on the real screen: SDL start-up, signals, the first deck, the loop. An exit code.
int run_kiosk(const Options& options);

}  // namespace boothdeck
