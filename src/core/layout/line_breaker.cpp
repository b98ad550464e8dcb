// Line breaking. ICU answers UAX #14 (no line starts with closing punctuation, none ends with
// opening punctuation, Latin words stay whole, emoji sequences and flags stay whole); we add
// two rules Korean needs: keep-all (no break inside a word that has Hangul, except at a space)
// and "2 배" stays together. A break ICU allows inside a grapheme cluster (after a space that
// carries a combining mark) is dropped: UAX #29 has the last word on what a character is.
#include "core/layout/line_breaker.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/deck/utf8.h"
#include "core/layout/grapheme.h"
#include "core/layout/icu_breaks.h"

namespace boothdeck {

namespace {

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
  for (std::string_view unit : kUnits)
    if (rest.substr(0, unit.size()) == unit) return true;  // "2 배로": particles may follow
  return false;
}

struct CodePoint {
  size_t begin, end;
  char32_t value;
  bool korean;  // in a run of Hangul and Han that has Hangul: one Korean word (大韓民國의)
};

std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  for (size_t pos = 0; pos < text.size();) {
    size_t begin = pos;
    char32_t c = next_code_point(text, pos);
    out.push_back({begin, pos, c, false});
  }
  // Hanja inside a Korean word keep the word together as its Hangul does.
  for (size_t i = 0; i < out.size();) {
    size_t j = i;
    bool hangul = false;
    while (j < out.size() && (is_hangul(out[j].value) || is_cjk_ideograph_or_kana(out[j].value)))
      hangul |= is_hangul(out[j++].value);
    for (size_t k = i; k < j; ++k) out[k].korean = hangul;
    i = j == i ? i + 1 : j;
  }
  return out;
}

// The code point that ends at `end` (never reaching back before `floor`).
char32_t code_point_before(std::string_view text, size_t floor, size_t end) {
  size_t start = end - 1;
  while (start > floor && end - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  size_t at = start;
  char32_t c = next_code_point(text, at);
  return at == end ? c : 0xFFFD;  // a stray continuation byte
}

std::vector<BreakKind> opportunities(std::string_view text, const std::vector<size_t>& clusters) {
  std::vector<BreakKind> out(text.size(), BreakKind::None);
  if (text.empty()) return out;
  std::vector<CodePoint> cps = decode(text);
  // Code point index by byte offset of its start, for the rules that look at both sides.
  size_t cp = 0;
  for (const IcuBoundary& b : icu_boundaries(IcuBreakKind::Line, text)) {
    if (b.offset == 0 || b.offset > text.size()) continue;
    // Mandatory only after a real line end: ICU's end of text is "hard" after anything.
    if (b.hard && is_line_end(code_point_before(text, 0, b.offset))) {
      out[b.offset - 1] = BreakKind::Mandatory;
      continue;
    }
    if (b.offset == text.size()) continue;
    if (!std::binary_search(clusters.begin(), clusters.end(), b.offset)) continue;
    while (cp + 1 < cps.size() && cps[cp + 1].begin < b.offset) ++cp;
    if (cp + 1 >= cps.size() || cps[cp + 1].begin != b.offset) continue;  // ICU and we disagree
    const CodePoint& before = cps[cp];
    const CodePoint& after = cps[cp + 1];
    bool space = is_breaking_space(before.value);
    if (!space &&
        (is_hangul(before.value) || is_hangul(after.value) || (before.korean && after.korean)))
      continue;  // keep-all
    if (space && cp > 0 && cps[cp - 1].value >= '0' && cps[cp - 1].value <= '9' &&
        starts_with_unit(text.substr(after.begin)))
      continue;
    out[b.offset - 1] = BreakKind::Allowed;
  }
  return out;
}

}  // namespace

std::vector<BreakKind> break_opportunities(std::string_view text) {
  return opportunities(text, grapheme_boundaries(text));
}

