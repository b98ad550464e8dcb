// Slidev serves `/name.png` from the deck's `public/` folder; that is where such a path is looked
// for. A PDF given as an image is its page 1 unless `#page=N` says otherwise.
#include "core/deck/image_resolver.h"

#include "core/deck/image_probe.h"
#include "core/deck/image_ref.h"

namespace boothdeck {

std::optional<Image> ImageResolver::resolve(std::string_view src, std::string alt, int line,
                                            int col) {
  ImageSource source = parse_image_source(src);
  std::string what = "image " + excerpt(src) + " ";
  if (source.had_query)
    out_.add(
        Code::ImageQuery, line, col,
        what + "has a '?query'; it is ignored and the file " + excerpt(source.path) + " is shown");
  if (dialect_ == Dialect::Slidev && !source.path.empty() && source.path[0] == '/' &&
      source.path.find("://") == std::string::npos)
    source.path = "public" + source.path;
  Image image;
  image.alt = std::move(alt);
  image.line = line;
  image.col = col;
  if (is_pdf_path(source.path)) image.page = source.page > 0 ? source.page : 1;
  if (!check_files_) {
    image.path = (deck_dir_ / source.path).string();
    return image;
  }
  std::string resolved;
  switch (probe_image(source.path, deck_dir_, &resolved)) {
    case ImageProblem::None:
      image.path = resolved;
      return image;
    case ImageProblem::Remote:
      out_.add(Code::RemoteImage, line, col,
               what + "is a URL; copy the file next to the deck and use a relative path");
      break;
    case ImageProblem::OutsideDeck:
      out_.add(Code::ImageOutsideDeck, line, col,
               what + "is outside the deck's folder; copy it into the folder");
      break;
    case ImageProblem::Missing:
      out_.add(Code::MissingImage, line, col,
               what + "does not exist; check the path (relative to the deck)");
      break;
    case ImageProblem::Unreadable:
      out_.add(Code::UnreadableImage, line, col, what + "cannot be read; check its permissions");
      break;
    case ImageProblem::NotAnImage:
      out_.add(Code::UnreadableImage, line, col,
               what + "is not a PNG, JPEG, GIF, BMP, WebP or SVG image, nor a PDF");
      break;
  }
  return std::nullopt;
}

}  // namespace boothdeck
