// Rendering checks run layout at a landscape and a portrait screen with real font metrics.
#include "app/deck_check.h"

#include <cstdio>
#include <set>

#include "app/startup.h"
#include "core/deck/diagnostic_summary.h"
#include "core/deck/utf8.h"
#include "core/layout/layout.h"
#include "render/image_loader.h"
#include "render/image_sizer.h"
#include "render/pdf_deck.h"
#include "render/ttf_text_measurer.h"

namespace boothdeck {

namespace {

// Every block of a slide, those inside columns too.
void for_each_block(const std::vector<Block>& blocks,
                    const std::function<void(const Block&)>& visit) {
  for (const Block& block : blocks) {
    visit(block);
    for (const auto& column : block.columns) for_each_block(column, visit);
  }
}

// Each piece of text with the deck line it was written on.
void for_each_text(const Block& block,
                   const std::function<void(const std::string&, int line)>& visit) {
  for (const Span& span : block.text) visit(span.text, block.line);
  for (const ListItem& item : block.items)
    visit(plain_text(item.text), item.line ? item.line : block.line);
  const Table& table = block.table;
  auto row_line = [&](size_t row) {
    return row < table.row_lines.size() ? table.row_lines[row] : block.line;
  };
  for (const RichText& cell : table.header) visit(plain_text(cell), row_line(0));
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (const RichText& cell : table.rows[r]) visit(plain_text(cell), row_line(r + 1));
  visit(block.chart.title, block.line);
  for (const Bar& bar : block.chart.bars) visit(bar.label + bar.unit, block.line);
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
  auto check_glyphs = [&](const std::string& text, int line, const FontSpec& spec) {
    for (size_t pos = 0; pos < text.size();) {
      char32_t cp = next_code_point(text, pos);
      if (reported.count(cp) || fonts.has_glyph(cp, spec)) continue;
      reported.insert(cp);
      out.add(Code::MissingGlyph, line, 1,
              "no installed font has " + code_point_name(cp) +
                  "; it would be an empty box. Install a font that has it or drop it in fonts/",
              code_point_name(cp));
    }
  };
  for (const Slide& slide : deck.slides) {
    for_each_block(slide.blocks, [&](const Block& block) {
      FontSpec spec;
      spec.heading = block.kind == BlockKind::Heading;
      spec.mono = block.kind == BlockKind::Code;
      for_each_text(block,
                    [&](const std::string& text, int line) { check_glyphs(text, line, spec); });
    });
    check_glyphs(plain_text(slide.header), slide.line, {});
    check_glyphs(plain_text(slide.footer), slide.line, {});
  }
  // Images: the parser checked their first bytes; decoding them finds a broken body, and a PDF
  // page that is not there.
  std::set<std::pair<std::string, int>> checked;
  auto check_image = [&](const Image& image, int line, int col) {
    if (!checked.insert({image.path, image.page}).second) return;
    if (image_natural_size(image.path, image.page).width > 0) return;
    if (image.page > 0 && image_natural_size(image.path, 1).width > 0)
      out.add(Code::PdfPageMissing, line, col,
              "the PDF " + excerpt(image.path) + " has no page " + std::to_string(image.page));
    else
      out.add(Code::UnreadableImage, line, col,
              "image " + excerpt(image.path) +
                  " cannot be decoded; save it again as PNG, JPEG or SVG (or the PDF again)");
  };
  for (const Slide& slide : deck.slides) {
    for (const Image& image : slide.background.images)
      check_image(image, image.line ? image.line : slide.line, std::max(image.col, 1));
    for_each_block(slide.blocks, [&](const Block& block) {
      for (const Image& image : block.images)
        check_image(image, image.line ? image.line : block.line, std::max(image.col, 1));
    });
  }
  TtfTextMeasurer measurer(fonts);
  ImageSizer sizes = make_image_sizer();
  Theme theme = theme_named(deck.settings.theme);
  for (Viewport viewport : {Viewport{1920, 1080}, Viewport{1080, 1920}}) {
    for (int i = 0; i < static_cast<int>(deck.slides.size()); ++i) {
      SlideDisplay display = layout_slide(deck, i, viewport, theme, measurer, sizes);
      const Slide& slide = deck.slides[i];
      if (display.cramped_block >= 0 && viewport.width > viewport.height)
        out.add(Code::TableTooWide, slide.blocks[display.cramped_block].line, 1,
                "this table has too many columns to be read on screen; split it or turn it "
                "into a list");
      if (display.overflow_block < 0 || slide.blocks.empty()) continue;
      const Block& cut =
          slide.blocks[std::min<size_t>(display.overflow_block, slide.blocks.size() - 1)];
      out.add(Code::ContentOverflow, cut.line, 1,
              "slide " + std::to_string(i + 1) + " does not fit a " +
                  std::to_string(viewport.width) + "x" + std::to_string(viewport.height) +
                  " screen even with its text at the smallest size and its images shrunk; from "
                  "this " +
                  std::string(block_kind_name(cut.kind)) +
                  " on it is cut. Shorten it or split the slide");
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
      all.push_back(make_diagnostic(loaded.result.deck.file, 0, 0, Code::MissingFont, warning));
    for (Diagnostic& d : check_rendering(loaded.result.deck, fonts)) all.push_back(std::move(d));
  }
  for (const std::string& line : summarize_diagnostics(all, options.verbose))
    std::printf("%s\n", line.c_str());
  int errors = 0, warnings = 0;
  for (const Diagnostic& d : all) (d.severity == Severity::Error ? errors : warnings)++;
  const ParseResult& r = loaded.result;
  std::string read_as = !loaded.path.empty() && is_pdf_file(loaded.path) ? "a PDF deck"
                        : r.dialect == Dialect::Boothdeck
                            ? "a boothdeck deck"
                            : "a " + std::string(dialect_name(r.dialect)) + " deck (from " +
                                  r.dialect_reason + "; see docs/migrating.md)";
  std::fprintf(stderr, "%s: read as %s; %zu slides, %d errors, %d warnings\n", r.deck.file.c_str(),
               read_as.c_str(), r.deck.slides.size(), errors, warnings);
  return errors ? kExitBadInput : kExitOk;
}

}  // namespace boothdeck
