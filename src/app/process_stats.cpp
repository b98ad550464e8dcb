// Reads /proc/self/status line by line; cheap enough for a panel refreshed a few times a second.
#include "app/process_stats.h"

#include <fstream>
#include <string>

namespace boothdeck {

long proc_status_kib(std::string_view field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.size() > field.size() && line.compare(0, field.size(), field) == 0 &&
        line[field.size()] == ':')
      return std::stol(line.substr(field.size() + 1));
  return 0;
}

}  // namespace boothdeck
