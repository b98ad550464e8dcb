#!/bin/sh
# boothdeck as a Wayland kiosk under cage (Debian's `cage`): the set-up of many kiosk images.
#   cage -d -- /usr/share/boothdeck/boothdeck-cage.sh
# cage shows only this one program, fullscreen. Without a GPU, SDL draws through Mesa's software
# OpenGL. Switch the display off outside show hours with, in /etc/boothdeck/boothdeck.toml:
#   display-off = "wlr-randr --output HDMI-A-1 --off"   display-on = "wlr-randr --output HDMI-A-1 --on"
export SDL_VIDEODRIVER=wayland
exec /usr/bin/boothdeck "$@"
