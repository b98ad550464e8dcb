// Layout of one slide: blocks stacked top to bottom in the safe area, each block placed by its
// own function; the whole slide is tried at a ladder of scales until it fits (as sent does).
#include "core/layout/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <utility>

#include "core/deck/utf8.h"
#include "core/layout/grapheme.h"
#include "core/layout/line_breaker.h"
#include "core/layout/qr_code.h"

namespace boothdeck {

namespace {

// The short side every slide is laid out at before it is scaled to the screen.
constexpr float kReferenceShortSide = 1080;
// Scales of the whole slide. A sparse slide grows while it fills at most kComfortableFill of
// the safe area, up to a cap that is higher on a portrait totem (a short slide would otherwise
// leave most of its height empty); a full one shrinks to the theme's readable floor (min_scale:
// body and tables 40 px at 1080p, read from 3 m), and past it, flagged for --check, to the last
// step rather than lose content.
constexpr float kGrowLadder[] = {2.0f, 1.75f, 1.5f, 1.4f, 1.3f, 1.2f, 1.1f};
constexpr float kGrowCap = 1.5f, kGrowCapPortrait = 2.0f;
constexpr float kComfortableFill = 0.85f;
constexpr float kScaleLadder[] = {1.0f, 0.95f, 0.91f, 0.84f, 0.77f, 0.7f, 0.64f, 0.6f};
constexpr float kLastScale = 0.6f;
constexpr size_t kMaxBlockTextBytes = 16 * 1024;  // a 10 MB line would take minutes to measure
// Images give way before text does: at full text size down to 30% of their size, then with the
// text's ladder down to a fifth, and past the floor to a tenth before anything is cut.
constexpr float kImageShrinkAtFullText = 0.5f, kImageShrinkOnLadder = 0.25f,
                kImageShrinkLast = 0.1f;
// An image file's pixels count as this many layout pixels: sizes written for a 1280×720 slide
// (Marp's, most screenshots) come out the same share of a 1920×1080 screen.
constexpr float kImagePixel = 1.5f;
// A QR code's side, quiet zone included: in layout pixels at full size, and its floor as a
// fraction of the screen's short side (see place_qr).
constexpr float kQrSide = 432, kQrMinSide = 0.28f;
// A big number's height at most, as a share of the safe area's.
constexpr float kBigNumberHeight = 0.6f;
// On a portrait screen, this share of the empty height goes above the content.
constexpr float kPortraitDrop = 0.4f;
// Columns narrower than this (layout pixels) are stacked instead: about 14 Hangul syllables at
// body size.
constexpr float kNarrowestColumn = 640;
// Bar labels take at most this share of the width beside their bars; longer ones go above.
constexpr float kBarLabelColumn = 0.34f;

// The slide's colours: the deck's theme, the other built-in one for Marp's `invert`, and the
// colours a directive asked for. A light background asked of a dark theme brings the light
// theme's text colours with it, so text stays readable.
Theme slide_theme(const Theme& deck_theme, const Slide& slide) {
  auto luminance = [](Color c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  bool light = luminance(deck_theme.background) > 128;
  Theme theme = slide.invert ? theme_named(light ? "dark" : "light") : deck_theme;
  if (slide.background_color) {
    Color bg{slide.background_color->r, slide.background_color->g, slide.background_color->b, 255};
    bool want_light = luminance(bg) > 128;
    if (want_light != (luminance(theme.background) > 128))
      theme = theme_named(want_light ? "light" : "dark");
    theme.background = bg;
  }
  if (slide.text_color) {
    Color c{slide.text_color->r, slide.text_color->g, slide.text_color->b, 255};
    theme.text = c;
    theme.table_header_text = c;
  }
  return theme;
}

constexpr float kCodeScales[] = {1.0f, 0.9f, 0.8f};  // before a code line wraps
constexpr int kTabWidth = 4;                         // columns

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.emplace_back(line);
    pos = end + 1;
  }
  return out;
}

// Tabs to spaces, to the next multiple of kTabWidth columns (a column is a grapheme cluster).
std::string expand_tabs(std::string_view line) {
  if (line.find('\t') == std::string_view::npos) return std::string(line);
  std::string out;
  size_t column = 0;
  std::vector<size_t> clusters = grapheme_boundaries(line);
  for (size_t i = 1; i < clusters.size(); ++i) {
    std::string_view cluster = line.substr(clusters[i - 1], clusters[i] - clusters[i - 1]);
    if (cluster == "\t") {
      size_t spaces = kTabWidth - column % kTabWidth;
      out.append(spaces, ' ');
      column += spaces;
    } else {
      out += cluster;
      ++column;
    }
  }
  return out;
}

enum class HAlign { Left, Center, Right };

// Rich text flattened into one string, with the style of each byte range.
struct StyledText {
  std::string text;
  struct Run {
    size_t begin, end;
    bool bold, italic, code, strike;
  };
  std::vector<Run> runs;  // ascending, not overlapping
};

StyledText flatten(const RichText& rich) {
  StyledText out;
  for (const Span& span : rich) {
    size_t begin = out.text.size();
    out.text += span.text;
    if (out.text.size() > begin)
      out.runs.push_back({begin, out.text.size(), span.bold, span.italic, span.code, span.strike});
    if (out.text.size() > kMaxBlockTextBytes) break;
  }
  if (out.text.size() > kMaxBlockTextBytes) {
    // Cut between grapheme clusters: half a flag or half a family would be another character.
    size_t window = kMaxBlockTextBytes - 256;
    size_t cut = window + cluster_start(grapheme_boundaries(std::string_view(out.text).substr(
                                            window, kMaxBlockTextBytes - window + 1)),
                                        kMaxBlockTextBytes - window);
    out.text.resize(cut);
    out.text += "\xE2\x80\xA6";  // …
    out.runs.back().end = out.text.size();
    for (auto& run : out.runs) run.end = std::min(run.end, out.text.size());
  }
  return out;
}

class SlideLayouter {
 public:
  SlideLayouter(const Slide& slide, int index, int count, Viewport viewport, const Theme& theme,
                TextMeasurer& measurer, const ImageSizer& image_size, float scale,
                float image_scale)
      : slide_(slide),
        index_(index),
        count_(count),
        viewport_(viewport),
        theme_(theme),
        measurer_(measurer),
        image_size_(image_size),
        image_scale_(image_scale),
        scale_(scale) {
    float short_side = static_cast<float>(std::min(viewport.width, viewport.height));
    unit_ = short_side / 1080.0f * scale;
    // Pictures, the header and the footer keep their size when the type grows.
    base_unit_ = unit_ / std::max(scale, 1.0f);
    margin_ = theme.safe_margin * short_side;
    content_ = {margin_, margin_, viewport.width - 2 * margin_, viewport.height - 2 * margin_};
    // A slide of headings alone is a section divider: it is centred like a cover.
    bool headings_only = std::all_of(slide.blocks.begin(), slide.blocks.end(),
                                     [](const Block& b) { return b.kind == BlockKind::Heading; });
    big_number_ = slide.layout == SlideLayout::BigNumber && !slide.blocks.empty() &&
                  (slide.blocks[0].kind == BlockKind::Heading ||
                   slide.blocks[0].kind == BlockKind::Paragraph);
    cover_ = slide.layout != SlideLayout::Default || (headings_only && !slide.blocks.empty());
  }

