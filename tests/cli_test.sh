#!/usr/bin/env bash
# The command-line contract (DESIGN.md): exit codes, messages with file:line:col, --export
# without a display, and one line with a hint when there is no display.
set -uo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() {  # check NAME EXPECTED_EXIT COMMAND...
  local name=$1 expected=$2; shift 2
  "$@" > "$work/out" 2> "$work/err"
  local code=$?
  if [ "$code" = "$expected" ]; then passed=$((passed + 1)); echo "ok: $name"
  else failed=$((failed + 1)); echo "FAIL: $name: exit $code, expected $expected"; cat "$work/out" "$work/err"; fi
}
contains() {  # contains NAME FILE TEXT
  if grep -q -- "$3" "$work/$2"; then passed=$((passed + 1)); echo "ok: $1"
  else failed=$((failed + 1)); echo "FAIL: $1: no '$3' in $2"; cat "$work/$2"; fi
}

printf -- '---\ndurration: 5\n---\n# 좋아요\n' > "$work/warn.md"
printf -- '# 제목\n\n```bars\nA: lots\n```\n' > "$work/bad.md"

check "built-in deck checks clean" 0 "$bin" --check
check "a warning is not an error" 0 "$bin" --check "$work/warn.md"
contains "did-you-mean with file:line:col" out "warn.md:2:1: warning: unknown front matter key 'durration' (did you mean 'duration'?)"
check "an error exits 2" 2 "$bin" --check "$work/bad.md"
contains "error with file:line:col" out "bad.md:4:4: error: bar value 'lots' is not a number"
check "a missing deck exits 2" 2 "$bin" --check "$work/none.md"
check "bad usage exits 2" 2 "$bin" --size big
check "unknown option exits 2" 2 "$bin" --frobnicate
check "export needs no display" 0 env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --export "$work/png" --size 1280x720
[ -f "$work/png/slide-22.png" ] && [ -f "$work/png/layout.json" ] \
  && { passed=$((passed + 1)); echo "ok: 22 PNGs and layout.json"; } || { failed=$((failed + 1)); echo "FAIL: export files"; }
check "export of a bad deck exits 2 but renders" 2 "$bin" --export "$work/bad" "$work/bad.md"
[ -f "$work/bad/slide-01.png" ] && { passed=$((passed + 1)); echo "ok: bad deck still rendered"; } \
  || { failed=$((failed + 1)); echo "FAIL: bad deck not rendered"; }
mkdir -p "$work/blocked/slide-01.png"  # a folder where the PNG should go
check "a PNG that cannot be written exits 1" 1 "$bin" --export "$work/blocked" --slide 1
contains "the write error says why, not SDL's last error" err "slide-01.png: Is a directory"
check "no display exits 3" 3 env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$bin"
contains "one line with a hint" err "--export"
[ "$(wc -l < "$work/err")" = 1 ] && { passed=$((passed + 1)); echo "ok: exactly one line"; } \
  || { failed=$((failed + 1)); echo "FAIL: $(wc -l < "$work/err") lines"; }
echo "$passed passed, $failed failed"
((failed == 0))
