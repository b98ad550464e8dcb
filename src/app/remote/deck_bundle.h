// A deck bundle: a deck and the images it uses, as a gzip'd tar archive with a SHA256SUMS file
// (as `sha256sum` writes it), sent to a fleet over MQTT. Unpacking trusts nothing: only regular
// files and folders, no path that leaves the bundle's folder, sizes and counts capped, every
// file's checksum verified, before the folder is moved into place. libarchive reads and writes
// the archives, OpenSSL computes the digests. In boothdeck-remote.so (remote_module.h). No SDL.
//
//   std::string archive;
//   if (!make_bundle(deck, &archive, &files, &error)) ...;             // boothdeck publish
//   UnpackedBundle b;
//   if (unpack_bundle(archive, state / "fleet", {}, &b, &error)) source.switch_to(b.deck);
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "app/deck_loading.h"

namespace boothdeck {

struct BundleLimits {
  size_t max_archive = 32u << 20;    // bytes of the archive as sent
  size_t max_unpacked = 128u << 20;  // bytes of all its files together
  size_t max_files = 1000;
};

// The checksum file at the bundle's top; the deck is `deck.md` (or `deck.pdf`) beside it.
constexpr std::string_view kChecksumFile = "SHA256SUMS";

std::string sha256_hex(std::string_view data);

// The deck as `deck.md` (`deck.pdf`), every image it uses under its path relative to the deck's
// folder, and SHA256SUMS. `files` lists what went in. False with `error` when the deck is the
// built-in one, or an image lies outside the deck's folder or cannot be read.
bool make_bundle(const LoadedDeck& deck, std::string* archive, std::vector<std::string>* files,
                 std::string* error);

struct UnpackedBundle {
  std::filesystem::path folder;  // parent/deck-<first 16 hex digits of the archive's SHA-256>
  std::filesystem::path deck;    // folder/deck.md or folder/deck.pdf
  std::string sha256;            // of the archive
  size_t files = 0, bytes = 0;
};

// Unpacks `archive` into a new folder under `parent` (made if missing), verified, then moved
// into place; the same archive again reuses its folder. False with `error` (and nothing left
// behind) when the archive breaks any rule above.
bool unpack_bundle(std::string_view archive, const std::filesystem::path& parent,
                   const BundleLimits& limits, UnpackedBundle* out, std::string* error);

// Removes the bundle folders under `parent` except `keep` (the deck on screen, the newest).
void prune_bundles(const std::filesystem::path& parent,
                   const std::vector<std::filesystem::path>& keep);

}  // namespace boothdeck
