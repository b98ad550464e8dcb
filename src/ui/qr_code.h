// A QR code as a square of modules (libqrencode), for the operator panel's pairing view. No SDL,
// no ImGui: the panel draws the dark runs as rectangles.
//
//   QrCode code = qr_encode("http://192.168.1.20:8080/pair?token=…");
//   for (int y = 0; y < code.size; ++y) ... code.dark(x, y) ...
#pragma once

#include <string>
#include <vector>

namespace boothdeck {

struct QrCode {
  int size = 0;  // modules a side (21 for version 1, 4 more for each version); 0: not encoded
  std::vector<bool> modules;  // row by row, true = dark
  bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x]; }
};

// Error correction level M (15 %: a scuffed or glaring screen still scans), 8-bit mode.
QrCode qr_encode(const std::string& text);

}  // namespace boothdeck
