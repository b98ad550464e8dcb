// Flood protection with plain numbers for time: a burst, then the sustained rate; each client
// has its own bucket; a forgotten client starts full; the wait it is told is the real one.
#include "app/remote/rate_limiter.h"

#include <doctest/doctest.h>

using namespace boothdeck;

TEST_CASE("a burst is allowed at once, then the sustained rate") {
  RateLimiter limiter(20, 40);
  int allowed = 0;
  for (int i = 0; i < 100; ++i) allowed += limiter.admit("10.0.0.1", 100.0) == 0;
  CHECK(allowed == 40);
  double wait = limiter.admit("10.0.0.1", 100.0);
  CHECK(wait == doctest::Approx(1.0 / 20));
  // A second later, 20 more; a client sending 10 a second is never refused.
  allowed = 0;
  for (int i = 0; i < 30; ++i) allowed += limiter.admit("10.0.0.1", 101.0) == 0;
  CHECK(allowed == 20);
  RateLimiter phone(20, 40);
  for (int i = 0; i < 600; ++i) CHECK(phone.admit("10.0.0.9", 200 + i * 0.1) == 0);
}

TEST_CASE("each client has its own bucket") {
  RateLimiter limiter(1, 2);
  CHECK(limiter.admit("a", 0) == 0);
  CHECK(limiter.admit("a", 0) == 0);
  CHECK(limiter.admit("a", 0) > 0);
  CHECK(limiter.admit("b", 0) == 0);  // a flood from a does not shut b out
  CHECK(limiter.admit("a", 1) == 0);  // a second refills one
  CHECK(limiter.admit("a", 1) > 0);
}

TEST_CASE("the wait told is enough, and a clock that goes back refills nothing") {
  RateLimiter limiter(4, 1);
  CHECK(limiter.admit("a", 10) == 0);
  double wait = limiter.admit("a", 10);
  CHECK(wait == doctest::Approx(0.25));
  CHECK(limiter.admit("a", 10 + wait * 0.9) > 0);
  CHECK(limiter.admit("a", 10 + wait + 1e-9) == 0);
  CHECK(limiter.admit("a", 5) > 0);  // back in time: still empty
}

TEST_CASE("the table of clients is capped; the quietest are forgotten first") {
  RateLimiter limiter(1, 1, 3);
  CHECK(limiter.admit("a", 0) == 0);
  CHECK(limiter.admit("b", 1) == 0);
  CHECK(limiter.admit("c", 1.5) == 0);
  CHECK(limiter.clients() == 3);
  CHECK(limiter.admit("d", 1.6) == 0);  // a is full again after 1 s: forgotten
  CHECK(limiter.clients() <= 3);
  CHECK(limiter.admit("c", 1.6) > 0);  // c is still remembered, and empty
}
