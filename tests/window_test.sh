#!/usr/bin/env bash
# The real program in a real X window under Xvfb, driven by xdotool keys and clicks; every
# input is checked against what the JSON event log says the show did.
#   xvfb-run -a -s "-screen 0 1280x720x24" tests/window_test.sh build/boothdeck [screenshot.png]
set -euo pipefail
bin=$(realpath "$1")
shot=${2:-}
work=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
log=$work/log.jsonl
: > "$log"

cat > "$work/deck.md" <<'DECK'
---
duration: 3
idle-return: 5
transition: none
---
# 하나
---
# 둘
---
# 셋
---
# 넷
---
# 다섯
DECK

"$bin" --windowed --size 1280x720 --log-format json "$work/deck.md" > "$log" 2> "$work/stderr" &
pid=$!

fail() { echo "FAIL: $*"; echo "--- log"; cat "$log"; echo "--- stderr"; cat "$work/stderr"; exit 1; }
# Waits until the log has a line matching all the given fragments, after line $seen.
seen=0
expect() {
  local what="$*" deadline=$((SECONDS + 8))
  while ((SECONDS < deadline)); do
    local n=0
    while IFS= read -r line; do
      n=$((n + 1))
      ((n <= seen)) && continue
      local ok=1
      for fragment in "$@"; do [[ $line == *"$fragment"* ]] || ok=0; done
      if ((ok)); then seen=$n; echo "ok: $what"; return 0; fi
    done < "$log"
    sleep 0.1
  done
  fail "no log line with: $what"
}
slide() { expect '"event":"slide"' "\"index\":$1," "\"reason\":\"$2\""; }

expect '"event":"start"'
wid=$(xdotool search --sync --onlyvisible --name '^boothdeck$' | head -1)
[ -n "$wid" ] || fail "no visible window"
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
sleep 0.3
if [ -n "$shot" ]; then import -window root "$shot"; fi
# The first frame shows the slide, not a blank window: the corner is the dark theme's background.
corner=$(import -window root -crop 1x1+3+3 -depth 8 txt:- | tail -1 | grep -o '#[0-9A-F]\{6\}')
[ "$corner" = "#12151C" ] || fail "corner pixel is $corner, expected the theme background #12151C"

slide 1 timer                          # autoplay after 3 s
xdotool key Right                      # a key takes over from autoplay
expect '"event":"mode"' '"mode":"browsing"'
slide 2 key
xdotool key Next;       slide 3 remote # PageDown, as a Logitech R400 sends it
xdotool key Prior;      slide 2 remote
xdotool key Left;       slide 1 key
xdotool key 4 Return;   slide 3 key    # digits + Enter go to slide 4 (index 3)
xdotool key b;          expect '"event":"blank"' '"on":true'
xdotool key period;     expect '"event":"blank"' '"on":false'
xdotool key F5;         expect '"event":"mode"' '"mode":"autoplay"'
xdotool key Escape;     # windowed: Escape quits (in fullscreen it would only pause)
expect '"event":"quit"'
wait "$pid" || fail "exit code $?"

# Touch and idle-return in a second run: clicks behave as taps.
: > "$log"; seen=0
"$bin" --windowed --size 1280x720 --log-format json "$work/deck.md" > "$log" 2> "$work/stderr" &
pid=$!
expect '"event":"start"'
wid=$(xdotool search --sync --onlyvisible --name '^boothdeck$' | head -1)
sleep 0.3
xdotool mousemove --window "$wid" 1100 360 click 1; slide 1 touch   # right part: forward
sleep 0.5
xdotool mousemove --window "$wid" 100 360 click 1;  slide 0 touch   # left third: back
sleep 0.5
xdotool mousemove --window "$wid" 1100 360 click 1; slide 1 touch
slide 0 idle-return                                                  # 5 s without a touch
kill -TERM "$pid"
expect '"event":"quit"'
wait "$pid" || fail "SIGTERM did not end the program cleanly (exit $?)"
# Hot reload in a third run: a saved change is swapped in, a broken or half-written deck
# never replaces the good one, and a deleted deck leaves the last good one on screen.
: > "$log"; seen=0
"$bin" --windowed --size 1280x720 --log-format json "$work/deck.md" > "$log" 2> "$work/stderr" &
pid=$!
expect '"event":"start"' '"slides":5'
printf -- '---\nduration: 3\n---\n# 새 덱\n---\n# 둘째\n' > "$work/deck.md.tmp" && mv "$work/deck.md.tmp" "$work/deck.md"
expect '"event":"reload"' '"slides":2'
printf -- '---\ndurration: 3\n# never closed\n' > "$work/deck.md"       # saved broken
expect '"event":"reload-failed"' 'unclosed-front-matter'
{ printf -- '# 반쯤\n---\n'; sleep 0.15; printf -- '# 다 쓴 덱\n---\n# 셋\n---\n# 넷\n'; } > "$work/deck.md"  # written in two steps
expect '"event":"reload"' '"slides":4'
rm "$work/deck.md"                                                      # USB stick pulled
expect '"event":"reload-failed"' 'unreadable'
sleep 0.5
kill -0 "$pid" || fail "the program ended when its deck vanished"
grep -c '"event":"reload"' "$log" | grep -qx 2 || fail "a half-written deck was loaded"
kill -TERM "$pid"
expect '"event":"quit"'
wait "$pid" || fail "exit code $? after SIGTERM"
# Fullscreen, as at a booth: the slide is on screen (not black), and neither Escape, Q nor
# Alt+F4 ends the show; SIGTERM does, cleanly.
printf -- '---\nduration: 30\n---\n# 전체 화면\n' > "$work/deck.md"
: > "$log"; seen=0
"$bin" --log-format json "$work/deck.md" > "$log" 2> "$work/stderr" &
pid=$!
expect '"event":"start"'
sleep 1
corner=$(import -window root -crop 1x1+3+3 -depth 8 txt:- | tail -1 | grep -o '#[0-9A-F]\{6\}')
[ "$corner" = "#12151C" ] || fail "fullscreen corner pixel is $corner, expected #12151C"
xdotool key Escape; expect '"event":"mode"' '"mode":"paused"'
xdotool key q alt+F4
sleep 0.5
kill -0 "$pid" || fail "the public could quit the fullscreen kiosk"
kill -TERM "$pid"
expect '"event":"quit"'
wait "$pid" || fail "exit code $? after SIGTERM"
echo "window test: 4 runs, all inputs did what they should"
