#!/bin/bash
# Builds the deck parser fuzzer and runs it for SECONDS, seeded with the hostile corpus: the
# committed tests/hostile files and the generated big decks cut to 1 MB.
#   fuzz/run.sh SECONDS [WORKDIR]    (WORKDIR default: a new /tmp/boothdeck-fuzz.XXXXXX)
# Two passes: every seed once at up to 1 MB (-max_len=1048576, -runs=0), then SECONDS of
# fuzzing at MAX_LEN (default 16384) bytes: 1 MB inputs ran at 3-20 executions a second.
# The working corpus, logs and any crash-/leak-/timeout-/oom- inputs stay in WORKDIR.
# One fuzzing process (the machine has two cores). Exits 1 when it found something.
set -euo pipefail

seconds=${1:?usage: fuzz/run.sh SECONDS [WORKDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${2:-$(mktemp -d /tmp/boothdeck-fuzz.XXXXXX)}
max_len=$((1024 * 1024))

fuzzer=$("$root/fuzz/build.sh" "${BUILD_DIR:-/tmp/build-fuzz}" | tail -n 1)
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
cp "$root"/tests/hostile/*.md "$root"/tests/hostile/*.bin "$root"/tests/data/*.md "$work/seeds/"
"$root/tests/hostile/generate.sh" "$work/generated"
while IFS= read -r -d '' deck; do
  head -c "$max_len" "$deck" > "$work/seeds/generated-$(basename "$deck")"
done < <(find "$work/generated" -name '*.md' -print0)

flags=(-timeout=25 -rss_limit_mb=2048 -print_final_stats=1 -dict="$root/fuzz/deck.dict"
       -artifact_prefix="$work/artifacts/")
status=0
echo "fuzz: seed pass: $(find "$work/seeds" -type f | wc -l) seeds at up to $max_len bytes"
(cd "$work" && "$fuzzer" "${flags[@]}" -runs=0 -max_len="$max_len" "$work/seeds") \
  > "$work/seeds.log" 2>&1 || status=$?
grep -E '^#[0-9]+.*(INITED|DONE)' "$work/seeds.log" | tail -n 1 | sed 's/^/fuzz: seed pass: /'
if ((status == 0)); then
  echo "fuzz: $fuzzer for $seconds s at -max_len=${MAX_LEN:-16384}; work dir $work"
  (cd "$work" && "$fuzzer" "${flags[@]}" -max_total_time="$seconds" -max_len="${MAX_LEN:-16384}" \
     "$work/corpus" "$work/seeds") > "$work/fuzz.log" 2>&1 || status=$?
else
  cp "$work/seeds.log" "$work/fuzz.log"
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
