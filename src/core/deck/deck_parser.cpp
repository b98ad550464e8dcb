// The deck parser in three passes:
//   1. repair UTF-8 and index lines; 2. split front matter and slides on `---` lines outside
//   fences; 3. run md4c over each slide and turn its callbacks into blocks.
// md4c gives no positions, but its text pointers point into our buffer: offsets become lines.
#include "core/deck/deck_parser.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "core/deck/bars_block.h"
#include "core/deck/image_probe.h"
#include "core/deck/settings.h"
#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

constexpr int kMaxUtf8Reports = 10;

// Line starts of the whole (repaired) file, for offset → line:col. A line ends at LF, CRLF or
// a lone CR, as CommonMark (and md4c) has it: a file saved with old Mac line ends has lines.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
        starts_.push_back(i + 1);
  }
  int lines() const { return static_cast<int>(starts_.size()); }
  int line_of(size_t offset) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                            starts_.begin());
  }
  int col_of(size_t offset) const {
    size_t start = starts_[line_of(offset) - 1];
    return static_cast<int>(count_code_points(text_.substr(start, offset - start))) + 1;
  }
  // Line `n` (1-based) without its line end.
  std::string_view line(int n) const {
    size_t start = starts_[n - 1];
    size_t end = n < lines() ? starts_[n] : text_.size();
    std::string_view l = text_.substr(start, end - start);
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }
  size_t offset_of_line(int n) const { return n <= lines() ? starts_[n - 1] : text_.size(); }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

bool is_separator(std::string_view line) {
  return trim(line) == "---" && line.substr(0, 3) == "---";
}

// A fence opener: 3+ backticks or tildes after at most 3 spaces. Returns its char and length.
bool fence_open(std::string_view line, char* fence_char, size_t* length) {
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return false;
  char c = line[indent];
  if (c != '`' && c != '~') return false;
  size_t n = line.find_first_not_of(c, indent);
  n = (n == std::string_view::npos ? line.size() : n) - indent;
  if (n < 3) return false;
  *fence_char = c;
  *length = n;
  return true;
}

bool fence_closes(std::string_view line, char fence_char, size_t length) {
  std::string_view t = trim(line);
  return t.size() >= length && t.find_first_not_of(fence_char) == std::string_view::npos;
}

struct SlideChunk {
  int first_line;  // 1-based, inclusive
  int end_line;    // exclusive
};

// Splits lines [first, lines] into slides at `---` lines that are not inside a closed fence.
std::vector<SlideChunk> split_slides(const LineIndex& index, int first, DiagnosticList& out) {
  std::vector<SlideChunk> chunks;
  int start = first;
  int line = first;
  size_t no_closer[2] = {SIZE_MAX, SIZE_MAX};
  while (line <= index.lines()) {
    char fc;
    size_t flen;
    std::string_view text = index.line(line);
    if (fence_open(text, &fc, &flen)) {
      // Once a fence found no closer, no longer fence of that kind after it will either:
      // remembering that keeps a hostile file of unclosed fences linear.
      size_t& hopeless = no_closer[fc == '`' ? 0 : 1];
      int close = flen >= hopeless ? index.lines() + 1 : line + 1;
      while (close <= index.lines() && !fence_closes(index.line(close), fc, flen)) ++close;
      if (close > index.lines()) hopeless = std::min(hopeless, flen);
      if (close <= index.lines()) {
        line = close + 1;
        continue;
      }
      // Unclosed: report, and let the next `---` end it so the following slides survive.
      out.error(line, 1, "unclosed-fence",
                "code block opened here is never closed; add a line with " + std::string(flen, fc));
      ++line;
      continue;
    }
    if (is_separator(text)) {
      chunks.push_back({start, line});
      start = line + 1;
    }
    ++line;
  }
  chunks.push_back({start, index.lines() + 1});
  return chunks;
}

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

