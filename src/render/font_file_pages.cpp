// SDL_RWops over FontFilePages. Pages are never dropped: a face keeps asking for the same
// outlines (the glyphs of the deck's text), and the file's pages are bounded by its size.
#include "render/font_file_pages.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace boothdeck {

namespace {

// A reader's state behind SDL_RWops::hidden.unknown: its file and position.
struct Reader {
  FontFilePages* file;
  Sint64 position = 0;
};

// pread(2) until `size` bytes are read, the file ends or it fails: the bytes read.
size_t pread_full(int fd, void* out, size_t size, uint64_t offset) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = pread(fd, static_cast<uint8_t*>(out) + done, size - done,
                      static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  return done;
}

Reader& reader_of(SDL_RWops* rw) {
  return *static_cast<Reader*>(rw->hidden.unknown.data1);
}

Sint64 rw_size(SDL_RWops* rw) {
  return static_cast<Sint64>(reader_of(rw).file->size());
}

Sint64 rw_seek(SDL_RWops* rw, Sint64 offset, int whence) {
  Reader& r = reader_of(rw);
  Sint64 base = whence == RW_SEEK_SET   ? 0
                : whence == RW_SEEK_CUR ? r.position
                                        : static_cast<Sint64>(r.file->size());
  if (base + offset < 0) return SDL_SetError("seek before the start of a font file");
  r.position = base + offset;
  return r.position;
}

size_t rw_read(SDL_RWops* rw, void* out, size_t size, size_t count) {
  Reader& r = reader_of(rw);
  if (size == 0 || count == 0) return 0;
  if (count > SIZE_MAX / size) return 0;
  size_t got = r.file->read_at(static_cast<uint64_t>(r.position), out, size * count);
  r.position += static_cast<Sint64>(got);
  return got / size;
}

size_t rw_write(SDL_RWops*, const void*, size_t, size_t) {
  SDL_SetError("a font file is read-only");
  return 0;
}

int rw_close(SDL_RWops* rw) {
  delete &reader_of(rw);
  SDL_FreeRW(rw);
  return 0;
}

}  // namespace

FontFilePages::~FontFilePages() {
  if (pages_) munmap(pages_, read_.size() * kPageBytes);
  if (fd_ >= 0) ::close(fd_);
}

bool FontFilePages::open(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd_ < 0 || fstat(fd_, &st) != 0 || st.st_size <= 0) return false;
  size_ = static_cast<uint64_t>(st.st_size);
  size_t count = static_cast<size_t>((size_ + kPageBytes - 1) / kPageBytes);
  void* region = mmap(nullptr, count * kPageBytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (region == MAP_FAILED) return false;
  madvise(region, count * kPageBytes, MADV_NOHUGEPAGE);  // a 2 MB page would hold it all
  pages_ = static_cast<uint8_t*>(region);
  read_.assign(count, false);
  return true;
}

SDL_RWops* FontFilePages::reader() {
  SDL_RWops* rw = SDL_AllocRW();
  if (!rw) return nullptr;
  rw->size = rw_size;
  rw->seek = rw_seek;
  rw->read = rw_read;
  rw->write = rw_write;
  rw->close = rw_close;
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->hidden.unknown.data1 = new Reader{this};
  return rw;
}

const uint8_t* FontFilePages::page(size_t index) {
  if (index >= read_.size()) return nullptr;
  uint8_t* bytes = pages_ + index * kPageBytes;
  if (!read_[index]) {
    uint64_t offset = static_cast<uint64_t>(index) * kPageBytes;
    size_t want = static_cast<size_t>(std::min<uint64_t>(kPageBytes, size_ - offset));
    // The file shrank or cannot be read: FreeType sees a short read.
    if (pread_full(fd_, bytes, want, offset) < want) return nullptr;
    read_[index] = true;
    ++pages_held_;
  }
  return bytes;
}

size_t FontFilePages::read_at(uint64_t offset, void* out, size_t size) {
  if (offset >= size_) return 0;
  size = static_cast<size_t>(std::min<uint64_t>(size, size_ - offset));
  size_t done = 0;
  if (size >= kDirectReadBytes) {
    // A whole table (loca, cmap, hmtx): FreeType keeps its own copy in the face, so the pages
    // would only be held twice. Read straight into the caller's buffer.
    return pread_full(fd_, out, size, offset);
  }
  while (done < size) {
    uint64_t at = offset + done;
    const uint8_t* bytes = page(static_cast<size_t>(at / kPageBytes));
    if (!bytes) break;
    size_t in_page = static_cast<size_t>(at % kPageBytes);
    size_t n = std::min(size - done, kPageBytes - in_page);
    std::memcpy(static_cast<uint8_t*>(out) + done, bytes + in_page, n);
    done += n;
  }
  return done;
}

}  // namespace boothdeck
