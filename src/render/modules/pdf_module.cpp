// boothdeck-pdf.so: PdfDocument read with poppler-cpp, loaded only when a deck needs a PDF
// (render/optional_module.h). poppler's messages go nowhere: a broken PDF is reported once, as a
// diagnostic, by the caller.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "render/optional_module.h"
#include "render/pdf_document.h"

namespace boothdeck {

namespace {

void quiet(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
}

bool sideways(const poppler::page& page) {
  auto o = page.orientation();
  return o == poppler::page::landscape || o == poppler::page::seascape;
}

}  // namespace

class PopplerPdf final : public PdfDocument {
 public:
  explicit PopplerPdf(poppler::document* document) : document_(document) {}
  int pages() const override { return document_->pages(); }
  bool page_size(int page, double* width, double* height) const override;
  double duration(int page) const override;
  std::string title() const override;
  SDL_Surface* render(int page, int width, int height) const override;

 private:
  std::unique_ptr<poppler::document> document_;
};

bool PopplerPdf::page_size(int page, double* width, double* height) const {
  if (page < 1 || page > pages()) return false;
  std::unique_ptr<poppler::page> p(document_->create_page(page - 1));
  if (!p) return false;
  poppler::rectf box = p->page_rect(poppler::crop_box);
  *width = sideways(*p) ? box.height() : box.width();
  *height = sideways(*p) ? box.width() : box.height();
  return *width > 0 && *height > 0;
}

double PopplerPdf::duration(int page) const {
  if (page < 1 || page > pages()) return 0;
  std::unique_ptr<poppler::page> p(document_->create_page(page - 1));
  double seconds = p ? p->duration() : -1;
  return seconds > 0 ? seconds : 0;
}

std::string PopplerPdf::title() const {
  poppler::byte_array utf8 = document_->get_title().to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

SDL_Surface* PopplerPdf::render(int page, int width, int height) const {
  double w_points, h_points;
  if (width <= 0 || height <= 0 || !page_size(page, &w_points, &h_points)) return nullptr;
  std::unique_ptr<poppler::page> p(document_->create_page(page - 1));
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing |
                            poppler::page_renderer::text_hinting);
  renderer.set_image_format(poppler::image::format_argb32);
  double xres = 72.0 * width / w_points, yres = 72.0 * height / h_points;
  poppler::image image = renderer.render_page(p.get(), xres, yres, 0, 0, width, height);
  if (!image.is_valid()) return nullptr;
  SDL_Surface* surface =
      SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!surface) return nullptr;
  int rows = std::min(height, image.height());
  size_t row_bytes = static_cast<size_t>(std::min(width, image.width())) * 4;
  for (int y = 0; y < rows; ++y)
    std::memcpy(static_cast<char*>(surface->pixels) + static_cast<size_t>(y) * surface->pitch,
                image.const_data() + static_cast<size_t>(y) * image.bytes_per_row(), row_bytes);
  return surface;
}

}  // namespace boothdeck

extern "C" {

__attribute__((visibility("default"))) extern const int boothdeck_module_abi =
    boothdeck::kModuleAbi;

__attribute__((visibility("default"))) boothdeck::PdfDocument* boothdeck_pdf_open(
    const char* path, boothdeck::PdfProblem* problem) {
  using boothdeck::PdfProblem;
  boothdeck::silence_poppler();
  poppler::document* document = poppler::document::load_from_file(path);
  if (!document) {
    // poppler also returns nothing for a PDF it cannot open without a password.
    *problem = PdfProblem::Unreadable;
    return nullptr;
  }
  auto pdf = std::make_unique<boothdeck::PopplerPdf>(document);
  if (document->is_locked()) {
    *problem = PdfProblem::Encrypted;
    return nullptr;
  }
  if (document->pages() <= 0) {
    *problem = PdfProblem::Unreadable;
    return nullptr;
  }
  *problem = PdfProblem::None;
  return pdf.release();
}

}  // extern "C"
