// --bench: the deck rendered offscreen through the real render path, with figures as JSON:
// time to the first frame, frame times while bars animate, the worst slide change, texture
// cache size and peak memory. A benchmark, not a test: it prints, it asserts nothing.
#pragma once

#include "app/deck_loading.h"
#include "app/options.h"

namespace boothdeck {

int run_bench(const Options& options, const LoadedDeck& deck);

}  // namespace boothdeck
