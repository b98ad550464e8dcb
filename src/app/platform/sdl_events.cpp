// Translation of keys, mouse buttons and fingers. The mouse is pointer -1; SDL's synthesized
// touch-mouse events are dropped, since the fingers themselves arrive as touch events.
#include "app/platform/sdl_events.h"

namespace boothdeck {

namespace {

Key key_of(SDL_Keycode code, int* digit) {
  if (code >= SDLK_0 && code <= SDLK_9) {
    *digit = code - SDLK_0;
    return Key::Digit;
  }
  if (code >= SDLK_KP_1 && code <= SDLK_KP_9) {
    *digit = code - SDLK_KP_1 + 1;
    return Key::Digit;
  }
  switch (code) {
    case SDLK_KP_0:
      *digit = 0;
      return Key::Digit;
    case SDLK_RIGHT:
      return Key::Right;
    case SDLK_LEFT:
      return Key::Left;
    case SDLK_UP:
      return Key::Up;
    case SDLK_DOWN:
      return Key::Down;
    case SDLK_PAGEDOWN:
      return Key::PageDown;
    case SDLK_PAGEUP:
      return Key::PageUp;
    case SDLK_SPACE:
      return Key::Space;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      return Key::Enter;
    case SDLK_BACKSPACE:
      return Key::Backspace;
    case SDLK_HOME:
      return Key::Home;
    case SDLK_END:
      return Key::End;
    case SDLK_ESCAPE:
      return Key::Escape;
    case SDLK_F5:
      return Key::F5;
    case SDLK_b:
      return Key::B;
    case SDLK_PERIOD:
    case SDLK_KP_PERIOD:
      return Key::Period;
    case SDLK_q:
      return Key::Q;
    case SDLK_F11:
      return Key::F11;
    default:
      return Key::Unknown;
  }
}

}  // namespace

std::optional<InputEvent> translate_sdl_event(const SDL_Event& e, double now, int window_w,
                                              int window_h) {
  InputEvent out;
  out.time = now;
  float w = static_cast<float>(std::max(1, window_w)),
        h = static_cast<float>(std::max(1, window_h));
  switch (e.type) {
    case SDL_KEYDOWN:
      out.type = InputEvent::Type::KeyDown;
      out.key = key_of(e.key.keysym.sym, &out.digit);
      out.repeat = e.key.repeat != 0;
      if (out.key == Key::Unknown) return std::nullopt;
      return out;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
        return std::nullopt;
      out.type = e.type == SDL_MOUSEBUTTONDOWN ? InputEvent::Type::PointerDown
                                               : InputEvent::Type::PointerUp;
      out.pointer = -1;
      out.x = e.button.x / w;
      out.y = e.button.y / h;
      return out;
    case SDL_MOUSEMOTION:
      if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK))
        return std::nullopt;
      out.type = InputEvent::Type::PointerMove;
      out.pointer = -1;
      out.x = e.motion.x / w;
      out.y = e.motion.y / h;
      return out;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
      out.type = e.type == SDL_FINGERDOWN ? InputEvent::Type::PointerDown
                 : e.type == SDL_FINGERUP ? InputEvent::Type::PointerUp
                                          : InputEvent::Type::PointerMove;
      out.pointer = static_cast<long long>(e.tfinger.fingerId);
      out.x = e.tfinger.x;
      out.y = e.tfinger.y;
      return out;
    default:
      return std::nullopt;
  }
}

namespace {
PlatformEvent of_type(PlatformEvent::Type type) {
  PlatformEvent e;
  e.type = type;
  return e;
}
}  // namespace

std::vector<PlatformEvent> translate_platform_event(const SDL_Event& e, double now, int window_w,
                                                    int window_h, bool surface_mode) {
  using Type = PlatformEvent::Type;
  switch (e.type) {
    case SDL_QUIT:
      return {of_type(Type::CloseRequest)};
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      return {of_type(Type::RendererLost)};
    case SDL_WINDOWEVENT:
      switch (e.window.event) {
        case SDL_WINDOWEVENT_EXPOSED:
          return {of_type(Type::Exposed)};
        case SDL_WINDOWEVENT_SIZE_CHANGED:
          if (surface_mode) return {of_type(Type::Resized), of_type(Type::RendererLost)};
          return {of_type(Type::Resized)};
        case SDL_WINDOWEVENT_FOCUS_LOST:
          return {of_type(Type::FocusLost)};
        default:
          return {};
      }
    case SDL_MOUSEMOTION:
      if (e.motion.which != SDL_TOUCH_MOUSEID && !(e.motion.state & SDL_BUTTON_LMASK))
        return {of_type(Type::PointerMoved)};
      break;
    default:
      break;
  }
  std::vector<PlatformEvent> out;
  if (e.type == SDL_MOUSEMOTION && e.motion.which != SDL_TOUCH_MOUSEID)
    out.push_back(of_type(Type::PointerMoved));
  if (auto input = translate_sdl_event(e, now, window_w, window_h)) {
    PlatformEvent event = of_type(Type::Input);
    event.input = *input;
    out.push_back(event);
  }
  return out;
}

}  // namespace boothdeck
