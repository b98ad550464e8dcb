// SVG images through the optional module boothdeck-svg.so (librsvg; render/optional_module.h).
//
//   ImageSize natural = svg_natural_size("logo.svg");          // {0, 0}: unreadable
//   SDL_Surface* s = render_svg("logo.svg", 400, 100, &error);  // caller frees
#pragma once

#include <SDL.h>

#include <cstddef>
#include <string>

#include "core/layout/layout.h"

namespace boothdeck {

// The intrinsic size in pixels (width and height, else the viewBox's proportions at 800 px on
// its longer side); {0, 0} when the file cannot be read or the module cannot be loaded.
ImageSize svg_natural_size(const std::string& path);

// The SVG drawn to exactly width × height, ARGB8888 with straight alpha; nullptr with `error`
// set (librsvg's reason, or why the module cannot be loaded).
SDL_Surface* render_svg(const std::string& path, int width, int height, std::string* error);

// The module's entry points (C linkage): boothdeck_svg_size and boothdeck_svg_render.
using SvgSizeFunction = void(const char* path, int* width, int* height);
using SvgRenderFunction = SDL_Surface*(const char* path, int width, int height, char* error,
                                       size_t error_size);

}  // namespace boothdeck
