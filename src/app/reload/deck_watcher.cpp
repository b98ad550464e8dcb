// inotify bookkeeping. Every folder gets the same mask, so a folder watched in two roles (the
// deck's folder that is also an ancestor of a symlink's target) keeps one descriptor.
#include "app/reload/deck_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

namespace boothdeck {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                           IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
constexpr int kMaxDepth = 4;         // images live a folder or two below the deck
constexpr size_t kMaxWatches = 256;  // a deck folder is not a source tree

// `full` is `folder` or one of the folders above it.
bool on_path_to(const fs::path& full, const fs::path& folder) {
  const std::string a = full.string(), b = folder.string();
  return b == a || (b.size() > a.size() && b.compare(0, a.size(), a) == 0 && b[a.size()] == '/');
}

std::string lower_extension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

DeckWatcher::DeckWatcher(fs::path deck) : deck_(std::move(deck)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    problem(std::string("cannot watch the deck for changes (inotify: ") + std::strerror(errno) +
            "); saved edits will not be reloaded: use the operator panel's reload or SIGHUP");
    return;
  }
  rewatch();
}

DeckWatcher::~DeckWatcher() {
  if (fd_ >= 0) close(fd_);
}

void DeckWatcher::problem(const std::string& message) {
  if (reported_.insert(message).second) problems_.push_back(message);
}

std::vector<std::string> DeckWatcher::take_problems() {
  return std::exchange(problems_, {});
}

std::vector<fs::path> DeckWatcher::watched() const {
  std::vector<fs::path> out;
  for (const auto& [wd, watch] : watches_) out.push_back(watch.dir);
  return out;
}

void DeckWatcher::add_watch(const fs::path& dir, Role role) {
  if (watches_.size() >= kMaxWatches) {
    problem("too many folders under " + deck_folder_.string() + " to watch them all (" +
            std::to_string(kMaxWatches) + "); images in the others are not reloaded");
    return;
  }
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) {
    problem("cannot watch " + dir.string() + " for changes (" + std::strerror(errno) +
            (errno == ENOSPC ? "; raise fs.inotify.max_user_watches" : "") +
            "); saved edits there will not be reloaded");
    return;
  }
  auto [it, added] = watches_.try_emplace(wd, Watch{dir, role});
  // The same folder in two roles: content (recursive, deck files) wins over ancestor.
  if (!added && role != Role::Ancestor) it->second.role = role;
}

void DeckWatcher::add_tree(const fs::path& dir, int depth) {
  add_watch(dir, Role::Content);
  if (depth >= kMaxDepth) return;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // .git and the like
    if (entry.is_directory(ec) && !entry.is_symlink(ec)) add_tree(entry.path(), depth + 1);
  }
}

void DeckWatcher::rewatch() {
  rewatch_needed_ = false;
  auto old = std::exchange(watches_, {});
  for (const auto& [wd, watch] : old) inotify_rm_watch(fd_, wd);
  std::error_code ec;
  deck_folder_ = fs::absolute(deck_.parent_path().empty() ? fs::path(".") : deck_.parent_path(), ec)
                     .lexically_normal();
  target_ = fs::weakly_canonical(fs::absolute(deck_, ec), ec);
  fs::path content = target_.parent_path();
  // The deck's own folder, and the folder of its symlink's target with everything below.
  if (fs::is_directory(deck_folder_, ec)) add_watch(deck_folder_, Role::DeckFolder);
  if (fs::is_directory(content, ec)) add_tree(content, 0);
  // The nearest existing ancestors, to see either folder moved, swapped or created again.
  for (fs::path folder : {deck_folder_, content}) {
    fs::path ancestor = folder.parent_path();
    while (!ancestor.empty() && !fs::is_directory(ancestor, ec) &&
           ancestor != ancestor.parent_path())
      ancestor = ancestor.parent_path();
    if (!ancestor.empty() && ancestor != folder) add_watch(ancestor, Role::Ancestor);
  }
  if (!fs::is_directory(deck_folder_, ec))
    problem("the deck's folder " + deck_folder_.string() + " does not exist; waiting for it");
}

bool DeckWatcher::relevant_file(const std::string& name) const {
  if (name == deck_.filename().string() || name == target_.filename().string()) return true;
  std::string ext = lower_extension(name);
  for (const char* image : {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg", ".pdf"})
    if (ext == image) return true;
  return false;
}

void DeckWatcher::changed(double now) {
  pending_ = true;
  changed_at_ = now;
}

bool DeckWatcher::poll(double now) {
  if (fd_ < 0) return false;
  alignas(inotify_event) std::array<char, 8192> buffer;
  ssize_t length;
  bool length_read = false;
  while ((length = read(fd_, buffer.data(), buffer.size())) > 0) {
    length_read = true;
    for (ssize_t at = 0; at < length;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {  // events were lost: look again at everything
        rewatch_needed_ = true;
        changed(now);
        continue;
      }
      auto watch = watches_.find(event->wd);
      if (watch == watches_.end()) continue;  // a watch we removed ourselves
      if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
        rewatch_needed_ = true;
        changed(now);
        continue;
      }
      if (event->len == 0) continue;
      std::string name = event->name;
      fs::path full = watch->second.dir / name;
      bool appeared = event->mask & (IN_CREATE | IN_MOVED_TO);
      bool vanished = event->mask & (IN_DELETE | IN_MOVED_FROM);
      if (watch->second.role == Role::Ancestor) {
        // Only the folders on the way to the deck matter here.
        bool on_path =
            (appeared || vanished) && (on_path_to(full, deck_folder_) || on_path_to(full, target_));
        if (on_path) {
          rewatch_needed_ = true;
          changed(now);
        }
        continue;
      }
      if (event->mask & IN_ISDIR) {
        if (watch->second.role == Role::Content && appeared) add_tree(full, 1);
        if (appeared || vanished) changed(now);
        continue;
      }
      if (!relevant_file(name)) continue;
      // Written to and not closed yet: a writer is still at it. (A new symlink or hard link
      // is created without being written, so creation alone does not count.)
      if (event->mask & IN_MODIFY) writing_.insert(full.string());
      if (event->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM))
        writing_.erase(full.string());
      changed(now);
    }
  }
  // A symlinked deck pointed somewhere else: watch the new target's folder.
  std::error_code ec;
  if (length_read && fs::weakly_canonical(fs::absolute(deck_, ec), ec) != target_)
    rewatch_needed_ = true;
  if (rewatch_needed_) rewatch();
  if (!pending_ || now < next_deadline()) return false;
  pending_ = false;
  writing_.clear();
  return true;
}

double DeckWatcher::next_deadline() const {
  if (!pending_) return std::numeric_limits<double>::infinity();
  return changed_at_ + (writing_.empty() ? kSettleSeconds : kWriterTimeoutSeconds);
}

}  // namespace boothdeck