std::vector<LineRange> break_lines(std::string_view text, const MeasureRange& measure,
                                   float max_width) {
  // A width computed as "text + padding - padding" must still hold the text; no width (a list
  // nested off the screen, NaN) holds one cluster a line.
  max_width = max_width > 0 ? max_width + 0.01f : 0.01f;
  std::vector<LineRange> lines;
  std::vector<size_t> clusters = grapheme_boundaries(text);
  std::vector<BreakKind> breaks = opportunities(text, clusters);
  // Whether the clusters in [begin, end) are all spaces (or line ends, when `line_ends`): a
  // space that carries a combining mark is a character, not a space.
  auto blank = [&](size_t begin, size_t end, bool line_ends) {
    for (size_t p = begin; p < end;) {
      char32_t c = next_code_point(text, p);
      if (!is_breaking_space(c) && !(line_ends && is_line_end(c))) return false;
    }
    return true;
  };
  auto skip_spaces = [&](size_t p) {
    while (p < text.size()) {
      size_t next = *std::upper_bound(clusters.begin(), clusters.end(), p);
      if (!blank(p, next, false)) break;
      p = next;
    }
    return p;
  };
  // A line's end loses its spaces and its line end (LF, CRLF, U+2028, ...).
  auto trim_end = [&](size_t begin, size_t end) {
    while (end > begin) {
      size_t at = std::max(begin, cluster_start(clusters, end - 1));
      if (!blank(at, end, true)) break;
      end = at;
    }
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

  size_t start = skip_spaces(0);  // the current line
  size_t pos = start;             // end of what the line holds so far
  float width = 0;                // its width, words and the spaces after them
  for (size_t c = 0; c < candidates.size();) {
    size_t p = candidates[c];
    if (p <= pos) {
      ++c;
      continue;
    }
    size_t end = trim_end(pos, p);
    float word = end > pos ? measure(pos, end) : 0;
    bool mandatory = breaks.size() >= p && breaks[p - 1] == BreakKind::Mandatory;
    if (end == pos || width + word <= max_width) {  // spaces alone always fit
      width += word + (p > end ? measure(end, p) : 0);
      pos = p;
      if (mandatory || p == text.size()) {
        if (trim_end(start, p) > start || mandatory) emit(start, p);
        pos = start = skip_spaces(p);
        width = 0;
      }
      ++c;
      continue;
    }
    if (pos > start) {
      emit(start, pos);
      pos = start = skip_spaces(pos);
      width = 0;
      continue;  // re-try the same candidate on the new line
    }
    // One word wider than the line: cut it between grapheme clusters, as much as fits, until
    // the rest fits. Each cut measures about one line of the word (doubling, then bisecting),
    // never the whole word: that made a 16 KB word of '[' take minutes.
    for (bool first = true; start < end; first = false) {
      // Cluster ends after `start`, up to `end`: cut[k] is the end of the (k+1)th cluster.
      auto from = std::upper_bound(clusters.begin(), clusters.end(), start);
      auto to = std::upper_bound(from, clusters.end(), end);
      size_t count = static_cast<size_t>(to - from);
      if (count == 0) {  // no cluster ends inside: the rest goes whole
        emit(start, end);
        pos = start = end;
        break;
      }
      auto cut_at = [&](size_t k) { return *(from + static_cast<long>(k) - 1); };  // k >= 1
      size_t lo = 1, hi = 1;
      for (size_t probe = 1;; probe *= 2) {
        if (probe > count) {
          hi = count;
          break;
        }
        if (measure(start, cut_at(probe)) > max_width) {
          hi = probe - 1;
          break;
        }
        lo = probe;
      }
      hi = std::max(hi, lo);
      while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (measure(start, cut_at(mid)) <= max_width)
          lo = mid;
        else
          hi = mid - 1;
      }
      if (!first && lo == count) break;  // the rest fits
      // Even inside a cut word, closing punctuation never starts a line, opening never ends one.
      auto bad_cut = [&](size_t k) {
        if (k >= count) return false;
        size_t at = cut_at(k);
        char32_t prev = code_point_before(text, start, at);
        return is_closing(next_code_point(text, at)) || is_opening(prev);
      };
      size_t fit = lo;
      while (lo > 1 && bad_cut(lo)) --lo;
      // A run of brackets has no good cut at all: fill the line, not one character per line.
      if (bad_cut(lo)) lo = fit;
      size_t cut = cut_at(lo);
      emit(start, cut);
      pos = start = cut;
    }
    pos = start = skip_spaces(start);  // a word cut to its end leaves the spaces after it
    width = 0;
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
