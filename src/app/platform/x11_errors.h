// Xlib's error handler for the kiosk's X11 connections. SDL 2.26 wakes a waiting
// SDL_WaitEventTimeout with an XSendEvent to its window on a second connection; when the window
// is destroyed at that moment (the show quits while an event is pushed), the X server answers
// BadWindow, and Xlib's default handler ends the process with exit code 1 at SDL_Quit, after a
// clean quit. SDL 2.28 closed the race (libsdl-org/SDL#7550). The handler here drops exactly
// that error, BadWindow for X_SendEvent (the target of a message vanished: nothing to repair),
// and hands every other error to Xlib's default handler.
//
//   install_x11_error_handler();   // before SDL_Init(SDL_INIT_VIDEO): SDL keeps the handler
//                                  // it finds and puts it back when it closes its displays
#pragma once

namespace boothdeck {

// An X error that only says a message's target window is gone (BadWindow for X_SendEvent).
bool is_vanished_target_error(int error_code, int request_code);

void install_x11_error_handler();

}  // namespace boothdeck
