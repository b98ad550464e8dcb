// boothdeck's documented exit codes (README, docs/design.md), for every mode.
#pragma once

namespace boothdeck {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;    // the environment: no broker, a file that cannot be written
constexpr int kExitBadInput = 2;   // a broken deck, option or command; fix the input
constexpr int kExitNoDisplay = 3;  // no screen to show on

}  // namespace boothdeck
