#!/usr/bin/env bash
# The command-line contract (docs/design.md): exit codes, messages with file:line:col, --export
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
mkdir -p "$work/blocked/slide-01.png"  # a folder where the PNG should go
check "a PNG that cannot be written exits 1" 1 "$bin" --export "$work/blocked" --slide 1
contains "the write error says why, not SDL's last error" err "slide-01.png: Is a directory"
# --check as a migration guide: one line per kind, --verbose for every one.
data=$(dirname "$0")/data
printf -- '# A\n\n![x](a.png)\n\n![y](b.png)\n\n![z](c.png)\n\n<font>x</font>\n' > "$work/many.md"
check "missing images are errors" 2 "$bin" --check "$work/many.md"
[ "$(grep -c 'missing-image' "$work/out")" = 1 ] && contains "one line per kind, with a count" out "3 like this" \
  || { failed=$((failed + 1)); echo "FAIL: not grouped"; cat "$work/out"; }
check "--verbose lists every one" 2 "$bin" --check --verbose "$work/many.md"
[ "$(grep -c 'missing-image' "$work/out")" = 3 ] && { passed=$((passed + 1)); echo "ok: three lines"; } \
  || { failed=$((failed + 1)); echo "FAIL: --verbose"; cat "$work/out"; }
for dialect in marp reveal slidev remark deckset; do
  check "$dialect deck checks without errors" 0 "$bin" --check "$data/$dialect.md"
  grep -qi "read as a .*$dialect" "$work/err" && { passed=$((passed + 1)); echo "ok: $dialect deck recognised"; } \
    || { failed=$((failed + 1)); echo "FAIL: $dialect not recognised"; cat "$work/err"; }
done

# A PDF deck made from our own slides: exported, put into a PDF by img2pdf, shown again.
check "export for the PDF" 0 "$bin" --export "$work/pdf-png" --size 640x360 "$data/deckset.md"
img2pdf "$work"/pdf-png/slide-*.png -o "$work/talk.pdf"
check "a PDF deck checks clean" 0 "$bin" --check "$work/talk.pdf"
contains "as a PDF deck, a slide per page" err "read as a PDF deck; 4 slides, 0 errors"
check "a PDF deck exports" 0 "$bin" --export "$work/pdf-out" --size 640x360 "$work/talk.pdf"
for n in 01 02 03 04; do
  rmse=$(compare -metric RMSE "$work/pdf-png/slide-$n.png" "$work/pdf-out/slide-$n.png" null: 2>&1 | sed 's/.*(\(.*\))/\1/')
  awk -v e="$rmse" 'BEGIN { exit !(e < 0.06) }' && { passed=$((passed + 1)); echo "ok: PDF page $n as exported ($rmse)"; } \
    || { failed=$((failed + 1)); echo "FAIL: PDF page $n differs: RMSE $rmse"; }
done
qpdf --encrypt user owner 256 -- "$work/talk.pdf" "$work/locked.pdf"
check "an encrypted PDF is an error" 2 "$bin" --check "$work/locked.pdf"
contains "says it needs a password" out "\[pdf-encrypted\]"
head -c 3000 "$work/talk.pdf" > "$work/cut.pdf"
check "a PDF cut short is an error" 2 "$bin" --check "$work/cut.pdf"
contains "says it is damaged" out "\[pdf-unreadable\]"

