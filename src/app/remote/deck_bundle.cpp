// [SECTION] making: the deck's files gathered from its parsed slides, written with libarchive.
// [SECTION] unpacking: every entry checked before a byte is written, into a private staging
// folder that becomes the bundle's folder only when every checksum matched.
#include "app/remote/deck_bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "core/deck/diagnostic.h"

namespace boothdeck {

namespace fs = std::filesystem;

std::string sha256_hex(std::string_view data) {
  unsigned char digest[32];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

namespace {

bool read_file(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  *bytes = text.str();
  return static_cast<bool>(in) || in.eof();
}

void collect_images(const std::vector<Block>& blocks, std::set<std::string>& out) {
  for (const Block& block : blocks) {
    for (const Image& image : block.images) out.insert(image.path);
    for (const std::vector<Block>& column : block.columns) collect_images(column, out);
  }
}

// [SECTION] making ---------------------------------------------------------------------------

struct Writer {
  archive* a = archive_write_new();
  std::string* out;
  ~Writer() { archive_write_free(a); }
  static la_ssize_t write(archive*, void* self, const void* data, size_t size) {
    static_cast<Writer*>(self)->out->append(static_cast<const char*>(data), size);
    return static_cast<la_ssize_t>(size);
  }
  bool add(const std::string& name, const std::string& bytes) {
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(archive_entry_new(),
                                                                   archive_entry_free);
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    return archive_write_header(a, entry.get()) == ARCHIVE_OK &&
           archive_write_data(a, bytes.data(), bytes.size()) ==
               static_cast<la_ssize_t>(bytes.size());
  }
};

}  // namespace

bool make_bundle(const LoadedDeck& deck, std::string* archive, std::vector<std::string>* files,
                 std::string* error) {
  if (deck.path.empty()) {
    *error = "the built-in deck is in every boothdeck already; name a deck file to publish";
    return false;
  }
  fs::path deck_path = fs::absolute(deck.path).lexically_normal();
  fs::path folder = deck_path.parent_path();
  bool pdf = deck_path.extension() == ".pdf" || deck_path.extension() == ".PDF";
  std::map<std::string, std::string> contents;  // name in the bundle → bytes
  std::string bytes;
  if (!read_file(deck_path, &bytes)) {
    *error = "cannot read " + deck.path.string();
    return false;
  }
  contents[pdf ? "deck.pdf" : "deck.md"] = bytes;
  std::set<std::string> images;
  for (const Slide& slide : deck.deck().slides) {
    collect_images(slide.blocks, images);
    for (const Image& image : slide.background.images) images.insert(image.path);
  }
  for (const std::string& image : images) {
    fs::path absolute = fs::absolute(image).lexically_normal();
    if (absolute == deck_path) continue;  // a PDF deck's pages
    fs::path relative = absolute.lexically_relative(folder);
    if (relative.empty() || *relative.begin() == "..") {
      *error = "the image " + excerpt(image, 200) + " is outside the deck's folder; copy it into " +
               folder.string() + " so the bundle can carry it";
      return false;
    }
    if (!read_file(absolute, &bytes)) {
      *error = "cannot read the image " + excerpt(image, 200);
      return false;
    }
    contents[relative.generic_string()] = bytes;
  }
  std::string sums;
  for (const auto& [name, data] : contents) sums += sha256_hex(data) + "  " + name + "\n";
  archive->clear();
  Writer writer{.out = archive};
  bool ok = archive_write_set_format_pax_restricted(writer.a) == ARCHIVE_OK &&
            archive_write_add_filter_gzip(writer.a) == ARCHIVE_OK &&
            archive_write_set_bytes_in_last_block(writer.a, 1) == ARCHIVE_OK &&
            archive_write_open(writer.a, &writer, nullptr, Writer::write, nullptr) == ARCHIVE_OK;
  ok = ok && writer.add(std::string(kChecksumFile), sums);
  files->clear();
  for (const auto& [name, data] : contents) {
    ok = ok && writer.add(name, data);
    files->push_back(name);
  }
  ok = ok && archive_write_close(writer.a) == ARCHIVE_OK;
  if (!ok) *error = std::string("cannot write the bundle: ") + archive_error_string(writer.a);
  return ok;
}

// [SECTION] unpacking ------------------------------------------------------------------------

namespace {

// A path inside the bundle: relative, no `..`, no empty or `.` parts in the middle, nothing
// that is not printable. "" when it breaks a rule.
std::string safe_relative(std::string_view name) {
  while (name.substr(0, 2) == "./") name.remove_prefix(2);
  while (!name.empty() && name.back() == '/') name.remove_suffix(1);
  if (name.empty() || name.front() == '/' || name.size() > 1024) return "";
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return "";
  fs::path path(name);
  for (const fs::path& part : path)
    if (part == ".." || part == "." || part.empty()) return "";
  return std::string(name);
}

struct Reader {
  archive* a = archive_read_new();
  ~Reader() { archive_read_free(a); }
};

// Parses SHA256SUMS: "<64 hex>  name" or "<64 hex> *name" a line.
bool parse_sums(const std::string& text, std::map<std::string, std::string>* sums) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line.size() < 67 || line[64] != ' ' || (line[65] != ' ' && line[65] != '*')) return false;
    std::string name = safe_relative(line.substr(66));
    if (name.empty()) return false;
    (*sums)[name] = line.substr(0, 64);
  }
  return !sums->empty();
}

}  // namespace

