// Deck loading for every mode; the kiosk's DeckSource calls it for start-up and reloads.
#include "app/deck_loading.h"

namespace boothdeck {

LoadedDeck load_deck(const std::string& path) {
  LoadedDeck loaded;
  if (path.empty()) {
    loaded.result = parse_deck(kBuiltinDeck, {kBuiltinDeckName, {}, true});
    return loaded;
  }
  loaded.path = path;
  loaded.result = load_deck_file(path);
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
