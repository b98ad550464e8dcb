// A font file read through its page cache: byte-exact reads across pages and at the end, tables
// read past the pages, the RWops contract SDL_ttf relies on, only the pages read held, and a
// real font measuring the same through it as read by SDL itself.
#include "render/font_file_pages.h"

#include <doctest/doctest.h>

#include <string>

#include "temp_dir.h"
#include "test_fonts.h"

using namespace boothdeck;

namespace {

// Bytes that follow no page-sized period, so a page read from the wrong offset shows.
std::string patterned(size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7 + i / 251) & 0xFF);
  return bytes;
}

// A file of `size` patterned bytes, opened.
struct PagedFile {
  TempDir dir;
  std::string bytes;
  FontFilePages pages;
  explicit PagedFile(size_t size) : bytes(patterned(size)) {
    REQUIRE(pages.open(dir.write("font.ttf", bytes).string()));
  }
};

}  // namespace

TEST_CASE("font file pages: reads are byte-exact across pages and stop at the end") {
  const size_t size = 3 * FontFilePages::kPageBytes + 100;
  PagedFile file(size);
  FontFilePages& pages = file.pages;
  const std::string& bytes = file.bytes;
  CHECK(pages.size() == size);
  CHECK(pages.bytes_held() == 0);

  std::string out(6000, '\0');
  // 6000 bytes from 4000: the end of page 0, all of page 1, the start of page 2.
  CHECK(pages.read_at(4000, out.data(), 6000) == 6000);
  CHECK(out == bytes.substr(4000, 6000));
  CHECK(pages.bytes_held() == 3 * FontFilePages::kPageBytes);
  // Past the end: what there is, then nothing.
  CHECK(pages.read_at(size - 10, out.data(), 6000) == 10);
  CHECK(out.substr(0, 10) == bytes.substr(size - 10));
  CHECK(pages.read_at(size, out.data(), 1) == 0);
  CHECK(pages.bytes_held() == 4 * FontFilePages::kPageBytes);
}

TEST_CASE("font file pages: a table-sized read comes straight from the file, holding no page") {
  const size_t size = 6 * FontFilePages::kPageBytes + 100;
  PagedFile file(size);
  FontFilePages& pages = file.pages;
  const std::string& bytes = file.bytes;
  std::string table(FontFilePages::kDirectReadBytes + 5000, '\0');
  CHECK(pages.read_at(300, table.data(), table.size()) == table.size());
  CHECK(table == bytes.substr(300, table.size()));
  CHECK(pages.bytes_held() == 0);
  // Up to the end only.
  CHECK(pages.read_at(size - 20000, table.data(), table.size()) == 20000);
  CHECK(table.substr(0, 20000) == bytes.substr(size - 20000));
  CHECK(pages.bytes_held() == 0);
}

TEST_CASE("font file pages: readers seek and read like a file, each at its own position") {
  PagedFile file(10000);
  FontFilePages& pages = file.pages;
  const std::string& bytes = file.bytes;
  SDL_RWops* a = pages.reader();
  SDL_RWops* b = pages.reader();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(SDL_RWsize(a) == 10000);
  CHECK(SDL_RWseek(a, 5000, RW_SEEK_SET) == 5000);
  CHECK(SDL_RWseek(a, -1000, RW_SEEK_CUR) == 4000);
  CHECK(SDL_RWseek(b, -16, RW_SEEK_END) == 9984);
  CHECK(SDL_RWseek(b, -20000, RW_SEEK_CUR) == -1);  // before the start: refused, not moved
  CHECK(SDL_RWtell(b) == 9984);
  char four[4];
  CHECK(SDL_RWread(a, four, 4, 1) == 1);
  CHECK(std::string(four, 4) == bytes.substr(4000, 4));
  CHECK(SDL_RWtell(a) == 4004);
  // SDL_RWread counts whole objects: 16 bytes left are four of 4, or none of 32.
  char rest[32];
  CHECK(SDL_RWread(b, rest, 4, 8) == 4);
  CHECK(std::string(rest, 16) == bytes.substr(9984));
  CHECK(SDL_RWread(b, rest, 32, 1) == 0);
  CHECK(SDL_RWwrite(a, four, 4, 1) == 0);  // read-only
  SDL_RWclose(a);
  SDL_RWclose(b);
}

TEST_CASE("font file pages: a missing or empty file is refused") {
  TempDir dir;
  FontFilePages missing, empty;
  CHECK_FALSE(missing.open((dir.path / "none.ttf").string()));
  CHECK_FALSE(empty.open(dir.write("empty.ttf", "").string()));
}

TEST_CASE("font file pages: a real font measures and draws as read by SDL itself") {
  REQUIRE(shared_fonts().ok);
  const std::string path = shared_fonts().fonts.file(0).path;
  FontFilePages pages;
  REQUIRE(pages.open(path));
  TTF_Font* through_pages = TTF_OpenFontIndexRW(pages.reader(), 1, 48, 0);
  TTF_Font* direct = TTF_OpenFont(path.c_str(), 48);
  REQUIRE(through_pages);
  REQUIRE(direct);
  const char* text = "부스 화면 Booth 2026";
  int w1 = 0, h1 = 0, w2 = 0, h2 = 0;
  CHECK(TTF_SizeUTF8(through_pages, text, &w1, &h1) == 0);
  CHECK(TTF_SizeUTF8(direct, text, &w2, &h2) == 0);
  CHECK(w1 > 0);
  CHECK(w1 == w2);
  CHECK(h1 == h2);
  SDL_Surface* s1 = TTF_RenderUTF8_Blended(through_pages, text, {255, 255, 255, 255});
  SDL_Surface* s2 = TTF_RenderUTF8_Blended(direct, text, {255, 255, 255, 255});
  REQUIRE(s1);
  REQUIRE(s2);
  REQUIRE(s1->h == s2->h);
  REQUIRE(s1->pitch == s2->pitch);
  CHECK(std::string(static_cast<char*>(s1->pixels), s1->pitch * s1->h) ==
        std::string(static_cast<char*>(s2->pixels), s2->pitch * s2->h));
  SDL_FreeSurface(s1);
  SDL_FreeSurface(s2);
  TTF_CloseFont(through_pages);
  TTF_CloseFont(direct);
  // Only part of the file was read.
  CHECK(pages.bytes_held() > 0);
  CHECK(pages.bytes_held() < pages.size());
}
