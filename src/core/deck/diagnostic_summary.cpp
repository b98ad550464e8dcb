// Groups keep the order of their first member, so the report reads top to bottom like the deck.
#include "core/deck/diagnostic_summary.h"

#include <map>
#include <utility>

namespace boothdeck {

std::vector<std::string> summarize_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                               bool verbose) {
  std::vector<std::string> lines;
  if (verbose) {
    for (const Diagnostic& d : diagnostics) lines.push_back(format_diagnostic(d));
    return lines;
  }
  std::map<std::pair<Code, std::string>, size_t> group_of;
  std::vector<std::pair<const Diagnostic*, int>> groups;  // first member, count
  for (const Diagnostic& d : diagnostics) {
    auto [it, added] = group_of.try_emplace({d.code, d.subject}, groups.size());
    if (added)
      groups.push_back({&d, 1});
    else
      ++groups[it->second].second;
  }
  for (auto& [first, count] : groups) {
    if (count == 1) {
      lines.push_back(format_diagnostic(*first));
      continue;
    }
    Diagnostic d = *first;
    d.message += " (" + std::to_string(count) +
                 " like this in the deck, the first here; --check --verbose lists every one)";
    lines.push_back(format_diagnostic(d));
  }
  return lines;
}

}  // namespace boothdeck
