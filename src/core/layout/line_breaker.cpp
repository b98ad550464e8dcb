// Line breaking. libunibreak answers UAX #14 (no line starts with closing punctuation, none
// ends with opening punctuation, Latin words stay whole); we add two rules Korean needs:
// keep-all (no break next to a Hangul syllable except at a space) and "2 배" stays together.
#include "core/layout/line_breaker.h"

#include <linebreak.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <string_view>

#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t';
}

bool is_closing(char32_t c) {
  return std::u32string_view(
             U".,!?:;)]}%\u3001\u3002\u300D\u300F\u3009\u300B\u3011\u2019\u201D\uFF09\uFF0C\uFF0E")
             .find(c) != std::u32string_view::npos;
}

bool is_opening(char32_t c) {
  return std::u32string_view(U"([{\u300C\u300E\u3008\u300A\u3010\u2018\u201C\uFF08").find(c) !=
         std::u32string_view::npos;
}

// Units that read as part of the number before them when a space separates them.
bool starts_with_unit(std::string_view rest) {
  static constexpr std::array<std::string_view, 14> kUnits = {
      "%", "배", "×", "x ", "ms", "초", "분", "시간", "개", "명", "원", "년", "GB", "MB"};
  for (std::string_view unit : kUnits) {
    if (rest.substr(0, unit.size()) != unit) continue;
    // The unit must be the whole word, or be followed by Hangul particles ("2 배로").
    return true;
  }
  return false;
}

struct CodePoint {
  size_t begin, end;
  char32_t value;
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t c = next_code_point(text, pos);
    out.push_back({begin, pos, c});
  }
  return out;
}

}  // namespace

std::vector<BreakKind> break_opportunities(std::string_view text) {
  static std::once_flag init;
  std::call_once(init, init_linebreak);
  std::vector<char> raw(text.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), "ko", raw.data());
  std::vector<BreakKind> out(text.size(), BreakKind::None);
  std::vector<CodePoint> cps = decode(text);
  for (size_t i = 0; i < cps.size(); ++i) {
    size_t last_byte = cps[i].end - 1;
    char kind = raw[last_byte];
    if (kind == LINEBREAK_MUSTBREAK) {
      // libunibreak marks the end of text as a mandatory break; only real newlines are.
      if (cps[i].value == '\n') out[last_byte] = BreakKind::Mandatory;
      continue;
    }
    if (kind != LINEBREAK_ALLOWBREAK || i + 1 >= cps.size()) continue;
    char32_t before = cps[i].value, after = cps[i + 1].value;
    if (!is_space(before) && (is_hangul(before) || is_hangul(after))) continue;  // keep-all
    if (is_space(before) && i > 0 && cps[i - 1].value >= '0' && cps[i - 1].value <= '9' &&
        starts_with_unit(text.substr(cps[i + 1].begin)))
      continue;
    out[last_byte] = BreakKind::Allowed;
  }
  return out;
}

std::vector<LineRange> break_lines(std::string_view text, const MeasureRange& measure,
                                   float max_width) {
  max_width += 0.01f;  // a width computed as "text + padding - padding" must still hold the text
  std::vector<LineRange> lines;
  std::vector<BreakKind> breaks = break_opportunities(text);
  auto skip_spaces = [&](size_t p) {
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    return p;
  };
  auto trim_end = [&](size_t begin, size_t end) {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n'))
      --end;
    return end;
  };
  auto emit = [&](size_t begin, size_t end) {
    end = trim_end(begin, end);
    lines.push_back({begin, end, measure(begin, end)});
  };

  // Candidate line ends: after every byte with a break opportunity, and the end of the text.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < breaks.size(); ++i)
    if (breaks[i] != BreakKind::None) candidates.push_back(i + 1);
  if (candidates.empty() || candidates.back() != text.size()) candidates.push_back(text.size());

  size_t start = skip_spaces(0);
  size_t last_fit = std::string_view::npos;
  for (size_t c = 0; c < candidates.size();) {
    size_t p = candidates[c];
    if (p <= start) {
      ++c;
      continue;
    }
    size_t end = trim_end(start, p);
    bool mandatory = p > 0 && breaks.size() >= p && breaks[p - 1] == BreakKind::Mandatory;
    if (end == start || measure(start, end) <= max_width) {
      last_fit = p;
      if (mandatory || p == text.size()) {
        if (end > start || mandatory) emit(start, p);
        start = skip_spaces(p);
        last_fit = std::string_view::npos;
      }
      ++c;
      continue;
    }
    if (last_fit != std::string_view::npos) {
      emit(start, last_fit);
      start = skip_spaces(last_fit);
      last_fit = std::string_view::npos;
      continue;  // re-try the same candidate on the new line
    }
    // One word wider than the line: cut it between characters, as much as fits, until the rest
    // fits. Each cut decodes and measures about one line of the word (doubling, then bisecting),
    // never the whole word: that made a 16 KB word of '[' take minutes.
    for (bool first = true; start < end; first = false) {
      std::string_view word = text.substr(start, end - start);
      std::vector<CodePoint> cps;
      size_t decoded = 0;
      auto decode_to = [&](size_t count) {
        while (cps.size() < count && decoded < word.size()) {
          size_t begin = decoded;
          char32_t c = next_code_point(word, decoded);
          cps.push_back({begin, decoded, c});
        }
      };
      size_t lo = 1, hi = 1;
      for (size_t probe = 1;; probe *= 2) {
        decode_to(probe);
        if (probe > cps.size()) {
          hi = cps.size();
          break;
        }
        if (measure(start, start + cps[probe - 1].end) > max_width) {
          hi = probe - 1;
          break;
        }
        lo = probe;
      }
      hi = std::max(hi, lo);
      while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (measure(start, start + cps[mid - 1].end) <= max_width)
          lo = mid;
        else
          hi = mid - 1;
      }
      if (!first && lo == cps.size() && decoded == word.size()) break;  // the rest fits
      // Even inside a cut word, closing punctuation never starts a line, opening never ends one.
      decode_to(lo + 1);
      auto bad_cut = [&](size_t n) {
        return n < cps.size() && (is_closing(cps[n].value) || is_opening(cps[n - 1].value));
      };
      size_t fit = lo;
      while (lo > 1 && bad_cut(lo)) --lo;
      // A run of brackets has no good cut at all: fill the line, not one character per line.
      if (lo == 1 && bad_cut(1)) lo = fit;
      size_t cut = start + cps[lo - 1].end;
      emit(start, cut);
      start = cut;
    }
  }
  return lines;
}

std::vector<LineRange> break_lines_balanced(std::string_view text, const MeasureRange& measure,
                                            float max_width) {
  std::vector<LineRange> lines = break_lines(text, measure, max_width);
  if (lines.size() < 2) return lines;
  float widest = 0;
  for (const LineRange& line : lines) widest = std::max(widest, line.width);
  float lo = widest / static_cast<float>(lines.size()), hi = max_width;
  std::vector<LineRange> best = lines;
  for (int i = 0; i < 10 && hi - lo > 2; ++i) {
    float mid = (lo + hi) / 2;
    std::vector<LineRange> attempt = break_lines(text, measure, mid);
    bool same_count = attempt.size() == lines.size();
    bool fits = std::all_of(attempt.begin(), attempt.end(),
                            [&](const LineRange& l) { return l.width <= mid + 0.5f; });
    if (same_count && fits) {
      best = std::move(attempt);
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

}  // namespace boothdeck
