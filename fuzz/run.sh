#!/bin/bash
# Builds the fuzz targets and runs one of them for SECONDS:
#   fuzz/run.sh TARGET SECONDS [WORKDIR]    (WORKDIR default: a new /tmp/boothdeck-fuzz.XXXXXX)
#     text     text_fuzzer: clusters, bidi, line breaking, fonts and drawing, real fonts;
#              seeds: every line of the test decks, the built-in deck and the hostile runs;
#              dictionary fuzz/text.dict; inputs up to MAX_LEN (default 128) bytes: every
#              input is measured with HarfBuzz at each break, 512 bytes ran at 300 a second
#     deck     deck_parser_fuzzer: the parser alone; seeds: the hostile corpus (committed and
#              generated, cut to 1 MB) and the test decks; fuzz/deck.dict + fuzz/text.dict;
#              MAX_LEN default 4096
#     layout   deck_layout_fuzzer: parser and layout with fixed advances; as deck, MAX_LEN
#              default 16384 (slow: tens of inputs a second)
# Three passes: every seed once under ASan + UBSan (-runs=0, at up to 1 MB for deck and
# layout); SECONDS of fuzzing with the fast build (UBSan, -O2: two to three times the inputs a
# second); then every input the fuzzing kept, replayed under ASan + UBSan. One fuzzing process
# (the machine has two cores): never run two at once.
# The corpus, logs and any crash-/leak-/timeout-/oom- inputs stay in WORKDIR. Exits 1 when
# it found something.
set -euo pipefail

target=${1:?usage: fuzz/run.sh text|deck|layout SECONDS [WORKDIR]}
seconds=${2:?usage: fuzz/run.sh text|deck|layout SECONDS [WORKDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${3:-$(mktemp -d /tmp/boothdeck-fuzz.XXXXXX)}
case $target in
  text) binary=text_fuzzer max_len=${MAX_LEN:-128} seed_len=4096 ;;
  deck) binary=deck_parser_fuzzer max_len=${MAX_LEN:-4096} seed_len=$((1024 * 1024)) ;;
  layout) binary=deck_layout_fuzzer max_len=${MAX_LEN:-16384} seed_len=$((1024 * 1024)) ;;
  *) echo "run.sh: the target is text, deck or layout" >&2; exit 2 ;;
esac

builds=${BUILD_DIR:-/tmp/build-fuzz}
checker=$(FLAVOUR=asan "$root/fuzz/build.sh" "$builds/asan" | tail -n 1)/$binary
fuzzer=$(FLAVOUR=fast "$root/fuzz/build.sh" "$builds/fast" | tail -n 1)/$binary
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
"$root/tests/hostile/generate.sh" "$work/generated" >/dev/null
decks=("$root"/tests/data/*.md "$root"/assets/decks/*.md)
if [[ $target == text ]]; then
  cp "$root/fuzz/text.dict" "$work/dict"
  # One seed a line; the first two bytes choose role, weight, size and width.
  i=0
  while IFS= read -r line; do
    [[ -z $line ]] && continue
    i=$((i + 1))
    { printf "\\x$(printf %02x $((i % 32)))\\x$(printf %02x $((40 + i * 37 % 200)))"
      printf '%s' "${line:0:$seed_len}"; } > "$work/seeds/line-$i"
  done < <(cat "${decks[@]}" "$work/generated/unicode-runs.md")
else
  cat "$root/fuzz/deck.dict" "$root/fuzz/text.dict" > "$work/dict"
  cp "$root"/tests/hostile/*.md "$root"/tests/hostile/*.bin "${decks[@]}" "$work/seeds/"
  while IFS= read -r -d '' deck; do
    head -c "$seed_len" "$deck" > "$work/seeds/generated-$(basename "$deck")"
  done < <(find "$work/generated" -name '*.md' -print0)
fi

export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
# A small quarantine: with ASan's 256 MB every allocation touched fresh pages (a third of the
# time was page faults) and the text target grew to 800 MB.
export ASAN_OPTIONS="quarantine_size_mb=16${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
flags=(-timeout=25 -rss_limit_mb=2048 -print_final_stats=1 -dict="$work/dict"
       -artifact_prefix="$work/artifacts/")
status=0
echo "fuzz: $binary seed pass: $(find "$work/seeds" -type f | wc -l) seeds at up to $seed_len bytes"
(cd "$work" && "$checker" "${flags[@]}" -runs=0 -max_len="$seed_len" "$work/seeds") \
  > "$work/seeds.log" 2>&1 || status=$?
grep -E '^#[0-9]+.*(INITED|DONE)' "$work/seeds.log" | tail -n 1 | sed 's/^/fuzz: seed pass: /'
if ((status == 0)); then
  echo "fuzz: $fuzzer for $seconds s at -max_len=$max_len; work dir $work"
  (cd "$work" && "$fuzzer" "${flags[@]}" -max_total_time="$seconds" -max_len="$max_len" \
     "$work/corpus" "$work/seeds") > "$work/fuzz.log" 2>&1 || status=$?
else
  cp "$work/seeds.log" "$work/fuzz.log"
fi
if ((status == 0)); then
  echo "fuzz: replaying $(find "$work/corpus" -type f | wc -l) kept inputs under ASan + UBSan"
  (cd "$work" && "$checker" "${flags[@]}" -runs=0 -max_len="$max_len" "$work/corpus") \
    > "$work/replay.log" 2>&1 || { status=$?; cat "$work/replay.log" >> "$work/fuzz.log"; }
fi

# A summary from libFuzzer's own lines: the last status line and the final stats.
last=$(grep -E '^#[0-9]+' "$work/fuzz.log" | tail -n 1 || true)
stat() { sed -n "s/^stat::$1: *//p" "$work/fuzz.log" | tail -n 1; }
echo "fuzz: last status: $last"
echo "fuzz: executions $(stat number_of_executed_units), $(stat average_exec_per_sec) exec/s," \
     "$(stat new_units_added) new units, peak RSS $(stat peak_rss_mb) MB"
echo "fuzz: corpus $(find "$work/corpus" -type f | wc -l) files in $work/corpus"
findings=$(find "$work/artifacts" -type f | sort)
if [[ -n $findings || $status -ne 0 ]]; then
  echo "fuzz: FINDINGS (libFuzzer exit $status):"
  [[ -n $findings ]] && echo "$findings"
  grep -E '^(==[0-9]+==ERROR|SUMMARY:|.*runtime error:|ALARM|==[0-9]+== ERROR)' "$work/fuzz.log" | head -n 20 || true
  exit 1
fi
echo "fuzz: no crash, leak, timeout or out-of-memory in $seconds s"
