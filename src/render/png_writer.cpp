// libpng with explicit settings (IMG_SavePNG uses level 6 and adaptive filters: ~4× slower).
// Errors carry libpng's own message or the system's, never SDL's last unrelated error. One
// encoder, two sinks: a file, or a string in memory.
#include "render/png_writer.h"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

namespace boothdeck {

namespace {

struct PngErrors {
  std::string message;
};

[[noreturn]] void on_png_error(png_structp png, png_const_charp message) {
  static_cast<PngErrors*>(png_get_error_ptr(png))->message = message;
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

void append_to_string(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), size);
}

void flush_nothing(png_structp) {}

// Encodes `surface` as RGB; `sink` points libpng at a file or a string. The message of a
// failure in `errors`.
bool encode(SDL_Surface* surface, const std::function<void(png_structp)>& sink, PngErrors& errors) {
  SDL_Surface* rgb = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0);
  if (!rgb) {
    errors.message = std::string("cannot convert the frame: ") + SDL_GetError();
    return false;
  }
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, &errors, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  bool ok = png && info;
  if (ok && setjmp(png_jmpbuf(png)) == 0) {
    sink(png);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, rgb->w, rgb->h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < rgb->h; ++y)
      png_write_row(
          png, static_cast<png_const_bytep>(rgb->pixels) + static_cast<size_t>(y) * rgb->pitch);
    png_write_end(png, nullptr);
  } else {
    ok = false;
  }
  if (png) png_destroy_write_struct(&png, info ? &info : nullptr);
  if (!ok && errors.message.empty()) errors.message = "libpng could not start";
  SDL_FreeSurface(rgb);
  return ok;
}

}  // namespace

bool write_png(SDL_Surface* surface, const std::string& path, std::string* error) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  PngErrors errors;
  bool ok = encode(
      surface, [file](png_structp png) { png_init_io(png, file); }, errors);
  // A full disk shows up when the buffered rest is flushed.
  if (std::fclose(file) != 0 && ok) {
    ok = false;
    errors.message = std::strerror(errno);
  }
  if (!ok) *error = "cannot write " + path + ": " + errors.message;
  return ok;
}

bool encode_png(SDL_Surface* surface, std::string* png, std::string* error) {
  png->clear();
  PngErrors errors;
  bool ok = encode(
      surface, [png](png_structp p) { png_set_write_fn(p, png, append_to_string, flush_nothing); },
      errors);
  if (!ok) *error = "cannot encode a PNG: " + errors.message;
  return ok;
}

}  // namespace boothdeck
