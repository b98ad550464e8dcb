// libmosquitto's threaded interface: connect_async + loop_start, callbacks on its thread,
// publishing from ours (the library locks). Everything the callbacks learn goes to news_ and
// wakes the loop.
#include "app/remote/mqtt_fleet.h"

#include <mosquitto.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "app/remote/remote_command.h"
#include "app/remote/remote_settings.h"
#include "core/deck/diagnostic.h"

namespace boothdeck {

namespace {

constexpr int kKeepAlive = 30;
constexpr unsigned kBackoffFirst = 1, kBackoffMax = 10;  // seconds, doubling

void library() {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });
}

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0 || !*name) return "boothdeck";
  std::string out;
  for (char c : std::string(name))
    out +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '-';
  return out;
}

}  // namespace

MqttFleet::MqttFleet(MqttSettings settings, std::filesystem::path bundles, RemoteExchange& exchange,
                     std::function<void()> wake)
    : settings_(std::move(settings)),
      bundles_(std::move(bundles)),
      exchange_(exchange),
      wake_(std::move(wake)),
      id_(settings_.id.empty() ? host_name() : settings_.id) {}

MqttFleet::~MqttFleet() {
  stop();
}

bool MqttFleet::start(std::string* error) {
  MqttAddress address;
  if (!parse_mqtt_url(settings_.url, &address, error)) return false;
  if (std::string problem = fleet_name_problem(settings_.group); !problem.empty()) {
    *error = "the group " + problem;
    return false;
  }
  library();
  // A persistent session: the broker keeps what is sent to the group while this screen is away.
  std::string client_id = "boothdeck-" + settings_.group + "-" + id_;
  client_ = mosquitto_new(client_id.c_str(), false, this);
  if (!client_) {
    *error = "cannot start the MQTT client";
    return false;
  }
  mosquitto_int_option(client_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
  mosquitto_connect_callback_set(client_, on_connect);
  mosquitto_disconnect_callback_set(client_, on_disconnect);
  mosquitto_message_callback_set(client_, on_message);
  mosquitto_reconnect_delay_set(client_, kBackoffFirst, kBackoffMax, true);
  std::string state_topic = fleet_topic(settings_.group, id_ + "/state");
  mosquitto_will_set(client_, state_topic.c_str(), 7, "offline", 1, true);
  if (!settings_.username.empty())
    mosquitto_username_pw_set(client_, settings_.username.c_str(),
                              settings_.password.empty() ? nullptr : settings_.password.c_str());
  if (address.tls || settings_.tls) {
    const char* ca_file = settings_.ca_file.empty() ? nullptr : settings_.ca_file.c_str();
    int rc = mosquitto_tls_set(client_, ca_file, ca_file ? nullptr : "/etc/ssl/certs", nullptr,
                               nullptr, nullptr);
    if (rc != MOSQ_ERR_SUCCESS) {
      *error = std::string("MQTT over TLS: ") + mosquitto_strerror(rc) + " (check mqtt.ca-file)";
      return false;
    }
  }
  // A broker that is down now is tried again with backoff by the client's thread.
  int rc = mosquitto_connect_async(client_, address.host.c_str(), address.port, kKeepAlive);
  if (rc != MOSQ_ERR_SUCCESS) news({FleetNews::Kind::Lost, mosquitto_strerror(rc), {}});
  rc = mosquitto_loop_start(client_);
  if (rc != MOSQ_ERR_SUCCESS) {
    *error = std::string("cannot start the MQTT client's thread: ") + mosquitto_strerror(rc);
    return false;
  }
  running_ = true;
  return true;
}

void MqttFleet::stop() {
  if (!client_) return;
  if (running_) {
    // Going away on purpose: "offline" now (a clean goodbye does not fire the last will).
    std::string topic = fleet_topic(settings_.group, id_ + "/state");
    mosquitto_publish(client_, nullptr, topic.c_str(), 7, "offline", 1, true);
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, false);
  }
  mosquitto_destroy(client_);
  client_ = nullptr;
  running_ = false;
}

void MqttFleet::publish_state(const nlohmann::json& state) {
  std::lock_guard lock(mutex_);
  state_ = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  send_state_locked();
}

void MqttFleet::send_state_locked() {
  if (!client_ || state_.empty()) return;
  std::string topic = fleet_topic(settings_.group, id_ + "/state");
  mosquitto_publish(client_, nullptr, topic.c_str(), static_cast<int>(state_.size()), state_.data(),
                    1, true);  // not connected: sent again on connect
}

std::vector<FleetNews> MqttFleet::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(news_, {});
}

void MqttFleet::news(FleetNews item) {
  {
    std::lock_guard lock(mutex_);
    news_.push_back(std::move(item));
  }
  wake_();
}

void MqttFleet::on_connect(mosquitto* client, void* self_ptr, int rc) {
  auto* self = static_cast<MqttFleet*>(self_ptr);
  if (rc != 0) {
    self->news(
        {FleetNews::Kind::Lost, std::string("refused: ") + mosquitto_connack_string(rc), {}});
    return;
  }
  std::string command = fleet_topic(self->settings_.group, "command");
  std::string deck = fleet_topic(self->settings_.group, "deck");
  mosquitto_subscribe(client, nullptr, command.c_str(), 1);
  mosquitto_subscribe(client, nullptr, deck.c_str(), 1);
  {
    std::lock_guard lock(self->mutex_);
    self->send_state_locked();
  }
  self->news({FleetNews::Kind::Connected, "", {}});
}

void MqttFleet::on_disconnect(mosquitto*, void* self_ptr, int rc) {
  auto* self = static_cast<MqttFleet*>(self_ptr);
  if (rc != 0) self->news({FleetNews::Kind::Lost, mosquitto_strerror(rc), {}});
}

void MqttFleet::on_message(mosquitto*, void* self_ptr, const mosquitto_message* message) {
  auto* self = static_cast<MqttFleet*>(self_ptr);
  std::string_view payload(static_cast<const char*>(message->payload),
                           static_cast<size_t>(std::max(0, message->payloadlen)));
  std::string topic = message->topic ? message->topic : "";
  if (topic == fleet_topic(self->settings_.group, "command")) {
    ParsedCommand parsed = parse_remote_command(payload);
    if (!parsed.command) {
      self->news({FleetNews::Kind::BadCommand, parsed.error, {}});
      return;
    }
    if (self->exchange_.post(*parsed.command, Source::Fleet) == 0)
      self->news({FleetNews::Kind::BadCommand, "too many commands waiting; one was dropped", {}});
    return;
  }
  if (topic != fleet_topic(self->settings_.group, "deck") || payload.empty()) return;
  // A retained bundle comes again after every reconnect: the same one is not unpacked twice.
  std::string sha = sha256_hex(payload);
  {
    std::lock_guard lock(self->mutex_);
    if (sha == self->last_bundle_) return;
    self->last_bundle_ = sha;
  }
  FleetNews item;
  std::string error;
  if (unpack_bundle(payload, self->bundles_, {}, &item.bundle, &error)) {
    item.kind = FleetNews::Kind::Deck;
  } else {
    item.kind = FleetNews::Kind::DeckRefused;
    item.text = error;
  }
  self->news(std::move(item));
}

}  // namespace boothdeck
