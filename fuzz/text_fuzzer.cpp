// libFuzzer target for the text path alone: any bytes → grapheme clusters, bidi levels, line
// breaking measured with the real fonts (SDL_ttf + HarfBuzz through FontSet), and each line
// drawn by render_line. Needs the fonts setup installs; no renderer, no window, no parser.
// Besides the sanitizers it checks what must always hold, and traps when it does not:
//   - lines are in order, start and end on grapheme cluster boundaries, and lose nothing but
//     the spaces and line ends between them;
//   - a drawn line is exactly as wide as it was measured.
// Input: byte 0 picks the role, weight, size and whether lines are drawn (one input in eight:
// drawing colour emoji is pixel work, ten times slower than measuring); byte 1 the line width;
// the rest is the text.
#include <SDL.h>
#include <SDL_ttf.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/deck/utf8.h"
#include "core/layout/bidi.h"
#include "core/layout/grapheme.h"
#include "core/layout/line_breaker.h"
#include "render/font_set.h"
#include "render/line_surface.h"
#include "render/ttf_text_measurer.h"

namespace {

using namespace boothdeck;

constexpr int kSizes[] = {11, 17, 26, 40};  // few sizes: each opens every font once more
constexpr int kLinesToDraw = 2;
constexpr size_t kMaxDrawnBytes = 48;

FontSet* fonts = nullptr;

void require(bool ok) {
  if (!ok) __builtin_trap();
}

// Whether text[begin, end) holds only what a line's ends may lose.
bool blank(std::string_view text, size_t begin, size_t end) {
  for (size_t pos = begin; pos < end;) {
    char32_t c = next_code_point(text, pos);
    if (!is_breaking_space(c) && !is_line_end(c)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (SDL_Init(0) != 0 || TTF_Init() != 0) return 1;
  fonts = new FontSet;
  std::string error;
  if (!fonts->load(BOOTHDECK_FONTS_DIR, "", &error)) {
    fprintf(stderr, "text_fuzzer: %s\n", error.c_str());
    abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  FontSpec spec;
  spec.heading = (data[0] & 3) == 0;
  spec.mono = (data[0] & 3) == 2;
  spec.bold = data[0] & 4;
  spec.size = kSizes[(data[0] >> 3) & 3];
  float width = 8.0f + data[1] * 6.0f;
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

  std::vector<size_t> clusters = grapheme_boundaries(text);
  require(clusters.front() == 0 && clusters.back() == text.size());
  std::vector<uint8_t> levels = bidi_levels(text);
  require(levels.empty() || levels.size() == text.size());
  std::vector<BreakKind> breaks = break_opportunities(text);
  require(breaks.size() == text.size());

  // A measurer of this input's own: its width cache dies with it, so libFuzzer's leak check
  // does not see the cache grow from one input to the next.
  TtfTextMeasurer measurer(*fonts);
  MeasureRange measure = [&](size_t b, size_t e) {
    return measurer.width(text.substr(b, e - b), spec);
  };
  std::vector<LineRange> lines = break_lines(text, measure, width);
  auto on_boundary = [&](size_t p) {
    return std::binary_search(clusters.begin(), clusters.end(), p);
  };
  size_t covered = 0;
  for (const LineRange& line : lines) {
    require(line.begin >= covered && line.begin <= line.end && line.end <= text.size());
    require(on_boundary(line.begin) && on_boundary(line.end));
    require(blank(text, covered, line.begin));
    covered = line.end;
  }
  require(blank(text, covered, text.size()));

  bool draw = (data[0] >> 5) == 7;
  for (size_t i = 0; draw && i < lines.size() && i < kLinesToDraw; ++i) {
    std::string_view piece = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (piece.size() > kMaxDrawnBytes) continue;  // a line of forty emoji is forty PNGs to decode
    LineSurface line = render_line(*fonts, piece, spec, Color{200, 220, 240, 255});
    if (!line.surface) continue;
    require(line.surface->w == static_cast<int>(measurer.width(piece, spec)));
    SDL_FreeSurface(line.surface);
  }
  return 0;
}
