// Korean line breaking: between words (어절) at spaces, never inside a Hangul word unless the
// word alone is too wide, UAX #14 punctuation rules, numbers kept with their units.
#include "core/layout/line_breaker.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/deck/utf8.h"
#include "core/layout/grapheme.h"

using namespace boothdeck;

namespace {

// Every code point one unit wide: widths are character counts.
std::vector<std::string> lines_of(std::string_view text, float width, bool balanced = false) {
  MeasureRange measure = [&](size_t b, size_t e) {
    return static_cast<float>(count_code_points(text.substr(b, e - b)));
  };
  auto ranges =
      balanced ? break_lines_balanced(text, measure, width) : break_lines(text, measure, width);
  std::vector<std::string> out;
  for (const LineRange& r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

// Every grapheme cluster one unit wide, spaces included: widths are what a reader counts.
std::vector<std::string> lines_by_cluster(std::string_view text, float width) {
  std::vector<size_t> clusters = grapheme_boundaries(text);
  MeasureRange measure = [&](size_t b, size_t e) {
    return static_cast<float>(std::lower_bound(clusters.begin(), clusters.end(), e) -
                              std::lower_bound(clusters.begin(), clusters.end(), b));
  };
  std::vector<std::string> out;
  for (const LineRange& r : break_lines(text, measure, width))
    out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

// One kind of text, the width it is broken at, and the lines that must come out.
struct BreakRow {
  const char* kind;
  std::string_view text;
  float width;
  std::vector<std::string> lines;
};

// "line 1|line 2": readable in a failure message.
std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "|") + line;
  return out;
}

}  // namespace

// What a break or a cut must keep together: one row per kind of character, each at a width
// that forces a cut or a break right next to it.
TEST_CASE("a break or a cut never splits a grapheme cluster") {
  const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
  const std::string scotland =
      "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F";
  const std::string two_families = family + family, two_scotlands = scotland + scotland;
  const BreakRow rows[] = {
      {"flags (regional indicator pairs)",
       "\U0001F1F0\U0001F1F7\U0001F1EF\U0001F1F5",
       1,
       {"\U0001F1F0\U0001F1F7", "\U0001F1EF\U0001F1F5"}},
      {"a lone regional indicator after a letter", "A\U0001F1F0B", 1, {"A", "\U0001F1F0", "B"}},
      {"ZWJ sequences (a family)", two_families, 1, {family, family}},
      {"skin tones",
       "\U0001F44D\U0001F3FD\U0001F44D\U0001F3FF",
       1,
       {"\U0001F44D\U0001F3FD", "\U0001F44D\U0001F3FF"}},
      {"keycaps", "1\uFE0F\u20E32\uFE0F\u20E3", 1, {"1\uFE0F\u20E3", "2\uFE0F\u20E3"}},
      {"tag sequences (Scotland)", two_scotlands, 1, {scotland, scotland}},
      {"variation selectors", "\u2764\uFE0F\u2764\uFE0E", 1, {"\u2764\uFE0F", "\u2764\uFE0E"}},
      {"combining marks", "e\u0301\u0323e\u0301", 1, {"e\u0301\u0323", "e\u0301"}},
      {"Hangul jamo sequences (L V T)",
       "\u1112\u1161\u11AB\u1100\u1173\u11AF",
       1,
       {"\u1112\u1161\u11AB", "\u1100\u1173\u11AF"}},
      {"old Hangul (arae-a)",
       "\u1112\u119E\u11AB\u1100\u119E",
       1,
       {"\u1112\u119E\u11AB", "\u1100\u119E"}},
      {"a space carrying a combining mark", "ab \u0301cd", 2, {"ab", " \u0301c", "d"}},
      {"Devanagari conjuncts", "\u0915\u094D\u0937\u093F", 1, {"\u0915\u094D\u0937\u093F"}},
      {"CRLF", "a\r\nb", 10, {"a", "b"}},
  };
  for (const BreakRow& row : rows) {
    INFO(std::string(row.kind));
    CHECK(joined(lines_by_cluster(row.text, row.width)) == joined(row.lines));
  }
}

TEST_CASE("past 32 code points a cluster is an attack, not a character: it may be cut") {
  std::string zalgo = "a";
  for (int i = 0; i < 39; ++i) zalgo += "\u0301";  // 40 code points, one UAX #29 cluster
  CHECK(grapheme_boundaries(zalgo) == std::vector<size_t>{0, 1 + 31 * 2, zalgo.size()});
  CHECK(lines_by_cluster(zalgo, 1).size() == 2);
  std::string jamo;
  for (int i = 0; i < 100; ++i) jamo += "\u1100";  // leading jamo join: one cluster by UAX #29
  CHECK(grapheme_boundaries(jamo).size() == 5);    // 0, 32, 64, 96, 100 code points
  std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
  CHECK(grapheme_boundaries(family).size() == 2);  // a real cluster is never cut
}

TEST_CASE("spaces, line ends and invisible characters") {
  const BreakRow rows[] = {
      {"U+3000 is a space: a break after it, trimmed at the line end",
       "\uAC00\uB098\u3000\uB2E4\uB77C",
       2,
       {"\uAC00\uB098", "\uB2E4\uB77C"}},
      {"U+3000 at the start of a line is skipped", "\u3000\u3000\uAC00", 5, {"\uAC00"}},
      {"tabs are spaces", "ab\tcd", 2, {"ab", "cd"}},
      {"U+FEFF inside a word keeps the word",
       "\uAC00\uFEFF\uB098 \uB2E4",
       3,
       {"\uAC00\uFEFF\uB098", "\uB2E4"}},
      {"U+200B allows a break", "abc\u200Bdef", 4, {"abc\u200B", "def"}},
      {"U+2028 is a line end", "ab\u2028cd", 10, {"ab", "cd"}},
      {"a blank line between two line ends stays", "a\n\nb", 10, {"a", "", "b"}},
      {"no-break space keeps its words", "10\u00A0km to go", 5, {"10\u00A0km", "to go"}},
      {"right-to-left words break at spaces",
       "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD",
       4,
       {"\u05E9\u05DC\u05D5\u05DD", "\u05E2\u05D5\u05DC\u05DD"}},
      {"noncharacters and unassigned code points are letters",
       "\uFFFE\U0010FFFF\u0378",
       10,
       {"\uFFFE\U0010FFFF\u0378"}},
  };
  for (const BreakRow& row : rows) {
    INFO(std::string(row.kind));
    CHECK(joined(lines_by_cluster(row.text, row.width)) == joined(row.lines));
  }
}

TEST_CASE("Han, kana and Hanja: breaks between ideographs, except inside a Korean word") {
  // Chinese and Japanese break between ideographs; closing marks never start a line.
  CHECK(lines_by_cluster("\u4E2D\u6587\u6587\u672C\u6362\u884C", 4) ==
        std::vector<std::string>{"\u4E2D\u6587\u6587\u672C", "\u6362\u884C"});
  for (float width : {2.0f, 3.0f, 4.0f, 5.0f})
    for (const std::string& line : lines_by_cluster("これは、テストです。終わり。", width))
      CHECK_MESSAGE((line.rfind("\u3001", 0) != 0 && line.rfind("\u3002", 0) != 0), line);
  // 大韓民國의 is one Korean word: it is cut only when it alone is wider than the line.
  CHECK(lines_by_cluster("\u5927\u97D3\u6C11\u570B\uC758 \u61B2\u6CD5", 6) ==
        std::vector<std::string>{"\u5927\u97D3\u6C11\u570B\uC758", "\u61B2\u6CD5"});
}

TEST_CASE("breaking is linear: each byte is measured a bounded number of times") {
  // Zero-width characters fit forever: measuring every candidate line from its start was
  // quadratic. Count the bytes measured instead of timing.
  struct Row {
    const char* kind;
    std::string unit;
    float width;
  };
  const Row rows[] = {
      {"zero-width spaces", "a\u200B", 1e9f},
      {"words on one long line", "word ", 1e9f},
      {"Hangul words, many lines", "\uBD80\uC2A4\uB371 ", 30},
      {"one long word cut into lines", "\uBD80", 30},
      {"flags", "\U0001F1F0\U0001F1F7", 30},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.kind));
    for (int n : {1000, 8000}) {
      std::string text;
      for (int i = 0; i < n; ++i) text += row.unit;
      size_t measured = 0;
      MeasureRange measure = [&](size_t b, size_t e) {
        measured += e - b;
        return static_cast<float>(count_code_points(std::string_view(text).substr(b, e - b)) *
                                  (row.unit == "a\u200B" ? 0 : 1));
      };
      std::vector<LineRange> lines = break_lines(text, measure, row.width);
      CHECK(!lines.empty());
      CHECK(measured <= 40 * text.size());
    }
  }
}

