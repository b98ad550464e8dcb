// Where the kiosk's loop and the remote's threads (HTTP workers, the MQTT client) meet. Threads
// queue commands and wake the loop; the loop takes them between frames, publishes the show's
// status and slide list, draws the thumbnails asked for, and broadcasts its log events. Nothing
// here ever makes the loop wait: threads wait on the loop, with timeouts. No SDL, no sockets.
//
//   RemoteExchange exchange([&] { platform.wake(); });
//   // an HTTP worker:
//   uint64_t id = exchange.post({RemoteAction::Next}, Source::Api);
//   exchange.wait_done(id, 1000ms);
//   // the loop, once a turn:
//   for (const RemoteRequest& r : exchange.take()) { apply(r); exchange.done(r.id); }
//   for (int slide : exchange.wanted()) exchange.thumbnail_drawn(slide, png_of(slide));
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "app/remote/remote_command.h"

namespace boothdeck {

struct RemoteRequest {
  uint64_t id = 0;
  RemoteCommand command;
  Source source = Source::Api;
};

// One server-sent event: its type ("slide", "reload", …) and its JSON.
struct RemoteEvent {
  uint64_t id = 0;
  std::string type;
  std::string data;
};

class RemoteExchange {
 public:
  using Wake = std::function<void()>;
  static constexpr size_t kMaxQueued = 64;    // commands waiting for the loop
  static constexpr size_t kKeptEvents = 256;  // for streams that fell behind
  static constexpr size_t kThumbnailBytes = 32u << 20;

  explicit RemoteExchange(Wake wake) : wake_(std::move(wake)) {}

  // [any thread] --------------------------------------------------------------------------
  // Queues a command and wakes the loop: its id, or 0 when the queue is full (a flood).
  uint64_t post(const RemoteCommand& command, Source source);
  // True once the loop has carried out command `id`; false after `timeout` or close().
  bool wait_done(uint64_t id, std::chrono::milliseconds timeout);
  // The status and slide list as last published; null before the first.
  std::shared_ptr<const nlohmann::json> status() const;
  std::shared_ptr<const nlohmann::json> slides() const;
  int slide_count() const;
  // Slide `index` (0-based) of the deck on screen as PNG: asks the loop to draw it when it has
  // not, and waits up to `timeout`. Null when there is no such slide or it was not drawn in time.
  std::shared_ptr<const std::string> thumbnail(int index, std::chrono::milliseconds timeout);
  // Events after `after`, waiting up to `timeout` for one; empty on timeout or close().
  std::vector<RemoteEvent> events_after(uint64_t after, std::chrono::milliseconds timeout);
  uint64_t last_event() const;
  // An event stream opens or closes; a request came (the loop publishes fresh status while
  // anyone watches).
  void stream(bool open);
  void requested();
  // Wakes every waiting thread for good: the kiosk is stopping.
  void close();
  bool closed() const;

  // [the loop] ----------------------------------------------------------------------------
  std::vector<RemoteRequest> take();
  void done(uint64_t id);
  void publish_status(nlohmann::json status);
  // A deck's slide list; a new `generation` drops the thumbnails of the old one.
  void publish_slides(nlohmann::json slides, uint64_t generation, int count);
  // Thumbnails asked for and not drawn yet, lowest first.
  std::vector<int> wanted() const;
  void thumbnail_drawn(uint64_t generation, int index, std::string png);
  void event(const std::string& type, const nlohmann::json& data);
  // Someone watches: a stream is open, or a request came since clear_requested().
  bool watched() const;
  void clear_requested();

 private:
  Wake wake_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool closed_ = false;
  uint64_t next_id_ = 1, done_ = 0;
  std::deque<RemoteRequest> queue_;
  std::shared_ptr<const nlohmann::json> status_, slides_;
  uint64_t generation_ = 0;
  int count_ = 0;
  std::map<int, std::shared_ptr<const std::string>> thumbnails_;
  std::deque<int> thumbnail_order_;  // oldest first, for the byte limit
  size_t thumbnail_bytes_ = 0;
  std::set<int> wanted_;
  std::deque<RemoteEvent> events_;
  uint64_t last_event_ = 0;
  int streams_ = 0;
  bool requested_ = false;
};

}  // namespace boothdeck