  // Lays out every block; returns the height used.
  float run() {
    place_background();
    size_t header = items_.size();
    place_header_and_footer();
    size_t behind = items_.size();  // background, header, footer: not moved by centring
    y_ = content_.y;
    for (size_t i = 0; i < slide_.blocks.size(); ++i) {
      block_ = static_cast<int>(i);
      if (i > 0) y_ += gap();
      place_block(slide_.blocks[i], i == 0);
    }
    float used = y_ - content_.y;
    // A cover is centred; on a portrait totem the content sits at the optical centre, a little
    // above the middle, rather than leaving the lower half empty.
    bool portrait = viewport_.height > viewport_.width;
    if (cover_ || portrait) {
      float shift =
          std::round(std::max(0.0f, (content_.h - used) * (cover_ ? 0.5f : kPortraitDrop)));
      for (size_t i = behind; i < items_.size(); ++i) {
        items_[i].rect.y += shift;
        items_[i].label_rect.y += shift;
      }
    }
    // Text over a full-slide picture sits on a veil of the theme's background, so it reads
    // from three metres whatever the picture is.
    if (slide_.background.side == BackgroundSide::Full && !slide_.background.images.empty()) {
      add_scrim(behind, items_.size());
      for (size_t i = header; i < behind; ++i) add_scrim(i, i + 1);
    }
    return used;
  }

  std::vector<DisplayItem> take_items() { return std::move(items_); }

  // A translucent box behind items [begin, end), inserted before them.
  void add_scrim(size_t begin, size_t end) {
    if (begin >= end) return;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (size_t i = begin; i < end; ++i) {
      const Rect& r = items_[i].rect;
      x0 = std::min(x0, r.x);
      y0 = std::min(y0, r.y);
      x1 = std::max(x1, r.right());
      y1 = std::max(y1, r.bottom());
    }
    float pad = 0.8f * gap();
    DisplayItem box;
    box.kind = ItemKind::Box;
    box.rect = {x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad};
    box.color = theme_.background;
    box.color.a = 210;
    box.block = items_[begin].block;
    items_.insert(items_.begin() + static_cast<long>(begin), box);
  }
  int cramped_block() const { return cramped_block_; }
  bool below_floor() const { return below_floor_; }
  // Something already gives way to the width (a table or code block set smaller, a table cell
  // or code line wrapped, a word cut): the slide must not grow.
  bool strained() const { return strained_; }
  const Rect& content() const { return content_; }
  float image_height() const { return image_height_; }  // of every image row laid out

 private:
  int px(float size) const { return std::max(8, static_cast<int>(std::lround(size * unit_))); }
  float gap() const { return theme_.block_gap * theme_.body_size * unit_; }

  void place_block(const Block& block, bool first) {
    if (first && big_number_) return place_big_number(block);
    switch (block.kind) {
      case BlockKind::Heading:
        return place_heading(block, first);
      case BlockKind::Paragraph:
        y_ += place_text(block.text, body_font(), theme_.text, content_.x, y_, content_.w,
                         cover_ ? HAlign::Center : HAlign::Left, false);
        return;
      case BlockKind::List: {
        size_t first = items_.size();
        place_list(block);
        if (cover_) centre_horizontally(first);
        return;
      }
      case BlockKind::Table:
        return place_table(block.table);
      case BlockKind::Bars:
        return place_bars(block.chart);
      case BlockKind::Image:
        return place_images(block.images);
      case BlockKind::Code:
        return place_code(block);
      case BlockKind::Columns:
        return place_columns(block);
      case BlockKind::Qr:
        return place_qr(block.qr);
    }
  }

  // A big-number slide's figure ("64%"): one line across the content's width, in the accent
  // colour, at most 60% of the safe area's height; what follows is its caption.
  void place_big_number(const Block& block) {
    std::string plain = plain_text(block.text);
    FontSpec font{px(theme_.title_size), true, true, false};
    float width = plain.size() <= 512 ? measurer_.width(plain, font) : 0;
    if (width > 0) {
      float most = kBigNumberHeight * content_.h / theme_.heading_line_height;
      int size = static_cast<int>(std::min(font.size * content_.w / width, most));
      for (FontSpec f = font; size > font.size; --size) {
        f.size = size;
        if (measurer_.width(plain, f) <= content_.w) break;
      }
      font.size = std::max(font.size, size);
    }
    y_ += place_text(block.text, font, theme_.accent_text, content_.x, y_, content_.w,
                     HAlign::Center, true);
  }

