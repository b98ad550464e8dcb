#!/bin/sh
# boothdeck as the whole X session of a kiosk user (where KMSDRM is not available, e.g. some
# virtual machines): `startx /usr/share/boothdeck/boothdeck-xsession.sh`, or the session command
# of a display manager's autologin. The deck and show hours come from /etc/boothdeck/boothdeck.toml.
xset s off -dpms        # the screen must not blank or sleep during the show (show hours may)
exec /usr/bin/boothdeck "$@"
