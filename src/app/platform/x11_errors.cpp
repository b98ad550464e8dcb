// The handler is process-wide (Xlib has one for every connection); it is set once.
#include "app/platform/x11_errors.h"

#include <X11/Xlib.h>
#include <X11/Xproto.h>

namespace boothdeck {

namespace {

XErrorHandler default_handler = nullptr;

int handle_x11_error(Display* display, XErrorEvent* error) {
  if (is_vanished_target_error(error->error_code, error->request_code)) return 0;
  return default_handler ? default_handler(display, error) : 0;
}

}  // namespace

bool is_vanished_target_error(int error_code, int request_code) {
  return error_code == BadWindow && request_code == X_SendEvent;
}

void install_x11_error_handler() {
  if (default_handler) return;
  default_handler = XSetErrorHandler(handle_x11_error);
}

}  // namespace boothdeck