TEST_CASE("Hangul breaks only at spaces (keep-all)") {
  auto lines = lines_of("대학원 수준의 추론 능력을 갖추고 있습니다", 9);
  REQUIRE(lines.size() >= 3);
  for (const std::string& line : lines) {
    CHECK(line.front() != ' ');
    CHECK(line.back() != ' ');
  }
  CHECK(lines[0] == "대학원 수준의");
  // No word of the source is split across lines.
  std::string joined;
  for (const std::string& line : lines) joined += (joined.empty() ? "" : " ") + line;
  CHECK(joined == "대학원 수준의 추론 능력을 갖추고 있습니다");
}

TEST_CASE("no break between Hangul and an adjoining bracket or number") {
  auto lines = lines_of("추론 능력(GPQA)과 64%의 해결률", 10);
  for (const std::string& line : lines) {
    CHECK(line.rfind("(", 0) != 0);
    CHECK(line.rfind("%", 0) != 0);
  }
  CHECK(std::find(lines.begin(), lines.end(), "능력(GPQA)과") != lines.end());
}

TEST_CASE("closing punctuation never starts a line") {
  for (float width : {3.0f, 4.0f, 5.0f, 6.0f, 7.0f}) {
    for (const std::string& line : lines_of("Opus, Sonnet. Haiku! 「AI」 『끝』", width)) {
      char32_t first = 0;
      size_t pos = 0;
      first = next_code_point(line, pos);
      CHECK_MESSAGE(std::u32string(U".,!?:;)」』").find(first) == std::u32string::npos, line);
    }
  }
}

