// Every diagnostic code boothdeck gives, as rows of one table: code, severity, one-line help.
// The parser, --check, docs/deck-format.md (checked by a test) and the tests all read it.
// Depends on nothing; adding a row is the only way to add a code (sokol's log-item X-macro).
//
//   out.add(Code::MissingImage, line, col, "image 'a.png' does not exist; ...");
//   code_info(Code::MissingImage).name == "missing-image"
#pragma once

#include <span>
#include <string_view>

namespace boothdeck {

enum class Severity { Warning, Error };

// An error leaves a hole on screen (a missing image, a lost slide, garbled text) and makes
// --check exit 2; a warning says what boothdeck does instead of what was asked.
#define BOOTHDECK_DIAGNOSTIC_CODES(X)                                                              \
  /* the file as a whole */                                                                        \
  X(Unreadable, "unreadable", Error, "the deck cannot be read; check the path and permissions")    \
  X(BinaryFile, "binary-file", Error, "not a text file; give a Markdown (.md) or PDF deck")        \
  X(InvalidUtf8, "invalid-utf8", Error, "bytes that are not UTF-8; save the file as UTF-8")        \
  X(EmptyDeck, "empty-deck", Error, "nothing to show; write Markdown with '---' between slides")   \
  X(PdfEncrypted, "pdf-encrypted", Error, "the PDF needs a password; export it without one")       \
  X(PdfUnreadable, "pdf-unreadable", Error, "the PDF is damaged or not a PDF; export it again")    \
  /* structure */                                                                                  \
  X(UnclosedFrontMatter, "unclosed-front-matter", Error,                                           \
    "front matter has no closing '---'; add one after the settings")                               \
  X(UnclosedFence, "unclosed-fence", Error, "a code block is never closed; add the closing ```")   \
  X(UnclosedComment, "unclosed-comment", Error, "an HTML comment is never closed; add '-->'")      \
  X(EmptySlide, "empty-slide", Warning, "a slide with nothing to show is skipped")                 \
  X(BadFrontMatter, "bad-front-matter", Warning,                                                   \
    "front matter that is not valid YAML; each 'key: value' line is read as it is written")        \
  /* settings and directives */                                                                    \
  X(UnknownKey, "unknown-key", Warning, "a setting boothdeck does not know is ignored")            \
  X(BadValue, "bad-value", Warning, "a setting's value is not valid; the default is used")         \
  X(UnsupportedKey, "unsupported-key", Warning,                                                    \
    "another tool's setting boothdeck cannot honour; the message says what it does instead")       \
  X(UnknownTheme, "unknown-theme", Warning,                                                        \
    "a theme boothdeck does not have; dark or light is used")                                      \
  X(UnknownDialect, "unknown-dialect", Warning,                                                    \
    "'dialect' names no tool boothdeck reads; the dialect is detected from the file")              \
  X(BuildSteps, "build-steps", Warning,                                                            \
    "incremental builds (fragments, clicks, '--') are shown complete, on one slide")               \
  /* content */                                                                                    \
  X(RawHtml, "raw-html", Warning,                                                                  \
    "HTML is not laid out: its text is shown, <img> is an image, <div>s may be columns")           \
  X(HtmlLayout, "html-layout", Warning,                                                            \
    "an HTML layout that is not two or more columns; its content is shown in one column")          \
  X(MathAsText, "math-as-text", Warning, "math is shown as readable text, not typeset")            \
  X(DiagramAsCode, "diagram-as-code", Warning,                                                     \
    "a diagram (mermaid, PlantUML, Graphviz) is shown as its source; export it as an image")       \
  /* images */                                                                                     \
  X(MissingImage, "missing-image", Error,                                                          \
    "the image file does not exist (paths are relative to the deck)")                              \
  X(RemoteImage, "remote-image", Error, "a URL; copy the image next to the deck")                  \
  X(ImageOutsideDeck, "image-outside-deck", Error, "images must be inside the deck's folder")      \
  X(UnreadableImage, "unreadable-image", Error, "the image cannot be read or decoded")             \
  X(PdfPageMissing, "pdf-page-missing", Error, "the PDF has no such page")                         \
  X(ImagePathSpace, "image-path-space", Warning,                                                   \
    "a space in an image path; write <my image.png> or my%20image.png")                            \
  X(ImageQuery, "image-query", Warning, "a '?query' on an image path is ignored")                  \
  X(ImageOption, "image-option", Warning, "an image keyword boothdeck does not honour is ignored") \
  /* bars */                                                                                       \
  X(BadBar, "bad-bar", Error, "a bar without a valid value is not drawn; write 'label: 64%'")      \
  X(BarWithoutLabel, "bar-without-label", Warning, "a bar has a value but no label")               \
  X(EmptyBars, "empty-bars", Error, "a bars block with no valid bar draws nothing")                \
  X(BadOption, "bad-option", Warning, "a bars option that cannot be read is ignored")              \
  X(MixedUnits, "mixed-units", Warning, "bars of one chart compare numbers only; split the chart") \
  X(BarOverMax, "bar-over-max", Warning, "a bar above the chart's max is cut at max")              \
  /* QR codes */                                                                                  \
  X(QrEmpty, "qr-empty", Error, "a QR code with nothing to encode is not drawn; write the URL")    \
  X(QrTooLong, "qr-too-long", Error,                                                               \
    "more than a QR code a phone reads from 1.5 m holds; shorten the URL (text is shown instead)")  \
  /* the configuration file (boothdeck.toml): a mistake there stops the kiosk from starting */  \
  X(TomlSyntax, "toml-syntax", Error, "the configuration file is not valid TOML (see toml.io)")   \
  X(ConfigUnknownKey, "config-unknown-key", Error,                                                \
    "a key the configuration file does not have; check its spelling and section")               \
  X(ConfigBadType, "config-bad-type", Error,                                                      \
    "a configuration value of the wrong type (text, number, true/false)")                       \
  X(ConfigBadValue, "config-bad-value", Error, "a configuration value that is not valid")        \
  X(ConfigNotSupported, "config-not-supported", Warning,                                          \
    "a configuration value boothdeck accepts but cannot honour here; the message says why")     \
  /* found by laying the deck out with the real fonts (--check) */                                 \
  X(MissingGlyph, "missing-glyph", Warning,                                                        \
    "no installed font has this character; it shows as a box")                                     \
  X(MissingFont, "missing-font", Warning, "a font named by the deck or fonts/ is not installed")   \
  X(TableTooWide, "table-too-wide", Warning, "a table too wide to keep its words whole")           \
  X(SmallText, "small-text", Warning,                                                              \
    "a slide fits only with text too small to read from 3 m; split it into two slides")            \
  X(ContentOverflow, "content-overflow", Warning,                                                  \
    "a slide does not fit even at the smallest size; what falls off is not drawn")

enum class Code {
#define BOOTHDECK_CODE_ENUM(id, name, severity, help) id,
  BOOTHDECK_DIAGNOSTIC_CODES(BOOTHDECK_CODE_ENUM)
#undef BOOTHDECK_CODE_ENUM
};

struct CodeInfo {
  Code code;
  std::string_view name;  // stable, printed in [brackets]; tests and scripts match it
  Severity severity;
  std::string_view help;  // one line: what it means and what boothdeck does
};

const CodeInfo& code_info(Code code);
std::span<const CodeInfo> all_codes();

}  // namespace boothdeck
