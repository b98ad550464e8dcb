// The thumbnail cache's technique (the slide through a render scale into a target texture),
// then the pixels read back and encoded; the renderer's target and scale are restored.
#include "render/slide_png.h"

#include <algorithm>

#include "render/png_writer.h"

namespace boothdeck {

bool slide_png(RenderContext& render, const SlideDisplay& slide, Viewport laid_out, int width,
               std::string* png, std::string* error) {
  SDL_Renderer* renderer = render.renderer();
  if (!renderer || laid_out.width <= 0 || laid_out.height <= 0 || width <= 0) {
    *error = "nothing to draw with";
    return false;
  }
  int height = std::max(1, width * laid_out.height / laid_out.width);
  SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888,
                                           SDL_TEXTUREACCESS_TARGET, width, height);
  SDL_Surface* pixels =
      SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
  bool ok = texture && pixels;
  if (ok) {
    SDL_Texture* screen = SDL_GetRenderTarget(renderer);
    float scale_x, scale_y;
    SDL_RenderGetScale(renderer, &scale_x, &scale_y);
    SDL_SetRenderTarget(renderer, texture);
    SDL_RenderSetScale(renderer, static_cast<float>(width) / laid_out.width,
                       static_cast<float>(height) / laid_out.height);
    render.slides().draw(slide, DrawState{}, laid_out.width, laid_out.height);
    SDL_RenderSetScale(renderer, 1, 1);
    ok = SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, pixels->pixels,
                              pixels->pitch) == 0;
    SDL_RenderSetScale(renderer, scale_x, scale_y);
    SDL_SetRenderTarget(renderer, screen);
  }
  if (!ok) *error = std::string("cannot draw a thumbnail: ") + SDL_GetError();
  if (ok) ok = encode_png(pixels, png, error);
  if (pixels) SDL_FreeSurface(pixels);
  if (texture) SDL_DestroyTexture(texture);
  return ok;
}

}  // namespace boothdeck
