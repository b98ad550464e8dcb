#!/bin/bash
# Writes the big hostile decks, which are never committed, into OUTDIR:
#   long-line.md     one 10 MB line (Latin and Hangul words), ending in an invalid UTF-8 byte
#   many-slides.md   10 000 slides of mixed kinds; the last one has a bar with a negative value
#   deep-nesting.md  lists, ordered lists and quotes nested 5000 deep, emphasis and brackets
#                    5000 deep, and a list nested 300 deep by indentation
#   wide-table.md    tables of 500, 128 and 129 columns, with Latin and Hangul cells
#   long-word.md     words that cannot break: 16 000 '[', 5000 Hangul syllables without a space,
#                    a heading of 3000 '(' (cutting such words one line at a time was quadratic)
#   unicode-runs.md  long runs of what broke text before: flags and lone regional indicators,
#                    ZWJ chains, skin tones, keycaps, tag sequences, variation selectors, 10 000
#                    accents on one letter, leading jamo, Arabic and Hebrew without spaces,
#                    bidi overrides never closed, unassigned code points, noncharacters,
#                    private use, U+FEFF, U+3000, U+200B, tabs and controls, in headings,
#                    paragraphs, lists, table cells, code and bar labels
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

# unicode-runs.md: each kind 4000 times in a paragraph (written as UTF-8 bytes, so no locale is
# needed), and fewer in a heading, a list, a table cell, code and a bar label: a slide a kind.
kinds=(
  'flags|\xf0\x9f\x87\xb0\xf0\x9f\x87\xb7'
  'lone-regional-indicator|a\xf0\x9f\x87\xb0'
  'zwj-chain|\xf0\x9f\x91\xa8\xe2\x80\x8d'
  'skin-tones|\xf0\x9f\x8f\xbd'
  'keycaps|1\xef\xb8\x8f\xe2\x83\xa3'
  'tag-sequence|\xf3\xa0\x81\xa7'
  'variation-selectors|\xef\xb8\x8f\xef\xb8\x8e'
  'combining-marks|\xcc\x81'
  'leading-jamo|\xe1\x84\x80'
  'jamo-syllables|\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab'
  'arabic|\xd8\xa8\xd8\xa7'
  'hebrew|\xd7\xa9\xd7\x9c'
  'bidi-overrides|\xe2\x80\xae\xd7\xa9\xe2\x81\xa6a'
  'unassigned|\xcd\xb8\xf0\xaf\xbf\xbd'
  'noncharacters|\xef\xbf\xbe\xef\xb7\x90\xf0\xbf\xbf\xbf'
  'private-use|\xf4\x8f\xbf\xbd\xee\x80\x80'
  'byte-order-marks|\xef\xbb\xbf'
  'ideographic-spaces|\xe3\x80\x80'
  'zero-width-spaces|\xe2\x80\x8b'
  'tabs-and-controls|\t\x01\x7f\xc2\x85'
)
{
  first=1
  for kind in "${kinds[@]}"; do
    name=${kind%%|*}
    unit=$(printf '%b' "${kind#*|}")
    ((first)) || printf '\n---\n\n'
    first=0
    printf '# %s ' "$name"; repeat "$unit" 300; printf '\n\n'
    repeat "$unit" 4000; printf '\n\n- '
    repeat "$unit" 500; printf '\n\n| a | b |\n| --- | --- |\n| '
    repeat "$unit" 200; printf ' | x |\n\n```\n\t'
    repeat "$unit" 500; printf '\n```\n\n```bars\n'
    repeat "$unit" 50; printf ': 5\n```\n'
  done
} > "$out/unicode-runs.md"
marker unicode-runs.md

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
