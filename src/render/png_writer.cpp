// libpng with explicit settings (IMG_SavePNG uses level 6 and adaptive filters: ~4x slower).
// Rows are converted to RGB one at a time into a small buffer: a whole converted copy of a 1080p
// frame is 6 MB more at the peak of a cold start. No filter: on slides (flat backgrounds, text)
// zlib level 1 finds the runs unfiltered, smaller and ~20% sooner than with the Sub filter.
// Every libpng call runs inside guarded(), where its errors longjmp to.
#include "render/png_writer.h"

#include <png.h>

#include <cerrno>
#include <cstring>
#include <functional>

namespace boothdeck {

namespace {

[[noreturn]] void on_png_error(png_structp png, png_const_charp message) {
  static_cast<std::string*>(png_get_error_ptr(png))->assign(message);
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

// Runs libpng calls with setjmp set in this frame; nothing here is read after a longjmp.
bool guarded(png_structp png, const std::function<void()>& calls) {
  if (setjmp(png_jmpbuf(png)) != 0) return false;
  calls();
  return true;
}

}  // namespace

struct PngWriter::State {
  std::string path, message;
  FILE* file = nullptr;
  png_structp png = nullptr;
  png_infop info = nullptr;
  int width = 0, height = 0, written = 0;
  std::vector<unsigned char> row;

  bool fail(std::string* error) {
    *error = "cannot write " + path + ": " +
             (message.empty() ? std::string("libpng could not start") : message);
    return false;
  }
  void close() {
    if (png) png_destroy_write_struct(&png, info ? &info : nullptr);
    png = nullptr;
    info = nullptr;
    if (file) std::fclose(file);
    file = nullptr;
  }
};

PngWriter::PngWriter() : state_(std::make_unique<State>()) {}

PngWriter::~PngWriter() {
  state_->close();
}

bool PngWriter::open(const std::string& path, int width, int height, std::string* error) {
  State& s = *state_;
  s.close();
  s = State{};
  s.path = path;
  s.width = width;
  s.height = height;
  s.row.resize(static_cast<size_t>(width) * 3);
  s.file = std::fopen(path.c_str(), "wb");
  if (!s.file) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  s.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &s.message, on_png_error, on_png_warning);
  s.info = s.png ? png_create_info_struct(s.png) : nullptr;
  if (!s.png || !s.info) return s.fail(error);
  png_structp png = s.png;
  png_infop info = s.info;
  FILE* file = s.file;
  return guarded(png,
                 [&] {
                   png_init_io(png, file);
                   png_set_compression_level(png, 1);
                   png_set_filter(png, 0, PNG_FILTER_NONE);
                   png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
                   png_write_info(png, info);
                 }) ||
         s.fail(error);
}

bool PngWriter::write_rows(SDL_Surface* surface, int rows, std::string* error) {
  State& s = *state_;
  if (!s.png) return s.fail(error);
  rows = std::min(rows, s.height - s.written);
  const auto* pixels = static_cast<const unsigned char*>(surface->pixels);
  bool ok = guarded(s.png, [&] {
    for (int y = 0; y < rows; ++y) {
      if (SDL_ConvertPixels(s.width, 1, surface->format->format,
                            pixels + static_cast<size_t>(y) * surface->pitch, surface->pitch,
                            SDL_PIXELFORMAT_RGB24, s.row.data(),
                            static_cast<int>(s.row.size())) != 0)
        on_png_error(s.png, SDL_GetError());
      png_write_row(s.png, s.row.data());
    }
  });
  s.written += rows;
  return ok || s.fail(error);
}

bool PngWriter::finish(std::string* error) {
  State& s = *state_;
  if (s.png && s.written != s.height) s.message = "fewer rows written than the image has";
  if (!s.png || s.written != s.height) return s.fail(error);
  if (!guarded(s.png, [&] { png_write_end(s.png, nullptr); })) return s.fail(error);
  png_destroy_write_struct(&s.png, &s.info);
  s.png = nullptr;
  s.info = nullptr;
  // A full disk shows up when the buffered rest is flushed.
  int closed = std::fclose(s.file);
  s.file = nullptr;
  if (closed != 0) {
    s.message = std::strerror(errno);
    return s.fail(error);
  }
  return true;
}

bool write_png(SDL_Surface* surface, const std::string& path, std::string* error) {
  PngWriter png;
  return png.open(path, surface->w, surface->h, error) &&
         png.write_rows(surface, surface->h, error) && png.finish(error);
}

}  // namespace boothdeck
