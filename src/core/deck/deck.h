// The deck as plain data: what the parser produces and layout consumes.
// No SDL, no md4c here; tests build these by hand.
#pragma once

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
enum class SlideLayout { Default, Cover };
enum class Align { Default, Left, Center, Right };

struct ListItem {
  RichText text;
  int depth = 0;  // 0 = top level
  bool ordered = false;
  int number = 0;  // for ordered items
};

struct Table {
  std::vector<RichText> header;
  std::vector<std::vector<RichText>> rows;
  std::vector<Align> align;
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
};

enum class BlockKind { Heading, Paragraph, List, Table, Bars, Image, Code };

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int line = 0;   // where it starts in the deck file
  int level = 0;  // heading level 1..6
  RichText text;  // heading, paragraph, code
  std::vector<ListItem> items;
  Table table;
  BarChart chart;
  Image image;
};

struct Slide {
  std::vector<Block> blocks;
  int line = 0;         // first line of the slide in the deck file
  double duration = 0;  // seconds; 0 = the deck's default
  std::optional<Transition> transition;
  SlideLayout layout = SlideLayout::Default;
  std::string notes;
  std::string title() const;  // text of the first heading, or ""
};

struct DeckSettings {
  std::string title;
  std::string author;
  std::string date;
  double duration = 10;
  bool loop = true;
  double idle_return = 60;  // seconds; 0 = never
  std::string theme = "dark";
  std::string font;  // empty = the fonts/ configuration's first family
  Transition transition = Transition::Fade;
  bool progress = true;
  bool counter = true;
};

struct Deck {
  std::string file;  // as given by the user, for messages
  DeckSettings settings;
  std::vector<Slide> slides;
  double duration_of(int slide) const;
  Transition transition_into(int slide) const;
};

}  // namespace boothdeck
