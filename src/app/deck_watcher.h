// Watches the deck file (and its folder, for images) with inotify, the way info-beamer does:
// close-after-write and renames into the folder, never "modified". A change is reported only
// once the file has stopped changing, so a half-copied deck is never read.
#pragma once

#include <filesystem>
#include <string>

namespace boothdeck {

class DeckWatcher {
 public:
  explicit DeckWatcher(std::filesystem::path deck);
  ~DeckWatcher();
  DeckWatcher(const DeckWatcher&) = delete;
  DeckWatcher& operator=(const DeckWatcher&) = delete;

  bool active() const { return fd_ >= 0; }
  // Reads pending notifications; true once when a settled change is ready to be parsed.
  bool poll(double now);
  // When poll() should next be called to notice a settling change.
  double next_deadline() const;

 private:
  struct Stamp {
    bool exists = false;
    uintmax_t size = 0;
    std::filesystem::file_time_type mtime;
    bool operator==(const Stamp&) const = default;
  };
  Stamp stamp() const;
  bool concerns_deck(const char* name) const;

  std::filesystem::path deck_;
  int fd_ = -1;
  bool pending_ = false;
  double changed_at_ = 0;
  Stamp last_stamp_;
};

// Seconds a file must stay unchanged before it is read.
constexpr double kSettleSeconds = 0.4;

}  // namespace boothdeck
