// Scaling down halves the image until it is within twice the target, then one linear stretch:
// each halving averages 2×2 pixels, so a photo shrunk 8× does not shimmer as a single bilinear
// stretch would. PDF documents stay open in a small cache: opening re-parses the whole file.
#include "render/image_loader.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <list>
#include <memory>
#include <mutex>
#include <utility>

#include "render/optional_module.h"
#include "render/pdf_document.h"
#include "render/raster_image.h"
#include "render/svg_image.h"

namespace boothdeck {

namespace {

constexpr size_t kOpenPdfs = 4;

enum class Kind { Raster, Svg, Pdf };

Kind kind_of(const std::string& path, int page) {
  if (page > 0) return Kind::Pdf;
  std::ifstream in(path, std::ios::binary);
  char head[512] = {};
  in.read(head, sizeof head);
  std::string_view text(head, static_cast<size_t>(in.gcount()));
  if (text.substr(0, 5) == "%PDF-") return Kind::Pdf;
  // Raster signatures first: a PNG's bytes may happen to contain "<svg".
  if (text.substr(0, 4) == "\x89PNG" || text.substr(0, 3) == "\xFF\xD8\xFF" ||
      text.substr(0, 4) == "GIF8" || text.substr(0, 2) == "BM" || text.substr(0, 4) == "RIFF")
    return Kind::Raster;
  return text.find("<svg") != std::string_view::npos ? Kind::Svg : Kind::Raster;
}

// Open documents, most recently used first. Never destroyed: at exit poppler's own globals,
// registered when its module was loaded (after ours), are gone before ours would be.
std::mutex pdf_mutex;
auto& open_pdfs = *new std::list<std::pair<std::string, std::unique_ptr<PdfDocument>>>;

template <typename F>
auto with_pdf(const std::string& path, F&& use) -> decltype(use(std::declval<PdfDocument&>())) {
  std::lock_guard<std::mutex> lock(pdf_mutex);
  auto it = std::find_if(open_pdfs.begin(), open_pdfs.end(),
                         [&](const auto& entry) { return entry.first == path; });
  if (it == open_pdfs.end()) {
    PdfProblem problem;
    std::unique_ptr<PdfDocument> pdf = PdfDocument::open(path, &problem);
    if (!pdf) return {};
    open_pdfs.emplace_front(path, std::move(pdf));
    if (open_pdfs.size() > kOpenPdfs) open_pdfs.pop_back();
  } else {
    open_pdfs.splice(open_pdfs.begin(), open_pdfs, it);
  }
  return use(*open_pdfs.front().second);
}

// `surface` (ARGB8888, freed) scaled to width × height.
SDL_Surface* scale_surface(SDL_Surface* surface, int width, int height) {
  while (surface->w >= 2 * width && surface->h >= 2 * height && surface->w > 1 && surface->h > 1) {
    SDL_Surface* half = SDL_CreateRGBSurfaceWithFormat(0, surface->w / 2, surface->h / 2, 32,
                                                       SDL_PIXELFORMAT_ARGB8888);
    if (!half || SDL_SoftStretchLinear(surface, nullptr, half, nullptr) != 0) {
      SDL_FreeSurface(half);
      break;
    }
    SDL_FreeSurface(surface);
    surface = half;
  }
  if (surface->w == width && surface->h == height) return surface;
  SDL_Surface* scaled =
      SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
  if (scaled && SDL_SoftStretchLinear(surface, nullptr, scaled, nullptr) != 0) {
    SDL_FreeSurface(scaled);
    scaled = nullptr;
  }
  SDL_FreeSurface(surface);
  return scaled;
}

bool swaps_sides(int orientation) {
  return orientation >= 5 && orientation <= 8;
}

}  // namespace

SDL_Surface* orient_surface(SDL_Surface* surface, int orientation) {
  SDL_Surface* src = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_ARGB8888, 0);
  if (!src || orientation <= 1 || orientation > 8) return src;
  int w = src->w, h = src->h;
  bool swap = swaps_sides(orientation);
  SDL_Surface* dst =
      SDL_CreateRGBSurfaceWithFormat(0, swap ? h : w, swap ? w : h, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!dst) return src;
  auto at = [](SDL_Surface* s, int x, int y) -> uint32_t& {
    return reinterpret_cast<uint32_t*>(static_cast<char*>(s->pixels) +
                                       static_cast<size_t>(y) * s->pitch)[x];
  };
  // Where each shown pixel comes from in the stored image (EXIF 2.3, tag 0x0112): the
  // orientations 5 to 8 swap the axes, and each may count an axis from its far end.
  struct Turn {
    bool swap, flip_x, flip_y;
  };
  constexpr Turn kTurns[9] = {{},
                              {false, false, false},
                              {false, true, false},
                              {false, true, true},
                              {false, false, true},
                              {true, false, false},
                              {true, false, true},
                              {true, true, true},
                              {true, true, false}};
  const Turn turn = kTurns[orientation];
  for (int y = 0; y < dst->h; ++y) {
    for (int x = 0; x < dst->w; ++x) {
      int a = turn.swap ? y : x, b = turn.swap ? x : y;
      int sx = turn.flip_x ? w - 1 - a : a, sy = turn.flip_y ? h - 1 - b : b;
      at(dst, x, y) = at(src, sx, sy);
    }
  }
  SDL_FreeSurface(src);
  return dst;
}

