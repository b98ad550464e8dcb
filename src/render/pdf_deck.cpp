// Each page becomes a slide whose background is the page, contained (never cropped).
#include "render/pdf_deck.h"

#include <fstream>

#include "core/deck/image_ref.h"
#include "render/pdf_document.h"

namespace boothdeck {

bool is_pdf_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  if (in.read(head, sizeof head)) return std::string_view(head, 5) == "%PDF-";
  return is_pdf_path(path.string());
}

ParseResult load_pdf_deck(const std::filesystem::path& path) {
  ParseResult result;
  std::string file = path.string();
  result.deck.file = file;
  DiagnosticList out{file, {}};
  PdfProblem problem = PdfProblem::None;
  std::string module_error;
  std::unique_ptr<PdfDocument> pdf = PdfDocument::open(file, &problem, &module_error);
  if (!pdf) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      out.add(Code::Unreadable, 0, 0,
              "cannot read the deck; check that the file exists and is readable");
    else if (problem == PdfProblem::ModuleMissing)
      out.add(Code::PdfUnreadable, 0, 0, module_error);
    else if (problem == PdfProblem::Encrypted)
      out.add(Code::PdfEncrypted, 0, 0,
              "the PDF is protected by a password; export it again without one (or print it to "
              "a new PDF)");
    else
      out.add(Code::PdfUnreadable, 0, 0,
              "the PDF cannot be read (damaged, cut short, or not a PDF); export it again");
    result.diagnostics = std::move(out.items);
    return result;
  }
  result.deck.settings.title = pdf->title();
  if (result.deck.settings.title.empty()) result.deck.settings.title = path.stem().string();
  for (int page = 1; page <= pdf->pages(); ++page) {
    Slide slide;
    slide.duration = pdf->duration(page);
    Image image;
    image.path = file;
    image.page = page;
    slide.background.images.push_back(std::move(image));
    slide.background.fit = ImageFit::Contain;
    result.deck.slides.push_back(std::move(slide));
  }
  result.diagnostics = std::move(out.items);
  return result;
}

}  // namespace boothdeck
