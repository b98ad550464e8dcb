#!/usr/bin/env bash
# The .deb as a booth PC gets it: built by CPack, checked by lintian, installed with apt-get,
# the installed boothdeck run on the installed deck with the installed fonts and configuration,
# the service unit verified, and everything purged again. It changes the system, so it runs
# only as root and where asked: in CI (CI=true) or with BOOTHDECK_PACKAGE_TEST=1.
set -uo pipefail
build=$(realpath "$1")
data=$(cd "$(dirname "$0")/data" && pwd)
if [ "$(id -u)" != 0 ] || { [ "${CI:-}" != true ] && [ "${BOOTHDECK_PACKAGE_TEST:-}" != 1 ]; }; then
  echo "skipped: installs a package system-wide; run as root with BOOTHDECK_PACKAGE_TEST=1 (CI does)"
  exit 77
fi
if dpkg-query -W -f='${Status}' boothdeck 2>/dev/null | grep -q "install ok"; then
  echo "skipped: a boothdeck package is installed here already; not touching it"
  exit 77
fi
work=$(mktemp -d)
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o DPkg::Lock::Timeout=120 "$@"; }
trap 'apt_get purge boothdeck >/dev/null 2>&1; rm -rf "$work"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; [ -f "$work/out" ] && tail -20 "$work/out"; }
run() {  # run NAME COMMAND...: passes when the command exits 0
  local name=$1; shift
  if "$@" > "$work/out" 2>&1; then ok "$name"; else fail "$name (exit $?)"; fi
}
has() {  # has NAME TEXT: the last command's output holds TEXT
  if grep -q -- "$2" "$work/out"; then ok "$1"; else fail "$1: no '$2'"; fi
}

run "cpack builds the .deb" cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work"
deb=$(ls "$work"/boothdeck_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { fail "no boothdeck_*.deb"; echo "$passed passed, $failed failed"; exit 1; }
run "dpkg-deb reads it" dpkg-deb -f "$deb" Depends
for font in fonts-nanum fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji libsdl2-2.0-0; do has "Depends on $font" "$font"; done
run "lintian reports no error" lintian --fail-on error "$deb"

cd "$work" && run "apt-get install ./$(basename "$deb")" apt_get install "./$(basename "$deb")"
installed=/usr/bin/boothdeck
run "installed --version" "$installed" --version
run "installed --check (built-in deck, shipped configuration)" "$installed" --check
run "installed --check on the installed deck" "$installed" --check /usr/share/boothdeck/decks/claude-3-5-sonnet.md
has "the installed deck checks clean" "22 slides, 0 errors, 0 warnings"
run "installed --export on the installed deck" "$installed" --export "$work/png" --size 640x360 \
  /usr/share/boothdeck/decks/claude-3-5-sonnet.md
[ -f "$work/png/slide-22.png" ] && ok "22 slides exported" || fail "no slide-22.png"
# PDF and SVG come from modules in /usr/lib/<triplet>/boothdeck, opened when a deck needs one.
mkdir -p "$work/svg" && cp "$data/images/logo.svg" "$work/svg/logo.svg"
printf -- '# 로고\n\n![logo](logo.svg)\n' > "$work/svg/deck.md"
run "installed --check of a deck with an SVG (its module installed)" "$installed" --check "$work/svg/deck.md"
img2pdf "$work/png/slide-01.png" -o "$work/one-page.pdf"
run "installed --export of a PDF deck (its module installed)" "$installed" --export "$work/pdf" \
  --size 640x360 "$work/one-page.pdf"
[ -f "$work/pdf/slide-01.png" ] && ok "the PDF page exported" || fail "no PDF page exported"
# Pictures and the remote come from modules too: a picture exports, and publish reaches the
# broker's address (none listens there, so it exits 1 saying so, not that the module is missing).
cp "$work/png/slide-02.png" "$work/svg/picture.png"
printf -- '# 사진\n\n![a slide](picture.png)\n' > "$work/svg/picture.md"
run "installed --export of a deck with a picture (its module installed)" "$installed" --export \
  "$work/picture" --size 640x360 "$work/svg/picture.md"
[ -f "$work/picture/slide-01.png" ] && ok "the picture slide exported" || fail "no picture slide"
"$installed" publish --command '{"command": "next"}' --mqtt mqtt://127.0.0.1:9 --group hall \
  > "$work/out" 2>&1
has "installed publish loads its module and reports the missing broker" "did not take the message"
run "installed --print-config" "$installed" --print-config
has "installed fonts, not the source tree's" '^fonts = "/usr/share/boothdeck/fonts" *# default (installed)'
has "the shipped configuration is read" "# /etc/boothdeck/boothdeck.toml:"
run "systemd-analyze verify boothdeck.service" systemd-analyze verify /lib/systemd/system/boothdeck.service
run "the service user exists" id -nG boothdeck
for group in video input render; do has "the service user is in $group" "\b$group\b"; done
run "the man page renders" env MANWIDTH=100 man -l /usr/share/man/man1/boothdeck.1.gz
has "the man page lists the options" "--print-config"
has "the man page has the exit codes" "EXIT STATUS"
dpkg-query -W -f='${Conffiles}\n' boothdeck > "$work/out"
has "the configuration is a conffile" "/etc/boothdeck/boothdeck.toml"

run "apt-get purge" apt_get purge boothdeck
[ ! -e "$installed" ] && [ ! -e /etc/boothdeck ] && ok "purged: no binary, no configuration" \
  || fail "left behind after purge"
echo "$passed passed, $failed failed"
((failed == 0))
