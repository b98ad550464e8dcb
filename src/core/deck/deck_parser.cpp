// The deck parser's passes, in order; each lives in its own file:
//   source_text     bytes → trusted UTF-8 text (binary refused, bad bytes replaced, BOM dropped)
//   front_matter    the YAML block at the top (or Deckset's settings lines)
//   dialect         which tool the deck was written for
//   settings        every key, ours and the other tools', applied to the deck
//   slide_splitter  where slides begin; slide_source: notes, properties, columns on lines
//   slide_builder   md4c over each slide; then this file puts each slide's style together.
#include "core/deck/deck_parser.h"

#include <fstream>
#include <map>
#include <sstream>

#include "core/deck/front_matter.h"
#include "core/deck/image_ref.h"
#include "core/deck/image_resolver.h"
#include "core/deck/line_index.h"
#include "core/deck/markdown_lines.h"
#include "core/deck/settings.h"
#include "core/deck/slide_builder.h"
#include "core/deck/slide_source.h"
#include "core/deck/slide_splitter.h"
#include "core/deck/source_text.h"

namespace boothdeck {

namespace {

DialectGuess choose_dialect(const LineIndex& index, const FrontMatter& front) {
  for (const Setting& s : front.settings) {
    if (s.key != "dialect") continue;
    if (std::optional<Dialect> named = dialect_named(s.value))
      return {*named, "`dialect:` at " + std::to_string(s.line) + ":" + std::to_string(s.col)};
  }
  return detect_dialect(index, front.body, front.settings);
}

// A background set once for many slides (front matter, a Marp directive that carries on) is
// resolved, and reported, once.
class BackgroundImages {
 public:
  explicit BackgroundImages(ImageResolver& images) : images_(images) {}
  std::optional<Image> get(const BackgroundRequest& r) {
    if (r.src.empty()) return std::nullopt;
    std::string key = r.src + "\n" + std::to_string(r.line) + ":" + std::to_string(r.col);
    auto it = resolved_.find(key);
    if (it == resolved_.end())
      it = resolved_.emplace(key, images_.resolve(r.src, "", r.line, r.col)).first;
    return it->second;
  }

