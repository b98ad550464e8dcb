// libqrencode's matrix has one byte a module; its lowest bit is the colour.
#include "ui/qr_code.h"

#include <qrencode.h>

namespace boothdeck {

QrCode qr_encode(const std::string& text) {
  QrCode out;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return out;
  out.size = code->width;
  out.modules.resize(static_cast<size_t>(code->width) * code->width);
  for (size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = code->data[i] & 1;
  QRcode_free(code);
  return out;
}

}  // namespace boothdeck
