#!/bin/sh
# boothdeck as the whole X session of a kiosk user (for machines where KMSDRM is not
# available, e.g. some virtual machines): `startx /usr/local/share/boothdeck/boothdeck-xsession.sh`
# or as the session command of a display manager's autologin.
xset s off -dpms        # the screen must not blank or sleep during the show
exec /usr/local/bin/boothdeck --log-format json "${BOOTHDECK_DECK:-/srv/boothdeck/deck.md}"