std::string image_decoder_problem(const std::string& path, int page) {
  switch (kind_of(path, page)) {
    case Kind::Pdf:
      return optional_module_problem(Module::Pdf);
    case Kind::Svg:
      return optional_module_problem(Module::Svg);
    case Kind::Raster:
      return optional_module_problem(Module::Image);
  }
  return "";
}

ImageSize image_natural_size(const std::string& path, int page) {
  switch (kind_of(path, page)) {
    case Kind::Pdf:
      return with_pdf(path, [&](PdfDocument& pdf) {
        double w, h;
        if (!pdf.page_size(std::max(page, 1), &w, &h)) return ImageSize{};
        return ImageSize{static_cast<int>(w + 0.5), static_cast<int>(h + 0.5)};
      });
    case Kind::Svg:
      return svg_natural_size(path);
    case Kind::Raster:
      break;
  }
  std::string error;
  SDL_Surface* surface = decode_raster(path, &error);
  if (!surface) return {};
  ImageSize size{surface->w, surface->h};
  SDL_FreeSurface(surface);
  if (swaps_sides(exif_orientation(path))) std::swap(size.width, size.height);
  return size;
}

SDL_Surface* load_image(const std::string& path, int page, int width, int height,
                        std::string* error) {
  if (width <= 0 || height <= 0) {
    *error = "nothing to show at this size";
    return nullptr;
  }
  switch (kind_of(path, page)) {
    case Kind::Pdf: {
      SDL_Surface* surface = with_pdf(
          path, [&](PdfDocument& pdf) { return pdf.render(std::max(page, 1), width, height); });
      if (!surface) *error = "the PDF page cannot be rendered";
      return surface;
    }
    case Kind::Svg:
      return render_svg(path, width, height, error);
    case Kind::Raster:
      break;
  }
  SDL_Surface* decoded = decode_raster(path, error);
  if (!decoded) return nullptr;
  int orientation = exif_orientation(path);
  SDL_Surface* argb = SDL_ConvertSurfaceFormat(decoded, SDL_PIXELFORMAT_ARGB8888, 0);
  SDL_FreeSurface(decoded);
  if (!argb) {
    *error = SDL_GetError();
    return nullptr;
  }
  // Scale first (the stored image, sides swapped if it will be turned), then turn the small one.
  bool swap = swaps_sides(orientation);
  SDL_Surface* scaled = scale_surface(argb, swap ? height : width, swap ? width : height);
  if (!scaled) {
    *error = SDL_GetError();
    return nullptr;
  }
  if (orientation == 1) return scaled;
  SDL_Surface* upright = orient_surface(scaled, orientation);
  SDL_FreeSurface(scaled);
  if (!upright) *error = SDL_GetError();
  return upright;
}

}  // namespace boothdeck
