// Deck bundles: a deck with its images goes out and comes back whole; every kind of hostile
// archive (a path that leaves the folder, a link, a device, a bomb, too many files, a checksum
// that does not match, a file nobody listed, no deck, not an archive at all) is refused and
// leaves nothing behind.
#include "app/remote/deck_bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <functional>

#include "test_support.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

struct Entry {
  Entry(std::string name, std::string data, mode_t type = AE_IFREG, std::string link = "")
      : name(std::move(name)), data(std::move(data)), type(type), link(std::move(link)) {}
  std::string name;
  std::string data;
  mode_t type;
  std::string link;  // a symlink's target, or a hard link's
};

la_ssize_t append(archive*, void* out, const void* data, size_t size) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(data), size);
  return static_cast<la_ssize_t>(size);
}

// A tar.gz with exactly these entries, whatever they are.
std::string tar_gz(const std::vector<Entry>& entries) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_add_filter_gzip(a);
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(a, &out, nullptr, append, nullptr);
  for (const Entry& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.name.c_str());
    archive_entry_set_filetype(entry, e.type);
    archive_entry_set_perm(entry, 0644);
    if (e.type == AE_IFLNK) archive_entry_set_symlink(entry, e.link.c_str());
    if (e.type == AE_IFREG && !e.link.empty()) archive_entry_set_hardlink(entry, e.link.c_str());
    archive_entry_set_size(
        entry, e.type == AE_IFREG && e.link.empty() ? static_cast<la_int64_t>(e.data.size()) : 0);
    archive_write_header(a, entry);
    if (e.type == AE_IFREG && e.link.empty()) archive_write_data(a, e.data.data(), e.data.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

std::string sums(const std::vector<Entry>& files) {
  std::string text;
  for (const Entry& e : files) text += sha256_hex(e.data) + "  " + e.name + "\n";
  return text;
}

// A good bundle's entries, then the test's change.
std::vector<Entry> good(const std::function<void(std::vector<Entry>&)>& change = nullptr) {
  std::vector<Entry> files{{"deck.md", "# 하나\n"}, {"images/logo.svg", "<svg/>"}};
  std::vector<Entry> all{{"SHA256SUMS", sums(files)}};
  all.insert(all.end(), files.begin(), files.end());
  if (change) change(all);
  return all;
}

int entries_in(const fs::path& dir) {
  std::error_code ec;
  int n = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); ++it)
    ++n;
  return n;
}

}  // namespace

TEST_CASE("a deck and its images go out as a bundle and come back whole") {
  TempDir dir;
  write_image(dir.path / "talk" / "photos" / "a.bmp", 32, 16);
  write_file(dir.path / "talk" / "talk.md",
             "---\ntitle: 전시\n---\n# 하나\n\n![사진](photos/a.bmp)\n---\n# 둘\n");
  LoadedDeck deck = load_deck((dir.path / "talk" / "talk.md").string());
  REQUIRE(deck.result.ok());
  std::string archive, error;
  std::vector<std::string> files;
  REQUIRE_MESSAGE(make_bundle(deck, &archive, &files, &error), error);
  CHECK(files == std::vector<std::string>{"deck.md", "photos/a.bmp"});

  UnpackedBundle b;
  fs::path parent = dir.path / "fleet";
  REQUIRE_MESSAGE(unpack_bundle(archive, parent, {}, &b, &error), error);
  CHECK(b.sha256 == sha256_hex(archive));
  CHECK(b.folder == parent / ("deck-" + b.sha256.substr(0, 16)));
  CHECK(b.deck == b.folder / "deck.md");
  CHECK(b.files == 3);  // the deck, the photo, SHA256SUMS
  CHECK(dir.read("fleet/deck-" + b.sha256.substr(0, 16) + "/deck.md") == dir.read("talk/talk.md"));
  LoadedDeck again = load_deck(b.deck.string());
  CHECK(again.result.ok());  // the image is found beside it
  CHECK(again.deck().slides.size() == 2);

  // The same bundle again (a retained message after a reconnect) reuses its folder.
  UnpackedBundle same;
  REQUIRE(unpack_bundle(archive, parent, {}, &same, &error));
  CHECK(same.folder == b.folder);
  CHECK(entries_in(parent) == entries_in(b.folder) + 1);
}

TEST_CASE("the built-in deck is not bundled: every screen has it already") {
  std::string archive, error;
  std::vector<std::string> files;
  CHECK_FALSE(make_bundle(load_deck(""), &archive, &files, &error));
  CHECK(error.find("built-in") != std::string::npos);
}

