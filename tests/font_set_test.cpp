// Which font draws each character, per role (heading, body, mono; regular and bold), with the
// fonts setup installs: fonts-nanum, fonts-dejavu-core, fonts-noto-cjk, fonts-noto-color-emoji.
#include <doctest/doctest.h>

#include "core/deck/utf8.h"
#include "render/line_surface.h"
#include "test_fonts.h"

using namespace boothdeck;

namespace {

const FontSpec kHeading{60, true, true, false};
const FontSpec kBody{44, false, false, false};
const FontSpec kBodyBold{44, true, false, false};
const FontSpec kMono{36, false, false, true};
const FontSpec kRoles[] = {kHeading, kBody, kBodyBold, kMono, {68, false, true, false}};

// The family that draws the first cluster of `text` (the rest is context), "box" for the
// replacement box, "blank" for a character drawn as nothing.
std::string drawn_by_in(FontSet& fonts, std::string_view text, const FontSpec& spec) {
  std::vector<FontRun> runs = fonts.runs(text, spec);
  if (runs.empty()) return "";
  switch (runs.front().kind) {
    case RunKind::Missing:
      return "box";
    case RunKind::Blank:
      return "blank";
    default:
      return fonts.file(runs.front().file).family;
  }
}

std::string drawn_by(std::string_view text, const FontSpec& spec) {
  return drawn_by_in(shared_fonts().fonts, text, spec);
}

std::string role_name(const FontSpec& spec) {
  return std::string(spec.mono      ? "mono"
                     : spec.heading ? "heading"
                                    : "body") +
         (spec.bold ? " bold" : "");
}

}  // namespace

TEST_CASE("the font of each character, per role") {
  REQUIRE(shared_fonts().ok);
  struct Row {
    const char* what;
    std::string_view text;
    FontSpec spec;
    const char* family;
  };
  const Row rows[] = {
      {"Hangul in a heading", "한", kHeading, "NanumSquare"},
      {"Hangul in body text", "한", kBody, "NanumBarunGothic"},
      {"Hangul in code", "한", kMono, "NanumGothicCoding"},
      {"Latin in body text", "A", kBody, "NanumBarunGothic"},
      {"Latin in code", "A", kMono, "NanumGothicCoding"},
      // Nanum draws U+005C as ₩: a backslash comes from a font that draws one.
      {"a backslash in code", "\\", kMono, "NanumGothicCoding"},
      {"a backslash in a path in prose", "\\Users", kBody, "DejaVu Sans"},
      {"a backslash in a heading", "\\n", kHeading, "DejaVu Sans"},
      {"a backslash in bold prose", "\\", kBodyBold, "DejaVu Sans"},
      {"a price in prose keeps the theme's font (₩)", "\\10,000", kBody, "NanumBarunGothic"},
      {"a price in code is still a backslash", "\\10,000", kMono, "NanumGothicCoding"},
      // One design for a run of Han, kana and CJK punctuation: `cjk:` first (Noto Sans CJK KR,
      // Han in Korean forms), then the role's fonts; code keeps its monospace chain.
      {"Hanja NanumBarunGothic also has", "漢字", kBody, "Noto Sans CJK KR"},
      {"Hanja inside a Korean word", "大韓民國의", kBody, "Noto Sans CJK KR"},
      {"Chinese punctuation goes with its sentence", "：欢迎", kBody, "Noto Sans CJK KR"},
      {"CJK brackets around Hangul stay with Hangul", "「아", kBody, "NanumBarunGothic"},
      {"Hanja in code", "漢字", kMono, "Noto Sans Mono CJK KR"},
      {"Chinese with a character Nanum lacks", "你们好", kBody, "Noto Sans CJK KR"},
      {"kana in body text (NanumBarunGothic has kana too)", "ひらがな", kBody, "Noto Sans CJK KR"},
      {"kana in a heading", "ひらがな", kHeading, "Noto Sans CJK KR"},
      {"Chinese in code", "你们好", kMono, "Noto Sans Mono CJK KR"},
      {"old Hangul jamo", "\u1112\u119E\u11AB", kBody, "Noto Sans CJK KR"},
      {"a combining accent with its base", "e\u0301", kBody, "DejaVu Sans"},
      {"Hebrew", "\u05E9\u05DC\u05D5\u05DD", kBody, "DejaVu Sans"},
      {"Arabic", "\u0645\u0631\u062D\u0628\u0627", kBody, "DejaVu Sans"},
      {"Cyrillic", "Привет", kBody, "NanumBarunGothic"},
      // Emoji: the colour font in every role, for everything UTS #51 draws as emoji.
      {"an emoji", "😀", kBody, "Noto Color Emoji"},
      {"an emoji in code", "😀", kMono, "Noto Color Emoji"},
      {"a flag", "🇰🇷", kHeading, "Noto Color Emoji"},
      {"a family (ZWJ sequence)", "👨‍👩‍👧‍👦", kBody, "Noto Color Emoji"},
      {"a skin tone", "👍🏽", kBody, "Noto Color Emoji"},
      {"a keycap", "1\uFE0F\u20E3", kBody, "Noto Color Emoji"},
      {"a tag sequence (Scotland)",
       "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", kBody,
       "Noto Color Emoji"},
      {"a heart with U+FE0F", "\u2764\uFE0F", kBody, "Noto Color Emoji"},
      {"a heart with U+FE0E (text form)", "\u2764\uFE0E", kBody, "DejaVu Sans"},
      {"© is text by default", "©", kBody, "NanumBarunGothic"},
      // Spaces are blank: NanumBarunGothic draws U+3000 as a dot, NanumGothic as a space.
      {"U+3000 in body text", "\u3000", kBody, "NanumGothic"},
      {"U+3000 in a heading", "\u3000", kHeading, "NanumSquare"},
      {"a tab", "\t", kBody, "blank"},
      {"U+FEFF alone", "\uFEFF", kBody, "blank"},
      {"U+200B alone", "\u200B", kBody, "blank"},
      // What no installed font has is one box, in every role.
      {"private use", "\U0010FFFD", kBody, "box"},
      {"private use in a heading", "\U0010FFFD", kHeading, "box"},
      {"unassigned", "\u0378", kMono, "box"},
      {"a noncharacter", "\uFFFF", kBody, "box"},
      {"a control character", "\x07", kBody, "box"},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.what), " (", role_name(row.spec), ")");
    CHECK(drawn_by(row.text, row.spec) == row.family);
  }
}

