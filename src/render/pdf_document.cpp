// Opens a PDF through the optional module boothdeck-pdf.so (render/optional_module.h).
#include "render/pdf_document.h"

#include "render/optional_module.h"

namespace boothdeck {

std::unique_ptr<PdfDocument> PdfDocument::open(const std::string& path, PdfProblem* problem,
                                               std::string* module_error) {
  std::string error;
  auto* open_pdf = optional_function<PdfOpenFunction>(Module::Pdf, "boothdeck_pdf_open", &error);
  if (!open_pdf) {
    *problem = PdfProblem::ModuleMissing;
    if (module_error) *module_error = error;
    return nullptr;
  }
  return std::unique_ptr<PdfDocument>(open_pdf(path.c_str(), problem));
}

}  // namespace boothdeck