  // A QR code, centred, with its caption under it. Its side (quiet zone included) is 40% of the
  // screen's short side at full size, growing and shrinking with the slide, never under 28%:
  // 302 px at 1080p, 15 cm on a 43" screen, the tenth of the 1.5 m reading distance that phone
  // cameras need (ISO/IEC 18004 leaves the size to the application; 10:1 is the usual rule).
  // Modules are whole pixels.
  void place_qr(const QrCode& code) {
    std::optional<QrMatrix> matrix = encode_qr(code.data);
    if (!matrix) return;
    float short_side = static_cast<float>(std::min(viewport_.width, viewport_.height));
    float side = std::max(kQrSide * unit_, kQrMinSide * short_side);
    side = std::min(side, content_.w);
    int modules = matrix->side + 2 * kQrQuietZone;
    int module_px = std::max(1, static_cast<int>(side) / modules);
    float w = static_cast<float>(module_px * modules);
    DisplayItem item;
    item.kind = ItemKind::Qr;
    item.rect = {std::round(content_.x + (content_.w - w) / 2), std::ceil(y_), w, w};
    item.color = theme_.qr_dark;
    item.label_color = theme_.qr_light;
    item.text = code.data;
    item.qr = std::move(matrix->module);
    item.qr_side = matrix->side;
    item.module_px = module_px;
    item.block = block_;
    y_ = item.rect.bottom();
    items_.push_back(std::move(item));
    if (code.caption.empty()) return;
    y_ += 0.3f * gap();
    y_ += place_text({{code.caption}}, body_font(), theme_.muted, content_.x, y_, content_.w,
                     HAlign::Center, true);
  }

  FontSpec body_font() const { return {px(theme_.body_size), false, false, false}; }

  // A centred slide centres a list as a whole; its items stay aligned with each other.
  void centre_horizontally(size_t first) {
    float x0 = 1e9f, x1 = -1e9f;
    for (size_t i = first; i < items_.size(); ++i) {
      x0 = std::min(x0, items_[i].rect.x);
      x1 = std::max(x1, items_[i].rect.right());
    }
    if (x1 < x0) return;
    float shift = content_.x + (content_.w - (x1 - x0)) / 2 - x0;
    for (size_t i = first; i < items_.size(); ++i) items_[i].rect.x += std::max(0.0f, shift);
  }

  void place_heading(const Block& block, bool first) {
    float size = block.level <= 1   ? (cover_ && first ? theme_.title_size : theme_.h1_size)
                 : block.level == 2 ? theme_.h2_size
                                    : theme_.h3_size;
    FontSpec font{px(size), block.level <= 2, true, false};
    if (block.fit) font.size = fitted_size(block.text, font);
    Color color = block.level <= 1 ? theme_.text : block.level == 2 ? theme_.strong : theme_.muted;
    y_ += place_text(block.text, font, color, content_.x, y_, content_.w,
                     cover_ ? HAlign::Center : HAlign::Left, true);
    // A short accent rule under the slide's title marks where the content starts.
    if (first && block.level <= 2) {
      float rule_w = 110 * unit_, rule_h = std::max(3.0f, 7 * unit_);
      float x = cover_ ? content_.x + (content_.w - rule_w) / 2 : content_.x;
      y_ += 0.35f * gap();
      add_box({x, y_, rule_w, rule_h}, theme_.rule);
      y_ += rule_h + 0.4f * gap();
    }
  }

  // Lays out rich text as wrapped lines; returns the height used.
  float place_text(const RichText& rich, FontSpec font, Color color, float x, float y, float width,
                   HAlign align, bool balanced, Color strong = {0, 0, 0, 0}) {
    if (strong.a == 0) strong = theme_.strong;
    StyledText styled = flatten(rich);
    auto spec_of = [&](const StyledText::Run& run) {
      FontSpec spec = font;
      spec.bold = font.bold || run.bold;
      spec.mono = run.code;
      return spec;
    };
    // The runs a byte range touches, found by bisection: a paragraph of 5000 bold words must
    // not cost 5000 steps for every word measured.
    auto first_run = [&](size_t begin) {
      return std::upper_bound(styled.runs.begin(), styled.runs.end(), begin,
                              [](size_t b, const StyledText::Run& run) { return b < run.end; });
    };
    auto measure = [&](size_t begin, size_t end) {
      float w = 0;
      for (auto run = first_run(begin); run != styled.runs.end() && run->begin < end; ++run) {
        size_t b = std::max(begin, run->begin), e = std::min(end, run->end);
        if (b < e)
          w += measurer_.width(std::string_view(styled.text).substr(b, e - b), spec_of(*run));
      }
      return w;
    };
    std::vector<LineRange> lines = balanced ? break_lines_balanced(styled.text, measure, width)
                                            : break_lines_even_end(styled.text, measure, width);
    // A word cut because it alone is wider than the line: the slide must not grow to this size.
    if (lines.size() > 1 && !strained_) {
      std::vector<BreakKind> breaks = break_opportunities(styled.text);
      for (size_t i = 1; i < lines.size(); ++i) {
        size_t at = lines[i].begin;
        if (at > 0 && at <= breaks.size() && breaks[at - 1] == BreakKind::None) strained_ = true;
      }
    }
    float glyph_h = measurer_.line_height(font);
    float line_h = font.heading ? std::max(glyph_h, theme_.heading_line_height * font.size)
                                : glyph_h * theme_.line_spacing;
    float top = y;
    for (const LineRange& line : lines) {
      float slack = width - line.width;
      float cx = x + (align == HAlign::Center ? slack / 2 : align == HAlign::Right ? slack : 0);
      for (auto run = first_run(line.begin); run != styled.runs.end() && run->begin < line.end;
           ++run) {
        size_t b = std::max(line.begin, run->begin), e = std::min(line.end, run->end);
        if (b >= e) continue;
        std::string piece = styled.text.substr(b, e - b);
        FontSpec spec = spec_of(*run);
        float w = measurer_.width(piece, spec);
        // Korean fonts have no italics: emphasis is set apart by colour instead.
        Color ink = run->bold && !font.bold ? strong : run->italic ? theme_.muted : color;
        Rect rect{cx, top + (line_h - glyph_h) / 2, w, glyph_h};
        add_text(piece, spec, ink, rect);
        if (run->strike) add_strike(rect, spec, ink);
        cx += w;
      }
      top += line_h;
    }
    return top - y;
  }

