// libpng with explicit settings (IMG_SavePNG uses level 6 and adaptive filters: ~4× slower).
// Errors carry libpng's own message or the system's, never SDL's last unrelated error.
#include "render/png_writer.h"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
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

}  // namespace

bool write_png(SDL_Surface* surface, const std::string& path, std::string* error) {
  SDL_Surface* rgb = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0);
  if (!rgb) {
    *error = std::string("cannot convert the frame: ") + SDL_GetError();
    return false;
  }
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    SDL_FreeSurface(rgb);
    return false;
  }
  PngErrors errors;
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, &errors, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  bool ok = png && info;
  if (ok && setjmp(png_jmpbuf(png)) == 0) {
    png_init_io(png, file);
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
  // A full disk shows up when the buffered rest is flushed.
  if (std::fclose(file) != 0 && ok) {
    ok = false;
    errors.message = std::strerror(errno);
  }
  if (!ok)
    *error = "cannot write " + path + ": " +
             (errors.message.empty() ? std::string("libpng could not start") : errors.message);
  SDL_FreeSurface(rgb);
  return ok;
}

}  // namespace boothdeck
