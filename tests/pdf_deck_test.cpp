// PDF decks: a PDF written here byte by byte (pages of plain colour, some with /Dur) read as a
// deck, its pages' sizes, durations and pixels, letterboxed on the theme's background when drawn.
// tests/cli_test.sh makes one from our own exported slides with img2pdf, and an encrypted one
// with qpdf.
#include "render/pdf_deck.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/layout/layout.h"
#include "fake_measurer.h"
#include "render/image_loader.h"
#include "render/offscreen.h"
#include "render/slide_renderer.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

struct Page {
  int width, height;
  const char* fill;      // PDF colour operands, e.g. "1 0 0"
  const char* duration;  // "" = no /Dur
};

// A valid PDF: catalog, page tree, and each page with a content stream filling it.
std::string make_pdf(const std::vector<Page>& pages) {
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(3 + 2 * i) + " 0 R ";
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    const Page& p = pages[i];
    std::string size = std::to_string(p.width) + " " + std::to_string(p.height);
    std::string dur = *p.duration ? std::string(" /Dur ") + p.duration : "";
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + size + "] /Contents " +
           std::to_string(4 + 2 * i) + " 0 R" + dur + " >>");
    std::string stream = std::string(p.fill) + " rg 0 0 " + size + " re f\n";
    object("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
  }
  size_t xref = out.size();
  char line[32];
  out += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

struct PdfFile {
  fs::path path;
  PdfFile(const std::string& name, const std::string& bytes)
      : path(fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~PdfFile() { fs::remove(path); }
};

const std::vector<Page> kPages = {
    {400, 300, "1 0 0", "7"},    // red, 7 s
    {300, 400, "0 0 1", ""},     // blue, portrait, the default
    {400, 300, "0 1 0", "2.5"},  // green, 2.5 s
};

uint32_t pixel(SDL_Surface* s, int x, int y) {
  return static_cast<uint32_t*>(s->pixels)[y * (s->pitch / 4) + x];
}

}  // namespace

TEST_CASE("a PDF is a deck: a slide per page, durations from /Dur, pages shown whole") {
  PdfFile pdf("talk.pdf", make_pdf(kPages));
  CHECK(is_pdf_file(pdf.path));
  ParseResult r = load_pdf_deck(pdf.path);
  CHECK(r.diagnostics.empty());
  const Deck& deck = r.deck;
  REQUIRE(deck.slides.size() == 3);
  CHECK(deck.duration_of(0) == 7);
  CHECK(deck.duration_of(1) == 10);
  CHECK(deck.duration_of(2) == 2.5);
  CHECK(deck.settings.title == pdf.path.stem().string());
  for (int i = 0; i < 3; ++i) {
    const Background& bg = deck.slides[i].background;
    REQUIRE(bg.images.size() == 1);
    CHECK(bg.images[0].page == i + 1);
    CHECK(bg.fit == ImageFit::Contain);
  }
  ImageSize portrait = image_natural_size(pdf.path.string(), 2);
  CHECK(portrait.width == 300);
  CHECK(portrait.height == 400);
  CHECK(image_natural_size(pdf.path.string(), 4).width == 0);

  // Laid out on a landscape screen, the portrait page is as tall as the screen and centred.
  FakeMeasurer measurer;
  auto sizes = [](const std::string& path, int page) { return image_natural_size(path, page); };
  SlideDisplay d = layout_slide(deck, 1, {1920, 1080}, theme_named("dark"), measurer, sizes);
  REQUIRE(d.items.size() == 1);
  CHECK(d.items[0].rect.h == doctest::Approx(1080));
  CHECK(d.items[0].rect.w == doctest::Approx(810));
  CHECK(d.items[0].rect.x == doctest::Approx((1920 - 810) / 2.0));

  // Drawn: the page's colour in the middle, the theme's background beside it.
  OffscreenSurface surface(640, 360);
  std::string error;
  SDL_Renderer* target = surface.create_renderer(&error);
  REQUIRE(target);
  {
    FontSet no_fonts;  // a page draws no text
    TextCache text(target, no_fonts, 1 << 20);
    SlideRenderer renderer(target, text, image_cache_limit({640, 360}));
    SlideDisplay small = layout_slide(deck, 1, {640, 360}, theme_named("dark"), measurer, sizes);
    renderer.draw(small, DrawState{}, 640, 360);
    SDL_RenderPresent(target);
    SDL_Surface* s = surface.surface();
    uint8_t r8, g8, b8;
    SDL_GetRGB(pixel(s, 320, 180), s->format, &r8, &g8, &b8);
    CHECK(b8 > 200);
    CHECK(r8 < 40);
    Color bg = theme_named("dark").background;
    SDL_GetRGB(pixel(s, 10, 180), s->format, &r8, &g8, &b8);
    CHECK(r8 == bg.r);
    CHECK(g8 == bg.g);
    CHECK(b8 == bg.b);
    // Rendered pages stay within the image cache's limit.
    CHECK(renderer.images().bytes() <= image_cache_limit({640, 360}));
    CHECK(renderer.images().bytes() > 0);
  }
  SDL_DestroyRenderer(target);  // after its textures
}

TEST_CASE("a PDF that cannot be read is one diagnostic, not a crash") {
  struct Row {
    std::string bytes;
    Code code;
  };
  std::string good = make_pdf(kPages);
  const Row rows[] = {
      {"%PDF-1.4\nthis is not a PDF body\n", Code::PdfUnreadable},
      {good.substr(0, good.size() / 3), Code::PdfUnreadable},  // cut short
      {"", Code::PdfUnreadable},
  };
  for (const Row& row : rows) {
    PdfFile pdf("bad.pdf", row.bytes);
    ParseResult r = load_pdf_deck(pdf.path);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == row.code);
    CHECK(r.deck.slides.empty());
  }
  ParseResult missing = load_pdf_deck("/nonexistent/talk.pdf");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].code == Code::Unreadable);
}
