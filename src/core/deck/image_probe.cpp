// Image references are checked by path and by their first bytes, so core needs no image library.
// Raster images, PDF pages and SVG drawings are images; decoding them is render/image_loader's job.
#include "core/deck/image_probe.h"

#include <array>
#include <cstring>
#include <fstream>
#include <string_view>

namespace boothdeck {

namespace fs = std::filesystem;

constexpr size_t kHeadBytes = 512;  // an SVG may open with an XML declaration and comments

static bool has_image_signature(const std::array<unsigned char, kHeadBytes>& b, size_t n) {
  auto starts = [&](const char* magic, size_t len, size_t at = 0) {
    return n >= at + len && std::memcmp(b.data() + at, magic, len) == 0;
  };
  if (starts("\x89PNG\r\n\x1a\n", 8) || starts("\xFF\xD8\xFF", 3) || starts("GIF8", 4) ||
      starts("BM", 2) || (starts("RIFF", 4) && starts("WEBP", 4, 8)) || starts("%PDF-", 5))
    return true;
  std::string_view head(reinterpret_cast<const char*>(b.data()), n);
  return head.find("<svg") != std::string_view::npos;
}

ImageProblem probe_image(const std::string& src, const fs::path& deck_dir, std::string* resolved) {
  if (src.find("://") != std::string::npos) return ImageProblem::Remote;
  fs::path relative = fs::path(src).lexically_normal();
  if (relative.is_absolute() || relative.empty() || *relative.begin() == "..")
    return ImageProblem::OutsideDeck;
  fs::path full = deck_dir / relative;
  std::error_code ec;
  // A symlink may still lead out of the folder: compare the real paths.
  // Absolute first: a relative folder and a path inside it must resolve from the same place.
  fs::path real_dir =
      fs::weakly_canonical(fs::absolute(deck_dir.empty() ? fs::path(".") : deck_dir, ec), ec);
  fs::path real = fs::weakly_canonical(fs::absolute(full, ec), ec);
  auto mismatch = std::mismatch(real_dir.begin(), real_dir.end(), real.begin(), real.end());
  if (mismatch.first != real_dir.end()) return ImageProblem::OutsideDeck;
  if (!fs::exists(full, ec)) return ImageProblem::Missing;
  if (!fs::is_regular_file(full, ec)) return ImageProblem::NotAnImage;
  std::ifstream in(full, std::ios::binary);
  if (!in) return ImageProblem::Unreadable;
  std::array<unsigned char, kHeadBytes> head{};
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  if (!has_image_signature(head, static_cast<size_t>(in.gcount()))) return ImageProblem::NotAnImage;
  *resolved = full.string();
  return ImageProblem::None;
}

}  // namespace boothdeck
