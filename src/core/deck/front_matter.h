// Front matter: the YAML block between the first two `---` lines, read with yaml-cpp, and the
// other places settings are written as YAML: Slidev's per-slide front matter and Deckset's
// settings lines at the top of the file. The only file that includes the YAML library.
#pragma once

#include <vector>

#include "core/deck/diagnostic.h"
#include "core/deck/line_index.h"
#include "core/deck/settings.h"

namespace boothdeck {

struct FrontMatter {
  bool present = false;
  int first_line = 0, end_line = 0;  // the block's lines, `---` included: [first, end)
  int body = 1;                      // first line after it
  std::vector<Setting> settings;     // top-level keys, in order
};

// A `---` on line 1 opens front matter only when what follows is a YAML mapping; a deck that
// starts with `---` and a heading starts with a slide instead.
FrontMatter read_front_matter(const LineIndex& index, DiagnosticList& out);

// Lines [first, end) as a YAML mapping (Slidev's slide front matter); false when they are not one.
bool read_yaml_settings(const LineIndex& index, int first, int end, std::vector<Setting>* settings,
                        DiagnosticList& out);

// Deckset's settings: `key: value` lines at the very top, ended by a blank line.
FrontMatter read_deckset_settings(const LineIndex& index, int first);

}  // namespace boothdeck
