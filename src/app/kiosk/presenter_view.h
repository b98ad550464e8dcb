// The presenter view: a second window with the current and the next slide, the notes set large,
// the time elapsed, the time left on the slide, and a clock. It has its own RenderContext (its
// own renderer, text textures and images) and its own layouts at the sizes it draws, and no
// ImGui. The public window shows only the slide; this window is never shown to visitors.
//
//   PresenterView view(*platform.presenter(), presentation);
//   if (!view.start(&error)) ...;
//   if (view.due(info)) view.draw(info);          // between the public window's frames
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/platform/platform.h"
#include "app/presentation.h"
#include "core/layout/deck_layout.h"
#include "core/show/show.h"
#include "render/render_context.h"

namespace boothdeck {

// What the window shows, as the kiosk knows it.
struct PresenterInfo {
  int slide = 0;
  int next = -1;  // -1: the last slide of a deck that does not loop
  Mode mode = Mode::Autoplay;
  bool blanked = false, held = false;
  double slide_left = -1;   // seconds until the timer changes slide; -1: not counting
  double talk_elapsed = 0;  // seconds since the presenter took the show (else since the start)
  double wall = 0;          // seconds since 1970, for the clock (local time)
};

// Where everything goes in a `width` × `height` window, for slides of `aspect` (height/width).
// Pure arithmetic, tested on landscape and portrait windows.
struct PresenterLayout {
  SDL_Rect current, next, notes, timers;
  SDL_Rect current_label, next_label, notes_label;
  int unit = 1;  // the short side / 1080, in pixels (at least 1)
};
PresenterLayout layout_presenter(int width, int height, float aspect);

class PresenterView {
 public:
  PresenterView(PresenterWindow& window, Presentation& presentation);
  ~PresenterView();

  bool start(std::string* error);
  // A new deck generation: its fonts, its slides, its notes.
  void use(Presentation& presentation);
  void resized() { dirty_ = true; }
  void lost() { lost_ = true; }
  void invalidate() { dirty_ = true; }
  // Something it shows changed (the second of a clock included).
  bool due(const PresenterInfo& info) const;
  void draw(const PresenterInfo& info);
  int frames() const { return frames_; }

 private:
  std::string signature(const PresenterInfo& info) const;
  void draw_slide(DeckLayout& layout, int slide, const SDL_Rect& box);
  void draw_notes(const SDL_Rect& box, int slide);
  void draw_timers(const PresenterInfo& info, const SDL_Rect& box);
  void text(const std::string& text, int px, Color color, int x, int y, bool bold = false,
            int max_w = 1 << 20);

  PresenterWindow& window_;
  Presentation* presentation_;
  RenderContext render_;
  std::unique_ptr<DeckLayout> current_, next_;
  std::optional<SlideDisplay> notes_;  // laid out for notes_key_
  std::string notes_key_;
  std::string drawn_;  // the signature of the last frame
  bool dirty_ = true, lost_ = false;
  int frames_ = 0;
};

}  // namespace boothdeck