TEST_CASE("a number stays with its unit") {
  auto lines = lines_of("기존 모델 대비 2 배 빠른 속도", 9);
  bool together = false;
  for (const std::string& line : lines) together |= line.find("2 배") != std::string::npos;
  CHECK(together);
}

TEST_CASE("Latin words are not split") {
  auto lines = lines_of("Constitutional AI and HumanEval", 16);
  CHECK(lines == std::vector<std::string>{"Constitutional", "AI and HumanEval"});
}

TEST_CASE("a word wider than the line is cut between characters") {
  auto lines = lines_of("가나다라마바사아자차", 4);
  CHECK(lines == std::vector<std::string>{"가나다라", "마바사아", "자차"});
}

TEST_CASE("newlines force breaks") {
  CHECK(lines_of("첫 줄\n둘째 줄", 100) == std::vector<std::string>{"첫 줄", "둘째 줄"});
}

TEST_CASE("balanced headings leave no lone syllable on the last line") {
  std::string heading = "안전성 및 윤리적 고려사항 정리";
  auto greedy = lines_of(heading, 14);
  REQUIRE(greedy.size() == 2);
  CHECK(greedy[1] == "정리");  // a short orphan
  auto balanced = lines_of(heading, 14, true);
  REQUIRE(balanced.size() == 2);
  CHECK(count_code_points(balanced[1]) >= 5);
}

TEST_CASE("no width at all: one cluster a line, nothing lost, and it ends") {
  for (float width : {0.0f, -5e5f, std::nanf(""), -std::numeric_limits<float>::infinity()}) {
    CAPTURE(width);
    CHECK(joined(lines_of("deepest bullet", width)) == "d|e|e|p|e|s|t|b|u|l|l|e|t");
  }
}

TEST_CASE("empty and blank text give no lines") {
  CHECK(lines_of("", 10).empty());
  CHECK(lines_of("   ", 10).empty());
}

TEST_CASE("a word of opening brackets still fills its lines (no one-character lines)") {
  CHECK(lines_of("((((((((((", 4) == std::vector<std::string>{"((((", "((((", "(("});
  CHECK(lines_of("a(bcdef", 4) == std::vector<std::string>{"a(bc", "def"});
  CHECK(lines_of("abc(def", 4) == std::vector<std::string>{"abc", "(def"});  // never ends on "("
}

