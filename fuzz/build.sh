#!/bin/bash
# Builds the libFuzzer target with clang 14 + AddressSanitizer + UBSan, compiling the core
# sources directly (no CMake), so it never touches another build tree.
#   fuzz/build.sh [BUILD_DIR]     (default /tmp/build-fuzz; prints the fuzzer's path last)
# Needs clang and libclang-rt-14-dev (Debian 12: apt-get install clang libclang-rt-14-dev),
# libmd4c-dev and libicu-dev.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/build-fuzz}
cxx=${CXX:-clang++}
mkdir -p "$out/obj"
command -v "$cxx" >/dev/null ||
  { echo "build.sh: $cxx not found; apt-get install clang libclang-rt-14-dev" >&2; exit 1; }

flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -I"$root/src" -I"$root/tests"
       -fsanitize=address,undefined -fno-sanitize-recover=undefined)

# One object per core source, at most two compilers at once (two cores); a source is rebuilt
# when it or any core header is newer than its object.
newest_header=$(find "$root/src/core" -name '*.h' -printf '%T@\n' | sort -n | tail -1)
objects=()
running=0
for src in "$root"/src/core/deck/*.cpp "$root"/src/core/layout/*.cpp; do
  obj="$out/obj/$(basename "$(dirname "$src")")_$(basename "${src%.cpp}").o"
  objects+=("$obj")
  if [[ -f $obj && ! $src -nt $obj ]] &&
     awk -v h="$newest_header" -v o="$(stat -c %Y "$obj")" 'BEGIN { exit !(h <= o) }'; then
    continue
  fi
  rm -f "$obj"
  echo "  CXX ${src#"$root"/}" >&2
  "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
  if (( ++running >= 2 )); then wait -n; running=$((running - 1)); fi
done
wait
for obj in "${objects[@]}"; do
  [[ -f $obj ]] || { echo "build.sh: compiling $(basename "$obj") failed" >&2; exit 1; }
done

echo "  LINK deck_parser_fuzzer" >&2
"$cxx" "${flags[@]}" -fsanitize=fuzzer "$root/fuzz/deck_parser_fuzzer.cpp" "${objects[@]}" \
  -lmd4c $(pkg-config --libs icu-uc) -o "$out/deck_parser_fuzzer"
echo "$out/deck_parser_fuzzer"
