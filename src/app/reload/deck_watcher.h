// Watches a deck and its images with inotify, the way info-beamer does: close-after-write and
// renames, never "modified" alone. A change is reported once nothing has happened for
// kSettleSeconds and no file is still open for writing, so a half-written deck is never read
// even when its writer pauses. It follows what a booth does to a deck folder:
//   - images in subfolders, and subfolders created later;
//   - a deck that is a symlink: the link's folder (the link may be pointed elsewhere) and the
//     target's folder (edits of the target);
//   - the deck's folder swapped (`mv current old; mv new current`), deleted or moved, and
//     kernel queue overflow: every watch is set up again from the path and a change reported.
// Time is passed in, so tests drive it with a fake clock over real files.
//
//   DeckWatcher watcher("decks/booth.md");
//   if (watcher.poll(now)) reparse();             // once per settled change
//   sleep_until(watcher.next_deadline());
//   for (auto& p : watcher.take_problems()) log(p);
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace boothdeck {

// Seconds without any event before a change is read.
constexpr double kSettleSeconds = 0.4;
// A file open for writing this long without an event is read anyway (a writer that died
// leaves it closed by the kernel, so this is only for writers that hang).
constexpr double kWriterTimeoutSeconds = 30;

class DeckWatcher {
 public:
  explicit DeckWatcher(std::filesystem::path deck);
  ~DeckWatcher();
  DeckWatcher(const DeckWatcher&) = delete;
  DeckWatcher& operator=(const DeckWatcher&) = delete;

  // Reads pending notifications; true once when a settled change is ready to be parsed.
  bool poll(double now);
  // When poll() should next be called to notice a settling change (infinity: no change).
  double next_deadline() const;
  // Why watching does not work, once per problem, for the log ("cannot watch …: reason").
  std::vector<std::string> take_problems();
  // Folders watched now (tests).
  std::vector<std::filesystem::path> watched() const;

 private:
  enum class Role { DeckFolder, Content, Ancestor };
  struct Watch {
    std::filesystem::path dir;
    Role role;
  };
  void rewatch();
  void add_watch(const std::filesystem::path& dir, Role role);
  void add_tree(const std::filesystem::path& dir, int depth);
  void problem(const std::string& message);
  bool relevant_file(const std::string& name) const;
  void changed(double now);

  std::filesystem::path deck_;         // as given
  std::filesystem::path deck_folder_;  // the folder of the path as given
  std::filesystem::path target_;       // the deck with symlinks resolved
  int fd_ = -1;
  std::map<int, Watch> watches_;
  bool rewatch_needed_ = false;
  bool pending_ = false;
  double changed_at_ = 0;
  std::set<std::string> writing_;  // files written to and not yet closed
  std::vector<std::string> problems_;
  std::set<std::string> reported_;
};

}  // namespace boothdeck