  void place_list(const Block& block) {
    FontSpec font = body_font();
    float indent_step = 1.4f * font.size;
    for (size_t i = 0; i < block.items.size(); ++i) {
      const ListItem& item = block.items[i];
      if (i > 0) y_ += 0.3f * font.size;
      float x = content_.x + item.depth * indent_step;
      std::string marker = item.ordered      ? std::to_string(item.number) + "."
                           : item.depth == 0 ? "\xE2\x80\xA2"   // •
                                             : "\xE2\x80\x93";  // –
      FontSpec marker_font = font;
      marker_font.bold = item.ordered;
      float marker_w = std::max(measurer_.width(marker, marker_font) + 0.45f * font.size,
                                item.ordered ? 0.0f : 1.0f * font.size);
      float line_h = measurer_.line_height(font) * theme_.line_spacing;
      add_text(marker, marker_font, item.depth == 0 ? theme_.accent : theme_.muted,
               {x, y_ + (line_h - measurer_.line_height(font)) / 2,
                measurer_.width(marker, marker_font), measurer_.line_height(font)});
      Color color = item.depth == 0 ? theme_.text : theme_.muted;
      y_ += place_text(item.text, font, color, x + marker_w, y_, content_.right() - x - marker_w,
                       HAlign::Left, false);
    }
  }

  void place_table(const Table& table) {
    int columns = table.columns();
    if (columns == 0) return;
    // Column widths from content: every column gets at least its longest word, and the rest
    // of the width is shared in proportion to how much each column would like beyond that.
    // A table whose words alone are too wide is set smaller first, so no word is cut.
    FontSpec font, header_font;
    float pad = 0;
    std::vector<float> natural(columns), minimum(columns);
    for (float table_scale : {1.0f, 0.95f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f}) {
      strained_ |= table_scale < 1;
      // Under the readable floor only to keep words whole; --check then says to split.
      below_floor_ |= table_scale * scale_ < theme_.min_scale - 1e-6f;
      font = {px(theme_.table_size * table_scale), false, false, false};
      header_font = font;
      header_font.bold = true;
      pad = 0.45f * font.size;
      std::fill(natural.begin(), natural.end(), 0.0f);
      std::fill(minimum.begin(), minimum.end(), 0.0f);
      auto consider = [&](const RichText& cell, int c, const FontSpec& f) {
        std::string text = plain_text(cell);
        if (text.size() > 2048) text.resize(2048);
        natural[c] = std::max(natural[c], measurer_.width(text, f) + 2 * pad);
        size_t start = 0;
        for (size_t i = 0; i <= text.size(); ++i) {
          if (i == text.size() || text[i] == ' ') {
            if (i > start)
              minimum[c] =
                  std::max(minimum[c], measurer_.width(text.substr(start, i - start), f) + 2 * pad);
            start = i + 1;
          }
        }
      };
      for (int c = 0; c < columns; ++c) consider(table.header[c], c, header_font);
      for (const auto& row : table.rows)
        for (int c = 0; c < columns && c < static_cast<int>(row.size()); ++c)
          consider(row[c], c, font);
      float total_min = 0;
      for (float m : minimum) total_min += m;
      if (total_min <= content_.w) break;
    }
    std::vector<float> widths(columns);
    float total_natural = 0, total_min = 0;
    float min_cap = content_.w;
    for (float m : minimum) total_min += m;
    if (total_min > content_.w) {  // 500 columns: cut words, stay on screen, tell --check
      min_cap = content_.w / columns;
      if (cramped_block_ < 0) cramped_block_ = block_;
    }
    total_min = 0;
    for (int c = 0; c < columns; ++c) {
      minimum[c] = std::min(minimum[c], min_cap);
      natural[c] = std::max(natural[c], minimum[c]);
      total_natural += natural[c];
      total_min += minimum[c];
    }
    strained_ |= total_natural > content_.w;  // some cell wraps
    if (total_natural <= content_.w) {
      for (int c = 0; c < columns; ++c) widths[c] = natural[c] * content_.w / total_natural;
    } else {
      float spare = content_.w - total_min, wanted = total_natural - total_min;
      for (int c = 0; c < columns; ++c)
        widths[c] = minimum[c] + (wanted > 0 ? spare * (natural[c] - minimum[c]) / wanted : 0);
    }

    auto place_row = [&](const std::vector<RichText>& cells, bool header, bool stripe) {
      // Lay the cells out first to learn the row's height, then put the background behind.
      size_t first_item = items_.size();
      float x = content_.x, row_h = 0;
      for (int c = 0; c < columns; ++c) {
        const RichText empty;
        const RichText& cell = c < static_cast<int>(cells.size()) ? cells[c] : empty;
        Align align = c < static_cast<int>(table.align.size()) ? table.align[c] : Align::Default;
        float h = place_text(cell, header ? header_font : font,
                             header ? theme_.table_header_text : theme_.text, x + pad, y_ + pad,
                             std::max(1.0f, widths[c] - 2 * pad),
                             align == Align::Center  ? HAlign::Center
                             : align == Align::Right ? HAlign::Right
                                                     : HAlign::Left,
                             false);
        row_h = std::max(row_h, h + 2 * pad);
        x += widths[c];
      }
      if (header || stripe) {
        DisplayItem box;
        box.kind = ItemKind::Box;
        box.rect = {content_.x, y_, content_.w, row_h};
        box.color = header ? theme_.table_header : theme_.table_stripe;
        box.block = block_;
        items_.insert(items_.begin() + static_cast<long>(first_item), box);
      }
      y_ += row_h;
    };
    place_row(table.header, true, false);
    for (size_t r = 0; r < table.rows.size(); ++r) place_row(table.rows[r], false, r % 2 == 1);
    add_box({content_.x, y_, content_.w, std::max(2.0f, 3 * unit_)}, theme_.table_header);
  }

  // Where a chart's parts go: labels beside the bars in a column of `label_w`, or above them
  // when that column would be narrow (a portrait screen, long labels: a word would be cut), and
  // the value column's width. Charts side by side on one slide share it, so their tracks are
  // equally long and their values line up.
  struct BarsGeometry {
    bool above = false;
    float label_w = 0, value_w = 0;
  };
  BarsGeometry bars_geometry(const BarChart& chart) {
    FontSpec label_font = body_font(), value_font = label_font;
    value_font.bold = true;
    std::vector<const BarChart*> charts;
    if (!in_columns_)
      for (const Block& block : slide_.blocks)
        if (block.kind == BlockKind::Bars) charts.push_back(&block.chart);
    if (std::find(charts.begin(), charts.end(), &chart) == charts.end()) charts = {&chart};
    BarsGeometry g;
    for (const BarChart* c : charts)
      for (const Bar& bar : c->bars) {
        g.label_w = std::max(g.label_w, measurer_.width(bar.label, label_font));
        g.value_w =
            std::max(g.value_w, measurer_.width(format_bar_value(bar.value, bar.unit), value_font));
      }
    g.above = g.label_w > kBarLabelColumn * content_.w;
    if (g.above) g.label_w = 0;
    g.value_w = std::min(g.value_w, 0.3f * content_.w);
    return g;
  }

