// `boothdeck publish`: one message to a fleet, then exit. A deck (checked first, then sent as a
// bundle retained at boothdeck/GROUP/deck, so screens that join later get it too), or a
// command (boothdeck/GROUP/command, as a phone's POST /api/command body).
//
//   boothdeck publish booth.md --mqtt mqtt://broker.local --group hall-a
//   boothdeck publish --command '{"command": "goto", "slide": 3}' --mqtt … --group hall-a
#pragma once

#include "app/options.h"

namespace boothdeck {

// An exit code: 0 sent and acknowledged by the broker, 2 a bad deck or command, 1 no broker.
int run_publish(const Options& options);

}  // namespace boothdeck