std::string attribute_text(const MD_ATTRIBUTE& a) {
  return std::string(a.text, a.size);
}

// The image's source as md4c saw it, pointing into our buffer: where the image is written.
std::string_view image_src_view(void* detail) {
  const MD_ATTRIBUTE& src = static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
  return std::string_view(src.text, src.size);
}

// Turns md4c's callbacks for one slide into the slide's blocks.
class SlideBuilder {
 public:
  SlideBuilder(std::string_view file_text, const LineIndex& index, const ParseOptions& options,
               DiagnosticList& out, Slide& slide)
      : file_text_(file_text), index_(index), options_(options), out_(out), slide_(slide) {}

  void parse(size_t begin, size_t end) {
    MD_PARSER parser{};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS |
                   MD_FLAG_COLLAPSEWHITESPACE;
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
    last_offset_ = begin;
    md_parse(file_text_.data() + begin, static_cast<MD_SIZE>(end - begin), &parser, this);
  }

 private:
  static SlideBuilder* self(void* u) { return static_cast<SlideBuilder*>(u); }

  // md4c hands some text (entities, replaced NULs) from its own buffers: keep the last position.
  int current_line() const { return index_.line_of(last_offset_); }
  bool in_file(std::string_view s) const {
    std::less_equal<const char*> le;
    return le(file_text_.data(), s.data()) &&
           le(s.data() + s.size(), file_text_.data() + file_text_.size());
  }
  void note_position(std::string_view s) {
    if (s.data() >= file_text_.data() && s.data() <= file_text_.data() + file_text_.size())
      last_offset_ = static_cast<size_t>(s.data() - file_text_.data());
  }

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
          list_->line = current_line();
        }
        bool ordered = type == MD_BLOCK_OL;
        int start = ordered ? static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start) : 0;
        list_levels_.push_back({ordered, start});
        break;
      }
      case MD_BLOCK_LI: {
        flush_item();
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
        table_->line = current_line();
        break;
      case MD_BLOCK_THEAD:
        in_header_ = true;
        break;
      case MD_BLOCK_TBODY:
        in_header_ = false;
        break;
      case MD_BLOCK_TR:
        if (!in_header_) table_->table.rows.emplace_back();
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
        code_info_ = attribute_text(code->info);
        code_text_.clear();
        code_first_line_ = 0;
        start_block(BlockKind::Code);
        break;
      }
      case MD_BLOCK_HTML:
        html_.clear();
        html_line_ = 0;
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
          slide_.blocks.push_back(std::move(*list_));
          list_.reset();
          flush_images();
        }
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (in_header_)
          table_->table.header.push_back(std::move(current_));
        else
          table_->table.rows.back().push_back(std::move(current_));
        current_.clear();
        break;
      case MD_BLOCK_TABLE:
        finish_table();
        break;
      case MD_BLOCK_CODE:
        finish_code();
        break;
      case MD_BLOCK_HTML:
        apply_comments(html_, html_line_ ? html_line_ : current_line());
        break;
      default:
        break;
    }
    return 0;
  }

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
      case MD_SPAN_IMG:
        in_image_ = true;
        image_src_ = attribute_text(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
        image_alt_.clear();
        note_position(image_src_view(detail));
        image_line_ = current_line();
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
        add_image();
        break;
      default:
        break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view s) {
    note_position(s);
    if (block_line_ == 0) block_line_ = current_line();
    size_t previous_end = text_end_;
    text_end_ = in_file(s) ? static_cast<size_t>(s.data() - file_text_.data()) + s.size()
                           : std::string_view::npos;
    switch (type) {
      case MD_TEXT_HTML:
        // <br> in a heading, paragraph, list item or cell is a line break, as on the web.
        if (in_inline_block() && is_br_tag(s) && !in_open_comment()) return append("\n"), 0;
        if (html_line_ == 0) html_line_ = current_line();
        html_ += s;
        // An inline comment inside a paragraph is complete once "-->" arrives.
        if (block_.kind != BlockKind::Code && html_.find("-->") != std::string::npos &&
            html_.find("<!--") != std::string::npos && in_inline_block()) {
          apply_comments(html_, html_line_);
          html_.clear();
          html_line_ = 0;
        }
        return 0;
      case MD_TEXT_CODE:
        if (block_.kind == BlockKind::Code && !in_inline_block()) {
          if (code_first_line_ == 0) code_first_line_ = current_line();
          code_text_ += s;
          return 0;
        }
        break;
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
              file_text_.substr(previous_end, begin - std::min(begin, previous_end));
          if (begin > previous_end && gap.find_first_not_of(" \t") == std::string_view::npos)
            append(" ");
        }
        break;
      default:
        break;
    }
    append(s);
    return 0;
  }

  bool in_open_comment() const {
    size_t open = html_.rfind("<!--");
    return open != std::string::npos && html_.find("-->", open + 4) == std::string::npos;
  }

  static bool is_br_tag(std::string_view html) {
    if (html.size() > 16) return false;
    std::string tag;
    for (char c : html)
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tag == "<br>" || tag == "<br/>";
  }

  bool in_inline_block() const { return block_open_ || list_ || table_; }

  void append(std::string_view s) {
    if (in_image_) {
      image_alt_ += s;
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
    block_.text = trimmed(std::move(current_));
    current_.clear();
    if (!block_.text.empty()) slide_.blocks.push_back(std::move(block_));
    flush_images();
  }

  // Text collected so far belongs to the innermost open list item.
  void flush_item() {
    if (!list_ || item_stack_.empty() || current_.empty()) return;
    RichText& target = list_->items[item_stack_.back()].text;
    if (!target.empty()) target.push_back({" "});
    for (Span& span : trimmed(std::move(current_))) target.push_back(std::move(span));
    current_.clear();
  }

  void finish_table() {
    Table& table = table_->table;
    // GFM lets body rows have fewer cells than the header; pad so every row is full.
    for (auto& row : table.rows) row.resize(table.header.size());
    slide_.blocks.push_back(std::move(*table_));
    table_.reset();
    flush_images();
  }

  void finish_code() {
    int fence_line = code_first_line_ ? code_first_line_ - 1 : current_line();
    if (code_lang_ == "bars") {
      std::string_view info = code_info_;
      info = trim(info.substr(std::min(info.size(), size_t{4})));
      Block block;
      block.kind = BlockKind::Bars;
      block.line = fence_line;
      block.chart = parse_bars_block(info, code_text_, fence_line,
                                     code_first_line_ ? code_first_line_ : fence_line + 1, out_);
      if (!block.chart.bars.empty()) slide_.blocks.push_back(std::move(block));
    } else if (!code_text_.empty()) {
      Block block;
      block.kind = BlockKind::Code;
      block.line = fence_line;
      std::string text = code_text_;
      while (!text.empty() && text.back() == '\n') text.pop_back();
      block.text.push_back({text, false, false, true});
      slide_.blocks.push_back(std::move(block));
    }
    block_ = Block{};
  }

  void add_image() {
    in_image_ = false;
    Image image;
    image.alt = image_alt_;
    if (!options_.check_images) {
      image.path = (options_.deck_dir / image_src_).string();
      images_.push_back(std::move(image));
      return;
    }
    std::string resolved;
    std::string what = "image " + excerpt(image_src_) + " ";
    switch (probe_image(image_src_, options_.deck_dir, &resolved)) {
      case ImageProblem::None:
        image.path = resolved;
        images_.push_back(std::move(image));
        return;
      case ImageProblem::Remote:
        out_.error(image_line_, 1, "remote-image",
                   what + "is a URL; copy the file next to the deck and use a relative path");
        break;
      case ImageProblem::OutsideDeck:
        out_.error(image_line_, 1, "image-outside-deck",
                   what + "is outside the deck's folder; copy it into the folder");
        break;
      case ImageProblem::Missing:
        out_.error(image_line_, 1, "missing-image",
                   what + "does not exist; check the path (relative to the deck)");
        break;
      case ImageProblem::Unreadable:
        out_.error(image_line_, 1, "unreadable-image",
                   what + "cannot be read; check its permissions");
        break;
      case ImageProblem::NotAnImage:
        out_.error(image_line_, 1, "unreadable-image",
                   what + "is not a PNG, JPEG, GIF, BMP or WebP image");
        break;
    }
  }

  void flush_images() {
    for (Image& image : images_) {
      Block block;
      block.kind = BlockKind::Image;
      block.line = image_line_;
      block.image = std::move(image);
      slide_.blocks.push_back(std::move(block));
    }
    images_.clear();
  }

  // <!-- notes: ... --> or <!-- key: value; key: value -->; other HTML is not shown.
  void apply_comments(std::string_view html, int line) {
    size_t pos = 0;
    bool reported_html = false;
    while (pos < html.size()) {
      size_t open = html.find("<!--", pos);
      std::string_view before = trim(
          html.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos));
      if (!before.empty() && !reported_html) {
        out_.warning(line, 1, "raw-html",
                     "raw HTML is not shown on the kiosk; use Markdown instead");
        reported_html = true;
      }
      if (open == std::string_view::npos) break;
      size_t close = html.find("-->", open + 4);
      int comment_line =
          line + static_cast<int>(std::count(html.begin(), html.begin() + open, '\n'));
      if (close == std::string_view::npos) {
        out_.error(comment_line, 1, "unclosed-comment",
                   "comment '<!--' is never closed; add '-->'");
        break;
      }
      apply_comment(html.substr(open + 4, close - open - 4), comment_line);
      pos = close + 3;
    }
  }

  void apply_comment(std::string_view body, int line) {
    std::string_view content = trim(body);
    if (content.rfind("notes:", 0) == 0) {
      if (!slide_.notes.empty()) slide_.notes += "\n";
      slide_.notes += std::string(trim(content.substr(6)));
      return;
    }
    std::vector<SettingLine> settings;
    int l = line;
    size_t pos = 0;
    while (pos <= body.size()) {
      size_t end = body.find_first_of("\n;", pos);
      if (end == std::string_view::npos) end = body.size();
      std::string_view piece = body.substr(pos, end - pos);
      SettingLine setting;
      if (!trim(piece).empty()) {
        if (!split_setting(piece, l, 1, &setting)) {
          settings.clear();  // not a settings comment: a plain comment, kept as notes
          break;
        }
        settings.push_back(setting);
      }
      if (end < body.size() && body[end] == '\n') ++l;
      pos = end + 1;
    }
    if (settings.empty()) {
      if (!content.empty())
        slide_.notes += (slide_.notes.empty() ? "" : "\n") + std::string(content);
      return;
    }
    for (const SettingLine& setting : settings) apply_slide_setting(setting, slide_, out_);
  }

  static RichText trimmed(RichText text) {
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

  struct ListLevel {
    bool ordered;
    int next;
  };

  std::string_view file_text_;
  const LineIndex& index_;
  const ParseOptions& options_;
  DiagnosticList& out_;
  Slide& slide_;

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
  int code_first_line_ = 0;
  std::string html_;
  int html_line_ = 0;
  bool in_image_ = false;
  std::string image_src_, image_alt_;
  int image_line_ = 0;
  std::vector<Image> images_;
};

