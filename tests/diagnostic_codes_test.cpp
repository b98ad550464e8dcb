// The code table: what docs/deck-format.md lists is what the code has, row for row; and
// --check's report groups by kind unless asked for every one.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/deck/diagnostic.h"
#include "core/deck/diagnostic_summary.h"

using namespace boothdeck;

namespace {

struct DocRow {
  std::string severity, help;
};

// The rows of the table under "## Diagnostic codes": | `code` | severity | help |
std::map<std::string, DocRow> documented_codes() {
  std::ifstream in(std::string(BOOTHDECK_SOURCE_DIR) + "/docs/deck-format.md");
  std::map<std::string, DocRow> rows;
  std::string line;
  bool in_section = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == "## Diagnostic codes";
    if (!in_section || line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream cells_in(line.substr(1));
    std::string cell;
    while (std::getline(cells_in, cell, '|')) {
      size_t a = cell.find_first_not_of(' '), b = cell.find_last_not_of(' ');
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    REQUIRE(cells.size() >= 3);
    std::string code = cells[0].substr(1, cells[0].size() - 2);
    // A help text may hold a '|' only inside code; none does today.
    std::string help = cells[2];
    for (size_t i = 3; i < cells.size(); ++i) help += "|" + cells[i];
    rows[code] = {cells[1], help};
  }
  return rows;
}

}  // namespace

TEST_CASE("docs/deck-format.md lists every code with its severity and help, and no other") {
  std::map<std::string, DocRow> docs = documented_codes();
  REQUIRE_FALSE(docs.empty());
  std::set<std::string> names;
  for (const CodeInfo& info : all_codes()) {
    std::string name(info.name);
    CAPTURE(name);
    CHECK(names.insert(name).second);  // unique
    CHECK(code_info(info.code).name == info.name);
    REQUIRE(docs.count(name) == 1);
    CHECK(docs[name].severity == (info.severity == Severity::Error ? "error" : "warning"));
    CHECK(docs[name].help == info.help);
  }
  for (const auto& [name, row] : docs) CHECK_MESSAGE(names.count(name) == 1, name);
}

TEST_CASE("--check's report: one line per kind, the first place, how many; --verbose all") {
  DiagnosticList out{"d.md", {}};
  out.add(Code::RawHtml, 3, 1, "<span> is not shown", "span");
  out.add(Code::MissingImage, 5, 9, "image 'a.png' does not exist");
  out.add(Code::RawHtml, 7, 1, "<font> is not shown", "font");
  out.add(Code::MissingImage, 9, 9, "image 'b.png' does not exist");
  out.add(Code::MissingImage, 12, 3, "image 'c.png' does not exist");
  std::vector<std::string> grouped = summarize_diagnostics(out.items, false);
  REQUIRE(grouped.size() == 3);
  CHECK(grouped[0] == "d.md:3:1: warning: <span> is not shown [raw-html]");
  CHECK(grouped[1].rfind("d.md:5:9: error: image 'a.png' does not exist (3 like this", 0) == 0);
  CHECK(grouped[1].find("--check --verbose") != std::string::npos);
  CHECK(grouped[1].substr(grouped[1].size() - 15) == "[missing-image]");
  CHECK(grouped[2] == "d.md:7:1: warning: <font> is not shown [raw-html]");
  std::vector<std::string> all = summarize_diagnostics(out.items, true);
  REQUIRE(all.size() == 5);
  CHECK(all[4] == "d.md:12:3: error: image 'c.png' does not exist [missing-image]");
}
