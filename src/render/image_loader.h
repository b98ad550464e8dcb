// Decodes what a deck shows as an image: PNG, JPEG (turned upright by its EXIF orientation,
// read with libexif), GIF, BMP, WebP, TIFF through SDL_image; SVG through librsvg (SDL_image 2.6's
// nanosvg drops <text>, so logos lose their words); a PDF page through poppler (all three in
// modules opened when first needed: render/optional_module.h). Every image is
// scaled once, here, to the size it is shown at: a 12-megapixel photo costs the memory of the
// pixels on screen, not of the photo. No SDL_Renderer here: the caller makes textures.
//
//   ImageSize natural = image_natural_size("photo.jpg", 0);   // upright, in pixels
//   SDL_Surface* s = load_image("photo.jpg", 0, 960, 720, &error);  // caller frees
#pragma once

#include <SDL.h>

#include <string>

#include "core/layout/layout.h"
#include "render/raster_image.h"

namespace boothdeck {

// Pixels (points for a PDF page, the intrinsic size for an SVG), upright; {0, 0} when the
// file cannot be read or the page does not exist.
ImageSize image_natural_size(const std::string& path, int page);

// The image (`page` > 0: that page of a PDF) scaled to exactly width × height, ARGB8888.
// nullptr with `error` set when it cannot be decoded.
SDL_Surface* load_image(const std::string& path, int page, int width, int height,
                        std::string* error);

// Why a file of this kind cannot be decoded by this installation (the PDF or SVG module cannot be
// loaded: what and what to do); "" when it can be.
std::string image_decoder_problem(const std::string& path, int page);

// The surface turned as EXIF `orientation` says; a new surface (the input is not freed).
SDL_Surface* orient_surface(SDL_Surface* surface, int orientation);

}  // namespace boothdeck
