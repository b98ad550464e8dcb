// Rendering checks run layout at a landscape and a portrait screen with real font metrics.
#include "app/deck_check.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
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

constexpr size_t kMaxGlyphReports = 20;  // each costs a search of the file for its position

// Every text of a block with the font spec layout draws it in (size aside: coverage does not
// depend on it) and the deck line it was written on: headings in the heading role, bold where
// layout sets bold, code spans in mono.
void for_each_text(
    const Block& block,
    const std::function<void(const std::string&, const FontSpec&, int line)>& visit) {
  FontSpec base;
  base.heading = block.kind == BlockKind::Heading;
  base.bold = block.kind == BlockKind::Heading && block.level <= 2;
  base.mono = block.kind == BlockKind::Code;
  auto rich = [&](const RichText& text, bool bold, int line) {
    for (const Span& span : text) {
      FontSpec spec = base;
      spec.bold = base.bold || bold || span.bold;
      spec.mono = base.mono || span.code;
      visit(span.text, spec, line);
    }
  };
  rich(block.text, false, block.line);
  for (const ListItem& item : block.items)
    rich(item.text, false, item.line ? item.line : block.line);
  const Table& table = block.table;
  auto row_line = [&](size_t row) {
    return row < table.row_lines.size() ? table.row_lines[row] : block.line;
  };
  for (const RichText& cell : table.header) rich(cell, true, row_line(0));
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (const RichText& cell : table.rows[r]) rich(cell, false, row_line(r + 1));
  FontSpec bold = base;
  bold.bold = true;
  visit(block.chart.title, bold, block.line);
  for (const Bar& bar : block.chart.bars) {
    visit(bar.label, base, block.line);
    visit(bar.unit, bold, block.line);
  }
  visit(block.qr.caption, base, block.line);
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
  auto check_glyphs = [&](const std::string& piece, const FontSpec& spec, int from_line) {
    for (const FontRun& run : fonts.runs(piece, spec)) {
      std::string cluster = piece.substr(run.begin, run.end - run.begin);
      if (run.kind != RunKind::Missing || reported.count(cluster)) continue;
      if (reported.size() >= kMaxGlyphReports) {
        ++unreported;
        continue;
      }
      reported.insert(cluster);
      auto [line, col] = locate(text, from_line, cluster);
      bool control = starts_with_control(cluster);
      out.add(Code::MissingGlyph, line, col,
              control ? "control character " + code_point_names(cluster) +
                            " is drawn as a box; remove it"
                      : "no installed font has " + code_point_names(cluster) +
                            "; it is drawn as a box. Install a font that has it or drop one "
                            "into fonts/",
              code_point_names(cluster));
    }
  };
  for (const Slide& slide : deck.slides) {
    for_each_block(slide.blocks, [&](const Block& block) { for_each_text(block, check_glyphs); });
    check_glyphs(plain_text(slide.header), {}, slide.line);
    check_glyphs(plain_text(slide.footer), {}, slide.line);
  }
  if (unreported)
    out.add(Code::MissingGlyph, 1, 1,
            "and " + std::to_string(unreported) + " more characters no installed font has", "more");
  // Images: the parser checked their first bytes; decoding them finds a broken body, and a PDF
  // page that is not there.
  std::set<std::pair<std::string, int>> checked;
  auto check_image = [&](const Image& image, int line, int col) {
    if (!checked.insert({image.path, image.page}).second) return;
    if (image_natural_size(image.path, image.page).width > 0) return;
    if (std::string problem = image_decoder_problem(image.path, image.page); !problem.empty())
      out.add(Code::UnreadableImage, line, col, "image " + excerpt(image.path) + ": " + problem);
    else if (image.page > 0 && image_natural_size(image.path, 1).width > 0)
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
      if (display.below_floor && display.overflow_block < 0 && !slide.blocks.empty())
        out.add(Code::SmallText, slide.blocks.front().line, 1,
                "slide " + std::to_string(i + 1) + " fits a " + std::to_string(viewport.width) +
                    "x" + std::to_string(viewport.height) + " screen only with its text under " +
                    std::to_string(std::lround(theme.body_size * theme.min_scale)) +
                    " px at 1080p, too small to read from "
                    "3 m; split it into two slides");
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
    std::string source(kBuiltinDeck);
    if (!loaded.path.empty() && !is_pdf_file(loaded.path)) {
      std::ifstream in(loaded.path, std::ios::binary);
      source.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (Diagnostic& d : check_rendering(loaded.result.deck, fonts, source))
      all.push_back(std::move(d));
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