TEST_CASE("what a font has is the same whatever size asks first") {
  // Glyphs, ink and a real backslash are asked of a face already open (at 24 px or more):
  // a fresh set per size, its faces opened at that size before anything is asked.
  REQUIRE(shared_fonts().ok);
  for (int size : {12, 30, 160}) {
    FontSet fonts;
    std::string error;
    REQUIRE(fonts.load(BOOTHDECK_SOURCE_DIR "/fonts", "", &error));
    FontSpec body{size, false, false, false}, bold{size, true, false, false};
    FontSpec heading{size, true, true, false};
    for (const FontSpec& spec : {body, bold, heading}) REQUIRE(fonts.primary(spec));
    INFO("size ", size);
    CHECK(drawn_by_in(fonts, "한", heading) == "NanumSquare");
    CHECK(drawn_by_in(fonts, "\u3000", body) == "NanumGothic");  // NanumBarunGothic's is a dot
    CHECK(drawn_by_in(fonts, "\\", bold) == "DejaVu Sans");      // Nanum's is ₩
    CHECK(drawn_by_in(fonts, "\u2764\uFE0E", body) == "DejaVu Sans");
    CHECK(drawn_by_in(fonts, "😀", body) == "Noto Color Emoji");
    std::vector<FontRun> emoji = fonts.runs("😀", body);
    REQUIRE(emoji.size() == 1);
    CHECK(emoji[0].kind == RunKind::ColorBitmap);
  }
}

TEST_CASE("a character one role has, every role has: the choice is per role and code point") {
  REQUIRE(shared_fonts().ok);
  // 𝐀 comes from whatever font fontconfig finds (DejaVu Serif): whichever role asks first,
  // every role gets it, and --check agrees.
  for (std::string_view text :
       {"\U0001D400", "\u2200", "\u263A", "\u2192", "\U0001F600", "\u00E9"}) {
    std::string first;
    for (const FontSpec& spec : kRoles) {
      INFO(std::string(text), " (", role_name(spec), ")");
      std::string family = drawn_by(text, spec);
      CHECK(family != "box");
      CHECK(family != "");
    }
  }
  // Asked in the other order, the answers are the same.
  FontSet reversed;
  std::string error;
  REQUIRE(reversed.load(BOOTHDECK_SOURCE_DIR "/fonts", "", &error));
  for (int i = 4; i >= 0; --i) {
    std::vector<FontRun> runs = reversed.runs("\U0001D400", kRoles[i]);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].kind == RunKind::Glyphs);
    CHECK(reversed.file(runs[0].file).family == drawn_by("\U0001D400", kRoles[i]));
  }
}

TEST_CASE("a deck's font comes first, for Han and kana too") {
  REQUIRE(shared_fonts().ok);
  FontSet chinese;
  std::string error;
  REQUIRE(chinese.load(BOOTHDECK_SOURCE_DIR "/fonts", "Noto Sans CJK SC", &error));
  for (std::string_view text : {"你们好", "A", "한"}) {
    std::vector<FontRun> runs = chinese.runs(text, kBody);
    REQUIRE(runs.size() == 1);
    CHECK(chinese.file(runs[0].file).family == "Noto Sans CJK SC");
  }
  std::vector<FontRun> code = chinese.runs("你们", kMono);  // code keeps its monospace chain
  CHECK(chinese.file(code[0].file).family == "Noto Sans Mono CJK KR");
}

