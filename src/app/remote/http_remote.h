// The HTTP remote (cpp-httplib): a phone's page at /, the JSON API under /api/ (docs/remote.md),
// on threads of its own. Off unless asked for; without an address it listens on loopback only.
// Every /api/ request needs the token (a bearer token, or the cookie the pairing URL sets);
// every client is rate limited; bodies are a few KiB at most. Requests never reach the loop
// directly: they go through the RemoteExchange, so no request ever blocks a frame.
//
//   HttpRemote remote(exchange, token, {.host = "127.0.0.1", .port = 8080});
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

namespace httplib {
class Server;
}

namespace boothdeck {

struct HttpRemoteConfig {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port (tests)
  size_t max_body = 4096;
  double rate = 20, burst = 40;  // requests a second per client address, and at once
  int max_streams = 8;           // open /api/events streams
  int workers = 24;              // connections served at once
};

// "[ADDR:]PORT" (remote.listen, --remote) → host and port; no address means 127.0.0.1. IPv6 in
// brackets: "[::1]:8080". False with `error` when it is not that.
bool parse_listen(const std::string& listen, std::string* host, int* port, std::string* error);
// An address that only this machine reaches (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& host);

class HttpRemote {
 public:
  HttpRemote(RemoteExchange& exchange, AccessToken& token, HttpRemoteConfig config);
  ~HttpRemote();
  HttpRemote(const HttpRemote&) = delete;
  HttpRemote& operator=(const HttpRemote&) = delete;

  // Binds and starts serving; false with `error` when the address cannot be bound.
  bool start(std::string* error);
  // Stops serving; call exchange.close() first so open event streams end at once.
  void stop();
  int port() const { return port_; }
  // http://HOST:PORT/ as a phone would reach it: the listening address, or for 0.0.0.0 or ::
  // the machine's first address on the network.
  std::string base_url() const;
  // base_url() + "pair?token=…": what the operator panel's QR code holds.
  std::string pairing_url() const;

 private:
  void routes();
  RemoteExchange& exchange_;
  AccessToken& token_;
  HttpRemoteConfig config_;
  RateLimiter limiter_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> streams_{0};
};

}  // namespace boothdeck