  void place_bars(const BarChart& chart) {
    FontSpec label_font = body_font();
    FontSpec value_font = label_font;
    value_font.bold = true;
    if (!chart.title.empty()) {
      FontSpec title_font{px(theme_.small_size), true, false, false};
      y_ += place_text({{chart.title}}, title_font, theme_.muted, content_.x, y_, content_.w,
                       HAlign::Left, false);
      y_ += 0.25f * label_font.size;
    }
    BarsGeometry g = bars_geometry(chart);
    float gap_x = 0.6f * label_font.size;
    float track_x = content_.x + (g.above ? 0 : g.label_w + gap_x);
    float track_w = std::max(1.0f, content_.right() - track_x - gap_x - g.value_w);
    float bar_h = 1.25f * label_font.size;
    bool any_highlight =
        std::any_of(chart.bars.begin(), chart.bars.end(), [](const Bar& b) { return b.highlight; });
    double axis = chart.axis_max();
    for (size_t i = 0; i < chart.bars.size(); ++i) {
      const Bar& bar = chart.bars[i];
      if (i > 0) y_ += (g.above ? 0.6f : 0.45f) * bar_h;
      float row_h = bar_h, bar_y = y_;
      if (g.above) {  // the label's own line, then the bar under it
        float label_h = place_text({{bar.label}}, label_font, theme_.text, content_.x, y_,
                                   content_.w, HAlign::Left, true);
        bar_y = y_ + label_h;
      } else {
        float label_h = place_text({{bar.label}}, label_font, theme_.text, content_.x, y_,
                                   g.label_w, HAlign::Left, true);
        row_h = std::max(bar_h, label_h);
        bar_y = y_ + (row_h - bar_h) / 2;
      }
      add_box({track_x, bar_y, track_w, bar_h}, theme_.bar_track);
      double fraction = std::clamp(bar.value / axis, 0.0, 1.0);
      float length = static_cast<float>(fraction) * track_w;
      if (bar.value > 0) length = std::max(length, 2.0f);
      DisplayItem item;
      item.kind = ItemKind::Bar;
      item.rect = {track_x, bar_y, length, bar_h};
      item.color = bar.highlight || !any_highlight ? theme_.accent : theme_.bar;
      item.label_color = bar.highlight || !any_highlight ? theme_.accent_text : theme_.text;
      item.value = bar.value;
      item.unit = bar.unit;
      item.text = bar.label;
      item.font = value_font;
      float value_h = measurer_.line_height(value_font);
      item.label_rect = {track_x + length + gap_x, bar_y + (bar_h - value_h) / 2, g.value_w,
                         value_h};
      item.block = block_;
      items_.push_back(std::move(item));
      y_ = std::max(y_ + row_h, bar_y + bar_h);
    }
  }

  // `# [fit] Title`: the size at which the heading fills the width on one line, up to twice
  // the title size (and a third of the content's height), down to the shrink-to-fit floor.
  int fitted_size(const RichText& text, FontSpec font) {
    std::string plain = plain_text(text);
    if (plain.size() > 512) return font.size;
    float width = measurer_.width(plain, font);
    if (width <= 0) return font.size;
    float most =
        std::min(2 * px(theme_.title_size) * 1.0f, content_.h / 3 / (theme_.line_spacing * 1.2f));
    int least = static_cast<int>(font.size * kLastScale);
    int size = static_cast<int>(std::min(font.size * content_.w / width, most));
    size = std::max(size, least);
    // Advances do not scale exactly with size: step down until it is one line.
    for (FontSpec f = font; size > least; --size) {
      f.size = size;
      if (measurer_.width(plain, f) <= content_.w) break;
    }
    return size;
  }

  ImageSize natural_size(const Image& image) const {
    ImageSize size = image_size_ ? image_size_(image.path, image.page) : ImageSize{};
    if (size.width <= 0 || size.height <= 0) size = {16, 9};
    return size;
  }

  DisplayItem image_item(const Image& image, Rect rect) const {
    DisplayItem item;
    item.kind = ItemKind::Image;
    item.rect = rect;
    item.path = image.path;
    item.page = image.page;
    item.text = image.alt;
    item.block = block_;
    return item;
  }

  // An image in a box: fitted whole and centred (contain), or filling it, cropped (cover).
  DisplayItem fitted_image(const Image& image, Rect box, ImageFit fit) const {
    ImageSize size = natural_size(image);
    float iw = static_cast<float>(size.width), ih = static_cast<float>(size.height);
    if (fit == ImageFit::Contain) {
      float s = std::min(box.w / iw, box.h / ih);
      Rect r{box.x + (box.w - iw * s) / 2, box.y + (box.h - ih * s) / 2, iw * s, ih * s};
      return image_item(image, r);
    }
    float s = std::max(box.w / iw, box.h / ih);
    float vw = box.w / s, vh = box.h / s;  // the part of the image that shows, in its pixels
    DisplayItem item = image_item(image, box);
    item.crop = {(iw - vw) / 2 / iw, (ih - vh) / 2 / ih, vw / iw, vh / ih};
    return item;
  }

