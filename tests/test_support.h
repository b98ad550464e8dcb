// Small helpers shared by the tests: SDL started once for the process, a temporary folder
// that removes itself, and writing files in one call.
#pragma once

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "app/startup.h"

namespace boothdeck {

// SDL (no video), SDL_ttf and SDL_image, once for the whole test process.
inline bool sdl_started() {
  static Startup startup;
  static bool ok = startup.headless() == kExitOk;
  return ok;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "boothdeck-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A BMP image of the given size, as a photo or logo in a deck's folder would be. Throws when
// it cannot be written (a test then fails with the reason).
inline void write_image(const std::filesystem::path& path, int width, int height) {
  std::filesystem::create_directories(path.parent_path());
  SDL_Surface* surface =
      SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
  if (!surface) throw std::runtime_error(SDL_GetError());
  SDL_FillRect(surface, nullptr, SDL_MapRGB(surface->format, 200, 40, 40));
  int saved = SDL_SaveBMP(surface, path.c_str());
  SDL_FreeSurface(surface);
  if (saved != 0) throw std::runtime_error(SDL_GetError());
}

}  // namespace boothdeck
