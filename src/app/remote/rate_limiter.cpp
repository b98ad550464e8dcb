// Buckets refill continuously from the time of the last request; a clock that goes back
// refills nothing.
#include "app/remote/rate_limiter.h"

#include <algorithm>

namespace boothdeck {

RateLimiter::RateLimiter(double per_second, double burst, size_t max_clients)
    : rate_(per_second),
      burst_(std::max(1.0, burst)),
      max_clients_(std::max<size_t>(1, max_clients)) {}

double RateLimiter::admit(const std::string& client, double now) {
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) forget_quietest(now);
    it = buckets_.emplace(client, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, now - b.last) * rate_);
  b.last = std::max(b.last, now);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return (1 - b.tokens) / rate_;
}

size_t RateLimiter::clients() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

// Buckets that are full again carry no information; without any, the one idle longest goes.
void RateLimiter::forget_quietest(double now) {
  for (auto it = buckets_.begin(); it != buckets_.end();)
    if (it->second.tokens + (now - it->second.last) * rate_ >= burst_)
      it = buckets_.erase(it);
    else
      ++it;
  if (buckets_.size() < max_clients_) return;
  auto quietest =
      std::min_element(buckets_.begin(), buckets_.end(),
                       [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
  buckets_.erase(quietest);
}

}  // namespace boothdeck
