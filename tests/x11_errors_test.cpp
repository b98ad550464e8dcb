// The X error the kiosk forgives, and only it. A file of its own, with Xlib's headers last:
// they define None, True and Status as macros, which other code uses as names.
#include <doctest/doctest.h>

#include "app/platform/x11_errors.h"
// clang-format off
#include <X11/Xlib.h>
#include <X11/Xproto.h>
// clang-format on

using namespace boothdeck;

TEST_CASE("X11: only a message whose target window vanished is forgiven (SDL 2.26's wakeup race)") {
  CHECK(is_vanished_target_error(BadWindow, X_SendEvent));
  CHECK_FALSE(is_vanished_target_error(BadWindow, X_GetWindowAttributes));  // a real mistake
  CHECK_FALSE(is_vanished_target_error(BadMatch, X_SendEvent));
  CHECK_FALSE(is_vanished_target_error(BadAlloc, X_CreateWindow));
}
