// boothdeck: a kiosk presenter. main() only picks the mode; each lives in its own file.
#include <cstdio>

#include "app/bench.h"
#include "app/deck_check.h"
#include "app/deck_loading.h"
#include "app/exporter.h"
#include "app/kiosk/kiosk.h"
#include "app/options.h"
#include "app/remote/publish.h"

int main(int argc, char** argv) {
  using namespace boothdeck;
  Options options;
  if (int code = parse_command_line(argc, argv, &options); code >= 0) return code;
  if (options.publish) return run_publish(options);
  if (!options.check && options.export_dir.empty() && !options.bench) return run_kiosk(options);
  LoadedDeck deck = load_deck(options.deck);
  if (options.check) return run_check(options, deck);
  if (!options.export_dir.empty()) return run_export(options, deck);
  return run_bench(options, deck);
}
