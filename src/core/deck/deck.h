// The deck as plain data: what the parser (or the PDF reader) produces and layout consumes.
// No SDL, no md4c here; tests build these by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace boothdeck {

struct Span {
  std::string text;  // code spans verbatim; "\n" is a line break (<br>, two trailing spaces)
  bool bold = false;
  bool italic = false;
  bool code = false;
  bool strike = false;  // ~~struck through~~
};
using RichText = std::vector<Span>;

std::string plain_text(const RichText& text);

enum class Transition { None, Fade, Slide };
// Cover: centred (title and section slides). BigNumber: centred, its first heading or paragraph
// ("64%") set as large as fits one line, the rest its caption (Slidev's `fact`).
enum class SlideLayout { Default, Cover, BigNumber };
enum class Align { Default, Left, Center, Right };

// A colour a deck asked for (CSS `#rgb`, `#rrggbb`, `rgb()` or a name).
struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

struct ListItem {
  RichText text;
  int depth = 0;  // 0 = top level
  bool ordered = false;
  int number = 0;  // for ordered items
  int line = 0;    // where the item's text starts in the deck file
};

struct Table {
  std::vector<RichText> header;
  std::vector<std::vector<RichText>> rows;
  std::vector<Align> align;
  std::vector<int> row_lines;  // deck line of the header (first) and of each body row
  int columns() const { return static_cast<int>(header.size()); }
};

struct Bar {
  std::string label;
  double value = 0;
  std::string unit;  // "%", "×", "ms", or ""
  bool highlight = false;
};

struct BarChart {
  std::string title;
  std::string unit;
  std::optional<double> max;
  std::vector<Bar> bars;
  double axis_max() const;  // max if given, else the largest value (never 0)
};

struct Image {
  std::string path;  // resolved, absolute or relative to the working directory
  std::string alt;
  int page = 0;  // a page of a PDF (1-based); 0 = the file is an image
  // Size the deck asked for (`![w:300]`, `<img width=…>`), in layout pixels (1080-pixel short
  // side); 0 = from the image. One of the two keeps the aspect ratio.
  float width = 0, height = 0;
  float width_fraction = 0;  // of the content's width (Deckset `![inline 50%]`); 0 = not asked
  int line = 0, col = 0;
};

enum class ImageFit { Cover, Contain };  // fill the box (cropped) or fit in it (letterboxed)
enum class BackgroundSide { Full, Left, Right };  // Marp `![bg left:40%]`, Deckset `![left]`

// Images behind the slide (Full) or beside it (Left/Right, the content takes the rest).
// Several images share the area side by side, as in Marp.
struct Background {
  std::vector<Image> images;
  ImageFit fit = ImageFit::Cover;
  BackgroundSide side = BackgroundSide::Full;
  float fraction = 0.5f;  // of the slide's width, for Left and Right
  bool empty() const { return images.empty(); }
};

// A QR code for visitors' phones (```qr block, `![qr](https://…)`): what it encodes, as written,
// and an optional caption drawn under it.
struct QrCode {
  std::string data;
  std::string caption;
  int col = 0;  // where the data starts on the block's line
};

enum class BlockKind { Heading, Paragraph, List, Table, Bars, Image, Code, Columns, Qr };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int line = 0;      // where it starts in the deck file
  int level = 0;     // heading level 1..6
  bool fit = false;  // heading set as large as fits the width on one line (`# [fit]`, <!-- fit -->)
  RichText text;     // heading, paragraph, code
  std::vector<ListItem> items;
  Table table;
  BarChart chart;
  std::vector<Image> images;                // Image: one row of images, side by side
  std::vector<std::vector<Block>> columns;  // Columns: the blocks of each column, left to right
  QrCode qr;
};

struct Slide {
  std::vector<Block> blocks;
  int line = 0;         // first line of the slide in the deck file
  double duration = 0;  // seconds; 0 = the deck's default
  std::optional<Transition> transition;
  SlideLayout layout = SlideLayout::Default;
  std::string notes;  // speaker notes: kept, exported in layout.json, never drawn
  // Directives of Marp, Slidev, reveal.js, remark and Deckset that layout honours.
  RichText header, footer;
  bool paginate = false;  // the slide's number in a bottom corner
  std::optional<Rgb> background_color, text_color;
  bool invert = false;  // the other built-in theme (Marp's `invert` class)
  Background background;
  std::string title() const;  // text of the first heading, or ""
};

struct DeckSettings {
  std::string title;
  std::string author;
  std::string date;
  double duration = 10;
  bool loop = true;
  double idle_return = 60;  // seconds; 0 = never
  // Seconds a presenter's pause, blank or clicker key holds the show against idle-return; 0 =
  // until F5.
  double presenter_timeout = 900;
  std::string theme = "dark";
  std::string font;  // empty = the fonts/ configuration's first family
  Transition transition = Transition::Fade;
  bool progress = true;
  bool counter = true;
  // `sync: wallclock`: autoplay follows the time of day, so screens agree without talking.
  bool sync_wallclock = false;
};

struct Deck {
  std::string file;  // as given by the user, for messages
  DeckSettings settings;
  std::vector<Slide> slides;
  double duration_of(int slide) const;
  Transition transition_into(int slide) const;
};

}  // namespace boothdeck
