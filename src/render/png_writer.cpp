// libpng with explicit settings (IMG_SavePNG uses level 6 and adaptive filters: ~4× slower).
#include "render/png_writer.h"

#include <png.h>

#include <cstdio>
#include <vector>

namespace boothdeck {

bool write_png(SDL_Surface* surface, const std::string& path, std::string* error) {
  SDL_Surface* rgb = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0);
  if (!rgb) {
    *error = SDL_GetError();
    return false;
  }
  FILE* file = std::fopen(path.c_str(), "wb");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  bool ok = file && png && info;
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
  if (file && std::fclose(file) != 0) ok = false;
  if (!ok) *error = "cannot write " + path;
  SDL_FreeSurface(rgb);
  return ok;
}

}  // namespace boothdeck