void report_utf8(std::string_view original, const std::vector<Utf8Problem>& problems,
                 DiagnosticList& out) {
  LineIndex index(original);
  for (size_t i = 0; i < problems.size() && i < kMaxUtf8Reports; ++i) {
    size_t at = problems[i].offset;
    out.error(index.line_of(at), index.col_of(at), "invalid-utf8",
              "invalid UTF-8 byte; save the file as UTF-8 (it is shown as \xEF\xBF\xBD)");
  }
  if (problems.size() > kMaxUtf8Reports)
    out.error(index.line_of(problems[kMaxUtf8Reports].offset),
              index.col_of(problems[kMaxUtf8Reports].offset), "invalid-utf8",
              "and " + std::to_string(problems.size() - kMaxUtf8Reports) +
                  " more invalid UTF-8 bytes from here");
}

// Front matter between the first two `---` lines. Returns the first line after it.
int parse_front_matter(const LineIndex& index, DeckSettings& settings, DiagnosticList& out) {
  if (index.lines() == 0 || !is_separator(index.line(1))) return 1;
  int line = 2;
  while (line <= index.lines() && !is_separator(index.line(line))) ++line;
  if (line > index.lines()) {
    out.error(1, 1, "unclosed-front-matter",
              "front matter opened here is never closed; add a '---' line after the settings");
    return 2;
  }
  for (int l = 2; l < line; ++l) {
    std::string_view text = index.line(l);
    if (trim(text).empty() || trim(text)[0] == '#') continue;
    SettingLine setting;
    if (split_setting(text, l, 1, &setting)) {
      apply_deck_setting(setting, settings, out);
    } else {
      out.error(l, 1, "bad-setting",
                "front matter lines are 'key: value', not " + excerpt(trim(text), 40));
    }
  }
  return line + 1;
}

}  // namespace

