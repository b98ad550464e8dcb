// Deck loading and the small facts derived from it that the app needs.
#include "app/deck_source.h"

#include "core/show/show.h"
#include "render/pdf_deck.h"

namespace boothdeck {

LoadedDeck load_deck(const std::string& path) {
  LoadedDeck loaded;
  if (path.empty()) {
    loaded.result = parse_deck(kBuiltinDeck, {kBuiltinDeckName, {}, true});
    return loaded;
  }
  loaded.path = path;
  loaded.result = is_pdf_file(path) ? load_pdf_deck(path) : load_deck_file(path);
  return loaded;
}

std::string find_fonts_dir(const std::string& given) {
  namespace fs = std::filesystem;
  if (!given.empty()) return given;
  for (const char* dir : {BOOTHDECK_FONTS_DIR, BOOTHDECK_INSTALLED_FONTS_DIR})
    if (fs::exists(fs::path(dir) / "families.conf")) return dir;
  return BOOTHDECK_FONTS_DIR;
}

ShowTiming timing_of(const Deck& deck, double duration_override) {
  ShowTiming timing;
  for (int i = 0; i < static_cast<int>(deck.slides.size()); ++i)
    timing.durations.push_back(duration_override > 0 ? duration_override : deck.duration_of(i));
  timing.loop = deck.settings.loop;
  timing.idle_return = deck.settings.idle_return;
  return timing;
}

}  // namespace boothdeck
