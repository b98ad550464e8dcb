#!/bin/bash
# Builds the libFuzzer targets with clang 14 + AddressSanitizer + UBSan, compiling the sources
# directly (no CMake), so it never touches another build tree:
#   deck_parser_fuzzer   the parser alone (src/core/deck)
#   text_fuzzer          the text path alone: clusters, bidi, breaking, fonts, drawing a line
#   deck_layout_fuzzer   parser and layout with fixed advances (slow; the old target)
#   fuzz/build.sh [BUILD_DIR]     (default /tmp/build-fuzz; prints the build folder last)
# Two flavours, chosen by FLAVOUR: `asan` (default): AddressSanitizer + UBSan at -O1, for the
# seed pass and for replaying every input the fuzzing kept; `fast`: UBSan only at -O2, for
# the fuzzing itself, two to three times as many inputs a second (ASan's allocator and
# quarantine were a quarter of the time).
# Needs clang and libclang-rt-14-dev (Debian 12: apt-get install clang libclang-rt-14-dev),
# and what boothdeck itself needs (scripts/setup.sh): md4c, ICU, SDL2, SDL2_ttf, fontconfig.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/build-fuzz}
cxx=${CXX:-clang++}
mkdir -p "$out/obj"
command -v "$cxx" >/dev/null ||
  { echo "build.sh: $cxx not found; apt-get install clang libclang-rt-14-dev" >&2; exit 1; }

sdl=$(pkg-config --cflags sdl2 SDL2_ttf fontconfig)
flags=(-std=c++20 -g -fno-omit-frame-pointer -I"$root/src" -I"$root/tests"
       -fno-sanitize-recover=undefined -DBOOTHDECK_FONTS_DIR="\"$root/fonts\"")
case ${FLAVOUR:-asan} in
  asan) flags+=(-O1 -fsanitize=address,undefined) ;;
  fast) flags+=(-O2 -fsanitize=undefined) ;;
  *) echo "build.sh: FLAVOUR is asan or fast" >&2; exit 2 ;;
esac

# One object per source, at most two compilers at once (two cores); a source is rebuilt when
# it or any header under src/ is newer than its object.
newest_header=$(find "$root/src" -name '*.h' -printf '%T@\n' | sort -n | tail -1)
core=() render=()
running=0
compile() {  # compile SOURCE ARRAY [COVERAGE]: appends the object to the array named ARRAY
  local src=$1 obj coverage=${3:--fsanitize=fuzzer-no-link}
  obj="$out/obj/$(basename "$(dirname "$src")")_$(basename "${src%.cpp}").o"
  eval "$2+=(\"$obj\")"
  if [[ -f $obj && ! $src -nt $obj ]] &&
     awk -v h="$newest_header" -v o="$(stat -c %Y "$obj")" 'BEGIN { exit !(h <= o) }'; then
    return
  fi
  rm -f "$obj"
  echo "  CXX ${src#"$root"/}" >&2
  # shellcheck disable=SC2086
  "$cxx" "${flags[@]}" $sdl $coverage -c "$src" -o "$obj" &
  if (( ++running >= 2 )); then wait -n; running=$((running - 1)); fi
}
for src in "$root"/src/core/deck/*.cpp "$root"/src/core/layout/*.cpp; do compile "$src" core; done
for name in font_set ttf_text_measurer; do compile "$root/src/render/$name.cpp" render; done
# Compositing a line is loops over pixels: traced for coverage, every pixel was a comparison
# callback and the target ran at 240 inputs a second. Sanitized, not traced.
compile "$root/src/render/line_surface.cpp" render -fno-sanitize-coverage=trace-cmp
wait
for obj in "${core[@]}" "${render[@]}"; do
  [[ -f $obj ]] || { echo "build.sh: compiling $(basename "$obj") failed" >&2; exit 1; }
done

libs=(-lmd4c -lyaml-cpp $(pkg-config --libs icu-uc libqrencode))
for target in deck_parser_fuzzer deck_layout_fuzzer; do
  echo "  LINK $target" >&2
  "$cxx" "${flags[@]}" -fsanitize=fuzzer "$root/fuzz/$target.cpp" "${core[@]}" "${libs[@]}" -o "$out/$target"
done
echo "  LINK text_fuzzer" >&2
# shellcheck disable=SC2086
"$cxx" "${flags[@]}" $sdl -fsanitize=fuzzer "$root/fuzz/text_fuzzer.cpp" "${render[@]}" "${core[@]}" \
  "${libs[@]}" $(pkg-config --libs sdl2 SDL2_ttf fontconfig) -o "$out/text_fuzzer"
echo "$out"
