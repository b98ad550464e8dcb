#!/bin/bash
# Writes the big hostile decks, which are never committed, into OUTDIR:
#   long-line.md     one 10 MB line (Latin and Hangul words), ending in an invalid UTF-8 byte
#   many-slides.md   10 000 slides of mixed kinds; the last one has a bar with a negative value
#   deep-nesting.md  lists, ordered lists and quotes nested 5000 deep, emphasis and brackets
#                    5000 deep, and a list nested 300 deep by indentation
#   wide-table.md    tables of 500, 128 and 129 columns, with Latin and Hangul cells
#   long-word.md     words that cannot break: 16 000 '[', 5000 Hangul syllables without a space,
#                    a heading of 3000 '(' (cutting such words one line at a time was quadratic)
#   symlink-escape/deck/deck.md  an image that is a symlink out of the deck's folder to a real PNG
#   not-an-image/not-an-image.md  images that are not: text, empty, a folder, a FIFO, a symlink
#                    to itself, a PNG signature with a broken header (these are generated
#                    because .gitignore keeps *.png out of the repository)
# Next to each deck, NAME.expect holds a regex for one diagnostic that must be printed, after
# the deck's path: `:LINE:COL: error: ... [code]`. Deep nesting, wide tables and long words are
# valid Markdown, so those decks end with a marker error whose exact line shows that positions
# survive what came before.
#   tests/hostile/generate.sh OUTDIR
# Bash and coreutils only.
set -euo pipefail

out=${1:?usage: generate.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"

# repeat TEXT N: TEXT N times, without newlines in between.
repeat() { (set +o pipefail; yes -- "$1" | head -n "$2" | tr -d '\n'); }  # yes ends on SIGPIPE

# One 10 MB line: 524 288 units of 20 bytes (14 code points), then 0xFF.
{
  printf '# A 10 MB line\n\n'
  repeat 'boothdeck 부스덱 ' 524288
  printf '\xff\n'
} > "$out/long-line.md"
echo ":3:$((524288 * 14 + 1)): error: .*\[invalid-utf8\]" > "$out/long-line.md.expect"

# 10 000 slides, cycling through the block kinds layout knows; `line` tracks the line number.
{
  line=1
  for ((i = 1; i <= 10000; i++)); do
    case $((i % 5)) in
      0) printf '## Slide %d\n\nPlain text with **bold**, *italic*, `code` and 한국어 낱말.\n\n' "$i"; line=$((line + 4)) ;;
      1) printf '# Slide %d\n\n- one\n  - two\n1. three\n\n' "$i"; line=$((line + 6)) ;;
      2) printf '| a | b |\n| --- | ---: |\n| %d | x |\n\n' "$i"; line=$((line + 4)) ;;
      3) printf '```bars title="Slide %d" unit=%%\nA: %d%%\nB: 50%% *\n```\n\n' "$i" "$((i % 100))"; line=$((line + 5)) ;;
      4) printf '<!-- duration: 1; layout: cover -->\n<!-- notes: slide %d -->\n### Cover %d\n\n' "$i" "$i"; line=$((line + 4)) ;;
    esac
    if ((i == 10000)); then
      # A bar with a negative value: its line is known exactly (bars report their own line).
      printf '```bars\nLast: -1\nFine: 2\n```\n'
      echo ":$((line + 1)):[0-9]+: error: .*\[bad-bar\]" > "$out/many-slides.md.expect"
    else
      printf -- '---\n\n'
      line=$((line + 2))
    fi
  done
} > "$out/many-slides.md"

# marker DECK: appends a closing slide to a valid deck: a bar with a negative value, an error at
# a known line.
marker() {
  local lines
  lines=$(wc -l < "$out/$1")
  printf '\n---\n\n# Marker\n\n```bars\nMarker: -1\n```\n' >> "$out/$1"
  echo ":$((lines + 7)):[0-9]+: error: .*\[bad-bar\]" > "$out/$1.expect"
}

# 5000 levels on one line each ("- - - x" is three nested lists), so the file stays small.
{
  printf '# Nested 5000 deep\n\n'
  repeat '- ' 5000; printf 'deepest bullet\n\n---\n\n'
  repeat '1. ' 5000; printf 'deepest number\n\n---\n\n'
  repeat '> ' 5000; printf 'deepest quote\n\n---\n\n'
  repeat '*' 5000; printf 'emphasis'; repeat '*' 5000; printf '\n\n---\n\n'
  repeat '[' 5000; printf 'brackets'; repeat ']' 5000; printf '\n\n---\n\n'
  for ((i = 0; i < 300; i++)); do printf '%*s- level %d\n' $((2 * i)) '' "$i"; done
} > "$out/deep-nesting.md"
marker deep-nesting.md

# table COLUMNS: a header, the delimiter row and two body rows.
table() {
  local n=$1 c
  for ((c = 1; c <= n; c++)); do printf '| h%d ' "$c"; done; printf '|\n'
  for ((c = 1; c <= n; c++)); do printf '| --- '; done; printf '|\n'
  for ((c = 1; c <= n; c++)); do printf '| %d ' $((c * c)); done; printf '|\n'
  for ((c = 1; c <= n; c++)); do printf '| 부스덱 '; done; printf '|\n'
}
{
  printf '# 500 columns\n\n'; table 500
  printf '\n---\n\n# 128 columns\n\n'; table 128
  printf '\n---\n\n# 129 columns\n\n'; table 129
} > "$out/wide-table.md"
marker wide-table.md

{
  printf '# Long words\n\n'; repeat '[' 16000; printf '\n\n---\n\n'
  repeat '부스덱' 5000; printf '\n\n---\n\n'
  printf '## '; repeat '(' 3000; printf '\n'
} > "$out/long-word.md"
marker long-word.md

# The image is a symlink inside the deck's folder to a real PNG outside it.
mkdir -p "$out/symlink-escape/deck" "$out/symlink-escape/outside"
cp "$here/binary.bin" "$out/symlink-escape/outside/logo.png"
ln -sfn ../outside/logo.png "$out/symlink-escape/deck/logo.png"
printf '# A symlink out of the folder\n\n![logo](logo.png)\n' > "$out/symlink-escape/deck/deck.md"
echo ':3:9: error: .*\[image-outside-deck\]' > "$out/symlink-escape/deck/deck.md.expect"

# Files named .png that are no image. truncated.png has the PNG signature, which is all the
# parser checks, and a header that libpng rejects: only --export meets it.
dir="$out/not-an-image"
mkdir -p "$dir/folder.png"
printf 'text, not a PNG\n' > "$dir/text.png"
: > "$dir/empty.png"
rm -f "$dir/fifo.png" && mkfifo "$dir/fifo.png"
ln -sfn loop.png "$dir/loop.png"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xff\xff\xff\xff\xff\xff\xff' > "$dir/truncated.png"
{
  printf '# Images that are not images\n'
  for image in text truncated empty folder fifo loop missing; do
    printf '\n![%s](%s.png)\n\n---\n' "$image" "$image"
  done
  printf '\n![the deck itself](not-an-image.md)\n'
} > "$dir/not-an-image.md"
echo ":3:9: error: image 'text.png' .*\[unreadable-image\]" > "$dir/not-an-image.md.expect"
