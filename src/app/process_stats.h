// The process's own memory from /proc/self/status, for the operator panel, bench and soak test.
#pragma once

#include <string_view>

namespace boothdeck {

// A "kB" field of /proc/self/status, e.g. "VmRSS" (resident now) or "VmHWM" (peak); 0 if absent.
long proc_status_kib(std::string_view field);

}  // namespace boothdeck
