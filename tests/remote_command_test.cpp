// Commands from a phone or a fleet as JSON: every word of the table, and the kinds of bad body
// (not JSON, not an object, a stray field, a word that is not a command, a slide that is not a
// whole number from 1); then what each asks of the show.
#include "app/remote/remote_command.h"

#include <doctest/doctest.h>

using namespace boothdeck;

TEST_CASE("command bodies: the words, and every kind of bad body") {
  struct Row {
    const char* body;
    bool ok;
    RemoteAction action;
    int slide;
  };
  const Row rows[] = {
      {R"({"command":"next"})", true, RemoteAction::Next, 0},
      {R"({"command":"prev"})", true, RemoteAction::Previous, 0},
      {R"({"command":"previous"})", true, RemoteAction::Previous, 0},
      {R"({"command":"first"})", true, RemoteAction::First, 0},
      {R"({"command":"last"})", true, RemoteAction::Last, 0},
      {R"({"command":"goto","slide":3})", true, RemoteAction::GoTo, 3},
      {R"( { "slide" : 12 , "command" : "goto" } )", true, RemoteAction::GoTo, 12},
      {R"({"command":"pause"})", true, RemoteAction::Pause, 0},
      {R"({"command":"resume"})", true, RemoteAction::Resume, 0},
      {R"({"command":"blank"})", true, RemoteAction::Blank, 0},
      {R"({"command":"unblank"})", true, RemoteAction::Unblank, 0},
      {R"({"command":"reload"})", true, RemoteAction::Reload, 0},
      // not JSON
      {"", false, {}, 0},
      {"next", false, {}, 0},
      {R"({"command":"next")", false, {}, 0},
      {"\xff\xfe{}", false, {}, 0},
      // not an object
      {R"(["next"])", false, {}, 0},
      {R"("next")", false, {}, 0},
      {"null", false, {}, 0},
      // no command, or not text
      {"{}", false, {}, 0},
      {R"({"command":1})", false, {}, 0},
      {R"({"command":null})", false, {}, 0},
      {R"({"command":["next"]})", false, {}, 0},
      // not a command
      {R"({"command":"NEXT"})", false, {}, 0},
      {R"({"command":"jump"})", false, {}, 0},
      {R"({"command":"quit"})", false, {}, 0},  // a phone cannot end the show
      {R"({"command":""})", false, {}, 0},
      // stray fields
      {R"({"command":"next","slide":2})", false, {}, 0},
      {R"({"command":"next","force":true})", false, {}, 0},
      // goto without a usable slide
      {R"({"command":"goto"})", false, {}, 0},
      {R"({"command":"goto","slide":0})", false, {}, 0},
      {R"({"command":"goto","slide":-1})", false, {}, 0},
      {R"({"command":"goto","slide":2.5})", false, {}, 0},
      {R"({"command":"goto","slide":"3"})", false, {}, 0},
      {R"({"command":"goto","slide":99999999999})", false, {}, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.body);
    ParsedCommand parsed = parse_remote_command(row.body);
    REQUIRE(parsed.command.has_value() == row.ok);
    if (row.ok) {
      CHECK(parsed.command->action == row.action);
      CHECK(parsed.command->slide == row.slide);
      CHECK(parsed.error.empty());
    } else {
      CHECK_FALSE(parsed.error.empty());
    }
  }
}

TEST_CASE("a misspelt command gets a suggestion; the error lists the words") {
  ParsedCommand p = parse_remote_command(R"({"command":"nxet"})");
  CHECK(p.error.find("did you mean 'next'") != std::string::npos);
  CHECK(p.error.find("unblank") != std::string::npos);
}

TEST_CASE("what each command asks of the show, by whom") {
  auto kinds = [](const std::vector<Command>& commands) {
    std::vector<CommandKind> out;
    for (const Command& c : commands) out.push_back(c.kind);
    return out;
  };
  struct Row {
    RemoteAction action;
    bool blanked;
    std::vector<CommandKind> expected;
  };
  const Row rows[] = {
      {RemoteAction::Next, false, {CommandKind::Next}},
      {RemoteAction::Previous, true, {CommandKind::Previous}},
      {RemoteAction::First, false, {CommandKind::First}},
      {RemoteAction::Last, false, {CommandKind::Last}},
      {RemoteAction::Pause, false, {CommandKind::Pause}},
      {RemoteAction::Resume, true, {CommandKind::Resume}},
      {RemoteAction::Reload, false, {CommandKind::Reload}},
      // The show has one toggle: blank and unblank act only when they change the screen.
      {RemoteAction::Blank, false, {CommandKind::ToggleBlank}},
      {RemoteAction::Blank, true, {}},
      {RemoteAction::Unblank, true, {CommandKind::ToggleBlank}},
      {RemoteAction::Unblank, false, {}},
  };
  for (const Row& row : rows) {
    CAPTURE(to_string(row.action));
    CAPTURE(row.blanked);
    std::vector<Command> commands = show_commands({row.action, 0}, Source::Api, row.blanked);
    CHECK(kinds(commands) == row.expected);
    for (const Command& c : commands) CHECK(c.source == Source::Api);
  }
  std::vector<Command> go = show_commands({RemoteAction::GoTo, 4}, Source::Fleet, false);
  REQUIRE(go.size() == 1);
  CHECK(go[0] == Command{CommandKind::GoTo, Source::Fleet, 3});  // slide 4 is index 3
}
