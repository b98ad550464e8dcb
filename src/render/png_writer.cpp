// PNG by hand around zlib's streaming deflate (PNG spec, 2nd ed., 5 and 11): rows arrive in
// bands and leave compressed one at a time, so no whole image is held; in memory (the remote's
// thumbnails) the same bytes go to an open_memstream(3) buffer. Figures: docs/performance.md.
//
// The choices, measured on the built-in deck's slide 1 at 1080p (callgrind, whole export):
//  - level 1, rows unfiltered: slides are flat backgrounds and text, whose runs the match search
//    finds as they are (the Sub filter cost 20% more instructions for a larger file);
//  - memLevel 5, not 8: a 4 K-entry hash table stays in the CPU's cache (deflate 148 M -> 113 M
//    instructions, the file 109.8 -> 106.7 kB, the state 256 -> 144 kB); memLevel 4 compresses
//    worse, and a window under 32 kB is slower and misses a 4K row (11.5 kB) above;
//  - raw deflate in a zlib header and trailer written here: zlib's own Adler-32 is scalar (22 M
//    instructions for 6.2 MB of rows), libdeflate_adler32 vectorised, and the bytes are the
//    same. libdeflate's compressor is not used: it works in one shot on the whole RGB image
//    (6 MB more at the peak).
#include "render/png_writer.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace boothdeck {

namespace {

constexpr size_t kIdatBytes = 64 * 1024;  // compressed bytes per IDAT chunk
constexpr int kMemLevel = 5;              // see the top of this file

void put_u32(unsigned char* at, uint32_t v) {
  at[0] = static_cast<unsigned char>(v >> 24);
  at[1] = static_cast<unsigned char>(v >> 16);
  at[2] = static_cast<unsigned char>(v >> 8);
  at[3] = static_cast<unsigned char>(v);
}

// One chunk: length, type, data, CRC-32 of type and data.
bool write_chunk(FILE* file, const char type[4], const unsigned char* data, size_t size) {
  unsigned char head[8], tail[4];
  put_u32(head, static_cast<uint32_t>(size));
  std::memcpy(head + 4, type, 4);
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(type), 4);
  if (size > 0) crc = crc32(crc, data, static_cast<uInt>(size));
  put_u32(tail, static_cast<uint32_t>(crc));
  return std::fwrite(head, 1, 8, file) == 8 &&
         (size == 0 || std::fwrite(data, 1, size, file) == size) &&
         std::fwrite(tail, 1, 4, file) == 4;
}

}  // namespace

struct PngWriter::State {
  std::string path;
  FILE* file = nullptr;
  int width = 0, height = 0, written = 0;
  bool deflating = false;
  z_stream zs{};
  uint32_t adler = 1;              // of the rows so far
  std::vector<unsigned char> row;  // filter byte + RGB, one row at a time: deflate copies it
  std::vector<unsigned char> idat = std::vector<unsigned char>(kIdatBytes);
  char* memory = nullptr;  // open_memory's buffer, valid after the file closes
  size_t memory_size = 0;

  size_t stride() const { return static_cast<size_t>(width) * 3 + 1; }
  bool fail(std::string* error, const std::string& why) {
    *error = "cannot write " + (path.empty() ? std::string("a PNG in memory") : path) + ": " + why;
    return false;
  }
  // Appends bytes of the zlib stream that deflate does not write (header, trailer) to the IDAT
  // being filled, writing it out when full as deflate's own output is.
  bool put(const unsigned char* bytes, size_t size, std::string* error) {
    for (size_t i = 0; i < size; ++i) {
      if (zs.avail_out == 0 && !write_idat(error)) return false;
      *zs.next_out++ = bytes[i];
      --zs.avail_out;
    }
    return true;
  }
  bool write_idat(std::string* error) {
    size_t out = idat.size() - zs.avail_out;
    if (!write_chunk(file, "IDAT", idat.data(), out)) return fail(error, std::strerror(errno));
    zs.next_out = idat.data();
    zs.avail_out = static_cast<uInt>(idat.size());
    return true;
  }
  // Feeds `size` bytes to deflate (`flush`: Z_NO_FLUSH or Z_FINISH) and writes every full IDAT;
  // with Z_FINISH the stream's trailer and the last IDAT.
  bool compress(const unsigned char* data, size_t size, int flush, std::string* error) {
    if (size > 0) adler = static_cast<uint32_t>(libdeflate_adler32(adler, data, size));
    zs.next_in = const_cast<unsigned char*>(data);
    zs.avail_in = static_cast<uInt>(size);
    for (;;) {
      int status = deflate(&zs, flush);
      if (status == Z_STREAM_ERROR) return fail(error, "zlib: the stream is broken");
      bool done = flush == Z_FINISH ? status == Z_STREAM_END : zs.avail_in == 0;
      if (zs.avail_out == 0 && !write_idat(error)) return false;
      if (!done) continue;
      if (flush != Z_FINISH) return true;
      unsigned char trailer[4];  // Adler-32 of the rows, big-endian (RFC 1950)
      put_u32(trailer, adler);
      return put(trailer, 4, error) && write_idat(error);
    }
  }
  void close() {
    if (deflating) deflateEnd(&zs);
    deflating = false;
    if (file) std::fclose(file);
    file = nullptr;
    std::free(memory);
    memory = nullptr;
  }
};

