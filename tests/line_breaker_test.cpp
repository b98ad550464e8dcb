// Korean line breaking: between words (어절) at spaces, never inside a Hangul word unless the
// word alone is too wide, UAX #14 punctuation rules, numbers kept with their units.
#include "core/layout/line_breaker.h"

#include <doctest/doctest.h>

#include "core/deck/utf8.h"

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

}  // namespace

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

TEST_CASE("empty and blank text give no lines") {
  CHECK(lines_of("", 10).empty());
  CHECK(lines_of("   ", 10).empty());
}

TEST_CASE("a word of opening brackets still fills its lines (no one-character lines)") {
  CHECK(lines_of("((((((((((", 4) == std::vector<std::string>{"((((", "((((", "(("});
  CHECK(lines_of("a(bcdef", 4) == std::vector<std::string>{"a(bc", "def"});
  CHECK(lines_of("abc(def", 4) == std::vector<std::string>{"abc", "(def"});  // never ends on "("
}