  // Backgrounds fill the slide, or one side of it (Marp `![bg left:40%]`, Deckset `![left]`);
  // the content then takes the rest. Several images share their area side by side.
  void place_background() {
    const Background& bg = slide_.background;
    if (bg.images.empty()) return;
    block_ = -1;
    float w = static_cast<float>(viewport_.width), h = static_cast<float>(viewport_.height);
    Rect area{0, 0, w, h};
    if (bg.side != BackgroundSide::Full && h > w) {
      // A portrait totem: the picture above the text (left) or below it (right).
      float share = std::clamp(bg.fraction, 0.1f, 0.9f) * h;
      area = {0, bg.side == BackgroundSide::Left ? 0 : h - share, w, share};
      if (bg.side == BackgroundSide::Left) content_.y = share + margin_;
      content_.h = h - share - 2 * margin_;
    } else if (bg.side != BackgroundSide::Full) {
      float share = std::clamp(bg.fraction, 0.1f, 0.9f) * w;
      area = {bg.side == BackgroundSide::Left ? 0 : w - share, 0, share, h};
      if (bg.side == BackgroundSide::Left) content_.x = share + margin_;
      content_.w = w - share - 2 * margin_;
    }
    float each = area.w / static_cast<float>(bg.images.size());
    for (size_t i = 0; i < bg.images.size(); ++i)
      items_.push_back(
          fitted_image(bg.images[i], {area.x + each * i, area.y, each, area.h}, bg.fit));
  }

  // Marp's header and footer, and the page number, in small muted text inside the safe area;
  // the content keeps clear of them.
  void place_header_and_footer() {
    block_ = -1;
    FontSpec font{
        std::max(8, static_cast<int>(std::lround(theme_.small_size * 0.68f * base_unit_))), false,
        false, false};
    float line_h = measurer_.line_height(font);
    float gap_y = 0.5f * line_h;
    if (!slide_.header.empty()) {
      place_text(slide_.header, font, theme_.muted, content_.x, content_.y, content_.w,
                 HAlign::Left, false);
      content_.y += line_h + gap_y;
      content_.h -= line_h + gap_y;
    }
    bool page = slide_.paginate && count_ > 0;
    if (!slide_.footer.empty() || page) {
      float y = content_.bottom() - line_h;
      RichText number{{std::to_string(index_ + 1)}};
      float number_w = page ? measurer_.width(number[0].text, font) + line_h : 0;
      if (!slide_.footer.empty())
        place_text(slide_.footer, font, theme_.muted, content_.x, y, content_.w - number_w,
                   HAlign::Left, false);
      if (page)
        place_text(number, font, theme_.muted, content_.x, y, content_.w, HAlign::Right, false);
      content_.h -= line_h + gap_y;
    }
  }

  // A row of images, side by side at one height, centred; a size the deck asked for is kept.
  void place_images(const std::vector<Image>& images) {
    if (images.empty()) return;
    float gap_x = 0.5f * gap();
    // Over half the slide at most, or all the height left when nothing follows.
    float max_h = 0.55f * content_.h;
    if (block_ == static_cast<int>(slide_.blocks.size()) - 1 && !in_columns_)
      max_h = std::max(max_h, content_.bottom() - y_);
    float available = content_.w - gap_x * static_cast<float>(images.size() - 1);
    struct Box {
      float w, h;
    };
    std::vector<Box> boxes;
    for (const Image& image : images) {
      ImageSize size = natural_size(image);
      float aspect = static_cast<float>(size.width) / static_cast<float>(size.height);
      float w = image.width * base_unit_, h = image.height * base_unit_;
      if (image.width_fraction > 0) w = image.width_fraction * content_.w;
      if (w > 0 && h > 0) {
        float s = std::min(w / size.width, h / size.height);  // inside the box asked for
        w = size.width * s;
        h = size.height * s;
      } else if (w > 0) {
        h = w / aspect;
      } else if (h > 0) {
        w = h * aspect;
      } else {
        h = std::min(static_cast<float>(size.height) * kImagePixel * base_unit_, max_h);
        w = h * aspect;
      }
      boxes.push_back({w * image_scale_, h * image_scale_});
    }
    max_h *= image_scale_;
    // Too wide or too tall together: the whole row shrinks alike.
    float total_w = 0, row_h = 0;
    for (const Box& b : boxes) total_w += b.w;
    float s = total_w > available ? available / total_w : 1.0f;
    for (const Box& b : boxes) row_h = std::max(row_h, b.h * s);
    if (row_h > max_h) s *= max_h / row_h;
    total_w = 0;
    row_h = 0;
    for (Box& b : boxes) {
      b.w *= s;
      b.h *= s;
      total_w += b.w;
      row_h = std::max(row_h, b.h);
    }
    total_w += gap_x * static_cast<float>(images.size() - 1);
    float x = content_.x + (content_.w - total_w) / 2;
    for (size_t i = 0; i < images.size(); ++i) {
      items_.push_back(
          image_item(images[i], {x, y_ + (row_h - boxes[i].h) / 2, boxes[i].w, boxes[i].h}));
      x += boxes[i].w + gap_x;
    }
    y_ += row_h;
    image_height_ += row_h;
  }

  // Columns side by side, each laid out like a narrow slide; the row is as tall as the tallest.
  // Too narrow side by side (a portrait totem), they are stacked, one under the other.
  void place_columns(const Block& block) {
    if (block.columns.empty()) return;
    float n_columns = static_cast<float>(block.columns.size());
    if ((content_.w - 1.2f * gap() * (n_columns - 1)) / n_columns < kNarrowestColumn * base_unit_) {
      for (size_t c = 0; c < block.columns.size(); ++c)
        for (size_t i = 0; i < block.columns[c].size(); ++i) {
          if (c > 0 || i > 0) y_ += gap();
          place_block(block.columns[c][i], false);
        }
      return;
    }
    Rect saved = content_;
    in_columns_ = true;
    float gap_x = 1.2f * gap();
    float n = static_cast<float>(block.columns.size());
    float width = (content_.w - gap_x * (n - 1)) / n;
    float top = y_, bottom = y_;
    for (size_t c = 0; c < block.columns.size(); ++c) {
      content_ = {saved.x + c * (width + gap_x), top, width, saved.bottom() - top};
      y_ = top;
      for (size_t i = 0; i < block.columns[c].size(); ++i) {
        if (i > 0) y_ += gap();
        place_block(block.columns[c][i], false);
      }
      bottom = std::max(bottom, y_);
    }
    content_ = saved;
    y_ = bottom;
    in_columns_ = false;
  }

