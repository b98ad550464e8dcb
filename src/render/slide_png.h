// A slide drawn small by our own renderer and encoded as PNG: the remote's thumbnails. Drawn on
// the kiosk's renderer between frames, into a target texture that lives only inside the call
// (RenderContext owns everything that outlives it).
//
//   std::string png;
//   if (slide_png(render, layout.slide(3), {1920, 1080}, 640, &png, &error)) hand_over(png);
#pragma once

#include <string>

#include "core/layout/display_list.h"
#include "core/layout/layout.h"
#include "render/render_context.h"

namespace boothdeck {

// `slide` laid out for `laid_out`, drawn `width` pixels wide (its height keeps the aspect),
// animations finished. False with `error` when the renderer cannot make or read the texture.
bool slide_png(RenderContext& render, const SlideDisplay& slide, Viewport laid_out, int width,
               std::string* png, std::string* error);

}  // namespace boothdeck
