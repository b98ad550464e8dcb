// inotify on the deck's folder. Any event in the folder may be the deck or one of its images;
// the reload that follows is cheap and keeps the last good deck when the new one is bad.
#include "app/deck_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <limits>

namespace boothdeck {

DeckWatcher::DeckWatcher(std::filesystem::path deck) : deck_(std::move(deck)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  std::filesystem::path dir = deck_.parent_path().empty() ? "." : deck_.parent_path();
  if (inotify_add_watch(fd_, dir.c_str(),
                        IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM) < 0) {
    close(fd_);
    fd_ = -1;
  }
  last_stamp_ = stamp();
}

// The deck itself, or an image it may use; logs and exports written beside it are not.
bool DeckWatcher::concerns_deck(const char* name) const {
  std::string file(name);
  if (file == deck_.filename().string()) return true;
  std::string ext = std::filesystem::path(file).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".gif" || ext == ".bmp" ||
         ext == ".webp";
}

DeckWatcher::~DeckWatcher() {
  if (fd_ >= 0) close(fd_);
}

DeckWatcher::Stamp DeckWatcher::stamp() const {
  Stamp s;
  std::error_code ec;
  s.exists = std::filesystem::is_regular_file(deck_, ec);
  if (s.exists) {
    s.size = std::filesystem::file_size(deck_, ec);
    s.mtime = std::filesystem::last_write_time(deck_, ec);
  }
  return s;
}

bool DeckWatcher::poll(double now) {
  if (fd_ < 0) return false;
  alignas(inotify_event) std::array<char, 4096> buffer;
  bool any = false;
  ssize_t length;
  while ((length = read(fd_, buffer.data(), buffer.size())) > 0) {
    for (ssize_t at = 0; at < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      if (event->len > 0 && concerns_deck(event->name)) any = true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  if (any) {
    pending_ = true;
    changed_at_ = now;
    last_stamp_ = stamp();
    return false;
  }
  if (!pending_ || now - changed_at_ < kSettleSeconds) return false;
  // Still changing (a slow copy): wait another settle period.
  Stamp current = stamp();
  if (!(current == last_stamp_)) {
    last_stamp_ = current;
    changed_at_ = now;
    return false;
  }
  pending_ = false;
  return true;
}

double DeckWatcher::next_deadline() const {
  return pending_ ? changed_at_ + kSettleSeconds : std::numeric_limits<double>::infinity();
}

}  // namespace boothdeck
