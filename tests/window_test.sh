#!/usr/bin/env bash
# The real program in a real X window under Xvfb, driven by xdotool keys and clicks and by
# fingers injected through the test FIFO (BOOTHDECK_TEST_TOUCH_FIFO: xdotool has no touch);
# every input is checked against what the JSON event log says the show did.
#   xvfb-run -a -s "-screen 0 1280x720x24" tests/window_test.sh build/boothdeck \
#     build/tests/panel_targets [screenshot.png]
set -euo pipefail
bin=$(realpath "$1")
targets=$(realpath "$2")
shot=${3:-}
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
# The same slides for the fifth run's fingers, which take their time.
sed 's/^duration: 3$/duration: 30/; s/^idle-return: 5$/idle-return: 60/' "$work/deck.md" > "$work/touch.md"

"$bin" --windowed --size 1280x720 --log-format json "$work/deck.md" > "$log" 2> "$work/stderr" &
pid=$!

errlog=$work/stderr
source "$(dirname "$0")/log_expect.sh"

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
# Fingers in a fifth run, as booth staff use the operator panel: a long press in a corner opens
# it, the PIN pad takes a wrong PIN and then the right one, Next and a slide's thumbnail move the
# show, Close closes it; then taps browse the slides. The panel's buttons are where
# panel_targets says they are on a 1280x720 screen.
fifo=$work/touch.fifo
mkfifo "$fifo"
: > "$log"; seen=0
BOOTHDECK_TEST_TOUCH_FIFO=$fifo "$bin" --windowed --size 1280x720 --pin 1234 --log-format json \
  "$work/touch.md" > "$log" 2> "$work/stderr" &
pid=$!
expect '"event":"start"'
exec 3> "$fifo"
finger=1
touch() {  # touch X Y: a finger's tap at fractions of the window
  echo "down $finger $1 $2" >&3; sleep 0.15; echo "up $finger $1 $2" >&3
  finger=$((finger + 1)); sleep 0.3
}
press() {  # press VIEW TARGET: a tap on the panel's button
  local x y
  read -r x y < <("$targets" 1280x720 "$1" 5 | awk -v name="$2" '$1 == name { print $2, $3 }')
  [ -n "$x" ] || fail "panel_targets knows no $2 in $1"
  touch "$x" "$y"
}
echo "down $finger 0.03 0.03" >&3; sleep 2.8; echo "up $finger 0.03 0.03" >&3; finger=$((finger + 1))
expect '"event":"panel"' '"open":true' '"view":"pin"'
press pin pin-9; press pin pin-ok
expect '"event":"pin"' '"ok":false' '"wrong_tries":1'
for digit in 1 2 3 4; do press pin "pin-$digit"; done
press pin pin-ok
expect '"event":"pin"' '"ok":true'
press main next;    slide 1 operator
press main slide-4; slide 3 operator
press main close
expect '"event":"panel"' '"open":false' '"reason":"button"'
touch 0.8 0.5;      slide 4 touch
touch 0.1 0.5;      slide 3 touch
touch 0.1 0.5;      slide 2 touch
exec 3>&-
kill -TERM "$pid"
expect '"event":"quit"'
wait "$pid" || fail "exit code $? after SIGTERM"
echo "window test: 5 runs, all inputs did what they should"
