// The process's one Dear ImGui context: no .ini file, no log, cursor left alone, and pointer
// input fed from our own translated events (fingers and the mouse alike), not from SDL's.
//
//   UiContext ui;
//   ui.pointer(x_px, y_px, true);      // a finger went down
//   ui.begin_frame({1920, 1080}, dt);  // ... ImGui::Begin ... draw the panel ...
//   ui.end_frame();
//   if (ui.input_pending()) ...;       // draw another frame: a release is still queued
#pragma once

#include <deque>

namespace boothdeck {

class UiContext {
 public:
  UiContext();
  ~UiContext();
  UiContext(const UiContext&) = delete;
  UiContext& operator=(const UiContext&) = delete;

  // A pointer position (pixels) and whether it is pressed. ImGui 1.86 samples the button once
  // per frame, so a press and a release that arrive between two frames would be one lost
  // click: states are queued and each frame takes the next one.
  void pointer(float x, float y, bool down);
  // The pointer left (a finger lifted, or the panel closed): nothing hovers any more.
  void pointer_gone();
  bool input_pending() const { return !queue_.empty(); }

  void begin_frame(int width, int height, double delta_seconds);
  void end_frame();
  // ImGui wants the pointer: it is over a window of ours, or a press started in one.
  bool wants_pointer() const;

 private:
  struct PointerState {
    float x, y;
    bool down;
  };
  std::deque<PointerState> queue_;
};

}  // namespace boothdeck
