// Fleets of screens over MQTT (libmosquitto): every screen of group NAME follows the commands on
// boothdeck/NAME/command, keeps its state retained at boothdeck/NAME/ID/state (with a last will
// of "offline"), and shows the deck bundle retained at boothdeck/NAME/deck. The client runs on
// libmosquitto's own thread and reconnects with backoff; persistent sessions and QoS 1 keep a
// command sent while a screen was away. Commands go to the RemoteExchange like the phone's;
// decks are unpacked here (off the loop) and handed to the loop by path. docs/fleets.md.
//
//   MqttFleet fleet(settings, bundles_dir, exchange);
//   if (!fleet.start(&error)) ...;
//   fleet.publish_state(state_json);                     // when the show changed
//   for (FleetNews& n : fleet.take()) ...;              // decks, connections, refusals
#pragma once

#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/options.h"
#include "app/remote/deck_bundle.h"
#include "app/remote/remote_exchange.h"

struct mosquitto;
struct mosquitto_message;

namespace boothdeck {

struct MqttAddress {
  std::string host;
  int port = 1883;
  bool tls = false;  // mqtts://, or [mqtt] tls = true
};

// "mqtt://host[:port]" (1883) or "mqtts://host[:port]" (8883). False with `error` otherwise.
bool parse_mqtt_url(const std::string& url, MqttAddress* out, std::string* error);

// boothdeck/GROUP/LEAF; a group is letters, digits, '-', '_' and '.', as topics need no wildcards.
std::string fleet_topic(const std::string& group, const std::string& leaf);
// "" when `name` can be a group or a screen's id; else what is wrong.
std::string fleet_name_problem(const std::string& name);

// What happened on the client's thread, for the loop to act on and log.
struct FleetNews {
  enum class Kind { Connected, Lost, Deck, DeckRefused, BadCommand };
  Kind kind = Kind::Connected;
  std::string text;       // Lost, DeckRefused, BadCommand: why
  UnpackedBundle bundle;  // Deck
};

class MqttFleet {
 public:
  // `bundles`: where deck bundles are unpacked (the state folder's fleet/, or a temporary one).
  MqttFleet(MqttSettings settings, std::filesystem::path bundles, RemoteExchange& exchange,
            std::function<void()> wake);
  ~MqttFleet();
  MqttFleet(const MqttFleet&) = delete;
  MqttFleet& operator=(const MqttFleet&) = delete;

  // Starts connecting (the result comes as news); false with `error` for a bad address or
  // TLS file, which no retry can fix.
  bool start(std::string* error);
  void stop();
  // Retained at boothdeck/GROUP/ID/state; sent again after every reconnect.
  void publish_state(const nlohmann::json& state);
  std::vector<FleetNews> take();
  const std::string& id() const { return id_; }
  const std::filesystem::path& bundles() const { return bundles_; }

 private:
  static void on_connect(mosquitto*, void* self, int rc);
  static void on_disconnect(mosquitto*, void* self, int rc);
  static void on_message(mosquitto*, void* self, const mosquitto_message* message);
  void news(FleetNews item);
  void send_state_locked();

  MqttSettings settings_;
  std::filesystem::path bundles_;
  RemoteExchange& exchange_;
  std::function<void()> wake_;
  std::string id_;
  mosquitto* client_ = nullptr;
  bool running_ = false;
  std::mutex mutex_;
  std::vector<FleetNews> news_;
  std::string state_;        // the last state, sent again on reconnect
  std::string last_bundle_;  // SHA-256 of the last bundle taken: a retained one comes again
};

}  // namespace boothdeck
