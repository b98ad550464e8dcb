// A small recursive reader of the TeX subset slides use; an unknown command keeps its name, so
// nothing is lost, only less pretty. A token is one code point, never one byte: `_é` and a `^`
// before Hangul keep their UTF-8 sequences whole, inside parentheses or not.
#include "core/deck/latex_text.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "core/deck/utf8.h"

namespace boothdeck {

namespace {

constexpr std::pair<std::string_view, std::string_view> kSymbols[] = {
    {"alpha", "α"},       {"beta", "β"},       {"gamma", "γ"},
    {"delta", "δ"},       {"epsilon", "ε"},    {"varepsilon", "ε"},
    {"zeta", "ζ"},        {"eta", "η"},        {"theta", "θ"},
    {"iota", "ι"},        {"kappa", "κ"},      {"lambda", "λ"},
    {"mu", "μ"},          {"nu", "ν"},         {"xi", "ξ"},
    {"pi", "π"},          {"rho", "ρ"},        {"sigma", "σ"},
    {"tau", "τ"},         {"upsilon", "υ"},    {"phi", "φ"},
    {"varphi", "φ"},      {"chi", "χ"},        {"psi", "ψ"},
    {"omega", "ω"},       {"Gamma", "Γ"},      {"Delta", "Δ"},
    {"Theta", "Θ"},       {"Lambda", "Λ"},     {"Xi", "Ξ"},
    {"Pi", "Π"},          {"Sigma", "Σ"},      {"Phi", "Φ"},
    {"Psi", "Ψ"},         {"Omega", "Ω"},      {"times", "×"},
    {"cdot", "·"},        {"div", "÷"},        {"pm", "±"},
    {"mp", "∓"},          {"leq", "≤"},        {"le", "≤"},
    {"geq", "≥"},         {"ge", "≥"},         {"neq", "≠"},
    {"ne", "≠"},          {"approx", "≈"},     {"equiv", "≡"},
    {"sim", "∼"},         {"propto", "∝"},     {"infty", "∞"},
    {"sum", "∑"},         {"prod", "∏"},       {"int", "∫"},
    {"oint", "∮"},        {"partial", "∂"},    {"nabla", "∇"},
    {"to", "→"},          {"rightarrow", "→"}, {"leftarrow", "←"},
    {"Rightarrow", "⇒"},  {"Leftarrow", "⇐"},  {"Leftrightarrow", "⇔"},
    {"iff", "⇔"},         {"mapsto", "↦"},     {"in", "∈"},
    {"notin", "∉"},       {"subset", "⊂"},     {"subseteq", "⊆"},
    {"cup", "∪"},         {"cap", "∩"},        {"forall", "∀"},
    {"exists", "∃"},      {"emptyset", "∅"},   {"ldots", "…"},
    {"dots", "…"},        {"cdots", "⋯"},      {"circ", "∘"},
    {"degree", "°"},      {"sqrt", "√"},       {"langle", "⟨"},
    {"rangle", "⟩"},      {"lvert", "|"},      {"rvert", "|"},
    {"vert", "|"},        {"mid", "|"},        {"neg", "¬"},
    {"land", "∧"},        {"lor", "∨"},        {"wedge", "∧"},
    {"vee", "∨"},         {"hbar", "ħ"},       {"ell", "ℓ"},
    {"prime", "′"},       {"{", "{"},          {"}", "}"},
    {"%", "%"},           {"$", "$"},          {"&", "&"},
    {"_", "_"},           {"#", "#"},          {"quad", "  "},
    {"qquad", "   "},     {",", " "},          {";", " "},
    {":", " "},           {"!", ""},           {" ", " "},
    {"\\", "; "},         {"left", ""},        {"right", ""},
    {"big", ""},          {"Big", ""},         {"bigg", ""},
    {"displaystyle", ""}, {"limits", ""},
};

// Commands whose one argument is shown as it is.
constexpr std::string_view kTextCommands[] = {
    "text",   "mathrm",   "mathbf",    "mathit",     "mathsf", "mathtt", "operatorname", "textbf",
    "textit", "mathcal",  "mathbb",    "boldsymbol", "bm",     "hat",    "bar",          "vec",
    "tilde",  "overline", "underline", "dot",        "ddot",   "widehat"};

constexpr std::pair<char, std::string_view> kSuperscripts[] = {
    {'0', "⁰"}, {'1', "¹"}, {'2', "²"}, {'3', "³"}, {'4', "⁴"}, {'5', "⁵"},
    {'6', "⁶"}, {'7', "⁷"}, {'8', "⁸"}, {'9', "⁹"}, {'+', "⁺"}, {'-', "⁻"},
    {'=', "⁼"}, {'(', "⁽"}, {')', "⁾"}, {'n', "ⁿ"}, {'i', "ⁱ"}, {'T', "ᵀ"}};
constexpr std::pair<char, std::string_view> kSubscripts[] = {
    {'0', "₀"}, {'1', "₁"}, {'2', "₂"}, {'3', "₃"}, {'4', "₄"}, {'5', "₅"}, {'6', "₆"}, {'7', "₇"},
    {'8', "₈"}, {'9', "₉"}, {'+', "₊"}, {'-', "₋"}, {'=', "₌"}, {'(', "₍"}, {')', "₎"}, {'a', "ₐ"},
    {'e', "ₑ"}, {'i', "ᵢ"}, {'j', "ⱼ"}, {'k', "ₖ"}, {'n', "ₙ"}, {'o', "ₒ"}, {'t', "ₜ"}, {'x', "ₓ"}};

// Bytes of the UTF-8 sequence at `pos` (1 for an invalid byte: it stays where it was).
size_t sequence_length(std::string_view s, size_t pos) {
  size_t end = pos;
  next_code_point(s, end);
  return std::max<size_t>(end - pos, 1);
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::string all() {
    std::string out;
    while (pos_ < s_.size()) out += item();
    return out;
  }

 private:
  // One group `{…}` or one token.
  std::string argument() {
    while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
    if (pos_ >= s_.size()) return "";
    return item();  // a group `{…}` or one token
  }

  std::string group() {
    ++pos_;  // '{'
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '}') out += item();
    if (pos_ < s_.size()) ++pos_;
    return out;
  }

