#!/usr/bin/env bash
# Fast autoplay (0.2 s a slide) of the built-in deck in a real window for SECONDS, with the
# resident memory sampled each second: its peaks must stay flat once the caches have filled.
#   xvfb-run -a -s "-screen 0 1920x1080x24" tests/long_window_run.sh build/boothdeck 300
set -euo pipefail
bin=$(realpath "$1")
seconds=${2:-30}
log=$(mktemp)
"$bin" --windowed --size 1920x1080 --duration 0.2 --log-format json > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
rss() { awk '/VmRSS/{print $2}' "/proc/$pid/status"; }
# The text cache and the snapshots fill during the first pass over the deck: measure from the
# third pass, counted in slides shown rather than seconds, which a busy machine may not meet.
deck_slides=$(timeout 30 grep -m1 -o '"slides":[0-9]*' <(tail -f "$log") | cut -d: -f2)
for ((waited = 0; waited < 120; ++waited)); do
  (($(grep -c '"event":"slide"' "$log") > 2 * deck_slides)) && break
  kill -0 "$pid" || { echo "FAIL: boothdeck died"; tail -5 "$log"; exit 1; }
  sleep 0.5
done
# The caches evict by least recent use within byte budgets, so RSS is a sawtooth as snapshots
# (up to a full screen each) are freed and composed again: a leak is a rising envelope, so the
# highest sample of the second half is compared with the highest of the first.
samples=()
for ((i = 10; i < seconds; ++i)); do
  sleep 1
  kill -0 "$pid" || { echo "FAIL: boothdeck died"; tail -5 "$log"; exit 1; }
  samples+=("$(rss)")
done
kill -TERM "$pid"
wait "$pid" || { echo "FAIL: exit code $? after SIGTERM"; exit 1; }
half=$((${#samples[@]} / 2))
peak() { printf '%s\n' "$@" | sort -n | tail -1; }
first=$(peak "${samples[@]:0:half}")
second=$(peak "${samples[@]:half}")
slides=$(grep -c '"event":"slide"' "$log")
echo "long window run: ${seconds} s, ${slides} slides shown, peak RSS KiB after two passes:" \
  "first half $first, second half $second (samples: ${samples[*]})"
if ((second > first + 4096)); then
  echo "FAIL: peak RSS grew by $((second - first)) KiB"
  exit 1
fi
echo "1 passed, 0 failed"
