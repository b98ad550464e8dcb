// boothdeck-image.so: raster images (PNG, JPEG, GIF, BMP, WebP, TIFF) decoded by SDL_image, and
// a JPEG's EXIF orientation read by libexif, loaded only when a deck shows a picture
// (render/optional_module.h, render/raster_image.h). A deck of text never loads SDL_image,
// libexif and the decoders behind them (libjpeg, libtiff, libwebp, libjbig, libLerc,
// libdeflate).
#include <SDL.h>
#include <SDL_image.h>
#include <libexif/exif-data.h>

#include <cstdio>
#include <mutex>

#include "render/optional_module.h"

extern "C" {

__attribute__((visibility("default"))) extern const int boothdeck_module_abi =
    boothdeck::kModuleAbi;

__attribute__((visibility("default"))) SDL_Surface* boothdeck_image_decode(const char* path,
                                                                           char* error,
                                                                           size_t error_size) {
  // The decoders are linked in (Debian), so IMG_Init only records what was asked for; it is
  // called once for SDL_image's bookkeeping and never undone, as the module stays loaded.
  static std::once_flag once;
  std::call_once(once, [] { IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG); });
  SDL_Surface* surface = IMG_Load(path);
  if (!surface) std::snprintf(error, error_size, "%s", IMG_GetError());
  return surface;
}

__attribute__((visibility("default"))) int boothdeck_image_exif_orientation(const char* path) {
  ExifData* data = exif_data_new_from_file(path);
  if (!data) return 1;
  int orientation = 1;
  if (ExifEntry* entry = exif_data_get_entry(data, EXIF_TAG_ORIENTATION))
    if (entry->format == EXIF_FORMAT_SHORT && entry->components >= 1)
      orientation = exif_get_short(entry->data, exif_data_get_byte_order(data));
  exif_data_unref(data);
  return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

}  // extern "C"
