// A command from outside the booth (the HTTP remote's POST /api/command, a fleet's MQTT command
// topic) as JSON, and what it asks of the show. One parser for both; needs no SDL, no network.
//
//   ParsedCommand p = parse_remote_command(R"({"command": "goto", "slide": 3})");
//   if (!p.command) reply(400, p.error);
//   for (const Command& c : show_commands(*p.command, Source::Api, show.blanked())) ...
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/show/command.h"

namespace boothdeck {

enum class RemoteAction {
  Next,
  Previous,
  First,
  Last,
  GoTo,
  Pause,
  Resume,
  Blank,
  Unblank,
  Reload
};

struct RemoteCommand {
  RemoteAction action = RemoteAction::Next;
  int slide = 0;  // GoTo: 1-based, as the slide counter and `--slide N` count
  bool operator==(const RemoteCommand&) const = default;
};

struct ParsedCommand {
  std::optional<RemoteCommand> command;
  std::string error;  // why not, and what to send instead (for a 400 reply or the log)
};

// {"command": "next"}; "prev" or "previous"; {"command": "goto", "slide": N} with N from 1.
// Anything else (not JSON, another key, another command, a slide that is not a whole number
// from 1) is an error.
ParsedCommand parse_remote_command(std::string_view body);

std::string_view to_string(RemoteAction action);

// The show's commands for `command` from `source`: blank and unblank only when they change the
// screen (the show has one toggle); goto N is slide N-1.
std::vector<Command> show_commands(const RemoteCommand& command, Source source, bool blanked);

}  // namespace boothdeck
