// Checks what to send here, then bundles and sends it with boothdeck-remote.so's functions.
#include "app/remote/publish.h"

#include <cstdio>

#include "app/deck_loading.h"
#include "app/remote/remote_command.h"
#include "app/remote/remote_module.h"
#include "app/remote/remote_settings.h"
#include "app/startup.h"

namespace boothdeck {

namespace {

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "boothdeck publish: %s\n", message.c_str());
  return code;
}

}  // namespace

int run_publish(const Options& options) {
  if (options.mqtt.url.empty() || options.mqtt.group.empty())
    return fail(kExitBadInput, "name the broker and the group: --mqtt URL --group NAME");
  if (std::string problem = fleet_name_problem(options.mqtt.group); !problem.empty())
    return fail(kExitBadInput, "the group " + problem);
  std::string error;
  const RemoteModule* module = remote_module(&error);
  if (!module) return fail(kExitFailure, error);
  if (!options.publish_command.empty()) {
    ParsedCommand parsed = parse_remote_command(options.publish_command);
    if (!parsed.command) return fail(kExitBadInput, parsed.error);
    std::string topic = fleet_topic(options.mqtt.group, "command");
    int code = module->publish_message(options.mqtt, topic, options.publish_command, false, &error);
    if (code != kExitOk) return fail(code, error);
    std::printf("sent %s to %s\n", options.publish_command.c_str(), topic.c_str());
    return code;
  }
  if (options.deck.empty())
    return fail(kExitBadInput, "name the deck to publish, or --command JSON");
  LoadedDeck deck = load_deck(options.deck);
  print_diagnostics(deck.result.diagnostics);
  if (!deck.result.ok() || deck.deck().slides.empty())
    return fail(kExitBadInput,
                options.deck + " has errors; fix them before sending it to every screen");
  std::string archive;
  std::vector<std::string> files;
  if (!module->make_bundle(deck, &archive, &files, &error)) return fail(kExitBadInput, error);
  if (archive.size() > BundleLimits{}.max_archive)
    return fail(kExitBadInput, "the bundle is " + std::to_string(archive.size() >> 20) +
                                   " MiB; screens take at most " +
                                   std::to_string(BundleLimits{}.max_archive >> 20) + " MiB");
  std::string topic = fleet_topic(options.mqtt.group, "deck");
  int code = module->publish_message(options.mqtt, topic, archive, true, &error);
  if (code != kExitOk) return fail(code, error);
  std::printf("published %s: %zu files, %zu bytes, sha256 %s, retained at %s\n",
              options.deck.c_str(), files.size(), archive.size(),
              module->sha256_hex(archive).c_str(), topic.c_str());
  return code;
}

}  // namespace boothdeck
