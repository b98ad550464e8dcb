// Parsing of benchmark bars. Every bad line is reported and skipped; the rest still draws.
// Options may be written on the fence line (`title="…" max=100`) or as lines of the body
// (`max: 100`), the way people write them when they do not know the first form.
#include "core/deck/bars_block.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "core/deck/settings.h"

namespace boothdeck {

namespace {

constexpr double kLargestValue = 1e15;  // beyond this a bar label is unreadable anyway

// Splits `key=value key2="a b"` into pairs; reports stray words.
std::vector<std::pair<std::string, std::string>> parse_options(std::string_view info, int line,
                                                               DiagnosticList& out) {
  std::vector<std::pair<std::string, std::string>> options;
  size_t pos = 0;
  while (pos < info.size()) {
    while (pos < info.size() && info[pos] == ' ') ++pos;
    if (pos >= info.size()) break;
    size_t start = pos;
    while (pos < info.size() && info[pos] != '=' && info[pos] != ' ') ++pos;
    std::string key(info.substr(start, pos - start));
    if (pos >= info.size() || info[pos] != '=') {
      out.add(Code::BadOption, line, 1,
              "bars option " + excerpt(key) + " has no value; write it as key=value");
      continue;
    }
    ++pos;  // '='
    std::string value;
    if (pos < info.size() && info[pos] == '"') {
      size_t close = info.find('"', pos + 1);
      if (close == std::string_view::npos) {
        out.add(
            Code::BadOption, line, 1,
            "bars option " + excerpt(key) + " has an unclosed quote; read to the end of the line");
        close = info.size();
      }
      value = std::string(info.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    } else {
      size_t end = info.find(' ', pos);
      if (end == std::string_view::npos) end = info.size();
      value = std::string(info.substr(pos, end - pos));
      pos = end;
    }
    options.emplace_back(key, value);
  }
  return options;
}

}  // namespace

// "1,250" and "12,500.5": commas between groups of three digits. "1,5" is not one.
static bool drop_thousands_separators(std::string_view number, std::string* out) {
  size_t dot = number.find('.');
  std::string_view whole = number.substr(0, dot);
  size_t sign = !whole.empty() && (whole[0] == '-' || whole[0] == '+') ? 1 : 0;
  size_t first = whole.find(',');
  if (first == std::string_view::npos || first == sign || first - sign > 3) return false;
  for (size_t at = first; at < whole.size(); at += 4)
    if (whole[at] != ',' || at + 4 > whole.size() ||
        !std::all_of(whole.begin() + at + 1, whole.begin() + at + 4,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      return false;
  out->clear();
  for (char c : number)
    if (c != ',') *out += c;
  return true;
}

bool parse_bar_value(std::string_view text, double* value, std::string* unit) {
  text = trim(text);
  size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                               text[end] == '.' || text[end] == '-' || text[end] == '+' ||
                               text[end] == 'e' || text[end] == 'E' || text[end] == ','))
    ++end;
  // Keep 'e' only when it is part of an exponent, so "5em" is not "5e" + "m".
  while (end > 0 && (text[end - 1] == 'e' || text[end - 1] == 'E' || text[end - 1] == ',')) --end;
  std::string number(text.substr(0, end));
  if (number.find(',') != std::string::npos &&
      !drop_thousands_separators(text.substr(0, end), &number))
    return false;
  if (end == 0 || !parse_number(number, value)) return false;
  std::string_view rest = trim(text.substr(end));
  if (rest == "x" || rest == "X" || rest == "\xC3\x97")
    *unit = "\xC3\x97";  // ×
  else
    *unit = std::string(rest);
  return true;
}

BarChart parse_bars_block(std::string_view info, std::string_view body, int fence_line,
                          int first_line, DiagnosticList& out) {
  BarChart chart;
  auto option = [&](const std::string& key, const std::string& value, int line, int col) {
    if (key == "title") {
      chart.title = value;
    } else if (key == "unit") {
      chart.unit = (value == "x" || value == "X") ? "\xC3\x97" : value;
    } else if (key == "max") {
      double max;
      std::string number;
      if (!drop_thousands_separators(value, &number)) number = value;
      if (parse_number(number, &max) && max > 0 && max < kLargestValue)
        chart.max = max;
      else
        out.add(Code::BadOption, line, col,
                "bars 'max' must be a number above 0, not " + excerpt(value) +
                    "; the longest bar fills the axis");
    } else {
      std::string suggestion = did_you_mean(key, {"title", "unit", "max"});
      out.add(Code::UnknownKey, line, col,
              "unknown bars option " + excerpt(key) +
                  (suggestion.empty() ? "; known: title, unit, max"
                                      : " (did you mean '" + suggestion + "'?)"));
    }
  };
  for (auto& [key, value] : parse_options(info, fence_line, out)) option(key, value, fence_line, 1);

  // The body's lines: options written as `max: 100` first, so bars above them get them too.
  struct Line {
    int number;
    int lead;  // characters before the text
    std::string_view text;
  };
  std::vector<Line> bar_lines;
  int line = first_line;
  for (size_t pos = 0; pos <= body.size(); ++line) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line_text = body.substr(pos, end - pos);
    pos = end + 1;
    std::string_view raw = trim(line_text);
    if (raw.empty()) continue;
    int lead = static_cast<int>(line_text.find_first_not_of(" \t"));
    size_t colon = raw.find(':');
    std::string_view key = colon == std::string_view::npos ? "" : trim(raw.substr(0, colon));
    if (key == "title" || key == "unit" || key == "max") {
      std::string_view value = trim(raw.substr(colon + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      int col = lead + 1 + static_cast<int>(raw.find_first_not_of(" \t", colon + 1));
      option(std::string(key), std::string(value), line, col);
      continue;
    }
    bar_lines.push_back({line, lead, raw});
  }

  std::string first_unit;
  bool mixed_reported = false;
  for (const Line& l : bar_lines) {
    std::string_view raw = l.text;
    Bar bar;
    if (raw.back() == '*') {
      bar.highlight = true;
      raw = trim(raw.substr(0, raw.size() - 1));
    }
    size_t colon = raw.rfind(':');
    std::string_view value_text =
        colon == std::string_view::npos ? "" : trim(raw.substr(colon + 1));
    // Column of the value itself, 1-based, for messages about it.
    int value_col =
        l.lead + 1 +
        static_cast<int>(colon == std::string_view::npos ? 0
                                                         : raw.find_first_not_of(" \t", colon + 1));
    bar.label =
        std::string(trim(raw.substr(0, colon == std::string_view::npos ? raw.size() : colon)));
    if (colon == std::string_view::npos || value_text.empty()) {
      out.add(
          Code::BadBar, l.number, l.lead + 1,
          "bar " + excerpt(raw) + " has no value; write it as 'label: value', e.g. 'Opus: 38%'");
    } else if (!parse_bar_value(value_text, &bar.value, &bar.unit)) {
      bool comma = value_text.find(',') != std::string_view::npos;
      out.add(Code::BadBar, l.number, value_col,
              "bar value " + excerpt(value_text) + " is not a number; write e.g. 64%, 2x, 12.5" +
                  (comma ? " or 1,250 (a comma only between groups of three digits)" : ""));
    } else if (bar.value < 0) {
      out.add(Code::BadBar, l.number, value_col,
              "bar value " + excerpt(value_text) + " is negative; bars grow from zero");
    } else if (bar.value > kLargestValue) {
      out.add(Code::BadBar, l.number, value_col,
              "bar value " + excerpt(value_text) + " is too large to draw");
    } else {
      if (bar.unit.empty()) bar.unit = chart.unit;
      if (bar.label.empty())
        out.add(Code::BarWithoutLabel, l.number, l.lead + 1, "bar without a label");
      if (first_unit.empty() && chart.bars.empty()) first_unit = bar.unit;
      if (bar.unit != first_unit && !mixed_reported) {
        out.add(Code::MixedUnits, l.number, value_col,
                "bars in one chart mix units '" + first_unit + "' and '" + bar.unit +
                    "'; lengths compare numbers only, so split the chart");
        mixed_reported = true;
      }
      if (chart.max && bar.value > *chart.max)
        out.add(Code::BarOverMax, l.number, value_col,
                "bar value is above the chart's max; it is cut at max");
      chart.bars.push_back(std::move(bar));
    }
  }
  if (chart.bars.empty())
    out.add(Code::EmptyBars, fence_line, 1,
            "bars block has no valid bar; add lines like 'Opus: 38%'");
  if (chart.unit.empty()) chart.unit = first_unit;
  return chart;
}

}  // namespace boothdeck
