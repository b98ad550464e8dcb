#!/usr/bin/env bash
# A resize and fullscreen storm on the real window under Xvfb, with the kiosk under valgrind's
# memcheck, which sees inside SDL where AddressSanitizer cannot: every renderer rebuild must
# free textures before their renderer, so no invalid read or write may appear.
#   xvfb-run -a -s "-screen 0 1280x720x24" tests/resize_storm_test.sh build/boothdeck [RESIZES]
set -euo pipefail
bin=$(realpath "$1")
resizes=${2:-12}
work=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
log=$work/log.jsonl
printf -- '---\nduration: 1\ntransition: fade\n---\n# 하나\n\n- 목록\n---\n```bars unit=%%\n가: 38\n나: 64 *\n```\n' > "$work/deck.md"

# Only memory errors count: SDL's and X11's own leaks and uninitialised padding are not ours.
valgrind --tool=memcheck --leak-check=no --undef-value-errors=no --error-exitcode=99 \
  --log-file="$work/valgrind.txt" \
  "$bin" --windowed --size 800x450 --log-format json "$work/deck.md" > "$log" 2> "$work/stderr" &
pid=$!

fail() { echo "FAIL: $*"; echo "--- valgrind"; tail -40 "$work/valgrind.txt"; echo "--- log"; tail -20 "$log"; exit 1; }
deadline=$((SECONDS + 120))
until grep -q '"event":"start"' "$log"; do
  ((SECONDS < deadline)) || fail "no start event under valgrind within 120 s"
  kill -0 "$pid" 2>/dev/null || fail "boothdeck ended before it started"
  sleep 0.5
done
wid=$(xdotool search --sync --onlyvisible --name '^boothdeck$' | head -1)
[ -n "$wid" ] || fail "no visible window"
sizes=("1024 576" "640 360" "1280 720" "720 1280" "900 900" "1100 500")
for ((i = 0; i < resizes; i++)); do
  xdotool windowsize "$wid" ${sizes[i % ${#sizes[@]}]}
  sleep 0.4
  if ((i % 4 == 3)); then  # fullscreen and back (F11, windowed kiosks only)
    xdotool key --window "$wid" F11; sleep 0.8
    xdotool key --window "$wid" F11; sleep 0.8
  fi
done
sleep 1
builds=$(grep -c '"event":"renderer"' "$log" || true)
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=
grep -q '"event":"quit"' "$log" || fail "no quit event after SIGTERM (exit $status)"
if grep -qE 'Invalid (read|write|free)|Mismatched free|uninitialised value' "$work/valgrind.txt"; then
  fail "valgrind found memory errors"
fi
((status == 0)) || fail "exit $status"
((builds >= resizes / 2)) || fail "only $builds renderer rebuilds for $resizes resizes"
errors=$(grep -o 'ERROR SUMMARY: [0-9]*' "$work/valgrind.txt" | tail -1)
echo "resize storm: $resizes resizes, $((resizes / 4)) fullscreen round trips, $builds renderer rebuilds, valgrind $errors"