PngWriter::PngWriter() : state_(std::make_unique<State>()) {}

PngWriter::~PngWriter() {
  state_->close();
}

bool PngWriter::open(const std::string& path, int width, int height, std::string* error) {
  if (path.empty()) return state_->fail(error, "no file name");
  return start(path, width, height, error);
}

bool PngWriter::open_memory(int width, int height, std::string* error) {
  return start("", width, height, error);
}

bool PngWriter::start(const std::string& path, int width, int height, std::string* error) {
  State& s = *state_;
  s.close();
  s.path = path;
  s.written = 0;
  if (width <= 0 || height <= 0) return s.fail(error, "an image needs at least one pixel");
  s.width = width;
  s.height = height;
  s.file =
      path.empty() ? open_memstream(&s.memory, &s.memory_size) : std::fopen(path.c_str(), "wb");
  if (!s.file) return s.fail(error, std::strerror(errno));
  s.zs = z_stream{};
  // Raw deflate (negative windowBits) in a zlib header and trailer written here: zlib's own
  // Adler-32 is byte at a time, libdeflate's vectorised (see the top of this file).
  if (deflateInit2(&s.zs, 1, Z_DEFLATED, -15, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK)
    return s.fail(error, "zlib: out of memory");
  s.deflating = true;
  s.adler = 1;
  s.zs.next_out = s.idat.data();
  s.zs.avail_out = static_cast<uInt>(s.idat.size());
  static const unsigned char kZlibHeader[2] = {0x78, 0x01};  // deflate, 32 kB window, fastest
  s.put(kZlibHeader, 2, error);                              // into the empty IDAT: cannot fail
  static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  unsigned char header[13];
  put_u32(header, static_cast<uint32_t>(width));
  put_u32(header + 4, static_cast<uint32_t>(height));
  header[8] = 8;   // bits a channel
  header[9] = 2;   // colour type: RGB
  header[10] = 0;  // deflate
  header[11] = 0;  // adaptive filtering (here: none on every row)
  header[12] = 0;  // not interlaced
  if (std::fwrite(kSignature, 1, 8, s.file) != 8 || !write_chunk(s.file, "IHDR", header, 13))
    return s.fail(error, std::strerror(errno));
  return true;
}

bool PngWriter::write_rows(SDL_Surface* surface, int rows, std::string* error) {
  State& s = *state_;
  if (!s.file) return s.fail(error, "not open");
  rows = std::min({rows, s.height - s.written, surface->h});
  if (rows <= 0) return true;
  s.row.resize(s.stride());
  s.row[0] = 0;  // filter: none
  for (int r = 0; r < rows; ++r) {
    const auto* pixels = static_cast<const unsigned char*>(surface->pixels) +
                         static_cast<size_t>(r) * static_cast<size_t>(surface->pitch);
    if (SDL_ConvertPixels(s.width, 1, surface->format->format, pixels, surface->pitch,
                          SDL_PIXELFORMAT_RGB24, s.row.data() + 1,
                          static_cast<int>(s.stride())) != 0)
      return s.fail(error, SDL_GetError());
    if (!s.compress(s.row.data(), s.row.size(), Z_NO_FLUSH, error)) return false;
    ++s.written;
  }
  return true;
}

bool PngWriter::finish(std::string* error) {
  State& s = *state_;
  if (!s.file) return s.fail(error, "not open");
  if (s.written != s.height) return s.fail(error, "fewer rows written than the image has");
  bool ok = s.compress(nullptr, 0, Z_FINISH, error);
  if (!ok) {
    s.close();
    return false;
  }
  deflateEnd(&s.zs);
  s.deflating = false;
  ok = write_chunk(s.file, "IEND", nullptr, 0);
  std::string why = ok ? "" : std::strerror(errno);
  // A full disk shows up when the buffered rest is flushed.
  if (std::fclose(s.file) != 0 && ok) {
    ok = false;
    why = std::strerror(errno);
  }
  s.file = nullptr;
  return ok || s.fail(error, why);
}

bool PngWriter::finish(std::string* png, std::string* error) {
  State& s = *state_;
  if (!s.path.empty()) return s.fail(error, "opened as a file, not in memory");
  if (!finish(error)) return false;
  png->assign(s.memory, s.memory_size);
  s.close();
  return true;
}

bool write_png(SDL_Surface* surface, const std::string& path, std::string* error) {
  PngWriter png;
  return png.open(path, surface->w, surface->h, error) &&
         png.write_rows(surface, surface->h, error) && png.finish(error);
}

bool encode_png(SDL_Surface* surface, std::string* png, std::string* error) {
  PngWriter writer;
  return writer.open_memory(surface->w, surface->h, error) &&
         writer.write_rows(surface, surface->h, error) && writer.finish(png, error);
}

}  // namespace boothdeck