  // Code keeps every character and its indentation (tabs to the next multiple of four
  // columns). A block set smaller until its longest line fits; past the smallest size a long
  // line wraps, and each continuation starts with a mark (↪) at the line's own indentation.
  void place_code(const Block& block) {
    std::vector<std::string> lines;
    for (const std::string& line : split_lines(plain_text(block.text)))
      lines.push_back(expand_tabs(line));
    FontSpec font;
    float pad = 0, avail = 0;
    for (float code_scale : kCodeScales) {
      strained_ |= code_scale < 1;
      font = {px(theme_.code_size * code_scale), false, false, true};
      pad = 0.6f * font.size;
      avail = std::max(1.0f, content_.w - 2 * pad);
      bool fits = std::all_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return measurer_.width(line, font) <= avail + 0.01f;
      });
      if (fits) break;
    }
    const std::string mark = "\xE2\x86\xAA ";  // ↪ and a space
    float glyph_h = measurer_.line_height(font), line_h = glyph_h * 1.15f;
    float mark_w = measurer_.width(mark, font);
    size_t first_item = items_.size();
    float x = content_.x + pad, top = y_ + pad;
    for (const std::string& line : lines) {
      size_t indent = line.find_first_not_of(' ');
      if (indent == std::string::npos) {  // blank: keeps its height
        top += line_h;
        continue;
      }
      std::string_view rest = std::string_view(line).substr(indent);
      float indent_w = std::min(measurer_.width(line.substr(0, indent), font), avail / 2);
      float width = std::max(1.0f, avail - indent_w - mark_w);
      auto measure = [&](size_t b, size_t e) {
        return measurer_.width(rest.substr(b, e - b), font);
      };
      std::vector<LineRange> pieces = break_lines(rest, measure, width);
      for (size_t i = 0; i < pieces.size(); ++i) {
        const LineRange& piece = pieces[i];
        std::string text(rest.substr(piece.begin, piece.end - piece.begin));
        float tx = x + indent_w;
        if (i == 0) {  // the first piece carries the indentation, as the deck wrote it
          text = line.substr(0, indent) + text;
          tx = x;
        } else {
          add_text(mark, font, theme_.muted, {tx, top + (line_h - glyph_h) / 2, mark_w, glyph_h});
          items_.back().mark = true;
          strained_ = true;
          tx += mark_w;
        }
        add_text(text, font, theme_.text,
                 {tx, top + (line_h - glyph_h) / 2, measurer_.width(text, font), glyph_h});
        top += line_h;
      }
    }
    float h = top - (y_ + pad);
    DisplayItem box;
    box.kind = ItemKind::Box;
    box.rect = {content_.x, y_, content_.w, h + 2 * pad};
    box.color = theme_.table_stripe;
    box.block = block_;
    items_.insert(items_.begin() + static_cast<long>(first_item), box);
    y_ += h + 2 * pad;
  }

  void add_box(Rect rect, Color color) {
    DisplayItem item;
    item.kind = ItemKind::Box;
    item.rect = rect;
    item.color = color;
    item.block = block_;
    items_.push_back(std::move(item));
  }

  // A strikethrough: a rule across the middle of the line box, the text's colour, drawn after
  // (over) the text.
  void add_strike(const Rect& text, const FontSpec& font, Color color) {
    float thickness = std::max(2.0f, std::round(font.size / 16.0f));
    add_box({text.x, text.y + text.h * 0.5f - thickness / 2, text.w, thickness}, color);
  }

  void add_text(const std::string& text, FontSpec font, Color color, Rect rect) {
    DisplayItem item;
    item.kind = ItemKind::Text;
    item.rect = rect;
    item.color = color;
    item.text = text;
    item.font = font;
    item.block = block_;
    items_.push_back(std::move(item));
  }

  const Slide& slide_;
  int index_, count_;
  Viewport viewport_;
  const Theme& theme_;
  TextMeasurer& measurer_;
  const ImageSizer& image_size_;
  float image_scale_ = 1;
  float scale_ = 1;
  float image_height_ = 0;
  bool in_columns_ = false;
  float unit_ = 1;
  float base_unit_ = 1;
  float margin_ = 0;
  Rect content_;
  bool cover_ = false;
  bool big_number_ = false;
  float y_ = 0;
  int block_ = 0;
  int cramped_block_ = -1;
  bool below_floor_ = false;  // a table set smaller than the readable floor to keep its words
  bool strained_ = false;
  std::vector<DisplayItem> items_;
};

}  // namespace

std::string_view block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::Heading:
      return "heading";
    case BlockKind::Paragraph:
      return "paragraph";
    case BlockKind::List:
      return "list";
    case BlockKind::Table:
      return "table";
    case BlockKind::Bars:
      return "bar chart";
    case BlockKind::Image:
      return "image";
    case BlockKind::Code:
      return "code block";
    case BlockKind::Columns:
      return "columns";
    case BlockKind::Qr:
      return "QR code";
  }
  return "block";
}

bool SlideDisplay::has_bars() const {
  return std::any_of(items.begin(), items.end(),
                     [](const DisplayItem& item) { return item.kind == ItemKind::Bar; });
}

static Rect bounds_of(const std::vector<DisplayItem>& items, bool bars_only) {
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  for (const DisplayItem& item : items) {
    if (bars_only && item.kind != ItemKind::Bar) continue;
    x0 = std::min(x0, item.rect.x);
    y0 = std::min(y0, item.rect.y);
    x1 = std::max(x1, item.rect.right());
    y1 = std::max(y1, item.rect.bottom());
    if (item.kind == ItemKind::Bar) {
      y0 = std::min(y0, item.label_rect.y);
      x1 = std::max(x1, item.label_rect.right());
      y1 = std::max(y1, item.label_rect.bottom());
    }
  }
  return x1 < x0 ? Rect{} : Rect{x0, y0, x1 - x0, y1 - y0};
}

Rect SlideDisplay::bars_bounds() const {
  return bounds_of(items, true);
}
Rect SlideDisplay::content_bounds() const {
  return bounds_of(items, false);
}

std::string format_bar_value(double value, const std::string& unit) {
  char number[64];
  bool whole = std::abs(value - std::round(value)) < 1e-9;
  if (whole && std::abs(value) < 1e15)
    std::snprintf(number, sizeof number, "%.0f", value);
  else
    std::snprintf(number, sizeof number, "%.3g", value);
  std::string out = number;
  if (unit.empty()) return out;
  bool attached = unit == "%" || unit == "\xC3\x97";
  return out + (attached ? "" : " ") + unit;
}

