#!/usr/bin/env bash
# bench/remote_load.sh: the HTTP remote under load. The real kiosk in a 1280x720 window (a fresh
# Xvfb, software screen) shows a 2 s autoplay deck with fades while boothdeck_remote_load sends
# REQUESTS requests (a mix of good and bad: bench/remote_load.cpp) at CONCURRENCY. Prints the
# load tool's latencies and status counts, then from the kiosk's own JSON log: frames a second
# and RSS (SIGUSR1's status) before, during and after, and how late each timer slide came.
#
#   xvfb-run -a -s "-screen 0 1280x720x24" bench/remote_load.sh           # 10 000 at 16
#   REQUESTS=2000 ROUNDS=3 xvfb-run -a ... bench/remote_load.sh           # three rounds: a leak grows
#   RATE=15 xvfb-run -a ... bench/remote_load.sh     # each client under the rate limit: 40 s of load
#
# Environment: BIN (build/boothdeck), LOAD (build/boothdeck_remote_load), REQUESTS (10000),
# CONCURRENCY (16), RATE (0: as fast as it goes; else requests a second per client), ROUNDS (1),
# IDLE (8: seconds measured before and after).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$REPO/build/boothdeck}
LOAD=${LOAD:-$REPO/build/boothdeck_remote_load}
REQUESTS=${REQUESTS:-10000}
CONCURRENCY=${CONCURRENCY:-16}
ROUNDS=${ROUNDS:-1}
RATE=${RATE:-0}
IDLE=${IDLE:-8}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

cat > "$work/deck.md" <<'DECK'
---
duration: 2
transition: fade
idle-return: 60
---
# 하나
---
# 둘
---
# 셋
---
# 넷
DECK
od -An -tx1 -N32 /dev/urandom | tr -d " \n" > "$work/token"  # 256 random bits as 64 hex digits
chmod 600 "$work/token"
port=$(shuf -i 20000-60000 -n 1)
"$BIN" --windowed --size 1280x720 --remote "127.0.0.1:$port" --remote-token-file "$work/token" \
  --log-format json "$work/deck.md" > "$work/log" 2> "$work/err" &
pid=$!
for _ in $(seq 50); do grep -q '"event":"remote"' "$work/log" && break; sleep 0.1; done
grep -q "\"listen\":\"127.0.0.1:$port\"" "$work/log" || { cat "$work/err"; exit 1; }

mark() {  # mark NAME: a status line in the log, named in marks
  kill -USR1 "$pid"
  sleep 0.2
  echo "$1 $(grep -c '"event":"status"' "$work/log")" >> "$work/marks"
}
sleep 2
mark idle-start
sleep "$IDLE"
mark idle-end
for round in $(seq "$ROUNDS"); do
  mark "load-$round-start"
  "$LOAD" "$port" "$(cat "$work/token")" "$REQUESTS" "$CONCURRENCY" "$RATE" | tee "$work/load-$round.json"
  mark "load-$round-end"
done
sleep "$IDLE"
mark after
kill -TERM "$pid"
wait "$pid"
pid=

# The figures from the log: frames a second and RSS between marks, slide lateness by stretch.
python3 - "$work/log" "$work/marks" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
status = [e for e in events if e["event"] == "status"]
marks = {}
for line in open(sys.argv[2]):
    name, n = line.split()
    marks[name] = status[int(n) - 1]
names = [n for n, _ in sorted(marks.items(), key=lambda kv: kv[1]["t"])]
slides = [e for e in events if e["event"] == "slide" and e.get("reason") == "timer"]
for a, b in zip(names, names[1:]):
    s, e = marks[a], marks[b]
    fps = (e["frames"] - s["frames"]) / max(e["t"] - s["t"], 1e-3)
    inside = [x["t"] for x in slides if s["t"] <= x["t"] <= e["t"]]
    late = [round((y - x - 2.0) * 1000) for x, y in zip(inside, inside[1:])]
    print(f"{a} → {b}: {e['t'] - s['t']:.1f} s, {fps:.1f} frames/s, RSS {s['rss_kib']} → "
          f"{e['rss_kib']} KiB, {len(inside)} timer slides, interval - 2 s: "
          f"min {min(late, default=0)} ms, max {max(late, default=0)} ms")
PY
