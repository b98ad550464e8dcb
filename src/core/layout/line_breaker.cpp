// Line breaking. ICU answers UAX #14 (no line starts with closing punctuation, none ends with
// opening punctuation, Latin words stay whole, emoji sequences and flags stay whole, and
// Japanese and Chinese break between ideographs with the strict kinsoku rules). On top:
// - keep-all, as CSS `word-break: keep-all`: in a text that has Hangul, no break between
//   letters of any CJK script (Hangul, Hanja, kana), only at spaces and punctuation;
// - a number stays with the word or symbol after it ("420 km", "1,290 달러", "Claude 3 Opus");
// - KLREQ: `·` `~` `—` and closing marks never start a line, even after a space;
// - e-mail addresses and URLs move whole; one longer than a line is cut where the Chicago
//   Manual of Style allows (after `:` or `//`, before `/` `.` `?` `&` `#` `@` `=`), never at
//   a hyphen it has.
// A break ICU allows inside a grapheme cluster (after a space that carries a combining mark) is
// dropped: UAX #29 has the last word on what a character is.
#include "core/layout/line_breaker.h"

#include <algorithm>
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

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

// KLREQ §3.1.7 marks that may not start a line, even after a space: middle dots, wave dashes,
// dashes, and closing quotes and brackets.
bool never_starts_line(char32_t c) {
  return is_closing(c) || std::u32string_view(
                              U"·・‧~～〜—–―»›"
                              U"〉》】〕〗〙〛°℃℉‰")
                                  .find(c) != std::u32string_view::npos;
}

// [begin, end) of every e-mail address and URL in `text`: a run without spaces that has "://",
// starts with "www.", or has letters, an '@' and a '.' after it.
std::vector<std::pair<size_t, size_t>> addresses(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t pos = 0; pos < text.size();) {
    size_t begin = text.find_first_not_of(" \t\n\r", pos);
    if (begin == std::string_view::npos) break;
    size_t end = std::min(text.find_first_of(" \t\n\r", begin), text.size());
    std::string_view word = text.substr(begin, end - begin);
    size_t at = word.find('@');
    bool url = word.find("://") != std::string_view::npos || word.substr(0, 4) == "www.";
    bool mail = at != std::string_view::npos && at > 0 &&
                word.find('.', at) != std::string_view::npos && word.find('.', at) > at + 1;
    if (url || mail) out.push_back({begin, end});
    pos = end;
  }
  return out;
}

// Where the Chicago Manual of Style (14.18) lets a URL or address too long for a line be cut:
// after a colon or a double slash, before a single slash, a period, ?, &, #, @, =. Offsets are
// where the second line starts.
bool chicago_cut(std::string_view text, size_t begin, size_t at) {
  if (at <= begin || at >= text.size()) return false;
  char before = text[at - 1], after = text[at];
  if (after == '/' && before == '/') return false;  // inside "//"
  if (before == '/' && at >= begin + 2 && text[at - 2] == '/') return true;
  if (before == ':' && after != '/') return true;
  if (after == '/') return at + 1 >= text.size() || text[at + 1] != '/';
  return std::string_view(".?&#@=").find(after) != std::string_view::npos && before != '-';
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

// The code points before cps[space] are a number standing alone: digits with '.' or ','
// between them ("2.4", "1,290"), after a space, a bracket, a sign or a currency symbol, or at
// the start; not the end of a word like "a?b=1" or "v2".
bool ends_number(const std::vector<CodePoint>& cps, size_t space) {
  size_t i = space;
  bool digit = false;
  while (i > 0 &&
         (is_digit(cps[i - 1].value) || cps[i - 1].value == '.' || cps[i - 1].value == ',')) {
    digit |= is_digit(cps[i - 1].value);
    --i;
  }
  if (!digit || !is_digit(cps[space - 1].value)) return false;
  if (i == 0) return true;
  char32_t c = cps[i - 1].value;
  return is_breaking_space(c) || is_line_end(c) || is_opening(c) ||
         std::u32string_view(U"+-$\u20AC\u20A9\u00A3\u00A5~").find(c) != std::u32string_view::npos;
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
  // A text with Hangul is Korean: keep-all holds for its Hanja and kana too.
  bool korean_text =
      std::any_of(cps.begin(), cps.end(), [](const CodePoint& c) { return is_hangul(c.value); });
  auto letter = [&](char32_t c) {
    return is_hangul(c) || (korean_text && is_cjk_ideograph_or_kana(c));
  };
  std::vector<std::pair<size_t, size_t>> links = addresses(text);
  auto inside_address = [&](size_t offset) {
    return std::any_of(links.begin(), links.end(), [&](const auto& link) {
      return offset > link.first && offset < link.second;
    });
  };
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
    if (!space && (letter(before.value) || letter(after.value) || (before.korean && after.korean)))
      continue;  // keep-all
    if (space && before.value == ' ' && ends_number(cps, cp) && !is_digit(after.value) &&
        !is_opening(after.value))
      continue;  // a number and its unit, currency word or model name
    if (space && never_starts_line(after.value)) continue;  // KLREQ, even after a space
    if (inside_address(b.offset)) continue;
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
  std::vector<std::pair<size_t, size_t>> links = addresses(text);
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
      // An address too long for a line is cut where the Chicago Manual allows, if it can be.
      for (const auto& [link_begin, link_end] : links)
        if (start >= link_begin && start < link_end && lo < count)
          for (size_t k = lo; k >= 1; --k)
            if (chicago_cut(text, link_begin, cut_at(k))) {
              lo = k;
              break;
            }
      size_t cut = cut_at(lo);
      emit(start, cut);
      pos = start = cut;
    }
    pos = start = skip_spaces(start);  // a word cut to its end leaves the spaces after it
    width = 0;
  }
  return lines;
}

