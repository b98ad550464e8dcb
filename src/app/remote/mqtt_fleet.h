// Fleets of screens over MQTT (libmosquitto): every screen of group NAME follows the commands on
// boothdeck/NAME/command, keeps its state retained at boothdeck/NAME/ID/state (with a last will
// of "offline"), and shows the deck bundle retained at boothdeck/NAME/deck. The client runs on
// libmosquitto's own thread and reconnects with backoff; persistent sessions and QoS 1 keep a
// command sent while a screen was away. Commands go to the RemoteExchange like the phone's;
// decks are unpacked here (off the loop) and handed to the loop by path. docs/fleets.md. In
// boothdeck-remote.so, made through remote_module.h.
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
#include "app/remote/remote_module.h"

struct mosquitto;
struct mosquitto_message;

namespace boothdeck {

class MqttFleet final : public FleetLink {
 public:
  // `bundles`: where deck bundles are unpacked (the state folder's fleet/, or a temporary one).
  MqttFleet(MqttSettings settings, std::filesystem::path bundles, RemoteExchange& exchange,
            std::function<void()> wake);
  ~MqttFleet() override;
  MqttFleet(const MqttFleet&) = delete;
  MqttFleet& operator=(const MqttFleet&) = delete;

  bool start(std::string* error) override;
  void stop() override;
  void publish_state(const nlohmann::json& state) override;
  std::vector<FleetNews> take() override;
  const std::string& id() const override { return id_; }
  void keep_bundles(const std::vector<std::filesystem::path>& keep) override {
    prune_bundles(bundles_, keep);
  }

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