ParseResult parse_deck(std::string_view raw, const ParseOptions& options) {
  ParseResult result;
  DiagnosticList out{options.file, {}};
  result.deck.file = options.file;

  if (raw.find('\0') != std::string_view::npos && std::count(raw.begin(), raw.end(), '\0') > 8) {
    out.error(1, 1, "binary-file", "this is a binary file, not a Markdown deck; give a .md file");
    result.diagnostics = std::move(out.items);
    return result;
  }
  std::vector<Utf8Problem> problems;
  std::string text = repair_utf8(raw, &problems);
  if (!problems.empty()) report_utf8(raw, problems, out);

  LineIndex index(text);
  int body = parse_front_matter(index, result.deck.settings, out);
  for (const SlideChunk& chunk : split_slides(index, body, out)) {
    Slide slide;
    slide.line = chunk.first_line;
    size_t begin = index.offset_of_line(chunk.first_line);
    size_t end = index.offset_of_line(chunk.end_line);
    if (trim(std::string_view(text).substr(begin, end - begin)).empty()) continue;
    SlideBuilder(text, index, options, out, slide).parse(begin, end);
    if (slide.blocks.empty()) {
      out.warning(chunk.first_line, 1, "empty-slide", "slide has nothing to show; it is skipped");
      continue;
    }
    result.deck.slides.push_back(std::move(slide));
  }
  if (result.deck.slides.empty())
    out.error(1, 1, "empty-deck",
              "the deck has no slides; write Markdown, with '---' between slides");
  if (result.deck.settings.title.empty() && !result.deck.slides.empty())
    result.deck.settings.title = result.deck.slides.front().title();
  result.diagnostics = std::move(out.items);
  return result;
}

ParseResult load_deck_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  if (in) content << in.rdbuf();
  if (!in || in.bad() || std::filesystem::is_directory(path)) {
    ParseResult result;
    result.deck.file = path.string();
    result.diagnostics.push_back(
        {path.string(), 0, 0, Severity::Error, "unreadable",
         "cannot read the deck; check that the file exists and is readable"});
    return result;
  }
  // Images resolve next to the file itself: for a symlinked deck, next to its target.
  std::error_code ec;
  std::filesystem::path real = std::filesystem::weakly_canonical(path, ec);
  return parse_deck(content.str(), {path.string(), (ec ? path : real).parent_path(), true});
}

}  // namespace boothdeck