namespace {

// The code point before `end`, spaces skipped (from `begin` on); 0 when there is none.
char32_t last_mark(std::string_view text, size_t begin, size_t end) {
  while (end > begin && text[end - 1] == ' ') --end;
  return end > begin ? code_point_before(text, begin, end) : 0;
}

// A balanced two-line break moved to just after a ',' '·' or '—' when both lines stay within
// 15% of the balanced longer line: the break then falls where the reader pauses.
void prefer_pause(std::string_view text, const MeasureRange& measure, float max_width,
                  std::vector<LineRange>& lines) {
  if (lines.size() != 2) return;
  float longest = std::max(lines[0].width, lines[1].width);
  std::vector<BreakKind> breaks = break_opportunities(text);
  size_t begin = lines[0].begin, end = lines[1].end;
  float best = 1e30f;
  for (size_t i = begin; i + 1 < end; ++i) {
    if (breaks[i] != BreakKind::Allowed) continue;
    char32_t mark = last_mark(text, begin, i + 1);
    if (mark != ',' && mark != 0x00B7 && mark != 0x2014 && mark != 0xFF0C) continue;
    size_t first_end = i + 1, second = i + 1;
    while (first_end > begin && text[first_end - 1] == ' ') --first_end;
    while (second < end && text[second] == ' ') ++second;
    float w1 = measure(begin, first_end), w2 = measure(second, end);
    float worst = std::max(w1, w2);
    if (worst > max_width + 0.01f || worst > 1.15f * longest || worst >= best) continue;
    best = worst;
    lines = {{begin, first_end, w1}, {second, end, w2}};
  }
}

// The last line holds one word (어절): no break opportunity inside it.
bool lone_last_word(std::string_view text, const std::vector<LineRange>& lines) {
  if (lines.size() < 2) return false;
  const LineRange& last = lines.back();
  std::vector<BreakKind> breaks =
      break_opportunities(text.substr(last.begin, last.end - last.begin));
  return std::none_of(breaks.begin(), breaks.end(),
                      [](BreakKind k) { return k != BreakKind::None; });
}

}  // namespace

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
  prefer_pause(text, measure, max_width, best);
  return best;
}

std::vector<LineRange> break_lines_even_end(std::string_view text, const MeasureRange& measure,
                                            float max_width) {
  std::vector<LineRange> lines = break_lines(text, measure, max_width);
  if (!lone_last_word(text, lines)) return lines;
  // The line before gives its last word to the lone one, when both still fit.
  LineRange& before = lines[lines.size() - 2];
  LineRange& last = lines.back();
  if (before.end <= before.begin ||
      text.substr(before.end, last.begin - before.end).find_first_of("\n\r") !=
          std::string_view::npos)
    return lines;  // a line end, not a wrap, separates them
  std::vector<BreakKind> breaks =
      break_opportunities(text.substr(before.begin, before.end - before.begin));
  for (size_t i = breaks.size(); i-- > 1;) {
    if (breaks[i - 1] != BreakKind::Allowed) continue;
    size_t cut = before.begin + i, first_end = cut;
    while (first_end > before.begin && text[first_end - 1] == ' ') --first_end;
    while (cut < before.end && text[cut] == ' ') ++cut;
    if (first_end <= before.begin) break;
    float moved = measure(cut, last.end);
    if (moved > max_width + 0.01f) break;
    last = {cut, last.end, moved};
    before = {before.begin, first_end, measure(before.begin, first_end)};
    break;
  }
  return lines;
}

}  // namespace boothdeck
