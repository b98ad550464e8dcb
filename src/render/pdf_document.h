// A PDF: its pages' sizes and display durations (/Dur, as pdfpc and Impressive read them), and a
// page rendered to an SDL surface at a given size. Read with poppler-cpp inside the optional
// module boothdeck-pdf.so (modules/pdf_module.cpp, the only file that includes poppler), which
// open() loads the first time a PDF is needed (render/optional_module.h).
//
//   PdfProblem problem;
//   if (auto pdf = PdfDocument::open("talk.pdf", &problem)) {
//     SDL_Surface* page = pdf->render(1, 1920, 1080);  // page 1, fitted; caller frees it
//   }
#pragma once

#include <SDL.h>

#include <memory>
#include <string>

namespace boothdeck {

// ModuleMissing: boothdeck's PDF module cannot be loaded (`module_error` says why).
enum class PdfProblem { None, Unreadable, Encrypted, ModuleMissing };

class PdfDocument {
 public:
  // nullptr (and the problem) when the file is not a readable PDF or needs a password.
  // `module_error` (may be null) gets the reason with ModuleMissing.
  static std::unique_ptr<PdfDocument> open(const std::string& path, PdfProblem* problem,
                                           std::string* module_error = nullptr);
  PdfDocument() = default;
  virtual ~PdfDocument() = default;
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  virtual int pages() const = 0;
  // Page `page` (1-based) as it is shown, in points (1/72 inch), its /Rotate applied;
  // false for a page that does not exist.
  virtual bool page_size(int page, double* width, double* height) const = 0;
  // Seconds the page asks to be shown (/Dur); 0 when it does not say.
  virtual double duration(int page) const = 0;
  virtual std::string title() const = 0;
  // The page scaled to exactly width × height pixels (ARGB8888); nullptr on failure.
  virtual SDL_Surface* render(int page, int width, int height) const = 0;
};

// The module's entry point, boothdeck_pdf_open (C linkage): a new document, or nullptr with
// `problem` set when the file cannot be read.
using PdfOpenFunction = PdfDocument*(const char* path, PdfProblem* problem);

}  // namespace boothdeck
