// boothdeck-svg.so: SVG images drawn with librsvg into cairo, loaded only when a deck shows an SVG
// (render/optional_module.h, render/svg_image.h). librsvg rather than SDL_image 2.6's nanosvg,
// which drops <text>, so logos lose their words.
#include <SDL.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/layout/layout.h"
#include "render/optional_module.h"

namespace boothdeck {

namespace {

struct SvgHandle {
  RsvgHandle* handle = nullptr;
  explicit SvgHandle(const char* path) {
    GError* error = nullptr;
    handle = rsvg_handle_new_from_file(path, &error);
    if (error) g_error_free(error);
  }
  ~SvgHandle() {
    if (handle) g_object_unref(handle);
  }
  ImageSize size() const {
    gdouble w = 0, h = 0;
    if (!handle) return {};
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h)) {
      // No width and height, only a viewBox: its proportions, at a size like a slide's.
      gboolean has_w, has_h, has_viewbox;
      RsvgLength lw, lh;
      RsvgRectangle viewbox;
      rsvg_handle_get_intrinsic_dimensions(handle, &has_w, &lw, &has_h, &lh, &has_viewbox,
                                           &viewbox);
      if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0) return {};
      double s = 800 / std::max(viewbox.width, viewbox.height);
      w = viewbox.width * s;
      h = viewbox.height * s;
    }
    return {static_cast<int>(w + 0.5), static_cast<int>(h + 0.5)};
  }
};

SDL_Surface* render(const char* path, int width, int height, std::string* error) {
  SvgHandle svg(path);
  if (!svg.handle) {
    *error = "not a readable SVG";
    return nullptr;
  }
  cairo_surface_t* target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cairo_t* cr = cairo_create(target);
  RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
  GError* gerror = nullptr;
  bool ok = rsvg_handle_render_document(svg.handle, cr, &viewport, &gerror);
  if (gerror) {
    *error = gerror->message;
    g_error_free(gerror);
  }
  cairo_destroy(cr);
  cairo_surface_flush(target);
  SDL_Surface* surface = nullptr;
  if (ok && cairo_surface_status(target) == CAIRO_STATUS_SUCCESS) {
    surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    const unsigned char* data = cairo_image_surface_get_data(target);
    int stride = cairo_image_surface_get_stride(target);
    // cairo's pixels are premultiplied by alpha; SDL blends straight alpha.
    for (int y = 0; surface && y < height; ++y) {
      const uint32_t* in =
          reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
      uint32_t* out = reinterpret_cast<uint32_t*>(static_cast<char*>(surface->pixels) +
                                                  static_cast<size_t>(y) * surface->pitch);
      for (int x = 0; x < width; ++x) {
        uint32_t p = in[x], a = p >> 24;
        if (a == 0 || a == 255) {
          out[x] = a ? p : 0;
          continue;
        }
        auto un = [&](int shift) {
          return std::min<uint32_t>(255, ((p >> shift) & 255) * 255 / a);
        };
        out[x] = (a << 24) | (un(16) << 16) | (un(8) << 8) | un(0);
      }
    }
  }
  cairo_surface_destroy(target);
  return surface;
}

}  // namespace

}  // namespace boothdeck

extern "C" {

__attribute__((visibility("default"))) extern const int boothdeck_module_abi =
    boothdeck::kModuleAbi;

__attribute__((visibility("default"))) void boothdeck_svg_size(const char* path, int* width,
                                                               int* height) {
  boothdeck::ImageSize size = boothdeck::SvgHandle(path).size();
  *width = size.width;
  *height = size.height;
}

__attribute__((visibility("default"))) SDL_Surface* boothdeck_svg_render(const char* path,
                                                                         int width, int height,
                                                                         char* error,
                                                                         size_t error_size) {
  std::string why;
  SDL_Surface* surface = boothdeck::render(path, width, height, &why);
  if (!surface)
    std::snprintf(error, error_size, "%s", why.empty() ? "cannot draw the SVG" : why.c_str());
  return surface;
}

}  // extern "C"
