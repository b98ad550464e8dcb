#!/usr/bin/env bash
# QR codes as a phone sees them: tests/data/qr.md exported at four screen sizes, every slide's
# PNG decoded with zbarimg (zbar-tools) back to exactly the URL the deck wrote.
set -euo pipefail
bin="$1"
deck="$(dirname "$0")/data/qr.md"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

expect=(
  "slide-01.png https://example.com/demo?booth=B12&lang=ko"
  "slide-02.png https://example.com/brochure"
  "slide-03.png https://example.com/brochure"
)
fail=0
for size in 1280x720 1920x1080 1080x1920 3840x2160; do
  "$bin" --export "$out/$size" --size "$size" "$deck" >/dev/null
  for row in "${expect[@]}"; do
    png="${row%% *}" url="${row#* }"
    got="$(zbarimg --quiet --raw -Sdisable -Sqrcode.enable "$out/$size/$png" 2>/dev/null || true)"
    if [ "$got" != "$url" ]; then
      echo "FAIL $size $png: decoded '$got', expected '$url'" >&2
      fail=1
    fi
  done
done
[ "$fail" -eq 0 ] && echo "qr: every code decodes at every size"
exit "$fail"
