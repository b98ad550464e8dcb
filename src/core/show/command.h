// What the show can be told to do, and who asked. Input produces these; so does the operator panel.
#pragma once

#include <string_view>

namespace boothdeck {

enum class CommandKind {
  Next,
  Previous,
  First,
  Last,
  GoTo,
  Pause,
  Resume,
  TogglePause,
  ToggleBlank,
  OpenPanel,
  Reload,
  Quit,
  ToggleFullscreen  // windowed only: the kiosk's window, not the show
};

// Who asked: becomes the "reason" of a slide change in the event log. Remote is a clicker (its
// keys); Api the HTTP remote (a phone, a script); Fleet a command to a group over MQTT.
enum class Source { Touch, Key, Remote, Operator, Api, Fleet };

struct Command {
  CommandKind kind = CommandKind::Next;
  Source source = Source::Key;
  int slide = 0;  // GoTo: 0-based
  bool operator==(const Command&) const = default;
};

std::string_view to_string(CommandKind kind);
std::string_view to_string(Source source);

}  // namespace boothdeck
