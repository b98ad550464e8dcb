// Rendering checks run layout at a landscape and a portrait screen with real font metrics.
#include "app/deck_check.h"

#include <SDL_image.h>

#include <cstdio>
#include <set>

#include "app/startup.h"
#include "core/deck/utf8.h"
#include "core/layout/layout.h"
#include "render/image_sizer.h"
#include "render/ttf_text_measurer.h"

namespace boothdeck {

namespace {

void for_each_text(const Block& block, const std::function<void(const std::string&)>& visit) {
  for (const Span& span : block.text) visit(span.text);
  for (const ListItem& item : block.items) visit(plain_text(item.text));
  for (const RichText& cell : block.table.header) visit(plain_text(cell));
  for (const auto& row : block.table.rows)
    for (const RichText& cell : row) visit(plain_text(cell));
  visit(block.chart.title);
  for (const Bar& bar : block.chart.bars) visit(bar.label + bar.unit);
}

char hex_digit(int v) {
  return "0123456789ABCDEF"[v & 15];
}

std::string code_point_name(char32_t cp) {
  std::string hex;
  for (int shift = 16; shift >= 0; shift -= 4)
    if (shift < 16 || (cp >> 16)) hex += hex_digit(static_cast<int>(cp >> shift));
  std::string glyph;
  append_utf8(glyph, cp);
  return "U+" + hex + " '" + glyph + "'";
}

}  // namespace

std::vector<Diagnostic> check_rendering(const Deck& deck, FontSet& fonts) {
  DiagnosticList out{deck.file, {}};
  std::set<char32_t> reported;
  for (const Slide& slide : deck.slides) {
    for (const Block& block : slide.blocks) {
      FontSpec spec;
      spec.heading = block.kind == BlockKind::Heading;
      spec.mono = block.kind == BlockKind::Code;
      for_each_text(block, [&](const std::string& text) {
        for (size_t pos = 0; pos < text.size();) {
          char32_t cp = next_code_point(text, pos);
          if (reported.count(cp) || fonts.has_glyph(cp, spec)) continue;
          reported.insert(cp);
          out.warning(
              block.line, 1, "missing-glyph",
              "no installed font has " + code_point_name(cp) +
                  "; it would be an empty box. Install a font that has it or drop it in fonts/");
        }
      });
    }
  }
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
    for (Diagnostic& d : check_rendering(loaded.result.deck, fonts)) all.push_back(std::move(d));
  }
  for (const Diagnostic& d : all) std::printf("%s\n", format_diagnostic(d).c_str());
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : all) (d.severity == Severity::Error ? errors : warnings)++;
  std::fprintf(stderr, "%s: %zu slides, %d errors, %d warnings\n", loaded.result.deck.file.c_str(),
               loaded.result.deck.slides.size(), errors, warnings);
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace boothdeck