TEST_CASE("a deck's font that is not installed is a warning; the theme's fonts draw instead") {
  REQUIRE(shared_fonts().ok);
  FontSet fonts;
  std::string error;
  REQUIRE(fonts.load(BOOTHDECK_SOURCE_DIR "/fonts", "No Such Family 9", &error));
  REQUIRE(fonts.warnings().size() == 2);  // heading and body, each naming the font it uses
  CHECK(fonts.warnings()[0].find("'No Such Family 9'") != std::string::npos);
  CHECK(fonts.warnings()[0].find("NanumSquare") != std::string::npos);
  CHECK(fonts.warnings()[1].find("NanumBarunGothic") != std::string::npos);
  CHECK(drawn_by_in(fonts, "한", kHeading) == "NanumSquare");
  CHECK(drawn_by_in(fonts, "한", kBody) == "NanumBarunGothic");
  // Fallbacks are looked up when a character needs them, after load: emoji, then Han.
  CHECK(drawn_by_in(fonts, "😀", kBody) == "Noto Color Emoji");
  CHECK(drawn_by_in(fonts, "你", kHeading) == "Noto Sans CJK KR");
}

TEST_CASE("runs split where the font changes; spaces stay in the run they are in") {
  REQUIRE(shared_fonts().ok);
  FontSet& fonts = shared_fonts().fonts;
  std::string text = "부스 booth 😀😀 你们 \U0010FFFD\U0010FFFD";
  std::vector<FontRun> runs = fonts.runs(text, kBody);
  std::vector<std::string> pieces;
  for (const FontRun& run : runs) pieces.push_back(text.substr(run.begin, run.end - run.begin));
  CHECK(pieces ==
        std::vector<std::string>{"부스 booth ", "😀😀", " ", "你们 ", "\U0010FFFD", "\U0010FFFD"});
  REQUIRE(runs.size() == 6);
  CHECK(runs[1].kind == RunKind::ColorBitmap);
  CHECK(runs[4].kind == RunKind::Missing);  // one box per cluster
  CHECK(runs[5].kind == RunKind::Missing);
}

TEST_CASE("emoji are drawn in colour, scaled to the line; the box is the same in every role") {
  REQUIRE(shared_fonts().ok);
  FontSet& fonts = shared_fonts().fonts;
  for (const FontSpec& spec : kRoles) {
    INFO(role_name(spec));
    // An emoji: as tall as the line box, with colour (not the ink colour) in it.
    LineSurface emoji = render_line(fonts, "😀", spec, Color{255, 255, 255, 255});
    REQUIRE(emoji.surface != nullptr);
    int line_h = TTF_FontHeight(fonts.primary(spec));
    CHECK(emoji.surface->h == line_h);
    int colored = 0, opaque = 0;
    for (int y = 0; y < emoji.surface->h; ++y)
      for (int x = 0; x < emoji.surface->w; ++x) {
        uint32_t p =
            static_cast<uint32_t*>(emoji.surface->pixels)[y * emoji.surface->pitch / 4 + x];
        uint8_t a = p >> 24, r = p >> 16, g = p >> 8, b = p;
        opaque += a > 200;
        colored += a > 200 && (r != g || g != b);
      }
    CHECK(opaque > emoji.surface->w * emoji.surface->h / 3);
    CHECK(colored > opaque / 2);
    SDL_FreeSurface(emoji.surface);

    // The box: its outline in the ink colour, its middle empty, its size from the font size.
    LineSurface box = render_line(fonts, "\U0010FFFD", spec, Color{255, 0, 0, 255});
    REQUIRE(box.surface != nullptr);
    ReplacementBox metrics = replacement_box(spec.size);
    CHECK(box.surface->w == metrics.advance);
    int ascent = TTF_FontAscent(fonts.primary(spec));
    auto at = [&](int x, int y) {
      return static_cast<uint32_t*>(
          box.surface->pixels)[(y + box.top) * box.surface->pitch / 4 + x];
    };
    CHECK(at(metrics.left, ascent - 1) == 0xFFFF0000u);  // bottom-left
    CHECK(at(metrics.left + metrics.width - 1, ascent - metrics.height) ==
          0xFFFF0000u);                                                              // top-right
    CHECK(at(metrics.left + metrics.width / 2, ascent - metrics.height / 2) == 0u);  // inside
    SDL_FreeSurface(box.surface);
  }
}

TEST_CASE("right-to-left runs are shaped right to left, in their script, and measure as drawn") {
  REQUIRE(shared_fonts().ok);
  FontSet& fonts = shared_fonts().fonts;
  std::string text = "부스 مرحبا בוקר";
  std::vector<FontRun> runs = fonts.runs(text, kBody);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].level == 0);
  CHECK(runs[1].level == 1);
  CHECK(std::string(runs[1].script) == "Arab");
  CHECK(runs[2].level == 1);
  CHECK(std::string(runs[2].script) == "Hebr");
  // Joined Arabic is narrower than its letters set apart: shaped with the Arabic shaper.
  int joined = fonts.advance(runs[1], text, kBody);
  FontRun unshaped = runs[1];
  unshaped.script = "";
  unshaped.level = 0;
  CHECK(joined < fonts.advance(unshaped, text, kBody));
  int sum = 0;
  for (const FontRun& run : runs) sum += fonts.advance(run, text, kBody);
  LineSurface line = render_line(fonts, text, kBody, Color{255, 255, 255, 255});
  REQUIRE(line.surface != nullptr);
  CHECK(line.surface->w == sum);
  SDL_FreeSurface(line.surface);
}
