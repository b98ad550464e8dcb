// ImGui operator panel. Buttons are large: it is used with a finger on a touchscreen.
#include "ui/operator_panel.h"

#include <imgui.h>

#include <cstdio>

namespace boothdeck {

namespace {
const char* kTitle = "운영자 패널 · Operator";
const char* kPinPrompt = "PIN 입력";
const char* kPrevious = "◀ 이전";
const char* kNext = "다음 ▶";
const char* kPause = "일시정지";
const char* kResume = "자동 재생";
const char* kBlank = "화면 끄기";
const char* kUnblank = "화면 켜기";
const char* kReload = "덱 다시 읽기";
const char* kQuit = "종료";
const char* kClose = "닫기";
}  // namespace

std::vector<std::string> OperatorPanel::labels() {
  return {kTitle,
          kPinPrompt,
          kPrevious,
          kNext,
          kPause,
          kResume,
          kBlank,
          kUnblank,
          kReload,
          kQuit,
          kClose,
          "재생 중 autoplay",
          "탐색 중 browsing",
          "정지 paused",
          "0123456789 ⌫ OK"};
}

void OperatorPanel::open() {
  open_ = true;
  unlocked_ = pin_.empty();
  entered_.clear();
}

bool OperatorPanel::draw_pin_pad() {
  ImGui::TextUnformatted(kPinPrompt);
  std::string dots(entered_.size(), '*');
  ImGui::Text("%s", dots.empty() ? "-" : dots.c_str());
  float button = ImGui::GetFontSize() * 3;
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    if (ImGui::Button(keys[i], ImVec2(button, button))) {
      std::string key = keys[i];
      if (key == "OK") {
        unlocked_ = entered_ == pin_;
        entered_.clear();
      } else if (key == "⌫") {
        if (!entered_.empty()) entered_.pop_back();
      } else if (entered_.size() < kPinMaxDigits) {
        entered_ += key;
      }
    }
  }
  return unlocked_;
}

std::vector<Command> OperatorPanel::draw(const PanelStatus& status) {
  std::vector<Command> commands;
  if (!open_) return commands;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.7f, io.DisplaySize.y * 0.8f),
                           ImGuiCond_Always);
  // Opaque: the slide behind must not make the panel's small text hard to read.
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.07f, 0.08f, 0.10f, 1.0f));
  ImGui::Begin(kTitle, nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  ImGui::PopStyleColor();
  if (!unlocked_ && !draw_pin_pad()) {
    if (ImGui::Button(kClose)) open_ = false;
    ImGui::End();
    return commands;
  }
  auto op = [&](CommandKind kind, int slide = 0) {
    commands.push_back({kind, Source::Operator, slide});
  };
  ImVec2 big(ImGui::GetFontSize() * 6, ImGui::GetFontSize() * 2.2f);
  if (ImGui::Button(kPrevious, big)) op(CommandKind::Previous);
  ImGui::SameLine();
  if (ImGui::Button(kNext, big)) op(CommandKind::Next);
  ImGui::SameLine();
  if (ImGui::Button(status.mode == Mode::Autoplay ? kPause : kResume, big))
    op(status.mode == Mode::Autoplay ? CommandKind::Pause : CommandKind::Resume);
  ImGui::SameLine();
  if (ImGui::Button(status.blanked ? kUnblank : kBlank, big)) op(CommandKind::ToggleBlank);
  ImGui::SameLine();
  if (ImGui::Button(kReload, big)) op(CommandKind::Reload);
  ImGui::SameLine();
  if (ImGui::Button(kQuit, big)) op(CommandKind::Quit);
  ImGui::SameLine();
  if (ImGui::Button(kClose, big)) open_ = false;

  const char* mode = status.mode == Mode::Autoplay   ? "재생 중 autoplay"
                     : status.mode == Mode::Browsing ? "탐색 중 browsing"
                                                     : "정지 paused";
  ImGui::Text("%s  |  %d / %zu  |  %.0f s/slide  |  uptime %.0f s  |  frames %llu  |  RSS %.1f MiB",
              mode, status.slide + 1, status.titles.size(), status.slide_duration, status.uptime,
              static_cast<unsigned long long>(status.frames), status.rss_bytes / 1048576.0);
  ImGui::TextUnformatted(status.deck_file.c_str());
  if (!status.reload_notice.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.3f, 1), "%s", status.reload_notice.c_str());
  ImGui::Separator();
  ImGui::BeginChild("slides");
  for (size_t i = 0; i < status.titles.size(); ++i) {
    char label[512];
    std::snprintf(label, sizeof label, "%2zu  %s", i + 1, status.titles[i].c_str());
    if (ImGui::Selectable(label, static_cast<int>(i) == status.slide))
      op(CommandKind::GoTo, static_cast<int>(i));
  }
  ImGui::EndChild();
  ImGui::End();
  return commands;
}

}  // namespace boothdeck
