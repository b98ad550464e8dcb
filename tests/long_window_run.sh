#!/usr/bin/env bash
# Fast autoplay (0.2 s a slide) of the built-in deck in a real window for SECONDS, with the
# resident memory sampled as it runs: it must stay flat once the text cache has filled.
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
start=$(rss)
samples="$start"
for ((i = 10; i < seconds; i += 10)); do
  sleep 10
  kill -0 "$pid" || { echo "FAIL: boothdeck died"; cat "$log" | tail -5; exit 1; }
  samples="$samples $(rss)"
done
end=$(rss)
kill -TERM "$pid"
wait "$pid" || { echo "FAIL: exit code $? after SIGTERM"; exit 1; }
slides=$(grep -c '"event":"slide"' "$log")
echo "long window run: ${seconds} s, ${slides} slides shown, RSS KiB after two passes: $start, at end: $end (samples: $samples)"
if ((end > start + 4096)); then
  echo "FAIL: RSS grew by $((end - start)) KiB"
  exit 1
fi
echo "1 passed, 0 failed"
