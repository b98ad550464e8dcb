// Parsing of benchmark bars. Every bad line is reported and skipped; the rest still draws.
#include "core/deck/bars_block.h"

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
      out.warning(line, 1, "bad-option",
                  "bars option " + excerpt(key) + " has no value; write it as key=value");
      continue;
    }
    ++pos;  // '='
    std::string value;
    if (pos < info.size() && info[pos] == '"') {
      size_t close = info.find('"', pos + 1);
      if (close == std::string_view::npos) {
        out.error(line, 1, "bad-option", "bars option " + excerpt(key) + " has an unclosed quote");
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

bool parse_bar_value(std::string_view text, double* value, std::string* unit) {
  text = trim(text);
  size_t end = 0;
  while (end < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
          text[end] == '-' || text[end] == '+' || text[end] == 'e' || text[end] == 'E'))
    ++end;
  // Keep 'e' only when it is part of an exponent, so "5em" is not "5e" + "m".
  while (end > 0 && (text[end - 1] == 'e' || text[end - 1] == 'E')) --end;
  if (end == 0 || !parse_number(text.substr(0, end), value)) return false;
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
  for (auto& [key, value] : parse_options(info, fence_line, out)) {
    if (key == "title") {
      chart.title = value;
    } else if (key == "unit") {
      chart.unit = (value == "x" || value == "X") ? "\xC3\x97" : value;
    } else if (key == "max") {
      double max;
      if (parse_number(value, &max) && max > 0 && max < kLargestValue)
        chart.max = max;
      else
        out.error(fence_line, 1, "bad-value",
                  "bars 'max' must be a number above 0, not " + excerpt(value));
    } else {
      std::string suggestion = did_you_mean(key, {"title", "unit", "max"});
      out.warning(fence_line, 1, "unknown-key",
                  "unknown bars option " + excerpt(key) +
                      (suggestion.empty() ? "; known: title, unit, max"
                                          : " (did you mean '" + suggestion + "'?)"));
    }
  }

  int line = first_line;
  size_t pos = 0;
  std::string first_unit;
  bool mixed_reported = false;
  while (pos <= body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line_text = body.substr(pos, end - pos);
    std::string_view raw = trim(line_text);
    int lead = static_cast<int>(line_text.find_first_not_of(" \t") == std::string_view::npos
                                    ? 0
                                    : line_text.find_first_not_of(" \t"));
    if (!raw.empty()) {
      Bar bar;
      if (raw.back() == '*') {
        bar.highlight = true;
        raw = trim(raw.substr(0, raw.size() - 1));
      }
      size_t colon = raw.rfind(':');
      std::string_view value_text =
          colon == std::string_view::npos ? "" : trim(raw.substr(colon + 1));
      // Column of the value itself, 1-based, for messages about it.
      int value_col = lead + 1 +
                      static_cast<int>(colon == std::string_view::npos
                                           ? 0
                                           : raw.find_first_not_of(" \t", colon + 1));
      bar.label =
          std::string(trim(raw.substr(0, colon == std::string_view::npos ? raw.size() : colon)));
      if (colon == std::string_view::npos || value_text.empty()) {
        out.error(
            line, 1, "bad-bar",
            "bar " + excerpt(raw) + " has no value; write it as 'label: value', e.g. 'Opus: 38%'");
      } else if (!parse_bar_value(value_text, &bar.value, &bar.unit)) {
        out.error(
            line, value_col, "bad-value",
            "bar value " + excerpt(value_text) + " is not a number; write e.g. 64%, 2x or 12.5");
      } else if (bar.value < 0) {
        out.error(line, value_col, "bad-value",
                  "bar value " + excerpt(value_text) + " is negative; bars grow from zero");
      } else if (bar.value > kLargestValue) {
        out.error(line, value_col, "bad-value",
                  "bar value " + excerpt(value_text) + " is too large to draw");
      } else {
        if (bar.unit.empty()) bar.unit = chart.unit;
        if (bar.label.empty()) out.warning(line, 1, "bad-bar", "bar without a label");
        if (first_unit.empty() && chart.bars.empty()) first_unit = bar.unit;
        if (bar.unit != first_unit && !mixed_reported) {
          out.warning(line, 1, "mixed-units",
                      "bars in one chart mix units '" + first_unit + "' and '" + bar.unit +
                          "'; lengths compare numbers only, so split the chart");
          mixed_reported = true;
        }
        if (chart.max && bar.value > *chart.max)
          out.warning(line, 1, "bar-over-max",
                      "bar value is above the chart's max; it is cut at max");
        chart.bars.push_back(std::move(bar));
      }
    }
    ++line;
    pos = end + 1;
  }
  if (chart.bars.empty())
    out.error(fence_line, 1, "empty-bars",
              "bars block has no valid bar; add lines like 'Opus: 38%'");
  if (chart.unit.empty()) chart.unit = first_unit;
  return chart;
}

}  // namespace boothdeck
