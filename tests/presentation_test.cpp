// Everything derived from a deck belongs to its generation: a reload that changes an image on
// disk or the deck's font gets new sizes and new fonts, not the old generation's.
#include "app/presentation.h"

#include <doctest/doctest.h>

#include "test_support.h"

using namespace boothdeck;

namespace {

std::unique_ptr<Presentation> generation(const std::filesystem::path& deck, uint64_t number) {
  std::string error;
  auto p = Presentation::make(load_deck(deck.string()), number, find_fonts_dir(""), {1920, 1080},
                              &error);
  REQUIRE_MESSAGE(p, error);
  return p;
}

const DisplayItem* first_image(Presentation& p) {
  for (const DisplayItem& item : p.layout().slide(0).items)
    if (item.kind == ItemKind::Image) return &item;
  return nullptr;
}

}  // namespace

TEST_CASE("an image changed on disk is measured again by the next generation") {
  REQUIRE(sdl_started());
  TempDir dir;
  write_file(dir / "deck.md", "# 로고\n\n![logo](logo.bmp)\n");
  write_image(dir / "logo.bmp", 100, 100);
  auto first = generation(dir / "deck.md", 1);
  const DisplayItem* square = first_image(*first);
  REQUIRE(square);
  CHECK(square->rect.w == doctest::Approx(square->rect.h));

  write_image(dir / "logo.bmp", 400, 100);  // the logo became a wide one
  auto second = generation(dir / "deck.md", 2);
  const DisplayItem* wide = first_image(*second);
  REQUIRE(wide);
  CHECK(wide->rect.w == doctest::Approx(4 * wide->rect.h));
}

TEST_CASE("a new font in the front matter is the next generation's font") {
  REQUIRE(sdl_started());
  TempDir dir;
  write_file(dir / "deck.md", "# 글꼴\n");
  auto first = generation(dir / "deck.md", 1);
  write_file(dir / "deck.md", "---\nfont: NanumMyeongjo\n---\n# 글꼴\n");
  auto second = generation(dir / "deck.md", 2);
  CHECK(first->fonts().describe().find("NanumMyeongjo") == std::string::npos);
  CHECK(second->fonts().describe().find("NanumMyeongjo") != std::string::npos);
  CHECK(second->generation() == 2);
}