  std::string script(const std::pair<char, std::string_view>* table, size_t n, char mark) {
    std::string arg = argument();
    std::string out;
    for (char c : arg) {
      std::string_view mapped;
      for (size_t i = 0; i < n; ++i)
        if (table[i].first == c) mapped = table[i].second;
      if (mapped.empty())
        return std::string(1, mark) + (count_code_points(arg) == 1 ? arg : "(" + arg + ")");
      out += mapped;
    }
    return out;
  }

  std::string command() {
    ++pos_;  // '\'
    size_t start = pos_;
    if (pos_ < s_.size() && !std::isalpha(static_cast<unsigned char>(s_[pos_]))) {
      pos_ += sequence_length(s_, pos_);
    } else {
      while (pos_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    std::string_view name = s_.substr(start, pos_ - start);
    if (name == "frac" || name == "dfrac" || name == "tfrac") {
      std::string a = argument(), b = argument();
      auto wrap = [](const std::string& x) {
        return x.find_first_of(" +-") == std::string::npos ? x : "(" + x + ")";
      };
      return wrap(a) + "/" + wrap(b);
    }
    // Environments (\begin{aligned} … \end{aligned}): their names are not text.
    if (name == "begin" || name == "end") {
      argument();
      return name == "end" ? "" : " ";
    }
    if (name == "sqrt") {
      std::string a = argument();
      return "√" + (count_code_points(a) <= 1 ? a : "(" + a + ")");
    }
    for (std::string_view t : kTextCommands)
      if (name == t) return argument();
    for (const auto& [command, text] : kSymbols)
      if (name == command) return std::string(text);
    return std::string(name);  // an unknown command keeps its name
  }

  // Hostile input nests without end ({{{{…, \frac\frac…): past a depth, text is taken as it is.
  std::string item() {
    struct Depth {
      int& d;
      explicit Depth(int& depth) : d(++depth) {}
      ~Depth() { --d; }
    } guard(depth_);
    char c = s_[pos_];
    auto token = [&] {
      size_t n = sequence_length(s_, pos_);
      pos_ += n;
      return std::string(s_.substr(pos_ - n, n));
    };
    if (depth_ > kMaxDepth) return token();
    switch (c) {
      case '\\':
        return command();
      case '{':
        return group();
      case '}':
        ++pos_;
        return "";
      case '^':
        ++pos_;
        return script(kSuperscripts, std::size(kSuperscripts), '^');
      case '_':
        ++pos_;
        return script(kSubscripts, std::size(kSubscripts), '_');
      case '&':
        ++pos_;
        return " ";
      case '~':
        ++pos_;
        return " ";
      default:
        return token();
    }
  }

  static constexpr int kMaxDepth = 64;
  std::string_view s_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

std::string latex_to_text(std::string_view latex) {
  std::string text = Reader(latex).all();
  // Collapse runs of spaces the commands left behind.
  std::string out;
  for (char c : text)
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace boothdeck
