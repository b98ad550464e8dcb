// ImGui context set-up and the pointer queue. MousePos -FLT_MAX means "no pointer" to ImGui.
#include "ui/ui_context.h"

#include <imgui.h>

#include <cfloat>

namespace boothdeck {

UiContext::UiContext() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no state between runs
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // the kiosk hides the cursor itself
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

UiContext::~UiContext() {
  ImGui::DestroyContext();
}

void UiContext::pointer(float x, float y, bool down) {
  // Moves while the state is unchanged only update the newest entry: a drag is not a queue.
  if (!queue_.empty() && queue_.back().down == down) {
    queue_.back().x = x;
    queue_.back().y = y;
    return;
  }
  queue_.push_back({x, y, down});
}

void UiContext::pointer_gone() {
  queue_.push_back({-FLT_MAX, -FLT_MAX, false});
}

void UiContext::begin_frame(int width, int height, double delta_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  if (!queue_.empty()) {
    io.MousePos = ImVec2(queue_.front().x, queue_.front().y);
    io.MouseDown[0] = queue_.front().down;
    queue_.pop_front();
  }
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DeltaTime = static_cast<float>(delta_seconds > 0 ? delta_seconds : 1.0 / 60);
  ImGui::NewFrame();
}

void UiContext::end_frame() {
  ImGui::Render();
}

bool UiContext::wants_pointer() const {
  return ImGui::GetIO().WantCaptureMouse;
}

}  // namespace boothdeck