// The typography rules of issue 13, each a kind, each row a case of it at a width that would
// break it: widths count code points (lines_of), the lines are what must come out.
TEST_CASE("typography rules: keep-all, numbers with units, KLREQ marks, addresses") {
  const BreakRow rows[] = {
      // Keep-all covers every letter of a Korean text, as CSS keep-all does: Hanja words too.
      {"Hanja word with a particle",
       "위원회는 産業通商資源部와 협의했다",
       9,
       {"위원회는", "産業通商資源部와", "협의했다"}},
      {"Hanja word alone in Korean prose",
       "담당 부처 産業通商資源部 장관",
       8,
       {"담당 부처", "産業通商資源部", "장관"}},
      {"kana in Korean prose", "일본어 カタカナ 표기", 5, {"일본어", "カタカナ", "표기"}},
      // Japanese and Chinese break between ideographs, with strict kinsoku (ICU's default).
      {"Japanese: small kana never start a line",
       "チョットマッテ",
       2,
       {"チョ", "ット", "マッ", "テ"}},
      {"Japanese: the prolonged sound mark never starts a line", "コーヒー", 3, {"コー", "ヒー"}},
      {"Chinese: between ideographs", "中文文本换行", 4, {"中文文本", "换行"}},
      // A number stays with the unit after it, by rule: Latin symbols, ℃ and %, currency
      // words, a model name.
      {"km", "주행 거리 420 km 달성", 7, {"주행 거리", "420 km", "달성"}},
      {"kg", "무게는 15 kg 입니다", 7, {"무게는", "15 kg", "입니다"}},
      {"kWh", "용량 2.4 kWh 배터리", 8, {"용량", "2.4 kWh", "배터리"}},
      {"degrees Celsius", "기온 25 ℃ 유지", 5, {"기온", "25 ℃", "유지"}},
      {"percent after a space", "할인 15 % 적용", 5, {"할인", "15 %", "적용"}},
      {"a currency word", "가격 1,290 달러 부터", 8, {"가격", "1,290 달러", "부터"}},
      {"a model name", "Claude 3 Opus beats", 8, {"Claude", "3 Opus", "beats"}},
      {"a number before another number may break", "1 2 3 4", 3, {"1 2", "3 4"}},
      // KLREQ: these never start a line, even after a space.
      {"middle dot", "코드 · 문서 · 이미지", 5, {"코드 ·", "문서 ·", "이미지"}},
      {"wave dash", "9시 ~ 18시 운영", 4, {"9시 ~", "18시", "운영"}},
      {"em dash", "결론 — 빠르다", 4, {"결론 —", "빠르다"}},
      {"closing quote", "“인용 ” 끝", 6, {"“인용 ”", "끝"}},
      // An address moves whole; one longer than a line is cut as the Chicago Manual says.
      {"an e-mail address moves whole, not at its hyphen",
       "문의 expo-help@example.com",
       22,
       {"문의", "expo-help@example.com"}},
      {"the end of a URL is not a number",
       "보기 https://ex.com/a?b=1 링크",
       22,
       {"보기", "https://ex.com/a?b=1", "링크"}},
      {"a URL moves whole, not after its ?",
       "보기 https://ex.com/a?b=x 링크",
       22,
       {"보기", "https://ex.com/a?b=x", "링크"}},
      {"a long URL: after //, before / . ? = &",
       "https://example.com/path/to?x=1&y=2",
       12,
       {"https://", "example.com", "/path/to?x=1", "&y=2"}},
      {"a long address: before @, never at a hyphen",
       "expo-help-desk@example.com",
       16,
       {"expo-help-desk", "@example.com"}},
  };
  for (const BreakRow& row : rows) {
    INFO(std::string(row.kind));
    CHECK(joined(lines_of(row.text, row.width)) == joined(row.lines));
  }
}

TEST_CASE("no lone word on the last line of a short block, nor of a paragraph") {
  struct Row {
    const char* kind;
    std::string_view text;
    float width;
    std::vector<std::string> lines;
  };
  const Row rows[] = {
      {"a bar label or list item of two lines",
       "요금제 프로페셔널 플러스",
       10,
       {"요금제", "프로페셔널 플러스"}},
      {"a table cell of three lines",
       "가 나다 라마 바사 아자",
       6,
       {"가 나다", "라마", "바사 아자"}},
      {"the end of a long paragraph",
       "하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열",
       6,
       {"하나 둘 셋", "넷 다섯", "여섯 일곱", "여덟", "아홉 열"}},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.kind));
    MeasureRange measure = [&](size_t b, size_t e) {
      return static_cast<float>(count_code_points(row.text.substr(b, e - b)));
    };
    std::vector<std::string> out;
    for (const LineRange& r : break_lines_even_end(row.text, measure, row.width))
      out.emplace_back(row.text.substr(r.begin, r.end - r.begin));
    CHECK(joined(out) == joined(row.lines));
  }
}

TEST_CASE("a balanced heading breaks after a pause mark when the lines stay nearly even") {
  // Width 14, two lines either way; the comma's break is as even as the best, or within 15%.
  CHECK(lines_of("가나 다라마, 바사 아자차카 타파", 14, true) ==
        std::vector<std::string>{"가나 다라마,", "바사 아자차카 타파"});
  CHECK(lines_of("가나 다라마, 바사 아자차카 타파파", 14, true) ==
        std::vector<std::string>{"가나 다라마,", "바사 아자차카 타파파"});
  // The middle dot never starts a line; the even break is after the second one.
  CHECK(lines_of("모델 · 데이터 · 평가 방법의 혁신", 14, true).front() == "모델 · 데이터 ·");
  // A comma too far from the middle (2 and 14) is not worth it.
  CHECK(lines_of("가, 나다라 마바사 아자차 카타", 14, true) ==
        std::vector<std::string>{"가, 나다라 마바사", "아자차 카타"});
}
