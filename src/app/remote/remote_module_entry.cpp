// boothdeck-remote.so's one entry point: the table of remote_module.h, filled with the classes
// and functions of http_remote.h, mqtt_fleet.h, deck_bundle.h and mqtt_publish.h. Only this
// file's two symbols are exported; everything else in the module is hidden.
#include "app/remote/deck_bundle.h"
#include "app/remote/http_remote.h"
#include "app/remote/mqtt_fleet.h"
#include "app/remote/mqtt_publish.h"
#include "app/remote/remote_module.h"
#include "render/optional_module.h"

namespace boothdeck {

namespace {

std::unique_ptr<PhoneRemote> make_phone_remote(RemoteExchange& exchange, std::string token,
                                               HttpRemoteConfig config) {
  return std::make_unique<HttpRemote>(exchange, std::move(token), std::move(config));
}

std::unique_ptr<FleetLink> make_fleet_link(MqttSettings settings, std::filesystem::path bundles,
                                           RemoteExchange& exchange, std::function<void()> wake) {
  return std::make_unique<MqttFleet>(std::move(settings), std::move(bundles), exchange,
                                     std::move(wake));
}

const RemoteModule kRemoteModule{
    .phone_remote = make_phone_remote,
    .fleet_link = make_fleet_link,
    .make_bundle = make_bundle,
    .sha256_hex = sha256_hex,
    .publish_message = publish_message,
};

}  // namespace

}  // namespace boothdeck

extern "C" {

__attribute__((visibility("default"))) extern const int boothdeck_module_abi =
    boothdeck::kModuleAbi;

__attribute__((visibility("default"))) const boothdeck::RemoteModule* boothdeck_remote_module() {
  return &boothdeck::kRemoteModule;
}

}  // extern "C"
