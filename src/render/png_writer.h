// Writes PNG (RGB, 8 bits a channel) with zlib's streaming deflate: rows come in bands and leave
// compressed, so a frame drawn band by band is never whole as pixels, here or in the writer.
//
//   PngWriter png;
//   if (!png.open("slide-01.png", 1920, 1080, &error)) ...;
//   png.write_rows(band_surface, 32, &error);       // as many times as it takes, top to bottom
//   png.finish(&error);
#pragma once

#include <SDL.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace boothdeck {

class PngWriter {
 public:
  PngWriter();
  ~PngWriter();
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;

  // An RGB image of width x height. Errors say which file and the system's reason.
  bool open(const std::string& path, int width, int height, std::string* error);
  // The same image kept in memory; finish(png, error) hands its bytes over.
  bool open_memory(int width, int height, std::string* error);
  // The first `rows` rows of `surface` (any format SDL converts, at least the image's width).
  bool write_rows(SDL_Surface* surface, int rows, std::string* error);
  // After every row was written: compresses and writes the file; a full disk shows up here.
  bool finish(std::string* error);
  // After every row of an image opened in memory: the whole PNG file's bytes into `png`.
  bool finish(std::string* png, std::string* error);

 private:
  bool start(const std::string& path, int width, int height, std::string* error);
  struct State;
  std::unique_ptr<State> state_;
};

// A whole surface as one PNG.
bool write_png(SDL_Surface* surface, const std::string& path, std::string* error);
// A whole surface as the bytes of a PNG file (the remote's thumbnails).
bool encode_png(SDL_Surface* surface, std::string* png, std::string* error);

}  // namespace boothdeck
