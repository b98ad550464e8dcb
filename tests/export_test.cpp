// Export draws each slide band by band into its PNG: the file must hold what a whole frame
// draws, and a PNG that cannot be finished must say why.
#include <SDL_image.h>
#include <doctest/doctest.h>
#include <zlib.h>

#include <fstream>
#include <iterator>

#include "app/exporter.h"
#include "app/presentation.h"
#include "render/png_writer.h"
#include "test_support.h"
#include "ui/headless_screen.h"

using namespace boothdeck;

TEST_CASE("an exported slide, drawn in bands, is the slide drawn whole") {
  REQUIRE(sdl_started());
  TempDir dir;
  LoadedDeck deck = load_deck("");
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1080, 1920}, std::pair{1280, 700}}) {
    CAPTURE(w);
    CAPTURE(h);
    Options options;
    options.export_dir = (dir.path / "out").string();
    options.width = w;
    options.height = h;
    REQUIRE(run_export(options, deck) == kExitOk);
    // After the export: the process has one ImGui context at a time.
    std::string error;
    auto presentation = Presentation::make(deck, 1, find_fonts_dir(""), {w, h}, &error);
    REQUIRE(presentation);
    HeadlessScreen whole(presentation->fonts(), w, h);
    REQUIRE(whole.start(&error));
    for (int slide = 1; slide <= presentation->layout().size(); ++slide) {
      CAPTURE(slide);
      char name[32];
      std::snprintf(name, sizeof name, "/slide-%02d.png", slide);
      SDL_Surface* png = IMG_Load((options.export_dir + name).c_str());
      REQUIRE(png);
      SDL_Surface* exported = SDL_ConvertSurfaceFormat(png, SDL_PIXELFORMAT_RGB888, 0);
      SDL_FreeSurface(png);
      FrameScene scene;
      scene.width = w;
      scene.height = h;
      scene.layers.push_back({&presentation->layout().slide(slide - 1), {}});
      whole.draw(scene);
      SDL_Surface* drawn = whole.surface.surface();
      REQUIRE(exported->w == w);
      REQUIRE(exported->h == h);
      int differing = 0;
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          uint32_t a = static_cast<uint32_t*>(exported->pixels)[y * exported->pitch / 4 + x];
          uint32_t b = static_cast<uint32_t*>(drawn->pixels)[y * drawn->pitch / 4 + x];
          differing += (a & 0xFFFFFF) != (b & 0xFFFFFF);
        }
      CHECK(differing == 0);
      SDL_FreeSurface(exported);
    }
  }
}

