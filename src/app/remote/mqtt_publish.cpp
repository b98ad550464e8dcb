// `boothdeck publish`'s one message: a short-lived MQTT client connects, publishes at QoS 1,
// waits for the broker's acknowledgement (bounded) and disconnects.
#include "app/remote/mqtt_publish.h"

#include <mosquitto.h>

#include <chrono>
#include <cstdio>

#include "app/exit_codes.h"
#include "app/remote/access_token.h"
#include "app/remote/remote_settings.h"

namespace boothdeck {

namespace {

constexpr double kAckSeconds = 15;

struct Delivery {
  int mid = -1;
  bool acknowledged = false;
};

}  // namespace

int publish_message(const MqttSettings& settings, const std::string& topic,
                    const std::string& payload, bool retain, std::string* error) {
  MqttAddress address;
  if (!parse_mqtt_url(settings.url, &address, error)) return kExitBadInput;
  mosquitto_lib_init();
  std::string id = "boothdeck-publish-" + new_token().substr(0, 12);
  Delivery delivery;
  mosquitto* client = mosquitto_new(id.c_str(), true, &delivery);
  if (!client) {
    *error = "cannot start the MQTT client";
    return kExitFailure;
  }
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
  if (ok) return kExitOk;
  *error = "the broker at " + settings.url + " did not take the message (" +
           (rc == MOSQ_ERR_SUCCESS ? std::string("no acknowledgement") : mosquitto_strerror(rc)) +
           ")";
  return kExitFailure;
}

}  // namespace boothdeck
