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
sleep 10  # one pass over the deck fills the cache: measure from there
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
echo "long window run: ${seconds} s, ${slides} slides shown, RSS KiB at 10 s: $start, at end: $end (samples: $samples)"
if ((end > start + 4096)); then
  echo "FAIL: RSS grew by $((end - start)) KiB"
  exit 1
fi
echo "1 passed, 0 failed"