bool unpack_bundle(std::string_view archive_bytes, const fs::path& parent,
                   const BundleLimits& limits, UnpackedBundle* out, std::string* error) {
  auto fail = [&](std::string why) {
    *error = "deck bundle refused: " + std::move(why);
    return false;
  };
  if (archive_bytes.size() > limits.max_archive)
    return fail("it is " + std::to_string(archive_bytes.size()) + " bytes, more than " +
                std::to_string(limits.max_archive));
  std::string sha = sha256_hex(archive_bytes);
  Reader reader;
  archive_read_support_filter_gzip(reader.a);
  archive_read_support_format_tar(reader.a);
  if (archive_read_open_memory(reader.a, archive_bytes.data(), archive_bytes.size()) != ARCHIVE_OK)
    return fail(std::string("not a tar.gz archive (") + archive_error_string(reader.a) + ")");

  // Everything is read into memory first: nothing touches the disk before every rule held.
  std::map<std::string, std::string> files;
  size_t total = 0;
  archive_entry* entry = nullptr;
  int rc;
  while ((rc = archive_read_next_header(reader.a, &entry)) == ARCHIVE_OK) {
    const char* raw = archive_entry_pathname(entry);
    std::string name = safe_relative(raw ? raw : "");
    if (name.empty())
      return fail("the path " + excerpt(raw ? raw : "", 120) + " would leave the bundle's folder");
    mode_t type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) continue;
    if (type != AE_IFREG || archive_entry_hardlink(entry))
      return fail(excerpt(name, 120) + " is not a regular file (links and devices are refused)");
    if (files.size() + 1 > limits.max_files)
      return fail("it has more than " + std::to_string(limits.max_files) + " files");
    if (files.count(name)) return fail(excerpt(name, 120) + " appears twice");
    std::string data;
    char buffer[65536];
    la_ssize_t n;
    while ((n = archive_read_data(reader.a, buffer, sizeof buffer)) > 0) {
      total += static_cast<size_t>(n);
      if (total > limits.max_unpacked)
        return fail("it unpacks to more than " + std::to_string(limits.max_unpacked) + " bytes");
      data.append(buffer, static_cast<size_t>(n));
    }
    if (n < 0)
      return fail(std::string("the archive is damaged (") + archive_error_string(reader.a) + ")");
    files[name] = std::move(data);
  }
  if (rc != ARCHIVE_EOF)
    return fail(std::string("the archive is damaged (") + archive_error_string(reader.a) + ")");

  auto sums_file = files.find(std::string(kChecksumFile));
  std::map<std::string, std::string> sums;
  if (sums_file == files.end() || !parse_sums(sums_file->second, &sums))
    return fail("it has no readable " + std::string(kChecksumFile) +
                " (made by boothdeck publish)");
  for (const auto& [name, data] : files) {
    if (name == kChecksumFile) continue;
    auto listed = sums.find(name);
    if (listed == sums.end())
      return fail(excerpt(name, 120) + " is not in " + std::string(kChecksumFile));
    if (listed->second != sha256_hex(data))
      return fail("the checksum of " + excerpt(name, 120) + " does not match: damaged on the way");
  }
  for (const auto& [name, digest] : sums)
    if (!files.count(name)) return fail(excerpt(name, 120) + " is listed but missing");
  std::string deck_name = files.count("deck.md")    ? "deck.md"
                          : files.count("deck.pdf") ? "deck.pdf"
                                                    : "";
  if (deck_name.empty()) return fail("it has no deck.md or deck.pdf at its top");

  std::error_code ec;
  fs::create_directories(parent, ec);
  fs::path folder = parent / ("deck-" + sha.substr(0, 16));
  out->folder = folder;
  out->deck = folder / deck_name;
  out->sha256 = sha;
  out->files = files.size();
  out->bytes = total;
  if (fs::is_regular_file(out->deck, ec)) return true;  // this bundle came before
  std::string pattern = (parent / ".incoming-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return fail("cannot write under " + parent.string());
  fs::path staging = pattern;
  for (const auto& [name, data] : files) {
    fs::path path = staging / name;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!file.flush()) {
      fs::remove_all(staging, ec);
      return fail("cannot write " + path.string() + " (is the disk full?)");
    }
  }
  fs::rename(staging, folder, ec);
  if (ec) {
    fs::remove_all(staging, ec);
    return fail("cannot move the bundle into " + folder.string());
  }
  return true;
}

void prune_bundles(const fs::path& parent, const std::vector<fs::path>& keep) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("deck-", 0) != 0) continue;  // a staging folder is its unpacker's
    bool kept = false;
    for (const fs::path& k : keep)
      if (!k.empty() && (k == entry.path() || k.parent_path() == entry.path())) kept = true;
    if (!kept) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace boothdeck
