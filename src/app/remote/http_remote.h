// The HTTP remote (cpp-httplib): a phone's page at /, the JSON API under /api/ (docs/remote.md),
// on threads of its own. Off unless asked for; without an address it listens on loopback only.
// Every /api/ request needs the token (a bearer token, or the cookie the pairing URL sets);
// every client is rate limited; bodies are a few KiB at most. Requests never reach the loop
// directly: they go through the RemoteExchange, so no request ever blocks a frame. In
// boothdeck-remote.so, made through remote_module.h.
//
//   HttpRemote remote(exchange, token_or_empty, {.host = "127.0.0.1", .port = 8080});
//   if (!remote.start(&error)) ...;             // port taken, address not ours
//   std::string qr = remote.pairing_url();      // http://192.168.1.20:8080/pair?token=…
//   remote.stop();                              // after exchange.close()
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "app/remote/access_token.h"
#include "app/remote/rate_limiter.h"
#include "app/remote/remote_exchange.h"
#include "app/remote/remote_module.h"

namespace httplib {
class Server;
}

namespace boothdeck {

class HttpRemote final : public PhoneRemote {
 public:
  // `token`: the one phones must present; "" for a new random one.
  HttpRemote(RemoteExchange& exchange, std::string token, HttpRemoteConfig config);
  ~HttpRemote() override;
  HttpRemote(const HttpRemote&) = delete;
  HttpRemote& operator=(const HttpRemote&) = delete;

  bool start(std::string* error) override;
  void stop() override;
  int port() const override { return port_; }
  // The listening address, or for 0.0.0.0 or :: the machine's first address on the network.
  std::string base_url() const override;
  std::string pairing_url() const override;
  void pair_again() override { token_.replace(new_token()); }

 private:
  void routes();
  RemoteExchange& exchange_;
  AccessToken token_;
  HttpRemoteConfig config_;
  RateLimiter limiter_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> streams_{0};
};

}  // namespace boothdeck