# PDF, SVG and the remote are in modules opened when a deck or an option first needs one: a deck
# without them loads neither poppler nor librsvg, a kiosk without --remote or --mqtt no OpenSSL,
# and a missing module is an error that says what to do.
check "the built-in deck exports" 0 env LD_DEBUG=files "$bin" --export "$work/plain" --size 640x360 --slide 2
contains "the loader's log names what it loaded" err "file=libSDL2"
if grep -qE "file=(librsvg|libpoppler|libcairo)" "$work/err"; then failed=$((failed + 1)); echo "FAIL: a deck without PDF or SVG loaded their libraries"
else passed=$((passed + 1)); echo "ok: a deck without PDF or SVG loads neither poppler nor librsvg"; fi
if grep -qE "file=(libcrypto|libssl|libcpp-httplib|libmosquitto|libarchive)" "$work/err"; then failed=$((failed + 1)); echo "FAIL: an export loaded the remote's libraries"
else passed=$((passed + 1)); echo "ok: an export loads neither OpenSSL nor the remote's libraries"; fi
if grep -qE "file=(libSDL2_image|libexif|libtiff|libjpeg)" "$work/err"; then failed=$((failed + 1)); echo "FAIL: a deck without pictures loaded the image decoders"
else passed=$((passed + 1)); echo "ok: a deck without pictures loads neither SDL_image nor libexif"; fi
cp "$work/plain/slide-02.png" "$work/picture.png"
printf -- '# 사진\n\n![a slide](picture.png)\n' > "$work/picture.md"
check "a deck with a picture exports" 0 env LD_DEBUG=files "$bin" --export "$work/picture-out" --size 640x360 "$work/picture.md"
contains "a picture loads SDL_image through its module" err "file=libSDL2_image.*boothdeck-image.so"
check "a picture without its module is an error" 2 env BOOTHDECK_MODULE_DIR="$work/none" "$bin" --check "$work/picture.md"
contains "says the image support cannot be loaded" out "picture.md:3:.*cannot load boothdeck's image support: .*reinstall boothdeck"
check "a PDF deck exports" 0 env LD_DEBUG=files "$bin" --export "$work/pdf-out2" --size 640x360 "$work/talk.pdf"
contains "a PDF deck loads poppler through its module" err "file=libpoppler.*boothdeck-pdf.so"
check "a PDF deck without its module is an error" 2 env BOOTHDECK_MODULE_DIR="$work/none" "$bin" --check "$work/talk.pdf"
contains "says the PDF support cannot be loaded" out "cannot load boothdeck's PDF support: .*reinstall boothdeck"
cp "$data/images/logo.svg" "$work/logo.svg"
printf -- '# 로고\n\n![logo](logo.svg)\n' > "$work/svg.md"
check "an SVG deck checks clean" 0 "$bin" --check "$work/svg.md"
check "an SVG without its module is an error" 2 env BOOTHDECK_MODULE_DIR="$work/none" "$bin" --check "$work/svg.md"
contains "says the SVG support cannot be loaded" out "svg.md:3:.*cannot load boothdeck's SVG support: .*reinstall boothdeck"

check "no display exits 3" 3 env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$bin"
contains "one line with a hint" err "--export"
[ "$(wc -l < "$work/err")" = 1 ] && { passed=$((passed + 1)); echo "ok: exactly one line"; } \
  || { failed=$((failed + 1)); echo "FAIL: $(wc -l < "$work/err") lines"; }
lines() {  # lines NAME FILE N: the message is N lines
  if [ "$(wc -l < "$work/$2")" = "$3" ]; then passed=$((passed + 1)); echo "ok: $1"
  else failed=$((failed + 1)); echo "FAIL: $1: $(wc -l < "$work/$2") lines"; cat "$work/$2"; fi
}

# The command line refuses in one sentence, with exit 2 (issue 12's kinds, one row each).
check "--version" 0 "$bin" --version
contains "--version names the program" out "^boothdeck [0-9]"
check "a mistyped flag" 2 "$bin" --windowd
contains "did-you-mean for a flag" err "did you mean '--windowed'"
check "a mistyped flag with a value" 2 "$bin" --log-formt=json
contains "did-you-mean for --flag=value" err "did you mean '--log-format'"
check "two decks" 2 "$bin" "$work/warn.md" "$work/bad.md"
mkdir -p "$work/folder" && cp "$work/warn.md" "$work/folder/deck.md"
check "a deck that is a directory" 2 "$bin" --check "$work/folder"
contains "a directory is called a directory" err "is a directory"
contains "and the deck in it is named" err "folder/deck.md"
for bad in 0 -3 abc 1e9; do
  check "--duration $bad" 2 "$bin" --windowed --duration "$bad"
  contains "--duration $bad: a readable sentence" err "in seconds, above 0"
  lines "--duration $bad: one line" err 1
