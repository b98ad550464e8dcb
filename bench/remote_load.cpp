// A load generator for the HTTP remote: N requests over C threads, each thread a client of its
// own loopback address (127.0.0.2, .3, …), a fixed mix of good and bad requests, as fast as
// it can or RATE requests a second per thread; prints the replies by status and the latency
// percentiles (all, each kind, all but 429) as JSON. POSIX sockets only (no library).
//   boothdeck_remote_load PORT TOKEN [REQUESTS 10000] [CONCURRENCY 16] [RATE 0]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

struct Request {
  const char* kind;
  std::string text;
};

// The mix, one row a kind: what a phone asks, and what a broken or hostile client sends.
std::vector<Request> mix(const std::string& token) {
  std::string auth = "Authorization: Bearer " + token + "\r\n";
  auto get = [&](const std::string& path, const std::string& headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: load\r\n" + headers + "Connection: close\r\n\r\n";
  };
  auto post = [&](const std::string& body, const std::string& headers) {
    return "POST /api/command HTTP/1.1\r\nHost: load\r\n" + headers +
           "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
  };
  return {
      {"status", get("/api/status", auth)},
      {"slides", get("/api/slides", auth)},
      {"thumbnail", get("/api/slides/2.png", auth)},
      {"page", get("/", "")},
      {"no-token", get("/api/status", "")},
      {"wrong-token", get("/api/status", "Authorization: Bearer " + std::string(43, 'x') + "\r\n")},
      {"bad-json", post("{\"command\":", auth)},
      {"unknown-command", post("{\"command\":\"explode\"}", auth)},
      {"too-large", post(std::string(8192, ' '), auth)},
      {"no-such-path", get("/api/nothing", auth)},
  };
}

// One request on a new connection from `source`; the reply's status code, 0 when it failed.
int send_one(in_addr source, int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  from.sin_addr = source;
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int status = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0 &&
      connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) {
    size_t sent = 0;
    while (sent < request.size()) {
      ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;  // a 413 may close before the whole body went
      sent += static_cast<size_t>(n);
    }
    std::string reply;
    char buffer[16384];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;)
      reply.append(buffer, static_cast<size_t>(n));
    if (reply.compare(0, 9, "HTTP/1.1 ") == 0) status = std::atoi(reply.c_str() + 9);
  }
  close(fd);
  return status;
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(i, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: boothdeck_remote_load PORT TOKEN [REQUESTS] [CONCURRENCY] [RATE]\n");
    return 2;
  }
  int port = std::atoi(argv[1]);
  const std::vector<Request> requests = mix(argv[2]);
  int total = argc > 3 ? std::atoi(argv[3]) : 10000;
  int threads = argc > 4 ? std::atoi(argv[4]) : 16;
  double rate = argc > 5 ? std::atof(argv[5]) : 0;
  std::atomic<int> next{0};
  std::mutex mutex;
  std::map<int, int> by_status;
  std::map<std::string, std::map<int, int>> by_kind;
  std::map<std::string, std::vector<double>> kind_ms;
  std::vector<double> all, answered;  // milliseconds; answered: not 429
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      in_addr source{htonl(INADDR_LOOPBACK + 1 + static_cast<uint32_t>(t))};
      auto due = std::chrono::steady_clock::now();
      for (int i; (i = next++) < total;) {
        const Request& r = requests[static_cast<size_t>(i) % requests.size()];
        if (rate > 0) {
          std::this_thread::sleep_until(due);
          due += std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(1 / rate));
        }
        auto begin = std::chrono::steady_clock::now();
        int status = send_one(source, port, r.text);
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
                .count();
        std::lock_guard lock(mutex);
        ++by_status[status];
        ++by_kind[r.kind][status];
        all.push_back(ms);
        kind_ms[r.kind].push_back(ms);
        if (status != 429) answered.push_back(ms);
      }
    });
  for (std::thread& w : workers) w.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"requests\":%d,\"concurrency\":%d,\"seconds\":%.2f,\"status\":{", total, threads,
              seconds);
  const char* comma = "";
  for (auto [status, n] : by_status)
    std::printf("%s\"%d\":%d", std::exchange(comma, ","), status, n);
  std::printf("},\"kinds\":{");
  comma = "";
  for (auto& [kind, statuses] : by_kind) {
    std::printf("%s\"%s\":{", std::exchange(comma, ","), kind.c_str());
    const char* inner = "";
    for (auto [status, n] : statuses)
      std::printf("%s\"%d\":%d", std::exchange(inner, ","), status, n);
    std::vector<double>& ms = kind_ms[kind];
    std::printf(",\"p50_ms\":%.2f,\"p99_ms\":%.2f}", percentile(ms, 0.5), percentile(ms, 0.99));
  }
  size_t answered_count = answered.size();
  std::printf(
      "},\"ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
      "\"answered_ms\":{\"count\":%zu,\"p50\":%.2f,\"p99\":%.2f}}\n",
      percentile(all, 0.5), percentile(all, 0.99), percentile(all, 1.0), answered_count,
      percentile(answered, 0.5), percentile(answered, 0.99));
  return by_status.count(0) ? 1 : 0;  // a connection that failed: the server fell over
}
