#!/usr/bin/env bash
# boothdeck as a Wayland kiosk under cage (headless backend, pixman renderer, no GPU), as a
# non-root user (cage refuses root): it must get a renderer from SDL's Wayland driver, show its
# slides on the timer, and end cleanly on SIGTERM. A screenshot (grim) is kept beside the build
# for a person to look at; cage 0.1.4's headless output shows no surface that covers the whole
# output (see packaging/README.md), so its pixels are reported, not judged.
set -uo pipefail
bin=$(realpath "$1")
shot=${2:-}
for tool in cage grim Xwayland setpriv; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (scripts/setup.sh)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown nobody:nogroup "$work"
  "${as_user[@]}" test -x "$bin" || { echo "skipped: user nobody cannot run $bin"; exit 77; }
fi
chmod 700 "$work"
printf -- '---\nduration: 1\n---\n# 웨이랜드 키오스크\n\n첫 장\n\n---\n\n# 둘째 장\n' > "$work/deck.md"
cat > "$work/session.sh" <<'INNER'
#!/bin/sh
# Runs inside cage: the kiosk, a screenshot after a few slides, then SIGTERM.
"$BIN" --log-format json "$WORK/deck.md" > "$WORK/log" 2> "$WORK/stderr" &
pid=$!
sleep 4
grim "$WORK/shot.png" 2> "$WORK/grim.err"
kill -TERM $pid
wait $pid
echo $? > "$WORK/rc"
INNER
chmod 755 "$work/session.sh" "$work/deck.md"
timeout 60 "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$work" XDG_RUNTIME_DIR="$work" \
  WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 BIN="$bin" WORK="$work" \
  cage -- "$work/session.sh" > "$work/cage.log" 2>&1

passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"
  else failed=$((failed + 1)); echo "FAIL: $name"; cat "$work/log" "$work/stderr" 2>/dev/null | tail -5; fi
}
check "started on SDL's Wayland driver with a renderer" grep -q '"event":"start".*"renderer"' "$work/log"
check "no renderer error" bash -c "! grep -q 'cannot create' '$work/stderr'"
check "the timer advanced the slides" bash -c "[ \$(grep -c '\"event\":\"slide\"' '$work/log') -ge 3 ]"
check "frames were presented" grep -q '"event":"quit","frames":[1-9]' "$work/log"
check "SIGTERM ends it with exit 0" grep -qx 0 "$work/rc"
if [ -s "$work/shot.png" ]; then
  [ -n "$shot" ] && cp "$work/shot.png" "$shot"
  echo "screenshot: ${shot:-not kept}; centre pixel $(convert "$work/shot.png" -format '%[pixel:p{640,360}]' info: 2>/dev/null)"
fi
echo "$passed passed, $failed failed"
((failed == 0))
