// The remote and the fleet live in boothdeck-remote.so, opened with dlopen (optional_module.h)
// only when --remote, --mqtt or `boothdeck publish` asks for them. A kiosk or an export without
// them never loads OpenSSL, cpp-httplib, libmosquitto, libarchive and the ten libraries behind
// them: about 3.9 MiB of memory (PSS) at start-up. The kiosk holds what the module makes
// through the two interfaces below; the settings are checked beforehand in remote_settings.h.
//
//   std::string error;
//   const RemoteModule* module = remote_module(&error);
//   if (!module) log(error);                 // "cannot load boothdeck's remote support: …"
//   auto http = module->phone_remote(exchange, token_from_file_or_empty, config);
//   if (!http->start(&error)) ...;           // port taken
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/options.h"
#include "app/remote/deck_bundle.h"

namespace boothdeck {

class RemoteExchange;

struct HttpRemoteConfig {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port (tests)
  size_t max_body = 4096;
  double rate = 20, burst = 40;  // requests a second per client address, and at once
  int max_streams = 8;           // open /api/events streams
  int workers = 24;              // connections served at once
};

// The HTTP remote a phone uses (http_remote.h).
class PhoneRemote {
 public:
  virtual ~PhoneRemote() = default;
  // Binds and starts serving; false with `error` when the address cannot be bound.
  virtual bool start(std::string* error) = 0;
  // Stops serving; call exchange.close() first so open event streams end at once.
  virtual void stop() = 0;
  virtual int port() const = 0;
  // http://HOST:PORT/ as a phone would reach it.
  virtual std::string base_url() const = 0;
  // base_url() + "pair?token=…": what the operator panel's QR code holds.
  virtual std::string pairing_url() const = 0;
  // A new random token; the old one stops working at once.
  virtual void pair_again() = 0;
};

// What happened on the fleet client's thread, for the loop to act on and log.
struct FleetNews {
  enum class Kind { Connected, Lost, Deck, DeckRefused, BadCommand };
  Kind kind = Kind::Connected;
  std::string text;       // Lost, DeckRefused, BadCommand: why
  UnpackedBundle bundle;  // Deck
};

// This screen's membership of a fleet over MQTT (mqtt_fleet.h).
class FleetLink {
 public:
  virtual ~FleetLink() = default;
  // Starts connecting (the result comes as news); false with `error` for a bad address or TLS
  // file, which no retry can fix.
  virtual bool start(std::string* error) = 0;
  virtual void stop() = 0;
  // Retained at boothdeck/GROUP/ID/state; sent again after every reconnect.
  virtual void publish_state(const nlohmann::json& state) = 0;
  virtual std::vector<FleetNews> take() = 0;
  virtual const std::string& id() const = 0;
  // Removes the unpacked bundles except those holding the decks in `keep`.
  virtual void keep_bundles(const std::vector<std::filesystem::path>& keep) = 0;
};

// The module's functions. Shapes as in http_remote.h, mqtt_fleet.h, deck_bundle.h.
struct RemoteModule {
  // `token`: the token file's, or "" for a new random one (paired from the operator panel).
  std::unique_ptr<PhoneRemote> (*phone_remote)(RemoteExchange& exchange, std::string token,
                                               HttpRemoteConfig config);
  // `bundles`: where deck bundles are unpacked; `wake` is called from the client's thread.
  std::unique_ptr<FleetLink> (*fleet_link)(MqttSettings settings, std::filesystem::path bundles,
                                           RemoteExchange& exchange, std::function<void()> wake);
  bool (*make_bundle)(const LoadedDeck& deck, std::string* archive, std::vector<std::string>* files,
                      std::string* error);
  std::string (*sha256_hex)(std::string_view data);
  // One message at QoS 1, acknowledged by the broker (mqtt_publish.h); an exit code.
  int (*publish_message)(const MqttSettings& settings, const std::string& topic,
                         const std::string& payload, bool retain, std::string* error);
};

// The module's functions, loaded once; nullptr with `error` (which file, why, what to do).
const RemoteModule* remote_module(std::string* error);

}  // namespace boothdeck
