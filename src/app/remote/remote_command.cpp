// The command words as a table: the parser, the errors' list of words and the show's commands
// come from its rows.
#include "app/remote/remote_command.h"

#include <nlohmann/json.hpp>

#include "core/deck/diagnostic.h"

namespace boothdeck {

namespace {

struct Word {
  std::string_view name;
  RemoteAction action;
};
constexpr Word kWords[] = {
    {"next", RemoteAction::Next},         {"prev", RemoteAction::Previous},
    {"previous", RemoteAction::Previous}, {"first", RemoteAction::First},
    {"last", RemoteAction::Last},         {"goto", RemoteAction::GoTo},
    {"pause", RemoteAction::Pause},       {"resume", RemoteAction::Resume},
    {"blank", RemoteAction::Blank},       {"unblank", RemoteAction::Unblank},
    {"reload", RemoteAction::Reload},
};
constexpr std::string_view kWordList =
    "next, prev, first, last, goto (with \"slide\"), pause, resume, blank, unblank, reload";

ParsedCommand failure(std::string error) {
  return {std::nullopt, std::move(error)};
}

}  // namespace

std::string_view to_string(RemoteAction action) {
  for (const Word& w : kWords)
    if (w.action == action) return w.name;
  return "?";
}

ParsedCommand parse_remote_command(std::string_view body) {
  nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded())
    return failure("the body is not JSON; send e.g. {\"command\": \"next\"}");
  if (!json.is_object())
    return failure("the body must be a JSON object, e.g. {\"command\": \"next\"}");
  for (const auto& [key, value] : json.items())
    if (key != "command" && key != "slide")
      return failure("unknown field " + excerpt(key) +
                     "; a command has \"command\" and, for goto, "
                     "\"slide\"");
  auto command = json.find("command");
  if (command == json.end() || !command->is_string())
    return failure("\"command\" is missing or not text; one of: " + std::string(kWordList));
  std::string word = command->get<std::string>();
  const Word* found = nullptr;
  for (const Word& w : kWords)
    if (w.name == word) found = &w;
  if (!found) {
    std::vector<std::string_view> names;
    for (const Word& w : kWords) names.push_back(w.name);
    std::string suggestion = did_you_mean(word, names);
    return failure("unknown command " + excerpt(word) +
                   (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") +
                   "; one of: " + std::string(kWordList));
  }
  RemoteCommand out{found->action, 0};
  auto slide = json.find("slide");
  if (found->action != RemoteAction::GoTo) {
    if (slide != json.end())
      return failure("\"slide\" goes with goto only, not with " + excerpt(word));
    return {out, ""};
  }
  if (slide == json.end() || !slide->is_number_integer() || slide->get<long long>() < 1 ||
      slide->get<long long>() > 1000000)
    return failure(
        "goto needs \"slide\": a whole number from 1, e.g. {\"command\": \"goto\", "
        "\"slide\": 3}");
  out.slide = static_cast<int>(slide->get<long long>());
  return {out, ""};
}

std::vector<Command> show_commands(const RemoteCommand& command, Source source, bool blanked) {
  auto one = [&](CommandKind kind, int slide = 0) {
    return std::vector<Command>{Command{kind, source, slide}};
  };
  switch (command.action) {
    case RemoteAction::Next:
      return one(CommandKind::Next);
    case RemoteAction::Previous:
      return one(CommandKind::Previous);
    case RemoteAction::First:
      return one(CommandKind::First);
    case RemoteAction::Last:
      return one(CommandKind::Last);
    case RemoteAction::GoTo:
      return one(CommandKind::GoTo, command.slide - 1);
    case RemoteAction::Pause:
      return one(CommandKind::Pause);
    case RemoteAction::Resume:
      return one(CommandKind::Resume);
    case RemoteAction::Blank:
      return blanked ? std::vector<Command>{} : one(CommandKind::ToggleBlank);
    case RemoteAction::Unblank:
      return blanked ? one(CommandKind::ToggleBlank) : std::vector<Command>{};
    case RemoteAction::Reload:
      return one(CommandKind::Reload);
  }
  return {};
}

}  // namespace boothdeck
