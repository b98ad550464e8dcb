// What a frame shows, from the show's state: the slide, or two during a transition, the
// overlays, the operator panel; and which part of the screen changed since the last frame
// (ui/frame_diff.h), so a software screen redraws and presents only that.
#include <algorithm>
#include <cmath>

#include "app/kiosk/kiosk.h"
#include "app/process_stats.h"
#include "render/animation.h"
#include "render/rect_set.h"
#include "ui/frame_diff.h"

namespace boothdeck {

bool Kiosk::in_transition(double now) const {
  return transition_ && transition_->kind != Transition::None &&
         transition_->from < current_->layout().size() &&
         now - transition_->start < kTransitionSeconds;
}

bool Kiosk::bars_moving(double now) const {
  return !show_.blanked() && SlideRenderer::animating(current_->layout().slide(show_.slide()),
                                                      now - show_.slide_shown_at());
}

FrameNeeds Kiosk::frame_needs(double now) const {
  FrameNeeds needs;
  if (panel_.is_open()) return needs;  // the panel covers the screen: nothing behind it moves
  // A fade passes through the background, so only the two slides' content changes; a slide
  // transition moves everything.
  if (closed_) return needs;  // a black screen: nothing moves
  bool transition = in_transition(now) && !show_.blanked();
  needs.transition = transition && transition_->kind == Transition::Slide;
  needs.region_moving = bars_moving(now) || (transition && transition_->kind == Transition::Fade);
  needs.progress_moving =
      current_->deck().settings.progress && show_.mode() == Mode::Autoplay && !show_.blanked();
  needs.progress = show_.progress(now);
  needs.slide_seconds = show_.slide_duration();
  needs.width = platform_.size().width;
  return needs;
}

PanelStatus Kiosk::panel_status(double now) const {
  PanelStatus status;
  for (const Slide& slide : current_->deck().slides) status.titles.push_back(slide.title());
  status.slide = show_.slide();
  status.mode = show_.mode();
  status.blanked = show_.blanked();
  status.held = show_.held();
  status.slide_duration = show_.slide_duration();
  status.uptime = now - start_;
  status.frames = frames_;
  status.rss_bytes = static_cast<size_t>(proc_status_kib("VmRSS")) * 1024;
  status.deck_file = current_->deck().file;
  status.reload_notice = reload_notice_;
  ApplianceStatus appliance = appliance_.panel(platform_.wall_seconds());
  status.figures = std::move(appliance.today);
  status.figures_file = std::move(appliance.figures_file);
  status.figures_error = std::move(appliance.figures_error);
  status.show_hours = std::move(appliance.hours);
  status.pairing_url = remote_pairing_url();
  return status;
}

FrameScene Kiosk::scene(double now) {
  PixelSize size = platform_.size();
  DeckLayout& layout = current_->layout();
  FrameScene scene;
  scene.width = size.width;
  scene.height = size.height;
  scene.delta_seconds = now - last_frame_;
  if (!show_.blanked() && !closed_) {
    SlideLayer current{&layout.slide(show_.slide()), {}, true};
    current.state.seconds_shown = now - show_.slide_shown_at();
    if (!in_transition(now)) {
      scene.layers.push_back(current);
    } else {
      double p = ease_in_out((now - transition_->start) / kTransitionSeconds);
      SlideLayer from{&layout.slide(transition_->from), {}, true};
      if (transition_->kind == Transition::Slide) {
        float direction = show_.slide() > transition_->from ? -1.0f : 1.0f;
        from.state.offset_x = static_cast<float>(direction * p * size.width);
        current.state.offset_x = static_cast<float>(-direction * (1 - p) * size.width);
        scene.layers = {from, current};
      } else if (p < 0.5) {
        // A fade goes through the background: the old slide fades out, then the new one in.
        // One slide a frame, and only its ink changes: one blend of its snapshot's pieces.
        from.state.alpha = static_cast<float>(1 - 2 * p);
        scene.layers = {from};
      } else {
        current.state.alpha = static_cast<float>(2 * p - 1);
        scene.layers = {current};
      }
    }
  }
  const DeckSettings& settings = current_->deck().settings;
  OverlayState overlay;
  overlay.slide = show_.slide();
  overlay.count = layout.size();
  overlay.progress = show_.mode() == Mode::Autoplay ? show_.progress(now) : 0;
  overlay.show_progress = settings.progress && !show_.blanked();
  overlay.show_counter = settings.counter && !show_.blanked();
  overlay.touch_hint =
      show_.mode() == Mode::Autoplay && !show_.blanked() && settings.idle_return > 0;
  overlay.scale = std::min(size.width, size.height) / 1080.0f;
  scene.theme = &layout.theme();
  if (!panel_.is_open()) {
    scene.overlay = overlay;
  } else {
    scene.layers.clear();  // the panel covers the screen, on the black of a frame without slides
    scene.windows = [this, now] {
      PanelStatus status = panel_status(now);
      status.thumbnail = [this](int slide) { return render_.thumbnails().find(slide); };
      panel_output_ = panel_.draw(status, render_.text(), now);
    };
  }
  return scene;
}

// While the screen is idle (no animation), prepares the next change: the text of the next and
// previous slides, the snapshot of the next slide as it appears and of this one as it leaves.
void Kiosk::prepare_neighbours() {
  DeckLayout& layout = current_->layout();
  if (prepared_ || layout.size() == 0 || show_.blanked()) return;
  int n = layout.size(), w = platform_.size().width, h = platform_.size().height;
  const SlideDisplay& next = layout.slide((show_.slide() + 1) % n);
  render_.slides().prepare(next);
  render_.slides().prepare(layout.slide((show_.slide() + n - 1) % n));
  render_.snapshots().prepare(layout.slide(show_.slide()), 1e9, w, h);
  render_.snapshots().prepare(next, 0, w, h);
  prepared_ = true;
}

void Kiosk::scene_changed() {
  pacer_.changed();
  changed_ = true;
}

void Kiosk::count_frame(double now, FrameKind kind, const FrameScene& frame) {
  ++frames_;
  tally_.bytes += 4 * (frame.regions.empty() ? static_cast<uint64_t>(frame.width) *
                                                   static_cast<uint64_t>(frame.height)
                                             : area(frame.regions));
  if (kind == FrameKind::Full) {
    ++tally_.full;
    return;
  }
  ++region_frames_;
  if (in_transition(now))
    ++tally_.fade;
  else if (bars_moving(now))
    ++tally_.bars;
  else if (changed_)
    ++tally_.rest;
  else
    ++tally_.progress;
}

void Kiosk::draw_if_due(double now) {
  if (!render_.ok()) return;
  if (ui_.input_pending()) pacer_.input();  // ImGui takes one press or release a frame
  FrameKind kind = pacer_.decide(now, frame_needs(now));
  if (kind == FrameKind::None) return;
  appliance_.frame_due(now);
  prepare_panel();
  FrameScene frame = scene(now);
  // A GPU screen swaps whole buffers (the back buffer is undefined after a present), and the
  // operator panel is drawn unclipped: whole frames there.
  if (kind == FrameKind::Region && (!last_scene_ || platform_.vsync() || panel_.is_open()))
    kind = FrameKind::Full;
  if (kind == FrameKind::Region) frame.regions = changed_rects(render_, *last_scene_, frame);
  if (kind == FrameKind::Full || !frame.regions.empty()) {
    draw_frame(render_, ui_, frame);
    platform_.present(render_.renderer(), frame.regions);
    count_frame(now, kind, frame);
    last_frame_ = now;
  }
  appliance_.frame_presented(now);  // a frame with nothing changed is handled too
  pacer_.drawn(now, kind, frame_needs(now));
  changed_ = false;
  last_scene_ = std::move(frame);
  render_.text().trim();
  render_.snapshots().trim();
  if (!in_transition(now) && !bars_moving(now)) prepare_neighbours();
  after_panel_frame(now);
}

}  // namespace boothdeck
