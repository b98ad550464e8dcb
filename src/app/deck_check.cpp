// Rendering checks run layout at a landscape and a portrait screen with real font metrics.
#include "app/deck_check.h"

#include <SDL_image.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>

#include "app/startup.h"
#include "core/deck/utf8.h"
#include "core/layout/layout.h"
#include "render/image_sizer.h"
#include "render/ttf_text_measurer.h"

namespace boothdeck {

namespace {

constexpr size_t kMaxGlyphReports = 20;  // each costs a search of the file for its position

// Every text of a block with the font spec layout draws it in (size aside: coverage does not
// depend on it): headings in the heading role, bold where layout sets bold, code spans in mono.
void for_each_text(const Block& block,
                   const std::function<void(const std::string&, const FontSpec&)>& visit) {
  FontSpec base;
  base.heading = block.kind == BlockKind::Heading;
  base.bold = block.kind == BlockKind::Heading && block.level <= 2;
  base.mono = block.kind == BlockKind::Code;
  auto rich = [&](const RichText& text, bool bold) {
    for (const Span& span : text) {
      FontSpec spec = base;
      spec.bold = base.bold || bold || span.bold;
      spec.mono = base.mono || span.code;
      visit(span.text, spec);
    }
  };
  rich(block.text, false);
  for (const ListItem& item : block.items) rich(item.text, false);
  for (const RichText& cell : block.table.header) rich(cell, true);
  for (const auto& row : block.table.rows)
    for (const RichText& cell : row) rich(cell, false);
  FontSpec bold = base;
  bold.bold = true;
  visit(block.chart.title, bold);
  for (const Bar& bar : block.chart.bars) {
    visit(bar.label, base);
    visit(bar.unit, bold);
  }
}

// C0 and C1 controls and DEL: nothing to show between quotes.
bool starts_with_control(std::string_view cluster) {
  size_t pos = 0;
  char32_t c = cluster.empty() ? 0 : next_code_point(cluster, pos);
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::string code_point_names(std::string_view cluster) {
  std::string out;
  for (size_t pos = 0; pos < cluster.size();) {
    char32_t cp = next_code_point(cluster, pos);
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    out += (out.empty() ? "" : " ") + std::string(hex);
  }
  return out + (starts_with_control(cluster) ? "" : " '" + std::string(cluster) + "'");
}

// Where `needle` first occurs in the deck's text from line `from` on, as line and column (in
// characters, like the parser's). {from, 1} when the deck wrote it another way (an entity).
std::pair<int, int> locate(std::string_view source, int from, std::string_view needle) {
  size_t start = 0;
  for (int line = 1; line < from; ++line) {
    size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return {from, 1};
    start = newline + 1;
  }
  size_t at = source.find(needle, start);
  if (at == std::string_view::npos || needle.empty()) return {from, 1};
  int line = from;
  size_t line_start = start;
  for (size_t nl = source.find('\n', start); nl != std::string_view::npos && nl < at;
       nl = source.find('\n', nl + 1)) {
    ++line;
    line_start = nl + 1;
  }
  return {line,
          static_cast<int>(count_code_points(source.substr(line_start, at - line_start))) + 1};
}

}  // namespace

std::vector<Diagnostic> check_rendering(const Deck& deck, FontSet& fonts, std::string_view source) {
  DiagnosticList out{deck.file, {}};
  // The source as the parser saw it (invalid bytes repaired), for each character's position.
  std::string text = repair_utf8(source, nullptr);
  std::set<std::string> reported;
  int unreported = 0;
  for (const Slide& slide : deck.slides) {
    for (const Block& block : slide.blocks) {
      for_each_text(block, [&](const std::string& piece, const FontSpec& spec) {
        for (const FontRun& run : fonts.runs(piece, spec)) {
          std::string cluster = piece.substr(run.begin, run.end - run.begin);
          if (run.kind != RunKind::Missing || reported.count(cluster)) continue;
          if (reported.size() >= kMaxGlyphReports) {
            ++unreported;
            continue;
          }
          reported.insert(cluster);
          auto [line, col] = locate(text, block.line, cluster);
          bool control = starts_with_control(cluster);
          out.warning(line, col, "missing-glyph",
                      control ? "control character " + code_point_names(cluster) +
                                    " is drawn as a box; remove it"
                              : "no installed font has " + code_point_names(cluster) +
                                    "; it is drawn as a box. Install a font that has it or drop "
                                    "one into fonts/");
        }
      });
    }
  }
  if (unreported)
    out.warning(1, 1, "missing-glyph",
                "and " + std::to_string(unreported) + " more characters no installed font has");
  // Images: the parser checked their first bytes; decoding them finds a broken body too.
  for (const Slide& slide : deck.slides)
    for (const Block& block : slide.blocks)
      if (block.kind == BlockKind::Image) {
        SDL_Surface* image = IMG_Load(block.image.path.c_str());
        if (!image)
          out.error(block.line, 1, "unreadable-image",
                    "image " + excerpt(block.image.path) + " cannot be decoded (" + SDL_GetError() +
                        "); save it again as PNG or JPEG");
        SDL_FreeSurface(image);
      }
  TtfTextMeasurer measurer(fonts);
  ImageSizer sizes = make_image_sizer();
  Theme theme = theme_named(deck.settings.theme);
  for (Viewport viewport : {Viewport{1920, 1080}, Viewport{1080, 1920}}) {
    for (int i = 0; i < static_cast<int>(deck.slides.size()); ++i) {
      SlideDisplay display = layout_slide(deck, i, viewport, theme, measurer, sizes);
      const Slide& slide = deck.slides[i];
      if (display.cramped_block >= 0 && viewport.width > viewport.height)
        out.warning(slide.blocks[display.cramped_block].line, 1, "table-too-wide",
                    "this table has too many columns to be read on screen; split it or turn it "
                    "into a list");
      if (display.overflow_block < 0) continue;
      int line =
          slide.blocks[std::min<size_t>(display.overflow_block, slide.blocks.size() - 1)].line;
      out.warning(line, 1, "text-overflow",
                  "slide " + std::to_string(i + 1) + " does not fit a " +
                      std::to_string(viewport.width) + "x" + std::to_string(viewport.height) +
                      " screen even at the smallest text size; from this block on it is cut. "
                      "Shorten it or split the slide");
    }
  }
  return std::move(out.items);
}

int run_check(const Options& options, const LoadedDeck& loaded) {
  std::vector<Diagnostic> all = loaded.result.diagnostics;
  Startup startup;
  FontSet fonts;
  if (startup.headless(options, loaded.result.deck, fonts) == kExitOk) {
    for (const std::string& warning : fonts.warnings())
      all.push_back({loaded.result.deck.file, 0, 0, Severity::Warning, "missing-font", warning});
    std::string source(kBuiltinDeck);
    if (!loaded.path.empty()) {
      std::ifstream in(loaded.path, std::ios::binary);
      source.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (Diagnostic& d : check_rendering(loaded.result.deck, fonts, source))
      all.push_back(std::move(d));
  }
  for (const Diagnostic& d : all) std::printf("%s\n", format_diagnostic(d).c_str());
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : all) (d.severity == Severity::Error ? errors : warnings)++;
  std::fprintf(stderr, "%s: %zu slides, %d errors, %d warnings\n", loaded.result.deck.file.c_str(),
               loaded.result.deck.slides.size(), errors, warnings);
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace boothdeck
