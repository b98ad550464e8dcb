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
# Any text the world writes (tests/data/world-text.md): --check finds no character without a
# font, and every size exports; a missing character is warned at its own line and column.
world=$(dirname "$0")/data/world-text.md
check "the world-text deck checks clean" 0 "$bin" --check "$world"
if grep -q "missing-glyph" "$work/out"; then failed=$((failed + 1)); echo "FAIL: missing glyphs"; cat "$work/out"
else passed=$((passed + 1)); echo "ok: no missing glyph"; fi
for size in 1280x720 1920x1080 1080x1920 3840x2160; do
  check "the world-text deck exports at $size" 0 "$bin" --export "$work/world-$size" --size "$size" "$world"
  [ -f "$work/world-$size/slide-07.png" ] && { passed=$((passed + 1)); echo "ok: 7 slides at $size"; } \
    || { failed=$((failed + 1)); echo "FAIL: slides at $size"; }
done
printf '# 제목\n\n첫 줄\n둘째 줄에 \xf4\x8f\xbf\xbd 이 있다 \x07\n' > "$work/glyph.md"
check "a character no font has is a warning" 0 "$bin" --check "$work/glyph.md"
contains "warned at its own line:col" out "glyph.md:4:7: warning: no installed font has U+10FFFD"
contains "a control character is named" out "glyph.md:4:14: warning: control character U+0007"
check "no display exits 3" 3 env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$bin"
contains "one line with a hint" err "--export"
[ "$(wc -l < "$work/err")" = 1 ] && { passed=$((passed + 1)); echo "ok: exactly one line"; } \
  || { failed=$((failed + 1)); echo "FAIL: $(wc -l < "$work/err") lines"; }
echo "$passed passed, $failed failed"
((failed == 0))
