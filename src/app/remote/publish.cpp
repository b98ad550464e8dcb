// A short-lived MQTT client: connect, publish at QoS 1, wait for the broker's acknowledgement
// (bounded), disconnect.
#include "app/remote/publish.h"

#include <mosquitto.h>

#include <chrono>
#include <cstdio>

#include "app/deck_loading.h"
#include "app/remote/access_token.h"
#include "app/remote/deck_bundle.h"
#include "app/remote/mqtt_fleet.h"
#include "app/remote/remote_command.h"
#include "app/startup.h"

namespace boothdeck {

namespace {

constexpr double kAckSeconds = 15;

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "boothdeck publish: %s\n", message.c_str());
  return code;
}

struct Delivery {
  int mid = -1;
  bool acknowledged = false;
};

int send(const MqttSettings& settings, const std::string& topic, const std::string& payload,
         bool retain) {
  MqttAddress address;
  std::string error;
  if (!parse_mqtt_url(settings.url, &address, &error)) return fail(kExitBadInput, error);
  mosquitto_lib_init();
  std::string id = "boothdeck-publish-" + new_token().substr(0, 12);
  Delivery delivery;
  mosquitto* client = mosquitto_new(id.c_str(), true, &delivery);
  if (!client) return fail(kExitFailure, "cannot start the MQTT client");
  mosquitto_publish_callback_set(client, [](mosquitto*, void* d, int mid) {
    auto* delivery = static_cast<Delivery*>(d);
    if (mid == delivery->mid) delivery->acknowledged = true;
  });
  if (!settings.username.empty())
    mosquitto_username_pw_set(client, settings.username.c_str(),
                              settings.password.empty() ? nullptr : settings.password.c_str());
  if (address.tls || settings.tls) {
    const char* ca = settings.ca_file.empty() ? nullptr : settings.ca_file.c_str();
    mosquitto_tls_set(client, ca, ca ? nullptr : "/etc/ssl/certs", nullptr, nullptr, nullptr);
  }
  int rc = mosquitto_connect(client, address.host.c_str(), address.port, 30);
  if (rc == MOSQ_ERR_SUCCESS)
    rc = mosquitto_publish(client, &delivery.mid, topic.c_str(), static_cast<int>(payload.size()),
                           payload.data(), 1, retain);
  auto start = std::chrono::steady_clock::now();
  while (rc == MOSQ_ERR_SUCCESS && !delivery.acknowledged &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() <
             kAckSeconds)
    rc = mosquitto_loop(client, 100, 1);
  bool ok = delivery.acknowledged;
  if (rc == MOSQ_ERR_SUCCESS || ok) mosquitto_disconnect(client);
  mosquitto_destroy(client);
  mosquitto_lib_cleanup();
  if (!ok)
    return fail(kExitFailure, "the broker at " + settings.url + " did not take the message (" +
                                  (rc == MOSQ_ERR_SUCCESS ? std::string("no acknowledgement")
                                                          : mosquitto_strerror(rc)) +
                                  ")");
  return kExitOk;
}

}  // namespace

int run_publish(const Options& options) {
  if (options.mqtt.url.empty() || options.mqtt.group.empty())
    return fail(kExitBadInput, "name the broker and the group: --mqtt URL --group NAME");
  if (std::string problem = fleet_name_problem(options.mqtt.group); !problem.empty())
    return fail(kExitBadInput, "the group " + problem);
  if (!options.publish_command.empty()) {
    ParsedCommand parsed = parse_remote_command(options.publish_command);
    if (!parsed.command) return fail(kExitBadInput, parsed.error);
    std::string topic = fleet_topic(options.mqtt.group, "command");
    int code = send(options.mqtt, topic, options.publish_command, false);
    if (code == kExitOk)
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
  std::string archive, error;
  std::vector<std::string> files;
  if (!make_bundle(deck, &archive, &files, &error)) return fail(kExitBadInput, error);
  if (archive.size() > BundleLimits{}.max_archive)
    return fail(kExitBadInput, "the bundle is " + std::to_string(archive.size() >> 20) +
                                   " MiB; screens take at most " +
                                   std::to_string(BundleLimits{}.max_archive >> 20) + " MiB");
  std::string topic = fleet_topic(options.mqtt.group, "deck");
  int code = send(options.mqtt, topic, archive, true);
  if (code == kExitOk)
    std::printf("published %s: %zu files, %zu bytes, sha256 %s, retained at %s\n",
                options.deck.c_str(), files.size(), archive.size(), sha256_hex(archive).c_str(),
                topic.c_str());
  return code;
}

}  // namespace boothdeck
