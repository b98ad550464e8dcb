// Deck loading for every mode; the kiosk's DeckSource calls it for start-up and reloads.
// A PDF is a deck too: render/pdf_deck reads it (poppler stays out of src/core).
#include "app/deck_loading.h"

#include <functional>

#include "render/pdf_deck.h"

namespace boothdeck {

namespace {

namespace fs = std::filesystem;

void visit_images(const std::vector<Block>& blocks,
                  const std::function<void(const Image&)>& visit) {
  for (const Block& block : blocks) {
    for (const Image& image : block.images) visit(image);
    for (const auto& column : block.columns) visit_images(column, visit);
  }
}

// A file's size and modification time, or "missing".
std::string file_stamp(const std::string& path) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return "missing";
  auto time = fs::last_write_time(path, ec).time_since_epoch().count();
  return std::to_string(size) + "@" + std::to_string(time);
}

// `source`: the deck's bytes as parsed (not read again: a save in between would be taken for
// what is shown); a PDF deck's file is among its images.
std::string inputs_of(const std::string& source, const Deck& deck) {
  std::string inputs =
      std::to_string(std::hash<std::string>{}(source)) + ":" + std::to_string(source.size()) + "\n";
  auto add = [&](const Image& image) {
    inputs += image.path + "\t" + file_stamp(image.path) + "\n";
  };
  for (const Slide& slide : deck.slides) {
    for (const Image& image : slide.background.images) add(image);
    visit_images(slide.blocks, add);
  }
  return inputs;
}

}  // namespace

LoadedDeck load_deck(const std::string& path) {
  LoadedDeck loaded;
  if (path.empty()) {
    loaded.result = parse_deck(kBuiltinDeck, {kBuiltinDeckName, {}, true});
    return loaded;
  }
  loaded.path = path;
  std::string source;
  loaded.result = is_pdf_file(path) ? load_pdf_deck(path) : load_deck_file(path, &source);
  loaded.inputs = inputs_of(source, loaded.result.deck);
  return loaded;
}

std::string find_fonts_dir(const std::string& given) {
  namespace fs = std::filesystem;
  if (!given.empty()) return given;
  for (const char* dir : {BOOTHDECK_FONTS_DIR, BOOTHDECK_INSTALLED_FONTS_DIR})
    if (fs::exists(fs::path(dir) / "families.conf")) return dir;
  return BOOTHDECK_FONTS_DIR;
}

}  // namespace boothdeck
