// One async-signal-safe flag per signal; take_signals() turns them into a list.
#include "app/kiosk/signals.h"

#include <atomic>
#include <csignal>

namespace boothdeck {

namespace {

constexpr int kHandled[] = {SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGUSR1, SIGUSR2};
std::atomic<bool> g_received[std::size(kHandled)];

void on_signal(int signal) {
  for (size_t i = 0; i < std::size(kHandled); ++i)
    if (kHandled[i] == signal) g_received[i] = true;
}

}  // namespace

void install_signal_handlers() {
  struct sigaction action = {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int signal : kHandled) sigaction(signal, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
}

std::vector<int> take_signals() {
  std::vector<int> out;
  for (size_t i = 0; i < std::size(kHandled); ++i)
    if (g_received[i].exchange(false)) out.push_back(kHandled[i]);
  return out;
}

}  // namespace boothdeck
