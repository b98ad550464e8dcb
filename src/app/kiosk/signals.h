// What a service manager or an operator's shell can tell the kiosk by signal. The handlers
// only record the signal; the kiosk reads them between frames.
//   SIGTERM, SIGINT, SIGQUIT: end the show cleanly (a `quit` event, exit 0)
//   SIGHUP: read the deck again, as a service manager's `reload` expects
//   SIGUSR1: write a status line to the log; SIGUSR2: logged and otherwise ignored
//   SIGPIPE: ignored (a closed log pipe is reported by the log itself)
#pragma once

#include <vector>

namespace boothdeck {

void install_signal_handlers();
// Signals received since the last call, each once, oldest first.
std::vector<int> take_signals();

}  // namespace boothdeck