done
check "--size in fullscreen" 2 "$bin" --size 800x600
contains "--size in fullscreen says what to do" err "add --windowed"
for pin in 12a4 "12 34" 1234567890123 "１２３４"; do
  check "PIN '$pin' the pad cannot enter" 2 "$bin" --pin "$pin" --check
  contains "PIN '$pin': why" err "PIN pad"
done
check "a 12-digit PIN with a leading 0" 0 "$bin" --pin 012345678901 --check

# The configuration file: file:line:col, exit 2; flags override it; --print-config says where
# each value came from.
printf 'log-format = "json"\npin = "2468"\n[show-hours]\nmonday = "9-18"\n' > "$work/bad.toml"
check "a bad configuration exits 2" 2 "$bin" --config "$work/bad.toml" --check
contains "configuration error with file:line:col" err "bad.toml:4:11: error: .*\[config-bad-value\]"
check "a missing configuration exits 2" 2 "$bin" --config "$work/none.toml" --check
printf 'deck = "bad.md"\nlog-format = "json"\npin = "1357"\n' > "$work/good.toml"
check "the configuration's deck is the one checked" 2 "$bin" --config "$work/good.toml" --check
contains "relative to the configuration" out "bad.md:4:4: error"
check "a deck on the command line wins" 0 "$bin" --config "$work/good.toml" --check "$work/warn.md"
check "--print-config" 0 "$bin" --config "$work/good.toml" --log-format text --print-config
contains "a value from the file says where" out "^deck = \"$work/bad.md\" *# $work/good.toml:1:8"
contains "a flag overrides the file" out '^log-format = "text" *# command line'
contains "the PIN is not printed" out '^pin = "(set, hidden)"'
contains "fonts of a build run in place" out "^fonts = .*# default (build tree)"

# The remote and the fleet: refused in one sentence, before anything opens.
for listen in 0 70000 host: ":8080" "8080x"; do
  check "--remote '$listen'" 2 "$bin" --remote "$listen" --check
  contains "--remote '$listen': what it is" err "\[ADDRESS:\]PORT"
done
printf '%s\n' "$(printf 'a%.0s' $(seq 64))" > "$work/token"
chmod 644 "$work/token"
check "a token file others can read" 2 "$bin" --remote 8080 --remote-token-file "$work/token" --check
contains "how to fix the token file" err "chmod 600"
chmod 600 "$work/token"
check "a token file only its owner reads" 0 "$bin" --remote 8080 --remote-token-file "$work/token" --check
printf 'short\n' > "$work/short" && chmod 600 "$work/short"
check "a token too short to guess" 2 "$bin" --remote 8080 --remote-token-file "$work/short" --check
contains "the token's length" err "at least 32"
check "--mqtt without a group" 2 "$bin" --mqtt mqtt://127.0.0.1 --check
contains "--mqtt asks for --group" err "add --group NAME"
check "--mqtt with another scheme" 2 "$bin" --mqtt http://broker --group hall --check
check "a group that is no topic" 2 "$bin" --mqtt mqtt://broker --group "hall/#" --check
check "--print-config with the remote" 0 "$bin" --remote 0.0.0.0:8080 --mqtt mqtts://b --group hall --print-config
contains "--remote in the configuration" out '^listen = "0.0.0.0:8080" *# command line'
contains "mqtts means TLS" out '^tls = true'
check "publish without a broker" 2 "$bin" publish "$work/warn.md"
contains "publish names what it needs" err "--mqtt URL --group NAME"
check "publish a deck with errors" 2 "$bin" publish "$work/bad.md" --mqtt mqtt://127.0.0.1:9 --group hall
contains "a bad deck is never sent" err "fix them before sending"
check "publish without its module" 1 env BOOTHDECK_MODULE_DIR="$work/none" "$bin" publish --command '{"command":"next"}' --mqtt mqtt://127.0.0.1:9 --group hall
contains "says the remote support cannot be loaded" err "cannot load boothdeck's remote support: .*reinstall boothdeck"
check "publish a bad command" 2 "$bin" publish --command '{"command":"dance"}' --mqtt mqtt://127.0.0.1:9 --group hall
check "publish to no broker" 1 "$bin" publish --command '{"command":"next"}' --mqtt mqtt://127.0.0.1:9 --group hall

echo "$passed passed, $failed failed"
((failed == 0))
