// Decoding images for the screen: EXIF orientation (every one of the eight), SVG with its text,
// a big image scaled once with its detail averaged, and the texture cache's byte limit.
// Images are made here, with SDL_image and by hand; nothing is downloaded.
#include "render/image_loader.h"

#include <SDL_image.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "render/image_cache.h"
#include "render/offscreen.h"

using namespace boothdeck;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("boothdeck-loader-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

SDL_Surface* canvas(int w, int h, uint32_t argb) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_FillRect(s, nullptr, argb);
  return s;
}

void fill(SDL_Surface* s, int x, int y, int w, int h, uint32_t argb) {
  SDL_Rect r{x, y, w, h};
  SDL_FillRect(s, &r, argb);
}

struct Rgb8 {
  int r, g, b;
};

Rgb8 at(SDL_Surface* s, int x, int y) {
  SDL_Surface* argb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
  uint32_t p = static_cast<uint32_t*>(argb->pixels)[y * (argb->pitch / 4) + x];
  SDL_FreeSurface(argb);
  return {static_cast<int>((p >> 16) & 255), static_cast<int>((p >> 8) & 255),
          static_cast<int>(p & 255)};
}

bool reddish(Rgb8 c) {
  return c.r > 180 && c.b < 90;
}

// A JPEG's bytes with an EXIF APP1 segment holding only an orientation, right after SOI.
std::string with_orientation(const std::string& jpeg, int orientation) {
  std::string tiff = std::string("MM\0*\0\0\0\x08", 8) +  // big-endian TIFF, IFD at 8
                     std::string("\0\x01", 2) +           // one entry
                     std::string("\x01\x12\0\x03", 4) +   // tag 0x0112, type SHORT
                     std::string("\0\0\0\x01", 4) +       // count 1
                     std::string(1, '\0') + std::string(1, static_cast<char>(orientation)) +
                     std::string("\0\0", 2) +     // value, padded
                     std::string("\0\0\0\0", 4);  // no next IFD
  std::string body = std::string("Exif\0\0", 6) + tiff;
  size_t length = body.size() + 2;
  std::string app1 = "\xFF\xE1";
  app1 += static_cast<char>(length >> 8);
  app1 += static_cast<char>(length & 255);
  return jpeg.substr(0, 2) + app1 + body + jpeg.substr(2);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("EXIF orientation: each of the eight puts the stored top-left corner where it belongs") {
  // Stored 40×20, its top-left quarter red. Where that corner is shown, per EXIF 2.3:
  struct Row {
    int orientation;
    bool right, bottom;
  };
  const Row rows[] = {{1, false, false}, {2, true, false}, {3, true, true}, {4, false, true},
                      {5, false, false}, {6, true, false}, {7, true, true}, {8, false, true}};
  SDL_Surface* stored = canvas(40, 20, 0xFF0000FF);
  fill(stored, 0, 0, 20, 10, 0xFFFF0000);
  for (const Row& row : rows) {
    CAPTURE(row.orientation);
    SDL_Surface* shown = orient_surface(stored, row.orientation);
    REQUIRE(shown);
    bool sideways = row.orientation >= 5;
    CHECK(shown->w == (sideways ? 20 : 40));
    CHECK(shown->h == (sideways ? 40 : 20));
    int x = row.right ? shown->w - 3 : 2, y = row.bottom ? shown->h - 3 : 2;
    CHECK(reddish(at(shown, x, y)));
    CHECK_FALSE(reddish(at(shown, shown->w - 1 - x, shown->h - 1 - y)));
    SDL_FreeSurface(shown);
  }
  SDL_FreeSurface(stored);
}

TEST_CASE("a phone photo stored sideways comes out upright, at the size asked for") {
  Scratch scratch;
  SDL_Surface* stored = canvas(160, 80, 0xFF0000FF);
  fill(stored, 0, 0, 80, 80, 0xFFFF0000);  // left half red
  std::string plain = scratch / "plain.jpg";
  REQUIRE(IMG_SaveJPG(stored, plain.c_str(), 95) == 0);
  SDL_FreeSurface(stored);
  std::string rotated = scratch / "rotated.jpg";
  std::ofstream(rotated, std::ios::binary) << with_orientation(read_file(plain), 6);

  CHECK(exif_orientation(plain) == 1);
  CHECK(exif_orientation(rotated) == 6);
  ImageSize size = image_natural_size(rotated, 0);
  CHECK(size.width == 80);
  CHECK(size.height == 160);
  std::string error;
  SDL_Surface* shown = load_image(rotated, 0, 40, 80, &error);
  REQUIRE(shown);
  CHECK(shown->w == 40);
  CHECK(shown->h == 80);
  CHECK(reddish(at(shown, 20, 10)));  // the left half, turned clockwise, is on top
  CHECK_FALSE(reddish(at(shown, 20, 70)));
  SDL_FreeSurface(shown);
}

TEST_CASE("SVG is drawn with its text, at the size asked for") {
  std::string logo = std::string(BOOTHDECK_TEST_DATA) + "/images/logo.svg";
  ImageSize size = image_natural_size(logo, 0);
  CHECK(size.width == 400);
  CHECK(size.height == 400);
  std::string error;
  SDL_Surface* s = load_image(logo, 0, 200, 200, &error);
  REQUIRE(s);
  CHECK(s->w == 200);
  Rgb8 orange = at(s, 20, 100);
  CHECK(std::abs(orange.r - 0xf2) < 8);
  CHECK(std::abs(orange.g - 0x8c) < 8);
  // "BD" in dark letters across the middle: SDL_image's nanosvg draws none of them.
  int dark = 0;
  for (int y = 90; y < 130; ++y)
    for (int x = 40; x < 160; ++x) dark += at(s, x, y).r < 80;
  CHECK(dark > 300);
  SDL_FreeSurface(s);
}

TEST_CASE("a big image is scaled once, its fine detail averaged rather than skipped") {
  Scratch scratch;
  // One-pixel black and white columns: sampled, they would come out black or white.
  SDL_Surface* stripes = canvas(3000, 2000, 0xFFFFFFFF);
  for (int x = 0; x < 3000; x += 2) fill(stripes, x, 0, 1, 2000, 0xFF000000);
  std::string path = scratch / "stripes.png";
  REQUIRE(IMG_SavePNG(stripes, path.c_str()) == 0);
  SDL_FreeSurface(stripes);
  std::string error;
  SDL_Surface* small = load_image(path, 0, 300, 200, &error);
  REQUIRE(small);
  CHECK(small->w == 300);
  CHECK(small->h == 200);
  for (int x : {0, 77, 150, 299}) {
    Rgb8 c = at(small, x, 100);
    CHECK(c.r > 90);
    CHECK(c.r < 165);
  }
  SDL_FreeSurface(small);
  CHECK_FALSE(load_image(scratch / "missing.png", 0, 10, 10, &error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("the image cache keeps textures at their drawn size, under its byte limit") {
  Scratch scratch;
  SDL_Surface* blue = canvas(1600, 900, 0xFF2050A0);
  std::string path = scratch / "blue.png";
  REQUIRE(IMG_SavePNG(blue, path.c_str()) == 0);
  SDL_FreeSurface(blue);
  OffscreenSurface surface(64, 64);
  std::string error;
  SDL_Renderer* renderer = surface.create_renderer(&error);
  REQUIRE(renderer);
  size_t limit = 2 * 400 * 225 * 4;
  auto cache_ptr = std::make_unique<ImageCache>(renderer, limit);
  ImageCache& cache = *cache_ptr;
  SDL_Texture* first = cache.get(path, 0, 400, 225);
  REQUIRE(first);
  int w, h;
  SDL_QueryTexture(first, nullptr, nullptr, &w, &h);
  CHECK(w == 400);
  CHECK(h == 225);
  CHECK(cache.get(path, 0, 400, 225) == first);  // decoded once
  CHECK(cache.bytes() == 400u * 225 * 4);
  for (int width : {390, 380, 370, 360}) {
    cache.get(path, 0, width, width * 9 / 16);
    CHECK(cache.bytes() <= limit);
  }
  CHECK(cache.entries() <= 2);
  CHECK(cache.get(scratch / "missing.png", 0, 10, 10) == nullptr);
  CHECK(cache.get(scratch / "missing.png", 0, 10, 10) == nullptr);  // remembered, not retried
  cache_ptr.reset();  // textures before their renderer
  SDL_DestroyRenderer(renderer);
}
