// Flood protection for the HTTP remote: a token bucket per client address. A phone's taps and
// its page's requests fit in the burst; a script that floods gets 429 and a Retry-After. Time
// is passed in (seconds, monotonic), so tests need no clock; thread-safe.
//
//   RateLimiter limiter(20, 40);                  // 20 requests a second, bursts of 40
//   if (double wait = limiter.admit("192.0.2.7", now); wait > 0) reply(429, wait);
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

namespace boothdeck {

class RateLimiter {
 public:
  // `per_second`: the sustained rate; `burst`: requests allowed at once; at most `max_clients`
  // addresses are remembered (the quietest are forgotten first: a forgotten one starts full).
  RateLimiter(double per_second, double burst, size_t max_clients = 4096);

  // 0 when `client` may make a request at `now` (it is counted); else the seconds until it may.
  double admit(const std::string& client, double now);
  size_t clients() const;

 private:
  struct Bucket {
    double tokens;
    double last;
  };
  void forget_quietest(double now);

  double rate_, burst_;
  size_t max_clients_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace boothdeck
