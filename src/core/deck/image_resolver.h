// Turns an image reference into an Image the renderer can load, or into diagnostics: the path
// decoded (image_ref), checked against the deck's folder (image_probe), reported at its place.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "core/deck/deck.h"
#include "core/deck/diagnostic.h"
#include "core/deck/dialect.h"

namespace boothdeck {

class ImageResolver {
 public:
  ImageResolver(std::filesystem::path deck_dir, bool check_files, Dialect dialect,
                DiagnosticList& out)
      : deck_dir_(std::move(deck_dir)), check_files_(check_files), dialect_(dialect), out_(out) {}

  // `src` as written at line:col. std::nullopt (reported) when nothing can be shown.
  std::optional<Image> resolve(std::string_view src, std::string alt, int line, int col);

 private:
  std::filesystem::path deck_dir_;
  bool check_files_;
  Dialect dialect_;
  DiagnosticList& out_;
};

}  // namespace boothdeck