double bar_shown_value(const DisplayItem& bar, double progress) {
  if (progress >= 1) return bar.value;
  double shown = bar.value * std::max(progress, 0.0);
  bool small = bar.value < 10 && std::abs(bar.value - std::round(bar.value)) < 1e-9;
  return small ? std::round(shown * 10) / 10 : std::round(shown);
}

std::string bar_label_at(const DisplayItem& bar, double progress) {
  return format_bar_value(bar_shown_value(bar, progress), bar.unit);
}

namespace {

// The display laid out at the reference screen (a 1080-pixel short side) brought to the real
// one: geometry times k, font sizes rounded down (a line never comes out wider than it was
// broken for), QR modules to whole pixels.
void scale_display(SlideDisplay& display, float k) {
  if (k == 1) return;
  auto scaled = [k](Rect r) { return Rect{r.x * k, r.y * k, r.w * k, r.h * k}; };
  for (DisplayItem& item : display.items) {
    item.rect = scaled(item.rect);
    item.label_rect = scaled(item.label_rect);
    item.font.size = std::max(1, static_cast<int>(std::floor(item.font.size * k + 1e-3f)));
    if (item.kind == ItemKind::Qr && item.qr_side > 0) {
      int modules = item.qr_side + 2 * kQrQuietZone;
      item.module_px = std::max(1, static_cast<int>(item.rect.w + 1e-3f) / modules);
      float w = static_cast<float>(item.module_px * modules);
      item.rect = {std::round(item.rect.x + (item.rect.w - w) / 2), std::round(item.rect.y), w, w};
    }
  }
}

}  // namespace

SlideDisplay layout_slide(const Deck& deck, int index, Viewport viewport, const Theme& deck_theme,
                          TextMeasurer& measurer, const ImageSizer& image_size) {
  SlideDisplay display;
  display.background = deck_theme.background;
  if (index < 0 || index >= static_cast<int>(deck.slides.size())) return display;
  const Slide& slide = deck.slides[index];
  const Theme theme = slide_theme(deck_theme, slide);
  display.background = theme.background;
  int count = static_cast<int>(deck.slides.size());
  // Laid out at a screen of the same shape with a 1080-pixel short side, then scaled: 720p,
  // 1080p and 4K break every line at the same place and choose the same scale.
  float k = static_cast<float>(std::min(viewport.width, viewport.height)) / kReferenceShortSide;
  viewport = {std::max(1, static_cast<int>(std::lround(viewport.width / k))),
              std::max(1, static_cast<int>(std::lround(viewport.height / k)))};
  float used = 0, room = 0;
  bool strained = false;
  bool retry = false;
  auto attempt = [&](float scale, float image_scale) {
    // The fonts of the scale tried before on this slide; not those of the slide before it,
    // which the renderer may be drawing.
    if (std::exchange(retry, true)) measurer.release_sizes();
    SlideLayouter layouter(slide, index, count, viewport, theme, measurer, image_size, scale,
                           image_scale);
    used = layouter.run();
    room = layouter.content().h;
    display.items = layouter.take_items();
    display.scale = scale;
    display.cramped_block = layouter.cramped_block();
    display.below_floor = layouter.below_floor();
    strained = layouter.strained() || layouter.cramped_block() >= 0;
    // How small the images must become for the slide to fit (1 = no need, 0 = not enough).
    float over = used - room;
    if (over <= 0.5f) return 1.0f;
    float images = layouter.image_height();
    return images > over ? image_scale * (images - over) / images : 0.0f;
  };
  auto done = [&]() {
    display.below_floor |= display.scale < theme.min_scale - 1e-6f;
    scale_display(display, k);
    return display;
  };
  float scale = 1;
  // A slide that fits at full size grows while it fills the safe area comfortably, up to a cap.
  if (attempt(1, 1) >= 1 && !strained && used > 0) {
    float most = std::min(room * kComfortableFill / used,
                          viewport.height > viewport.width ? kGrowCapPortrait : kGrowCap);
    std::vector<float> steps;  // the ladder's steps worth trying, smallest first
    for (auto step = std::rbegin(kGrowLadder); step != std::rend(kGrowLadder); ++step)
      if (*step <= most) steps.push_back(*step);
    auto fits = [&](float step) {
      return attempt(step, 1) >= 1 && used <= room * kComfortableFill && !strained;
    };
    // The largest step first: a title slide takes it. Otherwise, as a larger step fills more,
    // the largest that fits is found by bisection: 2 or 3 more layouts where walking down the
    // ladder took up to 5, each measuring every line at a new size.
    SlideDisplay fitting = display;  // the largest step known to fit; scale 1 so far
    if (!steps.empty() && fits(steps.back())) return done();
    size_t low = 0, high = steps.empty() ? 0 : steps.size() - 1;  // below low: fit; high up: not
    while (low < high) {
      size_t mid = (low + high) / 2;
      if (fits(steps[mid])) {
        fitting = display;
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    display = std::move(fitting);
    return done();
  }
  for (float step : kScaleLadder) {
    scale = step;
    float needed = attempt(step, 1);
    if (needed >= 1) return done();
    float least = step == 1.0f ? kImageShrinkAtFullText : kImageShrinkOnLadder;
    // Advances and line breaks may move a little with the images: aim a little below.
    if (needed >= least && attempt(step, needed * 0.98f) >= 1) return done();
  }
  float needed = attempt(scale, 1);
  if (needed > 0 && attempt(scale, std::max(needed * 0.98f, kImageShrinkLast)) >= 1) return done();
  display.overflow = true;
  // Past the last step: drop what would fall off the bottom, so nothing is drawn outside the
  // screen.
  float bottom = viewport.height - theme.safe_margin * kReferenceShortSide;
  auto falls_off = [&](const DisplayItem& item) {
    return item.block >= 0 && item.rect.bottom() > bottom + 0.5f;
  };
  auto first_cut = std::find_if(display.items.begin(), display.items.end(), falls_off);
  if (first_cut != display.items.end()) display.overflow_block = first_cut->block;
  std::erase_if(display.items, falls_off);
  return done();
}

}  // namespace boothdeck