 private:
  ImageResolver& images_;
  std::map<std::string, std::optional<Image>> resolved_;
};

// The images behind or beside a slide: Markdown backgrounds, then a directive's, then Slidev's
// `image:` placed by its layout.
void place_backgrounds(const SlideStyle& style, std::vector<FoundBackground>& found,
                       BackgroundImages& images, Slide& slide) {
  Background& bg = slide.background;
  if (!found.empty()) {
    const ImageSpec& first = found.front().spec;
    bg.side = first.side;
    bg.fraction = first.fraction;
    bg.fit = first.fit.value_or(ImageFit::Cover);
    for (FoundBackground& f : found) bg.images.push_back(std::move(f.image));
  } else if (style.background) {
    const BackgroundRequest& r = *style.background;
    if (std::optional<Image> image = images.get(r)) {
      bg.images.push_back(std::move(*image));
      bg.fit = r.fit;
      bg.side = r.side;
      bg.fraction = r.fraction;
    }
  }
  if (style.image && bg.images.empty()) {
    const BackgroundRequest& r = *style.image;
    if (std::optional<Image> image = images.get(r)) {
      bg.images.push_back(std::move(*image));
      bg.side = style.image_side.value_or(BackgroundSide::Right);
      bg.fraction = 0.5f;
      bg.fit = ImageFit::Cover;
    }
  }
  // A slide that is one PDF page shows the page whole, as a PDF deck does.
  if (bg.images.empty() && slide.blocks.size() == 1 && slide.blocks[0].kind == BlockKind::Image &&
      slide.blocks[0].images.size() == 1 && slide.blocks[0].images[0].page > 0) {
    bg.images.push_back(std::move(slide.blocks[0].images[0]));
    bg.fit = ImageFit::Contain;
    slide.blocks.clear();
  }
  // A PDF page is never cropped.
  for (const Image& image : bg.images)
    if (image.page > 0) bg.fit = ImageFit::Contain;
}

void apply_style(const SlideStyle& style, Slide& slide) {
  if (style.duration) slide.duration = *style.duration;
  if (style.transition) slide.transition = style.transition;
  if (style.layout) slide.layout = *style.layout;
  if (style.header) slide.header = parse_inline_markdown(*style.header);
  if (style.footer) slide.footer = parse_inline_markdown(*style.footer);
  slide.paginate = style.paginate.value_or(false);
  slide.background_color = style.background_color;
  slide.text_color = style.text_color;
  slide.invert = style.invert.value_or(false);
  if (style.fit_first_heading)
    for (Block& block : slide.blocks)
      if (block.kind == BlockKind::Heading) {
        block.fit = true;
        break;
      }
}

bool blank_lines(const LineIndex& index, int first, int end) {
  for (int line = first; line < end; ++line)
    if (!trim(index.line(line)).empty()) return false;
  return true;
}

}  // namespace

ParseResult parse_deck(std::string_view raw, const ParseOptions& options) {
  ParseResult result;
  DiagnosticList out{options.file, {}};
  result.deck.file = options.file;
  std::optional<std::string> prepared = prepare_source(raw, out);
  if (!prepared) {
    result.diagnostics = std::move(out.items);
    return result;
  }
  // One buffer for every pass: what a pass reads (notes, properties) it blanks in place, so
  // md4c never sees it and every offset, line and column stays true.
  std::string text = std::move(*prepared);
  LineIndex index(text);

  FrontMatter front = read_front_matter(index, out);
  DialectGuess guess = choose_dialect(index, front);
  result.dialect = guess.dialect;
  result.dialect_reason = guess.reason;
  if (guess.dialect == Dialect::Deckset && !front.present) {
    FrontMatter top = read_deckset_settings(index, front.body);
    if (top.present) front = std::move(top);
  }
  SettingsState state(result.deck.settings);
  state.dialect = guess.dialect;
  apply_dialect_defaults(state);
  for (const Setting& s : front.settings) apply_setting(s, SettingPlace::FrontMatter, state, out);

  MarkdownLines lines(index, front.body);
  find_heading_divider(index, lines, front.body, state.directives);
  std::vector<SlideChunk> chunks =
      split_slides(index, lines, front.body, {guess.dialect, &state.directives}, text, out);
  ImageResolver images(options.deck_dir, options.check_images, guess.dialect, out);
  BuildContext context{index, state, images, out};
  BackgroundImages backgrounds_of_style(images);
  std::optional<std::vector<Block>> layout_template;  // remark's `layout: true` slide
  bool first = true;
  for (const SlideChunk& chunk : chunks) {
    if (blank_lines(index, chunk.first_line, chunk.end_line)) continue;
    SlideSource source = read_slide_source(index, lines, chunk, guess.dialect, text, out);
    state.spot = SlideStyle{};
    for (const Setting& s : source.header) apply_setting(s, SettingPlace::SlideHeader, state, out);

    Slide slide;
    slide.line = chunk.first_line;
    slide.notes = source.notes;
    std::vector<FoundBackground> backgrounds;
    build_blocks(context, slide, source.head, slide.blocks, &backgrounds);
    if (!source.columns.empty()) {
      Block columns;
      columns.kind = BlockKind::Columns;
      columns.line = index.line_of(source.columns.front().begin);
      for (const TextRange& range : source.columns)
        build_blocks(context, slide, range, columns.columns.emplace_back(), &backgrounds);
      slide.blocks.push_back(std::move(columns));
    }
    build_blocks(context, slide, source.tail, slide.blocks, &backgrounds);

    SlideStyle style = state.spot;
    style.fill_from(state.carried);
    if (first) style.fill_from(state.first);
    style.fill_from(state.defaults);
    if (style.exclude) continue;
    if (style.template_slide) {
      layout_template = std::move(slide.blocks);
      continue;
    }
    if (layout_template)
      slide.blocks.insert(slide.blocks.begin(), layout_template->begin(), layout_template->end());
    apply_style(style, slide);
    place_backgrounds(style, backgrounds, backgrounds_of_style, slide);
    if (slide.blocks.empty() && slide.background.empty()) {
      out.add(Code::EmptySlide, chunk.first_line, 1, "slide has nothing to show; it is skipped");
      continue;
    }
    first = false;
    result.deck.slides.push_back(std::move(slide));
  }
  if (result.deck.slides.empty())
    out.add(Code::EmptyDeck, 1, 1,
            "the deck has no slides; write Markdown, with '---' between slides");
  if (result.deck.settings.title.empty() && !result.deck.slides.empty())
    result.deck.settings.title = result.deck.slides.front().title();
  result.diagnostics = std::move(out.items);
  return result;
}

ParseResult load_deck_file(const std::filesystem::path& path, std::string* source) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  if (in) content << in.rdbuf();
  if (!in || in.bad() || std::filesystem::is_directory(path)) {
    ParseResult result;
    result.deck.file = path.string();
    result.diagnostics.push_back(
        make_diagnostic(path.string(), 0, 0, Code::Unreadable,
                        "cannot read the deck; check that the file exists and is readable"));
    return result;
  }
  // Images resolve next to the file itself: for a symlinked deck, next to its target.
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  std::string text = content.str();
  ParseResult result = parse_deck(text, {path.string(), (ec ? path : real).parent_path(), true});
  if (source) *source = std::move(text);
  return result;
}

}  // namespace boothdeck
