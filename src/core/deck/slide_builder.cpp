// md4c gives no positions, but its text pointers point into our buffer: offsets become lines.
// Text some callbacks hand over from md4c's own buffers (entities, replaced NULs) keeps the last
// position seen. HTML is read with html_tags; `<div>` nesting is followed as frames, and a div
// holding two or more child divs becomes a Columns block.
//
// [SECTION] blocks     headings, paragraphs, lists, tables, code
// [SECTION] spans      emphasis, code, images, math
// [SECTION] html       comments, <img>, <div> columns, other tags
#include "core/deck/slide_builder.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "core/deck/bars_block.h"
#include "core/deck/comment_directives.h"
#include "core/deck/html_tags.h"
#include "core/deck/latex_text.h"
#include "core/deck/utf8.h"
#include "core/layout/qr_code.h"

namespace boothdeck {

namespace {

std::string decode_entity(std::string_view entity) {
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&apos;", "'"},
      {"&nbsp;", "\xC2\xA0"},
      {"&times;", "\xC3\x97"},
      {"&middot;", "\xC2\xB7"},
      {"&ndash;", "\xE2\x80\x93"},
      {"&mdash;", "\xE2\x80\x94"},
      {"&hellip;", "\xE2\x80\xA6"}};
  for (auto& [name, value] : kNamed)
    if (entity == name) return std::string(value);
  if (entity.size() > 3 && entity[1] == '#') {
    bool hex = entity[2] == 'x' || entity[2] == 'X';
    std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    char* end = nullptr;
    unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (end && *end == 0 && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
      std::string out;
      append_utf8(out, static_cast<char32_t>(cp));
      return out;
    }
  }
  return std::string(entity);
}

// Entities inside text taken from raw HTML.
std::string decode_entities(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i < 12) {
        out += decode_entity(text.substr(i, semi - i + 1));
        i = semi;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string attribute_text(const MD_ATTRIBUTE& a) {
  return std::string(a.text, a.size);
}

RichText trimmed(RichText text) {
  while (!text.empty() && trim(text.front().text).empty()) text.erase(text.begin());
  while (!text.empty() && trim(text.back().text).empty()) text.pop_back();
  if (!text.empty()) {
    std::string& first = text.front().text;
    first.erase(0, first.find_first_not_of(" \t\n"));
    std::string& last = text.back().text;
    last.erase(last.find_last_not_of(" \t\n") + 1);
  }
  return text;
}

bool is_diagram_language(std::string_view lang) {
  for (std::string_view d : {"mermaid", "plantuml", "puml", "dot", "graphviz", "d2", "flowchart"})
    if (lang == d) return true;
  return false;
}

// Tags whose text is shown without the tag, and tags that start a new block of text.
bool is_inline_tag(std::string_view name) {
  for (std::string_view t :
       {"span", "b", "strong", "i",    "em",  "u",    "small", "big",   "sup",
        "sub",  "a", "font",   "mark", "kbd", "code", "s",     "del",   "ins",
        "abbr", "q", "cite",   "tt",   "var", "samp", "time",  "label", "nobr"})
    if (name == t) return true;
  return false;
}

// Slidev's click components: the content is shown, all at once.
bool is_click_tag(std::string_view name) {
  return name == "v-click" || name == "v-clicks" || name == "v-after" || name == "v-switch";
}

// A custom element rather than HTML: `<carbon:edit/>`, `<my-widget>`, Slidev's `<Toc>`.
bool is_component(const HtmlToken& token) {
  size_t first = token.kind == HtmlToken::Kind::Close ? 2 : 1;
  bool capital =
      token.raw.size() > first && std::isupper(static_cast<unsigned char>(token.raw[first]));
  return capital || token.name.find_first_of(":-") != std::string::npos;
}

// One open <div>: its direct content and its child divs' content, in order.
struct DivFrame {
  int line = 0, col = 0;
  struct Part {
    bool child;
    std::vector<Block> blocks;
  };
  std::vector<Part> parts;
  void add(Block block) {
    if (parts.empty() || parts.back().child) parts.push_back({false, {}});
    parts.back().blocks.push_back(std::move(block));
  }
};

class Builder {
 public:
  Builder(BuildContext& c, Slide& slide, std::vector<Block>& target,
          std::vector<FoundBackground>* backgrounds)
      : c_(c), text_(c.index.text()), slide_(slide), target_(target), backgrounds_(backgrounds) {}

  void parse(TextRange range) {
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS |
                   MD_FLAG_COLLAPSEWHITESPACE;
    // Marp, Slidev, Deckset and reveal.js (with its math plugin) write $…$ math; elsewhere a
    // "$5 and $10" must stay prices.
    Dialect d = c_.settings.dialect;
    if (d == Dialect::Marp || d == Dialect::Slidev || d == Dialect::Deckset || d == Dialect::Reveal)
      parser.flags |= MD_FLAG_LATEXMATHSPANS;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return self(u)->enter_block(t, d);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
      return self(u)->leave_block(t, d);
    };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u)->enter_span(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u)->leave_span(t, d); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
      return self(u)->text(t, std::string_view(s, n));
    };
    last_offset_ = range.begin;
    md_parse(text_.data() + range.begin, static_cast<MD_SIZE>(range.end - range.begin), &parser,
             this);
    // What is still open at the end of the slide is kept, in one column.
    if (!frames_.empty()) {
      once(Code::HtmlLayout, frames_.front().line, frames_.front().col, "unclosed-div",
           "<div> opened here is never closed; its content is shown in one column");
      while (!frames_.empty()) close_div(true);
    }
  }

 private:
  static Builder* self(void* u) { return static_cast<Builder*>(u); }

  int current_line() const { return c_.index.line_of(last_offset_); }
  int current_col() const { return c_.index.col_of(last_offset_); }
  bool inside(std::string_view s) const {
    return s.data() >= text_.data() && s.data() + s.size() <= text_.data() + text_.size();
  }
  void note_position(std::string_view s) {
    if (inside(s)) last_offset_ = static_cast<size_t>(s.data() - text_.data());
  }
  int line_of(std::string_view s) const {
    return inside(s) ? c_.index.line_of(c_.index.offset_of(s)) : current_line();
  }
  int col_of(std::string_view s) const {
    return inside(s) ? c_.index.col_of(c_.index.offset_of(s)) : current_col();
  }

  void once(Code code, int line, int col, const std::string& what, std::string message) {
    if (c_.settings.reported.insert(std::string(code_info(code).name) + " " + what).second)
      c_.out.add(code, line, col, std::move(message), what);
  }

  void emit(Block block) {
    if (!frames_.empty())
      frames_.back().add(std::move(block));
    else
      target_.push_back(std::move(block));
  }

  // [SECTION] blocks --------------------------------------------------------------------------

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_H:
        start_block(BlockKind::Heading);
        block_.level = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
        break;
      case MD_BLOCK_P:
        if (!list_ && !table_) start_block(BlockKind::Paragraph);
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: {
        flush_item();
        if (!list_) {
          list_.emplace();
          list_->kind = BlockKind::List;
        }
        bool ordered = type == MD_BLOCK_OL;
        int start = ordered ? static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start) : 0;
        list_levels_.push_back({ordered, start});
        break;
      }
      case MD_BLOCK_LI: {
        flush_item();
        block_line_ = 0;
        auto& level = list_levels_.back();
        ListItem item;
        item.depth = static_cast<int>(list_levels_.size()) - 1;
        item.ordered = level.ordered;
        item.number = level.ordered ? level.next++ : 0;
        list_->items.push_back(std::move(item));
        item_stack_.push_back(list_->items.size() - 1);
        break;
      }
      case MD_BLOCK_TABLE:
        table_.emplace();
        table_->kind = BlockKind::Table;
        break;
      case MD_BLOCK_THEAD:
        in_header_ = true;
        table_->table.row_lines.push_back(0);
        break;
      case MD_BLOCK_TBODY:
        in_header_ = false;
        break;
      case MD_BLOCK_TR:
        if (!in_header_) {
          table_->table.rows.emplace_back();
          table_->table.row_lines.push_back(0);
        }
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        current_.clear();
        if (in_header_) {
          auto align = static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align;
          table_->table.align.push_back(align == MD_ALIGN_CENTER  ? Align::Center
                                        : align == MD_ALIGN_RIGHT ? Align::Right
                                        : align == MD_ALIGN_LEFT  ? Align::Left
                                                                  : Align::Default);
        }
        break;
      case MD_BLOCK_CODE: {
        auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        code_lang_ = attribute_text(code->lang);
        // The info string points into the deck: the fence's line, for a block with no text.
        code_fence_line_ =
            code->lang.size ? line_of(std::string_view(code->lang.text, code->lang.size)) : 0;
        code_info_ = attribute_text(code->info);
        code_text_.clear();
        code_first_line_ = 0;
        start_block(BlockKind::Code);
        break;
      }
      case MD_BLOCK_HTML:
        html_begin_ = html_end_ = std::string::npos;
        break;
      default:
        break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_H:
        finish_block();
        break;
      case MD_BLOCK_P:
        if (!list_ && !table_)
          finish_block();
        else if (list_)
          flush_item();
        break;
      case MD_BLOCK_LI:
        flush_item();
        item_stack_.pop_back();
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        flush_item();
        list_levels_.pop_back();
        if (list_levels_.empty()) {
          if (list_->line == 0) list_->line = current_line();
          emit(std::move(*list_));
          list_.reset();
          flush_images();
        }
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (in_header_)
          table_->table.header.push_back(trimmed(std::move(current_)));
        else
          table_->table.rows.back().push_back(trimmed(std::move(current_)));
        current_.clear();
        break;
      case MD_BLOCK_TABLE:
        finish_table();
        break;
      case MD_BLOCK_CODE:
        finish_code();
        break;
      case MD_BLOCK_HTML:
        if (html_begin_ != std::string::npos)
          read_html(std::string_view(text_).substr(html_begin_, html_end_ - html_begin_), false);
        break;
      default:
        break;
    }
    return 0;
  }

  void start_block(BlockKind kind) {
    block_ = Block{};
    block_.kind = kind;
    block_open_ = kind != BlockKind::Code;
    block_line_ = 0;
    current_.clear();
  }

  void finish_block() {
    block_open_ = false;
    block_.line = block_line_ ? block_line_ : current_line();
    block_line_ = 0;
    block_.text = trimmed(std::move(current_));
    current_.clear();
    if (block_.kind == BlockKind::Heading) mark_fit(block_);
    if (block_.kind == BlockKind::Paragraph) spaced_image_paths(block_);
    if (!block_.text.empty()) emit(std::move(block_));
    flush_images();
  }

  // `# [fit] Title` (Deckset), `# <!-- fit --> Title` (Marp), Deckset's fit-header levels.
  void mark_fit(Block& heading) {
    if (!heading.text.empty() && heading.text.front().text.rfind("[fit]", 0) == 0) {
      std::string& first = heading.text.front().text;
      first.erase(0, 5);
      first.erase(0, first.find_first_not_of(' '));
      heading.fit = true;
    }
    if (fit_pending_) heading.fit = true;
    fit_pending_ = false;
    const auto& levels = c_.settings.directives.fit_levels;
    if (std::find(levels.begin(), levels.end(), heading.level) != levels.end()) heading.fit = true;
  }

  // Text collected so far belongs to the innermost open list item.
  void flush_item() {
    if (!list_ || item_stack_.empty() || current_.empty()) return;
    ListItem& item = list_->items[item_stack_.back()];
    if (item.line == 0) item.line = block_line_ ? block_line_ : current_line();
    if (list_->line == 0) list_->line = item.line;
    RichText& target = item.text;
    if (!target.empty()) target.push_back({" "});
    for (Span& span : trimmed(std::move(current_))) target.push_back(std::move(span));
    current_.clear();
    block_line_ = 0;
  }

  void finish_table() {
    Table& table = table_->table;
    // GFM lets body rows have fewer cells than the header; pad so every row is full.
    for (auto& row : table.rows) row.resize(table.header.size());
    int last = 0;
    for (int& line : table.row_lines) line = line ? (last = line) : ++last;
    table_->line = table.row_lines.empty() ? current_line() : table.row_lines.front();
    emit(std::move(*table_));
    table_.reset();
    flush_images();
  }

  void finish_code() {
    int fence_line = code_first_line_   ? code_first_line_ - 1
                     : code_fence_line_ ? code_fence_line_
                                        : current_line();
    std::string lang = ascii_lower(code_lang_);
    if (code_lang_ == "bars") {
      std::string_view info = code_info_;
      info = trim(info.substr(std::min(info.size(), size_t{4})));
      Block block;
      block.kind = BlockKind::Bars;
      block.line = fence_line;
      block.chart = parse_bars_block(info, code_text_, fence_line,
                                     code_first_line_ ? code_first_line_ : fence_line + 1, c_.out);
      if (!block.chart.bars.empty()) emit(std::move(block));
    } else if (lang == "qr") {
      std::string_view info = code_info_;
      std::string data(trim(code_text_));
      add_qr(data, std::string(trim(info.substr(std::min(info.size(), size_t{2})))), fence_line, 1,
             code_first_line_ ? code_first_line_ : fence_line + 1);
      flush_images();
    } else if (!code_text_.empty()) {
      Block block;
      block.kind = BlockKind::Code;
      block.line = fence_line;
      std::string text = code_text_;
      while (!text.empty() && text.back() == '\n') text.pop_back();
      if (lang == "math" || lang == "latex" || lang == "tex" || lang == "katex") {
        report_math(fence_line, 1);
        text = latex_to_text(text);
      } else if (is_diagram_language(lang)) {
        once(Code::DiagramAsCode, fence_line, 1, "",
             "a " + code_lang_ +
                 " diagram cannot be drawn; its source is shown as code. Export it as an image "
                 "(PNG or SVG) and show that instead");
      }
      block.text.push_back({text, false, false, true});
      emit(std::move(block));
    }
    block_ = Block{};
  }

  // [SECTION] spans ---------------------------------------------------------------------------

  int enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_STRONG:
        ++bold_;
        break;
      case MD_SPAN_EM:
        ++italic_;
        break;
      case MD_SPAN_CODE:
        ++code_;
        break;
      case MD_SPAN_DEL:
        ++strike_;
        break;
      case MD_SPAN_IMG: {
        auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        in_image_ = true;
        image_src_ = attribute_text(img->src);
        image_title_ = attribute_text(img->title);
        image_alt_.clear();
        note_position(std::string_view(img->src.text, img->src.size));
        image_line_ = current_line();
        image_col_ = current_col();
        break;
      }
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        in_math_ = true;
        math_.clear();
        report_math(current_line(), current_col());
        break;
      default:
        break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    switch (type) {
      case MD_SPAN_STRONG:
        --bold_;
        break;
      case MD_SPAN_EM:
        --italic_;
        break;
      case MD_SPAN_CODE:
        --code_;
        break;
      case MD_SPAN_DEL:
        --strike_;
        break;
      case MD_SPAN_IMG:
        in_image_ = false;
        if (is_qr_alt(image_alt_))
          add_qr(image_src_, image_title_, image_line_, image_col_, image_line_);
        else
          add_image(image_src_, image_alt_, image_line_, image_col_, 0, 0);
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        in_math_ = false;
        ++code_;
        append(latex_to_text(math_));
        --code_;
        break;
      default:
        break;
    }
    return 0;
  }

  void report_math(int line, int col) {
    once(Code::MathAsText, line, col, "",
         "math cannot be typeset on the kiosk; it is shown as readable text (α, x², a/b). For a "
         "formula that must look exact, show an image of it");
  }

  int text(MD_TEXTTYPE type, std::string_view s) {
    note_position(s);
    size_t previous_end = text_end_;
    text_end_ = inside(s) ? c_.index.offset_of(s) + s.size() : std::string_view::npos;
    if (block_line_ == 0 && type != MD_TEXT_HTML) block_line_ = current_line();
    if (table_ && type != MD_TEXT_HTML) {
      int& row_line = table_->table.row_lines.back();
      if (row_line == 0) row_line = current_line();
    }
    switch (type) {
      case MD_TEXT_HTML:
        if (block_.kind != BlockKind::Code && in_inline_block()) return inline_html(s), 0;
        // A line of an HTML block: the block is read whole when it ends. (md4c hands the
        // newlines between its lines from its own buffer.)
        if (!inside(s)) return 0;
        if (html_begin_ == std::string::npos) html_begin_ = c_.index.offset_of(s);
        html_end_ = c_.index.offset_of(s) + s.size();
        return 0;
      case MD_TEXT_CODE:
        if (block_.kind == BlockKind::Code && !in_inline_block()) {
          // Blank lines come from md4c's own buffer: count them back from the first real text.
          if (code_first_line_ == 0 && inside(s))
            code_first_line_ = current_line() - static_cast<int>(std::count(
                                                    code_text_.begin(), code_text_.end(), '\n'));
          code_text_ += s;
          return 0;
        }
        break;
      case MD_TEXT_LATEXMATH:
        math_ += s;
        return 0;
      case MD_TEXT_ENTITY:
        return append(decode_entity(s)), 0;
      case MD_TEXT_NULLCHAR:
        return append("\xEF\xBF\xBD"), 0;
      case MD_TEXT_BR:
        return append("\n"), 0;
      case MD_TEXT_SOFTBR:
        return append(" "), 0;
      case MD_TEXT_NORMAL:
        // md4c 0.4.8 collapsing whitespace drops a tab between words ("a\tb" arrives as "a",
        // "b"): whitespace between two pieces of text in our buffer is a space.
        if (previous_end != std::string_view::npos && text_end_ != std::string_view::npos &&
            !s.empty() && s.front() != ' ' && !current_.empty() && !current_.back().text.empty() &&
            current_.back().text.back() != ' ') {
          size_t begin = text_end_ - s.size();
          std::string_view gap =
              std::string_view(text_).substr(previous_end, begin - std::min(begin, previous_end));
          if (begin > previous_end && gap.find_first_not_of(" \t") == std::string_view::npos)
            append(" ");
        }
        break;
      default:
        break;
    }
    // GFM: `\|` in a table cell is an escaped pipe, inside code spans too.
    if (table_ && code_ > 0 && s.find("\\|") != std::string_view::npos) {
      std::string unescaped(s);
      for (size_t at; (at = unescaped.find("\\|")) != std::string::npos;) unescaped.erase(at, 1);
      return append(unescaped), 0;
    }
    append(s);
    return 0;
  }

  bool in_inline_block() const { return block_open_ || list_ || table_; }

  void append(std::string_view s) {
    if (in_image_) {
      image_alt_ += s;
      return;
    }
    if (in_math_) {
      math_ += s;
      return;
    }
    bool bold = bold_ > 0, italic = italic_ > 0, code = code_ > 0, strike = strike_ > 0;
    if (!current_.empty() && current_.back().bold == bold && current_.back().italic == italic &&
        current_.back().code == code && current_.back().strike == strike) {
      current_.back().text += s;
    } else {
      current_.push_back({std::string(s), bold, italic, code, strike});
    }
  }

  // A QR code: one more block after this paragraph's images. Data too long for a code a
  // phone reads from 1.5 m is kept as text, so nothing is lost.
  void add_qr(const std::string& data, std::string caption, int line, int col, int data_line) {
    if (data.empty()) {
      c_.out.add(Code::QrEmpty, line, col,
                 "this QR code has nothing to encode; write the URL inside it");
      return;
    }
    Block block;
    block.kind = BlockKind::Qr;
    block.line = line;
    block.qr = {data, std::move(caption), col};
    if (!encode_qr(data)) {
      c_.out.add(Code::QrTooLong, data_line, col,
                 "this QR code holds " + std::to_string(data.size()) +
                     " bytes, more than a phone reads from 1.5 m (" + std::to_string(kQrMaxBytes) +
                     "); shorten the URL. The text is shown instead");
      block.kind = BlockKind::Paragraph;
      block.text = {{data}};
      if (!block.qr.caption.empty())
        block.text.insert(block.text.begin(), {block.qr.caption + " "});
    }
    qrs_.push_back(std::move(block));
  }

  // `![qr](https://…)` and `![qr](https://… "caption")`: the alt text is exactly "qr".
  static bool is_qr_alt(std::string_view alt) { return ascii_lower(trim(alt)) == "qr"; }

  // An image in the text: a background, or one more image in this paragraph's row.
  void add_image(std::string_view src, std::string_view alt, int line, int col, float width,
                 float height) {
    ImageSpec spec = parse_image_alt(alt, c_.settings.dialect);
    for (const std::string& word : spec.ignored)
      once(Code::ImageOption, line, col, word,
           "image keyword " + excerpt(word) + " is not honoured; the image is shown without it");
    std::optional<Image> image = c_.images.resolve(src, spec.alt, line, col);
    if (!image) return;
    float scale = dialect_pixel_scale(c_.settings.dialect);
    image->width = width ? width * scale : spec.width * scale;
    image->height = height ? height * scale : spec.height * scale;
    image->width_fraction = spec.width_fraction;
    if (spec.background && backgrounds_) {
      backgrounds_->push_back({std::move(*image), spec});
      return;
    }
    images_.push_back(std::move(*image));
  }

  void flush_images() {
    if (!images_.empty()) {
      Block block;
      block.kind = BlockKind::Image;
      block.line = images_.front().line;
      block.images = std::move(images_);
      images_.clear();
      emit(std::move(block));
    }
    for (Block& qr : qrs_) emit(std::move(qr));
    qrs_.clear();
  }

  // `![logo](my logo.png)` is not an image in CommonMark (a raw space ends the path): say how
  // to write it, and show it when the paragraph is nothing else.
  void spaced_image_paths(Block& paragraph) {
    std::string plain = plain_text(paragraph.text);
    size_t open = plain.find("![");
    if (open == std::string::npos) return;
    size_t mid = plain.find("](", open);
    size_t close = mid == std::string::npos ? std::string::npos : plain.find(')', mid);
    if (close == std::string::npos) return;
    std::string path = plain.substr(mid + 2, close - mid - 2);
    if (path.find(' ') == std::string::npos || path.find('"') != std::string::npos) return;
    std::string alt = plain.substr(open + 2, mid - open - 2);
    // Its place: the same characters in the deck, from the paragraph's first line.
    size_t from = c_.index.offset_of_line(paragraph.line);
    size_t at = text_.find("](" + path + ")", from);
    int line = paragraph.line, col = 1;
    if (at != std::string::npos && at - from < 64 * 1024) {
      line = c_.index.line_of(at + 2);
      col = c_.index.col_of(at + 2);
    }
    std::string encoded;
    for (char ch : path) encoded += ch == ' ' ? std::string("%20") : std::string(1, ch);
    c_.out.add(Code::ImagePathSpace, line, col,
               "image path " + excerpt(path) +
                   " has a space, so Markdown reads it as text; write "
                   "![" +
                   alt + "](<" + path + ">) or ![" + alt + "](" + encoded + ")");
    if (trim(plain) == plain.substr(open, close - open + 1)) {
      paragraph.text.clear();
      add_image(encoded, alt, line, col, 0, 0);
    }
  }

  // [SECTION] html ----------------------------------------------------------------------------

  // Raw HTML inside a paragraph, list or table: md4c hands each tag (or comment) separately.
  void inline_html(std::string_view s) {
    if (inline_comment_.empty() && s.substr(0, 4) != "<!--") {
      read_html(s, true);
      return;
    }
    // A comment may arrive in pieces: gather it up to "-->".
    if (!inside(s)) return;
    if (inline_comment_.empty()) inline_comment_offset_ = c_.index.offset_of(s);
    inline_comment_ += s;
    if (inline_comment_.find("-->") == std::string::npos) return;
    size_t end = c_.index.offset_of(s) + s.size();
    read_html(std::string_view(text_).substr(inline_comment_offset_, end - inline_comment_offset_),
              true);
    inline_comment_.clear();
  }

  void read_html(std::string_view html, bool inline_html) {
    std::string text;  // text between tags, shown as a paragraph
    int text_line = 0, heading = 0;
    auto flush_text = [&]() {
      std::string t(trim(decode_entities(text)));
      text.clear();
      if (t.empty()) return;
      Block block;
      block.kind = heading ? BlockKind::Heading : BlockKind::Paragraph;
      block.level = heading;
      block.line = text_line;
      block.text.push_back({t});
      emit(std::move(block));
    };
    std::string_view hidden;  // inside <style>, <script>, …: content skipped
    for (const HtmlToken& token : tokenize_html(html)) {
      int line = line_of(token.raw), col = col_of(token.raw);
      if (!hidden.empty()) {
        if (token.kind == HtmlToken::Kind::Close && token.name == hidden) hidden = {};
        continue;
      }
      switch (token.kind) {
        case HtmlToken::Kind::Comment:
          comment(token, line, col);
          break;
        case HtmlToken::Kind::Text:
          if (inline_html) {
            append(decode_entities(token.raw));
          } else if (!trim(token.raw).empty()) {
            if (text.empty()) text_line = line_of(trim(token.raw));
            text += token.raw;
          }
          break;
        case HtmlToken::Kind::Open:
        case HtmlToken::Kind::Close: {
          bool open = token.kind == HtmlToken::Kind::Open;
          const std::string& name = token.name;
          if (name == "img" && open) {
            float w = 0, h = 0;
            double v;
            if (parse_number(token.attribute("width"), &v) && v > 0) w = static_cast<float>(v);
            if (parse_number(token.attribute("height"), &v) && v > 0) h = static_cast<float>(v);
            std::string src = token.attribute("src");
            if (!src.empty()) {
              size_t at = token.raw.find(src);
              std::string_view place =
                  at == std::string_view::npos ? token.raw : token.raw.substr(at);
              add_image(src, token.attribute("alt"), line_of(place), col_of(place), w, h);
            }
            if (!inline_html) flush_images();
          } else if (name == "div" || name == "section" || name == "article") {
            flush_text();
            // reveal.js writes slide attributes on its <section>s too.
            for (const auto& [key, value] : token.attributes)
              if (open && key.rfind("data-background", 0) == 0) {
                Setting setting;
                setting.key = key;
                setting.value = value;
                setting.line = setting.value_line = line;
                setting.col = setting.value_col = col;
                apply_setting(setting, SettingPlace::SlideHeader, c_.settings, c_.out);
              }
            if (open && !token.self_closing) {
              frames_.push_back({line, col, {}});
            } else if (!open && !frames_.empty()) {
              close_div(false);
            }
          } else if (name == "br") {
            // <br> in a heading, paragraph, list item or cell is a line break, as on the web.
            if (inline_html)
              append("\n");
            else
              text += "\n";
          } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
            // md4c reads `<h2>Title</h2>` on a line as a paragraph with inline HTML.
            if (inline_html && open && block_open_ && block_.kind == BlockKind::Paragraph &&
                trim(plain_text(current_)).empty()) {
              block_.kind = BlockKind::Heading;
              block_.level = name[1] - '0';
            }
            flush_text();
            heading = open ? name[1] - '0' : 0;
          } else if (is_hidden_element(name)) {
            if (open) {
              if (!token.self_closing) hidden = name;
              once(Code::RawHtml, line, col, name,
                   "<" + name + "> is not shown on the kiosk" +
                       (name == "style" ? "; the slides use boothdeck's theme"
                                        : "; use an image instead"));
            }
          } else if (is_click_tag(name)) {
            once(Code::BuildSteps, line, col, "",
                 "<" + name + "> clicks are shown complete: everything appears at once");
          } else if (name == "p" || name == "center" || name == "li" || name == "ul" ||
                     name == "ol" || name == "table" || name == "tr" || name == "blockquote") {
            flush_text();
            if (name != "p")
              once(Code::RawHtml, line, col, name,
                   "<" + name +
                       "> is not laid out as HTML; its text is shown as paragraphs. "
                       "Write it in Markdown");
          } else if (is_component(token)) {
            if (open)
              once(Code::RawHtml, line, col, "component",
                   "components such as <" + std::string(token.raw.substr(1, name.size())) +
                       "> (Vue, MDX, icon sets) are not shown; what they would draw is missing. "
                       "Use an image or Markdown instead");
          } else if (!is_inline_tag(name) || open) {
            if (!is_inline_tag(name) || !token.attributes.empty() || name == "font")
              once(Code::RawHtml, line, col, name,
                   "<" + name + "> is not shown as HTML; " +
                       (is_inline_tag(name) ? "its text is shown" : "write it in Markdown"));
          }
          break;
        }
      }
    }
    flush_text();
  }

  void comment(const HtmlToken& token, int line, int col) {
    if (token.unclosed) return;  // reported by the splitter, which knows it is unclosed
    CommentMeaning meaning = read_comment(token.raw, c_.index);
    switch (meaning.kind) {
      case CommentMeaning::Kind::Note:
        if (!meaning.note.empty()) {
          if (!slide_.notes.empty()) slide_.notes += "\n";
          slide_.notes += meaning.note;
        }
        break;
      case CommentMeaning::Kind::Settings:
        for (const Setting& s : meaning.settings)
          apply_setting(s, SettingPlace::Comment, c_.settings, c_.out);
        break;
      case CommentMeaning::Kind::SlideAttributes:
        for (const Setting& s : meaning.settings)
          apply_setting(s, SettingPlace::SlideHeader, c_.settings, c_.out);
        break;
      case CommentMeaning::Kind::Fit:
        if (block_open_ && block_.kind == BlockKind::Heading)
          fit_pending_ = true;
        else
          c_.settings.spot.fit_first_heading = true;
        break;
      case CommentMeaning::Kind::Ignored:
        if (meaning.fragments)
          once(Code::BuildSteps, line, col, "",
               "reveal.js fragments are shown complete: everything appears at once");
        break;
    }
  }

  // A div ends: two or more child divs are columns; any other shape is flattened, in order.
  void close_div(bool at_end) {
    DivFrame frame = std::move(frames_.back());
    frames_.pop_back();
    int children = 0, first_child = -1, last_child = -1;
    bool loose_between = false;
    for (int i = 0; i < static_cast<int>(frame.parts.size()); ++i) {
      if (!frame.parts[i].child) continue;
      if (frame.parts[i].blocks.empty()) continue;
      if (first_child < 0) first_child = i;
      last_child = i;
      ++children;
    }
    for (int i = first_child + 1; i < last_child; ++i)
      if (!frame.parts[i].child && !frame.parts[i].blocks.empty()) loose_between = true;
    std::vector<Block> result;
    if (children >= 2 && !loose_between && !at_end) {
      Block columns;
      columns.kind = BlockKind::Columns;
      columns.line = frame.line;
      std::vector<Block> after;
      for (int i = 0; i < static_cast<int>(frame.parts.size()); ++i) {
        auto& part = frame.parts[i];
        if (i < first_child || i > last_child) {
          auto& into = i < first_child ? result : after;
          for (Block& b : part.blocks) into.push_back(std::move(b));
        } else if (part.child && !part.blocks.empty()) {
          columns.columns.push_back(std::move(part.blocks));
        }
      }
      result.push_back(std::move(columns));
      for (Block& b : after) result.push_back(std::move(b));
    } else {
      if (children >= 2)
        once(Code::HtmlLayout, frame.line, frame.col, "",
             "this <div> layout is not a row of columns boothdeck can read; its content is shown "
             "in one column, in order");
      for (auto& part : frame.parts)
        for (Block& b : part.blocks) result.push_back(std::move(b));
    }
    if (!frames_.empty()) {
      frames_.back().parts.push_back({true, std::move(result)});
    } else {
      for (Block& b : result) target_.push_back(std::move(b));
    }
  }

  struct ListLevel {
    bool ordered;
    int next;
  };

  BuildContext& c_;
  std::string_view text_;
  Slide& slide_;
  std::vector<Block>& target_;
  std::vector<FoundBackground>* backgrounds_;

  size_t last_offset_ = 0;
  Block block_;
  bool block_open_ = false;
  int block_line_ = 0;
  RichText current_;
  int bold_ = 0, italic_ = 0, code_ = 0, strike_ = 0;
  size_t text_end_ = std::string_view::npos;  // where md4c's last text ended in the file
  std::optional<Block> list_;
  std::vector<ListLevel> list_levels_;
  std::vector<size_t> item_stack_;
  std::optional<Block> table_;
  bool in_header_ = false;
  std::string code_lang_, code_info_, code_text_;
  int code_first_line_ = 0, code_fence_line_ = 0;
  size_t html_begin_ = std::string::npos, html_end_ = std::string::npos;
  std::string inline_comment_;
  size_t inline_comment_offset_ = 0;
  bool in_image_ = false;
  std::string image_src_, image_alt_, image_title_;
  int image_line_ = 0, image_col_ = 0;
  std::vector<Image> images_;
  std::vector<Block> qrs_;  // QR codes of the paragraph, emitted after its images
  bool in_math_ = false;
  std::string math_;
  bool fit_pending_ = false;
  std::vector<DivFrame> frames_;
};

}  // namespace

void build_blocks(BuildContext& context, Slide& slide, TextRange range, std::vector<Block>& target,
                  std::vector<FoundBackground>* backgrounds) {
  if (range.empty()) return;
  Builder(context, slide, target, backgrounds).parse(range);
}

RichText parse_inline_markdown(std::string_view markdown) {
  std::string text(markdown);
  LineIndex index(text);
  DeckSettings deck;
  SettingsState settings(deck);
  DiagnosticList out;
  ImageResolver images({}, false, Dialect::Boothdeck, out);
  BuildContext context{index, settings, images, out};
  Slide slide;
  std::vector<Block> blocks;
  build_blocks(context, slide, {0, text.size()}, blocks, nullptr);
  RichText result;
  for (Block& block : blocks) {
    if (!result.empty()) result.push_back({" "});
    for (Span& span : block.text) result.push_back(std::move(span));
  }
  return result;
}

}  // namespace boothdeck
