// A PDF opened with poppler-cpp: its pages' sizes and display durations (/Dur, as pdfpc and
// Impressive read them), and a page rendered to an SDL surface at a given size.
// The only file that includes poppler; src/core never sees it.
//
//   PdfProblem problem;
//   if (auto pdf = PdfDocument::open("talk.pdf", &problem)) {
//     SDL_Surface* page = pdf->render(1, 1920, 1080);  // page 1, fitted; caller frees it
//   }
#pragma once

#include <SDL.h>

#include <memory>
#include <string>

namespace poppler {
class document;
}

namespace boothdeck {

enum class PdfProblem { None, Unreadable, Encrypted };

class PdfDocument {
 public:
  // nullptr (and the problem) when the file is not a readable PDF or needs a password.
  static std::unique_ptr<PdfDocument> open(const std::string& path, PdfProblem* problem);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  int pages() const;
  // Page `page` (1-based) as it is shown, in points (1/72 inch), its /Rotate applied;
  // false for a page that does not exist.
  bool page_size(int page, double* width, double* height) const;
  // Seconds the page asks to be shown (/Dur); 0 when it does not say.
  double duration(int page) const;
  std::string title() const;
  // The page scaled to exactly width × height pixels (ARGB8888); nullptr on failure.
  SDL_Surface* render(int page, int width, int height) const;

 private:
  explicit PdfDocument(poppler::document* document);
  std::unique_ptr<poppler::document> document_;
};

}  // namespace boothdeck
