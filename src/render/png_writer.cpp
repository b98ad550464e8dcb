// PNG by hand around libdeflate: signature, IHDR, one IDAT, IEND (PNG spec, 2nd ed., 5 and 11).
// libdeflate at level 1 compresses a 1080p slide in about half the instructions zlib's level 1
// needs (82 M against 148 M with its Adler-32), and smaller (76 kB against 102 kB); libpng
// only feeds zlib. libdeflate takes the whole image at once, so the rows are kept as they come:
// RGB, each behind its filter byte 0 (no filter: on slides, flat backgrounds and text, the
// compressor finds the runs unfiltered), 6 MB at 1080p. In memory (the remote's thumbnails)
// the same bytes go to an open_memstream(3) buffer instead of a file.
#include "render/png_writer.h"

#include <libdeflate.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace boothdeck {

namespace {

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
  // libdeflate_crc32(crc, NULL, 0) returns the initial value, not `crc`: an empty chunk (IEND)
  // takes the CRC of its type alone.
  uint32_t crc = libdeflate_crc32(0, type, 4);
  if (size > 0) crc = libdeflate_crc32(crc, data, size);
  put_u32(tail, crc);
  return std::fwrite(head, 1, 8, file) == 8 &&
         (size == 0 || std::fwrite(data, 1, size, file) == size) &&
         std::fwrite(tail, 1, 4, file) == 4;
}

}  // namespace

struct PngWriter::State {
  std::string path;
  FILE* file = nullptr;
  int width = 0, height = 0, written = 0;
  std::vector<unsigned char> rows;  // filter byte + RGB, row after row
  char* memory = nullptr;           // open_memory's buffer, valid after the file closes
  size_t memory_size = 0;

  size_t stride() const { return static_cast<size_t>(width) * 3 + 1; }
  bool fail(std::string* error, const std::string& why) {
    *error = "cannot write " + (path.empty() ? std::string("a PNG in memory") : path) + ": " + why;
    return false;
  }
  void close() {
    if (file) std::fclose(file);
    file = nullptr;
    std::free(memory);
    memory = nullptr;
  }
  bool start(const std::string& name, int w, int h, std::string* error) {
    close();
    *this = State{};
    path = name;
    if (w <= 0 || h <= 0) return fail(error, "an image needs at least one pixel");
    width = w;
    height = h;
    file = name.empty() ? open_memstream(&memory, &memory_size) : std::fopen(name.c_str(), "wb");
    if (!file) return fail(error, std::strerror(errno));
    rows.assign(stride() * static_cast<size_t>(height), 0);
    return true;
  }
};

PngWriter::PngWriter() : state_(std::make_unique<State>()) {}

PngWriter::~PngWriter() {
  state_->close();
}

bool PngWriter::open(const std::string& path, int width, int height, std::string* error) {
  if (path.empty()) return state_->fail(error, "no file name");
  return state_->start(path, width, height, error);
}

bool PngWriter::open_memory(int width, int height, std::string* error) {
  return state_->start("", width, height, error);
}

bool PngWriter::write_rows(SDL_Surface* surface, int rows, std::string* error) {
  State& s = *state_;
  if (!s.file) return s.fail(error, "not open");
  rows = std::min({rows, s.height - s.written, surface->h});
  if (rows <= 0) return true;
  unsigned char* to = s.rows.data() + s.stride() * static_cast<size_t>(s.written) + 1;
  if (SDL_ConvertPixels(s.width, rows, surface->format->format, surface->pixels, surface->pitch,
                        SDL_PIXELFORMAT_RGB24, to, static_cast<int>(s.stride())) != 0)
    return s.fail(error, SDL_GetError());
  s.written += rows;
  return true;
}

bool PngWriter::finish(std::string* error) {
  State& s = *state_;
  if (!s.file) return s.fail(error, "not open");
  if (s.written != s.height) return s.fail(error, "fewer rows written than the image has");
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(1);
  if (!compressor) return s.fail(error, "out of memory");
  // Not zeroed: of the bound (the image's size) only the compressed part is ever touched.
  size_t bound = libdeflate_zlib_compress_bound(compressor, s.rows.size());
  std::unique_ptr<unsigned char[]> idat(new unsigned char[bound]);
  size_t size =
      libdeflate_zlib_compress(compressor, s.rows.data(), s.rows.size(), idat.get(), bound);
  libdeflate_free_compressor(compressor);
  if (size == 0) return s.fail(error, "the compressed image did not fit its bound");
  static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  unsigned char header[13];
  put_u32(header, static_cast<uint32_t>(s.width));
  put_u32(header + 4, static_cast<uint32_t>(s.height));
  header[8] = 8;   // bits a channel
  header[9] = 2;   // colour type: RGB
  header[10] = 0;  // deflate
  header[11] = 0;  // adaptive filtering (here: none on every row)
  header[12] = 0;  // not interlaced
  bool ok = std::fwrite(kSignature, 1, 8, s.file) == 8 && write_chunk(s.file, "IHDR", header, 13) &&
            write_chunk(s.file, "IDAT", idat.get(), size) &&
            write_chunk(s.file, "IEND", nullptr, 0);
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
