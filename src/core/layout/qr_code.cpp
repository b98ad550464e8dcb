// libqrencode does the encoding (Reed-Solomon, masking, version choice): a well-kept Debian
// library beats our own version of a long standard. This file only copies its modules out.
#include "core/layout/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace boothdeck {

std::optional<QrMatrix> encode_qr(std::string_view data) {
  if (data.empty() || data.size() > 4096) return std::nullopt;
  std::string text(data);
  if (text.find('\0') != std::string::npos) return std::nullopt;
  // Case-sensitive: a URL's path is; libqrencode then uses byte mode where letters are lower.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code || code->version > kQrMaxVersion) return std::nullopt;
  QrMatrix m;
  m.version = code->version;
  m.side = code->width;
  m.module.resize(static_cast<size_t>(m.side) * m.side);
  for (size_t i = 0; i < m.module.size(); ++i) m.module[i] = code->data[i] & 1;  // bit 0: dark
  return m;
}

}  // namespace boothdeck