TEST_CASE("hostile bundles are refused, and leave nothing behind") {
  BundleLimits small;
  small.max_unpacked = 1 << 16;
  small.max_files = 8;
  std::string bomb(1 << 17, 'x');  // compresses to a few hundred bytes
  struct Row {
    const char* what;
    std::string archive;
    const char* says;
  };
  const Row rows[] = {
      {"a path up and out", tar_gz(good([](auto& e) {
         e.push_back({"../evil.md", "x"});
       })),
       "leave"},
      {"a path up in the middle", tar_gz(good([](auto& e) {
         e.push_back({"images/../../evil.md", "x"});
       })),
       "leave"},
      {"an absolute path", tar_gz(good([](auto& e) {
         e.push_back({"/etc/cron.d/evil", "x"});
       })),
       "leave"},
      {"a backslash path", tar_gz(good([](auto& e) {
         e.push_back({"..\\evil.md", "x"});
       })),
       "leave"},
      {"a symlink out", tar_gz(good([](auto& e) {
         e.push_back({"images/up", "", AE_IFLNK, "/etc"});
       })),
       "not a regular file"},
      {"a hard link", tar_gz(good([](auto& e) {
         e.push_back({"images/hard", "", AE_IFREG, "deck.md"});
       })),
       "not a regular file"},
      {"a device", tar_gz(good([](auto& e) {
         e.push_back({"dev", "", AE_IFCHR});
       })),
       "not a regular file"},
      {"a fifo", tar_gz(good([](auto& e) {
         e.push_back({"fifo", "", AE_IFIFO});
       })),
       "not a regular file"},
      {"a decompression bomb", tar_gz(good([&](auto& e) {
         e.push_back({"bomb.bin", bomb});
       })),
       "unpacks to more"},
      {"too many files", tar_gz(good([](auto& e) {
         for (int i = 0; i < 9; ++i) e.push_back({"f" + std::to_string(i), "x"});
       })),
       "more than 8 files"},
      {"a file twice", tar_gz(good([](auto& e) {
         e.push_back({"deck.md", "# 다른\n"});
       })),
       "twice"},
      {"no SHA256SUMS", tar_gz({{"deck.md", "# 하나\n"}}), "SHA256SUMS"},
      {"a checksum that does not match", tar_gz(good([](auto& e) { e[1].data = "# 바뀐 덱\n"; })),
       "does not match"},
      {"a file nobody listed", tar_gz(good([](auto& e) {
         e.push_back({"extra.png", "x"});
       })),
       "not in SHA256SUMS"},
      {"a listed file missing", tar_gz(good([](auto& e) { e.pop_back(); })), "missing"},
      {"no deck", tar_gz({{"SHA256SUMS", sums({{"talk.md", "x"}})}, {"talk.md", "x"}}),
       "no deck.md"},
      {"not an archive", std::string("# just markdown\n"), "not a tar.gz"},
      {"cut short", tar_gz(good()).substr(0, 60), "truncated"},
      {"too large as sent", std::string((32u << 20) + 1, 'x'), "more than"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.what));
    TempDir dir;
    UnpackedBundle b;
    std::string error;
    CHECK_FALSE(unpack_bundle(row.archive, dir.path / "fleet", small, &b, &error));
    CAPTURE(error);
    CHECK(error.find(row.says) != std::string::npos);
    CHECK(error.rfind("deck bundle refused: ", 0) == 0);
    CHECK(entries_in(dir.path / "fleet") == 0);
    CHECK_FALSE(fs::exists(dir.path / "evil.md"));
  }
  // The same entries as a good bundle unpack: the rows above fail for their one reason.
  TempDir dir;
  UnpackedBundle b;
  std::string error;
  CHECK_MESSAGE(unpack_bundle(tar_gz(good()), dir.path / "fleet", small, &b, &error), error);
}

TEST_CASE("pruning keeps the deck on screen and the newest, and nothing else") {
  TempDir dir;
  for (const char* name : {"deck-aaaa", "deck-bbbb", "deck-cccc"})
    write_file(dir.path / name / "deck.md", "# x\n");
  write_file(dir.path / "notes.txt", "mine");
  prune_bundles(dir.path, {dir.path / "deck-aaaa" / "deck.md", dir.path / "deck-cccc" / "deck.md"});
  CHECK(fs::exists(dir.path / "deck-aaaa"));
  CHECK_FALSE(fs::exists(dir.path / "deck-bbbb"));
  CHECK(fs::exists(dir.path / "deck-cccc"));
  CHECK(fs::exists(dir.path / "notes.txt"));  // not a bundle: not ours to remove
}
