#!/usr/bin/env bash
# A fleet over MQTT with a real mosquitto broker that this test starts and stops on loopback:
# three screens in one group follow one published command and one published deck (a bundle
# with an image) within a bounded time; their state is retained; the broker stopped and
# started again loses nothing (the screens keep showing, reconnect by themselves, a command
# sent right after the restart reaches all three, the retained deck reaches a screen that
# joins later); a screen that stops says "offline".
#   xvfb-run -a -s "-screen 0 1280x720x24" tests/fleet_test.sh build/boothdeck build/tests/mqtt_probe
set -euo pipefail
bin=$(realpath "$1")
probe=$(realpath "$2")
broker=${MOSQUITTO:-/usr/sbin/mosquitto}
work=$(mktemp -d)
pids=()
broker_pid=
trap 'for p in "${pids[@]}" $broker_pid; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
[ -x "$broker" ] || { echo "SKIP: no mosquitto broker (apt install mosquitto)"; exit 77; }
expect_seconds=15  # a reconnect waits out the client's backoff (1, 2, 4 … 10 s)
source "$(dirname "$0")/log_expect.sh"

port=
for candidate in $(shuf -i 20000-60000 -n 20); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "FAIL: no free port"; exit 1; }
mkdir "$work/broker"
cat > "$work/broker/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
user $(id -un)
persistence true
persistence_location $work/broker/
log_dest file $work/broker/log
CONF
start_broker() {
  "$broker" -c "$work/broker/mosquitto.conf" &
  broker_pid=$!
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.1; done
  echo "FAIL: the broker did not start"; cat "$work/broker/log"; exit 1
}
stop_broker() { kill -TERM "$broker_pid"; wait "$broker_pid" || true; broker_pid=; }
mqtt=(--mqtt "mqtt://127.0.0.1:$port" --group hall)

mkdir -p "$work/deck" "$work/new/photos"
# Short slides: a new deck comes in at the next slide, as a saved file does.
cat > "$work/deck/deck.md" <<'DECK'
---
duration: 3
idle-return: 0
transition: none
---
# 하나
---
# 둘
---
# 셋
---
# 넷
DECK
convert -size 64x32 xc:'#c83c3c' "$work/new/photos/red.png"
cat > "$work/new/talk.md" <<'DECK'
---
duration: 3
transition: none
---
# 새 덱

![빨강](photos/red.png)
---
# 둘째
DECK

# Each screen's log, and how far the test has read it.
declare -A read_to
errlog=/dev/null
screen() {  # screen N: starts screen-N of the group
  : > "$work/screen-$1.jsonl"
  "$bin" --windowed --size 320x180 "${mqtt[@]}" --mqtt-id "screen-$1" --state-dir "$work/state-$1" \
    --log-format json "$work/deck/deck.md" > "$work/screen-$1.jsonl" 2> "$work/screen-$1.err" &
  pids+=($!)
  eval "pid_$1=$!"
  read_to[$1]=0
}
on() {  # on N FRAGMENT...: waits for screen N's log to say it
  local n=$1
  shift
  log=$work/screen-$n.jsonl errlog=$work/screen-$n.err seen=${read_to[$n]}
  expect "$@"
  read_to[$n]=$seen
}
on_all() { for n in 1 2 3; do on "$n" "$@"; done; }

start_broker
for n in 1 2 3; do screen "$n"; done
on_all '"event":"fleet"' '"connected":true'
state=$("$probe" 127.0.0.1 "$port" boothdeck/hall/screen-2/state 5) || { echo "FAIL: no retained state"; exit 1; }
[[ $state == *'"slide":1'* && $state == *'"id":"screen-2"'* ]] || { echo "FAIL: state $state"; exit 1; }
echo "ok: screen-2's state is retained: $state"

# One command to the group.
"$bin" publish --command '{"command":"goto","slide":3}' "${mqtt[@]}"
on_all '"event":"remote"' '"command":"goto"' '"via":"mqtt"'
on_all '"event":"slide"' '"index":2,' '"reason":"fleet"'

# One deck to the group: the bundle unpacked, checked, and shown through the reload pipeline.
"$bin" publish "$work/new/talk.md" "${mqtt[@]}"
on_all '"event":"fleet-deck"' '"files":3'
on_all '"event":"reload"' '"slides":2'
for n in 1 2 3; do
  ls "$work/state-$n"/fleet/deck-*/photos/red.png > /dev/null || { echo "FAIL: screen-$n has no image"; exit 1; }
done
echo "ok: three screens show the published deck with its image"
# A deck with an error is not sent at all.
printf -- '# 깨진 덱\n\n![](missing.png)\n' > "$work/new/broken.md"
if "$bin" publish "$work/new/broken.md" "${mqtt[@]}" 2> "$work/broken.err"; then
  echo "FAIL: a broken deck was published"; exit 1
fi
grep -q 'missing-image' "$work/broken.err" || { echo "FAIL: $(cat "$work/broken.err")"; exit 1; }
echo "ok: a deck with errors is refused before it is sent"

# The broker goes away: the screens keep showing and say so.
stop_broker
on_all '"event":"fleet"' '"connected":false'
if "$bin" publish --command '{"command":"next"}' "${mqtt[@]}" 2> "$work/down.err"; then
  echo "FAIL: publishing to a stopped broker succeeded"; exit 1
fi
echo "ok: publish says when no broker answers: $(cat "$work/down.err")"
for n in 1 2 3; do kill -0 "$(eval echo "\$pid_$n")" || { echo "FAIL: screen-$n died"; exit 1; }; done
# It comes back; a command sent at once, before the screens reconnected, waits in their
# sessions and reaches all three.
start_broker
"$bin" publish --command '{"command":"next"}' "${mqtt[@]}"
on_all '"event":"fleet"' '"connected":true'
on_all '"event":"remote"' '"command":"next"' '"via":"mqtt"'
on_all '"event":"slide"' '"reason":"fleet"'
state=$("$probe" 127.0.0.1 "$port" boothdeck/hall/screen-1/state 5)
[[ $state == *'"id":"screen-1"'* && $state == *'"count":2'* ]] ||
  { echo "FAIL: state after the restart: $state"; exit 1; }
echo "ok: the state is retained again after the restart: $state"
# A fourth screen joins after the restart: the retained deck survived it.
screen 4
on 4 '"event":"fleet-deck"'
on 4 '"event":"reload"' '"slides":2'

# A screen that stops says so.
kill -TERM "$pid_3"
wait "$pid_3" || { echo "FAIL: screen-3 did not end cleanly"; exit 1; }
state=$("$probe" 127.0.0.1 "$port" boothdeck/hall/screen-3/state 5)
[ "$state" = offline ] || { echo "FAIL: screen-3's state is $state"; exit 1; }
echo "ok: a screen that stopped is offline"
for n in 1 2 4; do kill -TERM "$(eval echo "\$pid_$n")"; done
for n in 1 2 4; do on "$n" '"event":"quit"'; done
echo "fleet test: all passed"
