// Raster images through the optional module boothdeck-image.so (SDL_image and libexif;
// render/optional_module.h): a deck without pictures never loads their decoders.
//
//   SDL_Surface* s = decode_raster("photo.jpg", &error);   // as stored; caller frees
//   int turn = exif_orientation("photo.jpg");               // 1..8, EXIF tag 0x0112
#pragma once

#include <SDL.h>

#include <cstddef>
#include <string>

namespace boothdeck {

// The file decoded as stored (not turned upright); nullptr with `error` set (SDL_image's
// reason, or why the module cannot be loaded).
SDL_Surface* decode_raster(const std::string& path, std::string* error);

// EXIF orientation 1..8 of a JPEG file (EXIF 2.3, tag 0x0112); 1 (upright) when it has none or
// the module cannot be loaded.
int exif_orientation(const std::string& path);

// The module's entry points (C linkage): boothdeck_image_decode and
// boothdeck_image_exif_orientation.
using ImageDecodeFunction = SDL_Surface*(const char* path, char* error, size_t error_size);
using ExifOrientationFunction = int(const char* path);

}  // namespace boothdeck
