// --export: every slide rendered headless (animations at their end) to DIR/slide-NN.png, and
// DIR/layout.json with each element's kind, rectangle, text, font size and bar lengths.
#pragma once

#include <nlohmann/json.hpp>

#include "app/deck_loading.h"
#include "app/options.h"
#include "core/layout/display_list.h"

namespace boothdeck {

int run_export(const Options& options, const LoadedDeck& deck);

nlohmann::json display_to_json(const SlideDisplay& display);

}  // namespace boothdeck
