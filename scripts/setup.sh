#!/usr/bin/env bash
# Installs what boothdeck needs from Debian 12 (only what is missing) and builds it in build/.
# Used by scripts/kiosk.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libimgui-dev
  libmd4c-dev libicu-dev libfontconfig-dev zlib1g-dev libdeflate-dev libx11-dev libcli11-dev nlohmann-json3-dev doctest-dev
  libyaml-cpp-dev libexif-dev librsvg2-dev libpoppler-cpp-dev
  libsystemd-dev libtomlplusplus-dev
  libcpp-httplib-dev libssl-dev libqrencode-dev libmosquitto-dev mosquitto libarchive-dev curl
  img2pdf qpdf
  fonts-nanum fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji
  xvfb xauth xdotool imagemagick valgrind zbar-tools
  help2man dpkg-dev lintian systemd
  cage xwayland grim
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir="${BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