TEST_CASE("a PNG that cannot be written or finished says why") {
  REQUIRE(sdl_started());
  TempDir dir;
  SDL_Surface* band = SDL_CreateRGBSurfaceWithFormat(0, 64, 16, 32, SDL_PIXELFORMAT_RGB888);
  REQUIRE(band);
  std::string error;
  SUBCASE("a folder that does not exist") {
    PngWriter png;
    CHECK_FALSE(png.open((dir.path / "missing/slide.png").string(), 64, 32, &error));
    CHECK(error.find("cannot write") != std::string::npos);
  }
  SUBCASE("fewer rows than the image has") {
    PngWriter png;
    REQUIRE(png.open((dir.path / "short.png").string(), 64, 32, &error));
    REQUIRE(png.write_rows(band, 16, &error));
    CHECK_FALSE(png.finish(&error));
    CHECK(error.find("fewer rows") != std::string::npos);
  }
  SUBCASE("all rows, in two bands") {
    PngWriter png;
    REQUIRE(png.open((dir.path / "whole.png").string(), 64, 32, &error));
    REQUIRE(png.write_rows(band, 16, &error));
    REQUIRE(png.write_rows(band, 16, &error));
    CHECK(png.finish(&error));
    SDL_Surface* read = IMG_Load((dir.path / "whole.png").c_str());
    REQUIRE(read);
    CHECK(read->h == 32);
    SDL_FreeSurface(read);
  }
  SUBCASE("in memory: the same bytes as the file") {
    REQUIRE(write_png(band, (dir.path / "band.png").string(), &error));
    std::ifstream file(dir.path / "band.png", std::ios::binary);
    std::string written((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::string png;
    REQUIRE(encode_png(band, &png, &error));
    CHECK(png.size() > 8);
    CHECK(png == written);
    PngWriter half;
    REQUIRE(half.open_memory(64, 32, &error));
    REQUIRE(half.write_rows(band, 16, &error));
    CHECK_FALSE(half.finish(&png, &error));
    CHECK(error.find("a PNG in memory: fewer rows") != std::string::npos);
    PngWriter to_file;
    REQUIRE(to_file.open((dir.path / "file.png").string(), 64, 16, &error));
    REQUIRE(to_file.write_rows(band, 16, &error));
    CHECK_FALSE(to_file.finish(&png, &error));  // a file's writer has no bytes to hand over
  }
  SDL_FreeSurface(band);
}

// CRC-32 as the PNG specification gives it (ISO 3309, reflected 0xEDB88320), written out here
// so the check does not share code with the writer.
static uint32_t reference_crc32(const unsigned char* data, size_t size, uint32_t crc = 0) {
  crc = ~crc;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return ~crc;
}

namespace {

uint32_t be32(const std::string& bytes, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}

// A PNG's chunks after the signature, each within the file.
struct Chunk {
  std::string type, data;
  uint32_t crc;
};
std::vector<Chunk> chunks_of(const std::string& png) {
  std::vector<Chunk> chunks;
  for (size_t at = 8; at + 12 <= png.size();) {
    uint32_t length = be32(png, at);
    REQUIRE(at + 12 + length <= png.size());
    chunks.push_back(
        {png.substr(at + 4, 4), png.substr(at + 8, length), be32(png, at + 8 + length)});
    at += 12 + length;
  }
  return chunks;
}

}  // namespace

TEST_CASE("every chunk of an exported PNG carries the CRC of its type and data, IEND too") {
  REQUIRE(sdl_started());
  TempDir dir;
  Options options;
  options.export_dir = (dir.path / "out").string();
  options.width = 640;
  options.height = 360;
  options.only_slide = 1;
  REQUIRE(run_export(options, load_deck("")) == kExitOk);
  std::ifstream in(dir.path / "out" / "slide-01.png", std::ios::binary);
  std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(png.size() > 8);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  std::vector<Chunk> chunks = chunks_of(png);
  for (const Chunk& chunk : chunks) {
    CAPTURE(chunk.type);
    std::string typed = chunk.type + chunk.data;
    CHECK(reference_crc32(reinterpret_cast<const unsigned char*>(typed.data()), typed.size()) ==
          chunk.crc);
  }
  REQUIRE(chunks.size() >= 3);
  CHECK(chunks.front().type == "IHDR");
  CHECK(chunks.back().type == "IEND");
}

// Adler-32 as RFC 1950 gives it, written out here so the check does not share code with the
// writer (which takes libdeflate's).
static uint32_t reference_adler32(const std::string& data) {
  uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  return b << 16 | a;
}

TEST_CASE("the IDAT chunks hold one zlib stream of the rows, with their Adler-32") {
  REQUIRE(sdl_started());
  // Noise does not compress: several 64 kB IDATs, the trailer after the first of them.
  const int w = 300, h = 200;
  SDL_Surface* band = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
  REQUIRE(band);
  uint32_t seed = 12345;
  auto* pixels = static_cast<uint32_t*>(band->pixels);
  for (int i = 0; i < band->pitch / 4 * h; ++i) pixels[i] = (seed = seed * 1664525 + 1013904223);
  std::string png, error;
  REQUIRE(encode_png(band, &png, &error));
  std::string stream;
  int idats = 0;
  for (const Chunk& chunk : chunks_of(png))
    if (chunk.type == "IDAT") stream += chunk.data, ++idats;
  CHECK(idats >= 3);
  REQUIRE(stream.size() > 6);
  CHECK(static_cast<unsigned char>(stream[0]) == 0x78);  // deflate, 32 kB window
  CHECK((static_cast<unsigned char>(stream[0]) * 256 + static_cast<unsigned char>(stream[1])) %
            31 ==
        0);  // the header's check bits
  // The rows as written: a filter byte (0, none) and RGB.
  std::string rows;
  for (int y = 0; y < h; ++y) {
    rows += '\0';
    for (int x = 0; x < w; ++x) {
      uint32_t p = pixels[y * band->pitch / 4 + x];
      rows += static_cast<char>(p >> 16), rows += static_cast<char>(p >> 8),
          rows += static_cast<char>(p);
    }
  }
  std::string inflated(rows.size(), '\0');
  uLongf size = inflated.size();
  // uncompress() checks the trailer too: Z_DATA_ERROR on a wrong Adler-32.
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(inflated.data()), &size,
                     reinterpret_cast<const Bytef*>(stream.data()), stream.size()) == Z_OK);
  CHECK(size == rows.size());
  CHECK(inflated == rows);
  const auto* tail = reinterpret_cast<const unsigned char*>(stream.data() + stream.size() - 4);
  uint32_t trailer =
      uint32_t{tail[0]} << 24 | uint32_t{tail[1]} << 16 | uint32_t{tail[2]} << 8 | tail[3];
  CHECK(trailer == reference_adler32(rows));
  SDL_FreeSurface(band);
}
