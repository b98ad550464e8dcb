// One mutex and one condition variable: every wait is for "something the loop published".
// The loop is woken only when a thread needs it (a command, a thumbnail not drawn, the first
// request after a quiet spell), never once per request of a flood.
#include "app/remote/remote_exchange.h"

namespace boothdeck {

uint64_t RemoteExchange::post(const RemoteCommand& command, Source source) {
  uint64_t id;
  {
    std::lock_guard lock(mutex_);
    if (closed_ || queue_.size() >= kMaxQueued) return 0;
    id = next_id_++;
    queue_.push_back({id, command, source});
  }
  wake_();
  return id;
}

bool RemoteExchange::wait_done(uint64_t id, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return done_ >= id || closed_; });
  return done_ >= id;
}

std::shared_ptr<const nlohmann::json> RemoteExchange::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

std::shared_ptr<const nlohmann::json> RemoteExchange::slides() const {
  std::lock_guard lock(mutex_);
  return slides_;
}

int RemoteExchange::slide_count() const {
  std::lock_guard lock(mutex_);
  return count_;
}

std::shared_ptr<const std::string> RemoteExchange::thumbnail(int index,
                                                             std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (index < 0 || index >= count_ || closed_) return nullptr;
  if (auto it = thumbnails_.find(index); it != thumbnails_.end()) return it->second;
  uint64_t generation = generation_;
  if (wanted_.insert(index).second) {
    lock.unlock();
    wake_();
    lock.lock();
  }
  changed_.wait_for(lock, timeout, [&] {
    return closed_ || generation_ != generation || thumbnails_.count(index);
  });
  if (generation_ != generation) return nullptr;
  auto it = thumbnails_.find(index);
  return it == thumbnails_.end() ? nullptr : it->second;
}

std::vector<RemoteEvent> RemoteExchange::events_after(uint64_t after,
                                                      std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || last_event_ > after; });
  std::vector<RemoteEvent> out;
  for (const RemoteEvent& e : events_)
    if (e.id > after) out.push_back(e);
  return out;
}

uint64_t RemoteExchange::last_event() const {
  std::lock_guard lock(mutex_);
  return last_event_;
}

void RemoteExchange::stream(bool open) {
  bool first;
  {
    std::lock_guard lock(mutex_);
    streams_ += open ? 1 : -1;
    first = open && streams_ == 1;
  }
  if (first) wake_();
}

void RemoteExchange::requested() {
  bool first;
  {
    std::lock_guard lock(mutex_);
    first = !requested_;
    requested_ = true;
  }
  if (first) wake_();
}

void RemoteExchange::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool RemoteExchange::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::vector<RemoteRequest> RemoteExchange::take() {
  std::lock_guard lock(mutex_);
  std::vector<RemoteRequest> out(queue_.begin(), queue_.end());
  queue_.clear();
  return out;
}

void RemoteExchange::done(uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    done_ = std::max(done_, id);
  }
  changed_.notify_all();
}

void RemoteExchange::publish_status(nlohmann::json status) {
  auto shared = std::make_shared<const nlohmann::json>(std::move(status));
  std::lock_guard lock(mutex_);
  status_ = std::move(shared);
}

void RemoteExchange::publish_slides(nlohmann::json slides, uint64_t generation, int count) {
  auto shared = std::make_shared<const nlohmann::json>(std::move(slides));
  {
    std::lock_guard lock(mutex_);
    slides_ = std::move(shared);
    count_ = count;
    if (generation != generation_) {
      generation_ = generation;
      thumbnails_.clear();
      thumbnail_order_.clear();
      thumbnail_bytes_ = 0;
      wanted_.clear();
    }
  }
  changed_.notify_all();
}

std::vector<int> RemoteExchange::wanted() const {
  std::lock_guard lock(mutex_);
  return {wanted_.begin(), wanted_.end()};
}

void RemoteExchange::thumbnail_drawn(uint64_t generation, int index, std::string png) {
  auto shared = std::make_shared<const std::string>(std::move(png));
  {
    std::lock_guard lock(mutex_);
    if (generation != generation_) return;
    wanted_.erase(index);
    if (shared->empty() || thumbnails_.count(index)) {
      changed_.notify_all();
      return;
    }
    thumbnail_bytes_ += shared->size();
    thumbnails_[index] = std::move(shared);
    thumbnail_order_.push_back(index);
    while (thumbnail_bytes_ > kThumbnailBytes && thumbnail_order_.size() > 1) {
      int oldest = thumbnail_order_.front();
      thumbnail_order_.pop_front();
      thumbnail_bytes_ -= thumbnails_[oldest]->size();
      thumbnails_.erase(oldest);
    }
  }
  changed_.notify_all();
}

void RemoteExchange::event(const std::string& type, const nlohmann::json& data) {
  std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  {
    std::lock_guard lock(mutex_);
    events_.push_back({++last_event_, type, std::move(text)});
    while (events_.size() > kKeptEvents) events_.pop_front();
  }
  changed_.notify_all();
}

bool RemoteExchange::watched() const {
  std::lock_guard lock(mutex_);
  return streams_ > 0 || requested_;
}

void RemoteExchange::clear_requested() {
  std::lock_guard lock(mutex_);
  requested_ = false;
}

}  // namespace boothdeck
