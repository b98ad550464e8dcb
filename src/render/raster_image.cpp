// Calls into boothdeck-image.so; the module is opened the first time a picture is needed.
#include "render/raster_image.h"

#include "render/optional_module.h"

namespace boothdeck {

SDL_Surface* decode_raster(const std::string& path, std::string* error) {
  auto* decode =
      optional_function<ImageDecodeFunction>(Module::Image, "boothdeck_image_decode", error);
  if (!decode) return nullptr;
  char why[512] = "";
  SDL_Surface* surface = decode(path.c_str(), why, sizeof why);
  if (!surface) *error = why;
  return surface;
}

int exif_orientation(const std::string& path) {
  std::string error;
  auto* orientation = optional_function<ExifOrientationFunction>(
      Module::Image, "boothdeck_image_exif_orientation", &error);
  return orientation ? orientation(path.c_str()) : 1;
}

}  // namespace boothdeck
