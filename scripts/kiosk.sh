#!/usr/bin/env bash
# Set up, build, and start the kiosk (fullscreen) on the built-in deck; arguments go to boothdeck,
# e.g. `scripts/kiosk.sh --windowed my-deck.md`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec build/boothdeck "$@"
