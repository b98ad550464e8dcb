// A QR code's modules, encoded with libqrencode (ISO/IEC 18004). Plain data; no SDL.
//
//   std::optional<QrMatrix> m = encode_qr("https://example.com/demo");
//   if (m) for (int y = 0; y < m->side; ++y) for (int x = 0; x < m->side; ++x) m->dark(x, y);
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace boothdeck {

// The largest symbol boothdeck draws: version 10 (57×57 modules). A denser one needs modules
// smaller than a phone reads from 1.5 m on a 1080p booth screen (docs/deck-format.md, "QR codes").
constexpr int kQrMaxVersion = 10;
// What version 10 holds at error correction level M in byte mode (ISO/IEC 18004, table 7).
constexpr int kQrMaxBytes = 213;
// The light margin around the symbol, in modules, that the standard asks for (ISO/IEC 18004
// §6.3.8).
constexpr int kQrQuietZone = 4;

struct QrMatrix {
  int version = 0;
  int side = 0;                 // modules a side, without the quiet zone (17 + 4 × version)
  std::vector<uint8_t> module;  // side × side, row by row; 1 = dark
  bool dark(int x, int y) const { return module[static_cast<size_t>(y) * side + x] != 0; }
};

// Encodes `data` at error correction level M (15% of the symbol may be lost to glare), mixing
// numeric, alphanumeric and byte modes as libqrencode finds shortest. nullopt when `data` is
// empty or needs a symbol above kQrMaxVersion.
std::optional<QrMatrix> encode_qr(std::string_view data);

}  // namespace boothdeck
