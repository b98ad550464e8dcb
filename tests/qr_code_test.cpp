// QR codes in a deck: the two ways to write one, their captions, and the diagnostics for one
// with nothing or too much to encode. The encoding itself is libqrencode's.
#include "core/layout/qr_code.h"

#include <doctest/doctest.h>

#include "core/deck/deck_parser.h"

using namespace boothdeck;

namespace {

ParseResult parse(std::string_view markdown) {
  return parse_deck(markdown, {"t.md", {}, false});
}

bool has_code(const ParseResult& r, Code code, int line) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code && d.line == line) return true;
  return false;
}

}  // namespace

TEST_CASE("a QR code is a ```qr block or an image whose alt text is qr") {
  struct Row {
    const char* kind;
    std::string_view markdown;
    std::string data, caption;
  };
  const Row rows[] = {
      {"block", "```qr\nhttps://example.com/demo\n```\n", "https://example.com/demo", ""},
      {"block with a caption",
       "```qr 스캔하고 신청하세요\n  https://example.com/a?b=1&c=2  \n```\n",
       "https://example.com/a?b=1&c=2", "스캔하고 신청하세요"},
      {"block, any text", "```QR\nWIFI:S:booth;T:WPA;P:secret;;\n```\n",
       "WIFI:S:booth;T:WPA;P:secret;;", ""},
      {"image", "![qr](https://example.com/brochure)\n", "https://example.com/brochure", ""},
      {"image with a title", "![QR](https://example.com/x \"Scan me\")\n", "https://example.com/x",
       "Scan me"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.kind);
    ParseResult r = parse(row.markdown);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.deck.slides.size() == 1);
    REQUIRE(r.deck.slides[0].blocks.size() == 1);
    const Block& block = r.deck.slides[0].blocks[0];
    CHECK(block.kind == BlockKind::Qr);
    CHECK(block.qr.data == row.data);
    CHECK(block.qr.caption == row.caption);
    CHECK(block.line == 1);
  }
}

TEST_CASE("a QR code beside text and images keeps its place in the slide") {
  ParseResult r = parse("## 데모\n\n![qr](https://example.com/demo)\n\n끝\n");
  REQUIRE(r.ok());
  const auto& blocks = r.deck.slides.at(0).blocks;
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].kind == BlockKind::Heading);
  CHECK(blocks[1].kind == BlockKind::Qr);
  CHECK(blocks[2].kind == BlockKind::Paragraph);
}

TEST_CASE("a QR code with nothing, or too much, to encode: an error, and its text is kept") {
  ParseResult empty = parse("# 제목\n\n```qr\n\n```\n");
  CHECK(has_code(empty, Code::QrEmpty, 3));
  CHECK(empty.deck.slides.at(0).blocks.size() == 1);

  std::string url = "https://example.com/" + std::string(kQrMaxBytes, 'a');
  ParseResult long_url = parse("# 제목\n\n```qr 안내\n" + url + "\n```\n");
  CHECK(has_code(long_url, Code::QrTooLong, 4));
  const auto& blocks = long_url.deck.slides.at(0).blocks;
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[1].kind == BlockKind::Paragraph);
  CHECK(plain_text(blocks[1].text) == "안내 " + url);
}

TEST_CASE("encode_qr: level M, the smallest version, never above version 10") {
  // Data, the version ISO/IEC 18004 gives it at level M (byte mode, libqrencode's choice).
  const std::pair<std::string, int> rows[] = {
      {"https://example.com", 2},
      {"https://example.com/demo?booth=B12&lang=ko", 3},
      {std::string(kQrMaxBytes, 'a'), 10},
  };
  for (const auto& [data, version] : rows) {
    CAPTURE(data);
    std::optional<QrMatrix> m = encode_qr(data);
    REQUIRE(m);
    CHECK(m->version == version);
    CHECK(m->side == 17 + 4 * version);
    CHECK(m->module.size() == static_cast<size_t>(m->side * m->side));
    // The three finder patterns: a dark 7x7 ring at three corners.
    for (auto [x0, y0] : {std::pair{0, 0}, {m->side - 7, 0}, {0, m->side - 7}}) {
      CHECK(m->dark(x0, y0));
      CHECK(m->dark(x0 + 6, y0 + 6));
      CHECK_FALSE(m->dark(x0 + 1, y0 + 1));
      CHECK(m->dark(x0 + 3, y0 + 3));
    }
  }
  CHECK_FALSE(encode_qr(""));
  CHECK_FALSE(encode_qr(std::string(kQrMaxBytes + 1, 'a')));
}
