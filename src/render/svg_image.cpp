// Calls into boothdeck-svg.so; the module is opened the first time an SVG is needed.
#include "render/svg_image.h"

#include "render/optional_module.h"

namespace boothdeck {

ImageSize svg_natural_size(const std::string& path) {
  std::string error;
  auto* size = optional_function<SvgSizeFunction>(Module::Svg, "boothdeck_svg_size", &error);
  ImageSize natural;
  if (size) size(path.c_str(), &natural.width, &natural.height);
  return natural;
}

SDL_Surface* render_svg(const std::string& path, int width, int height, std::string* error) {
  auto* render = optional_function<SvgRenderFunction>(Module::Svg, "boothdeck_svg_render", error);
  if (!render) return nullptr;
  char why[512] = "";
  SDL_Surface* surface = render(path.c_str(), width, height, why, sizeof why);
  if (!surface) *error = why;
  return surface;
}

}  // namespace boothdeck
