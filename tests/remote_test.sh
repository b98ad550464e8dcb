#!/usr/bin/env bash
# The HTTP remote of the real program, driven by curl, under Xvfb on one wide screen with the
# public window and the presenter's window side by side: the token (401 without it, a bearer
# token, the pairing cookie, another site's origin refused), commands and what the JSON log
# says they did, bad bodies (400), large bodies (413), floods (429), half-open connections
# that tie up nothing, the event stream, thumbnails, the phone page; a token file others can
# read refused; a port already taken leaves the show running.
#   xvfb-run -a -s "-screen 0 2560x720x24" tests/remote_test.sh build/boothdeck
set -euo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
log=$work/log.jsonl
errlog=$work/stderr
: > "$log"
source "$(dirname "$0")/log_expect.sh"

# The deck in a folder of its own: the files the test writes are not the deck's images.
mkdir "$work/deck"
deck=$work/deck/deck.md
cat > "$deck" <<'DECK'
---
duration: 2
idle-return: 60
transition: none
---
# 하나

<!-- notes: 첫 슬라이드의 노트 -->
---
# 둘
---
# 셋
DECK
od -An -tx1 -N32 /dev/urandom | tr -d " \n" > "$work/token"  # 256 random bits as 64 hex digits
chmod 600 "$work/token"
token=$(cat "$work/token")
# A port nobody answers on.
port=
for candidate in $(shuf -i 20000-60000 -n 20); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "FAIL: no free port"; exit 1; }
url=http://127.0.0.1:$port
auth=(-H "Authorization: Bearer $token")
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
check() {  # check WHAT EXPECTED ACTUAL
  [ "$2" = "$3" ] || fail "$1: expected $2, got $3"
  echo "ok: $1 ($3)"
}

"$bin" --windowed --size 1280x720 --presenter-view --remote "127.0.0.1:$port" \
  --remote-token-file "$work/token" --log-format json "$deck" > "$log" 2> "$errlog" &
pids+=($!)
pid=$!
expect '"event":"start"'
expect '"event":"remote"' "\"listen\":\"127.0.0.1:$port\"" '"loopback":true'
expect '"event":"presenter-view"' '"open":true'

# Two windows side by side: the public one shows only the slide, the presenter's its own view.
public=$(xdotool search --sync --onlyvisible --name '^boothdeck$' | head -1)
presenter=$(xdotool search --sync --onlyvisible --name '^boothdeck presenter$' | head -1)
[ -n "$public" ] && [ -n "$presenter" ] || fail "two visible windows expected"
sleep 1
pixel() { import -window root -crop "1x1+$1+$2" -depth 8 txt:- | tail -1 | grep -o '#[0-9A-F]\{6\}'; }
check "public window's corner: the slide" "#12151C" "$(pixel 3 3)"
check "presenter window's margin: its own background" "#0B0D12" "$(pixel 1283 3)"
check "presenter window's current slide" "#12151C" "$(pixel 1301 53)"

# The token.
check "no token" 401 "$(code "$url/api/status")"
check "a wrong token" 401 "$(code -H "Authorization: Bearer ${token%?}0" "$url/api/status")"
check "the bearer token" 200 "$(code "${auth[@]}" "$url/api/status")"
curl -s -D "$work/headers" -o /dev/null "$url/api/status"
grep -qi '^WWW-Authenticate: Bearer' "$work/headers" || fail "401 without WWW-Authenticate"
curl -s "${auth[@]}" "$url/api/status" | grep -q '"count":3' || fail "status without the count"

# Commands, and what the log says they did.
post() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' -d "$1" "$url/api/command"; }
check "next" 200 "$(post '{"command":"next"}')"
expect '"event":"remote"' '"command":"next"' '"via":"http"'
slide 1 api
check "goto 3" 200 "$(post '{"command":"goto","slide":3}')"
slide 2 api
check "blank" 200 "$(post '{"command":"blank"}')"
expect '"event":"blank"' '"on":true' '"reason":"api"'
check "unblank" 200 "$(post '{"command":"unblank"}')"
expect '"event":"blank"' '"on":false'
curl -s "${auth[@]}" -d '{"command":"prev"}' "$url/api/command" | grep -q '"slide":2' ||
  fail "a command's reply is not the new status"
slide 1 api

# Bad bodies: 400, large ones 413.
check "not JSON" 400 "$(post 'next please')"
check "an unknown command" 400 "$(post '{"command":"explode"}')"
check "a slide that does not exist" 400 "$(post '{"command":"goto","slide":9}')"
check "a body over 4 KiB" 413 "$(head -c 5000 /dev/zero | tr '\0' ' ' | code "${auth[@]}" --data-binary @- "$url/api/command")"

# Pairing: an HttpOnly, SameSite=Strict cookie; another site's origin cannot use it.
curl -s -D "$work/pair" -o /dev/null -c "$work/jar" "$url/pair?token=$token"
head -1 "$work/pair" | grep -q ' 303' || fail "pairing does not redirect"
grep -i '^Set-Cookie:' "$work/pair" | grep -q 'HttpOnly' || fail "the cookie is not HttpOnly"
grep -i '^Set-Cookie:' "$work/pair" | grep -q 'SameSite=Strict' || fail "the cookie is not SameSite=Strict"
check "the cookie" 200 "$(code -b "$work/jar" "$url/api/status")"
check "another site's page" 403 "$(code -b "$work/jar" -H "Origin: http://evil.example" -d '{"command":"next"}' "$url/api/command")"
check "our own page" 200 "$(code -b "$work/jar" -H "Origin: http://127.0.0.1:$port" -d '{"command":"next"}' "$url/api/command")"
slide 2 api
check "an old pairing code" 401 "$(code "$url/pair?token=0000000000000000000000000000000000000000000")"
for path in / /api/status /pair; do
  curl -s -D - -o /dev/null -H "Origin: http://evil.example" "${auth[@]}" "$url$path" |
    grep -qi '^Access-Control-Allow-Origin' && fail "$path answers with a CORS header"
done
echo "ok: no CORS header anywhere"

# The event stream: the status first, then the log's events.
curl -s -N --max-time 3 "${auth[@]}" "$url/api/events" > "$work/sse" &
sse=$!
sleep 0.5
post '{"command":"first"}' > /dev/null
wait "$sse" || true
grep -q '^event: status' "$work/sse" || fail "the stream has no status"
grep -q '^event: slide' "$work/sse" || fail "the stream has no slide event"
grep '^event: slide' -A1 "$work/sse" | grep -q '"reason":"api"' || fail "the slide event has no reason"
echo "ok: the event stream"

# Thumbnails drawn by our renderer; the phone page.
curl -s "${auth[@]}" -o "$work/thumb.png" -w '%{content_type}' "$url/api/slides/3.png" | grep -q image/png ||
  fail "no PNG thumbnail"
identify "$work/thumb.png" | grep -q 'PNG 640x360' || fail "the thumbnail is not 640x360: $(identify "$work/thumb.png")"
# The slide itself, not an empty texture: its background in the corner, its title's ink.
check "the thumbnail's corner: the slide's background" "#12151C" \
  "$(convert "$work/thumb.png" -crop 1x1+2+2 -depth 8 txt:- | tail -1 | grep -o '#[0-9A-F]\{6\}')"
colours=$(convert "$work/thumb.png" -format %k info:)
((colours > 8)) || fail "the thumbnail has $colours colours: no title drawn"
check "a thumbnail of no slide" 404 "$(code "${auth[@]}" "$url/api/slides/9.png")"
curl -s -D "$work/page-headers" -o "$work/page.html" "$url/"
grep -q '다음 ▶' "$work/page.html" || fail "the phone page has no Korean next button"
grep -Eq '<script[^>]+src=|<link[^>]+href=|https?://' "$work/page.html" && fail "the phone page loads from the network"
grep -qi "^Content-Security-Policy: default-src 'none'" "$work/page-headers" || fail "no CSP"
echo "ok: the phone page"

# Keys work from the presenter's window too.
xdotool windowfocus --sync "$presenter" 2>/dev/null || xdotool windowfocus "$presenter"
sleep 0.3
xdotool key Right
slide 1 key

# Half-open connections tie up nothing: twenty requests that never finish their headers; the
# API still answers and the timer still changes slides.
for i in $(seq 20); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET /api/status HTTP/1.1\r\nHost: x\r\n' >&$fd
  half+=($fd)
done
check "with half-open connections" 200 "$(code "${auth[@]}" "$url/api/status")"
check "resume" 200 "$(post '{"command":"resume"}')"
slide 2 timer
for fd in "${half[@]}"; do exec {fd}>&-; done

# A flood: 429 with Retry-After, and the show goes on.
seq 300 | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' "${auth[@]}" "$url/api/status" > "$work/flood"
ok=$(grep -c '^200$' "$work/flood" || true)
limited=$(grep -c '^429$' "$work/flood" || true)
((limited > 0 && ok > 0 && ok + limited == 300)) || fail "flood: $ok ok, $limited limited of 300"
echo "ok: a flood of 300: $ok answered, $limited told to wait (429)"
seq 100 | xargs -P 16 -I{} curl -s -D - -o /dev/null "${auth[@]}" "$url/api/status" |
  grep -qi '^Retry-After: [0-9]' || fail "429 without Retry-After"
slide 0 timer

# A second instance on the same port: the remote is off, the show runs.
"$bin" --windowed --size 320x180 --remote "127.0.0.1:$port" --log-format json "$deck" \
  > "$work/second.jsonl" 2> "$work/second.err" &
pids+=($!)
second=$!
sleep 3
grep -q '"event":"error".*cannot listen' "$work/second.jsonl" || fail "the second instance did not say the port is taken"
grep -q '"event":"slide".*"reason":"timer"' "$work/second.jsonl" || fail "the second instance's show stopped"
kill -TERM "$second"; wait "$second" || fail "the second instance did not end cleanly"
echo "ok: a port already taken leaves the show running"

kill -TERM "$pid"
expect '"event":"quit"'
wait "$pid" || fail "exit code $? after SIGTERM"
grep -v '"time":"[0-9-]*T[0-9:]*\.[0-9]\{3\}Z"' "$log" && fail "a log line without its wall-clock time"
echo "ok: every log line has its time"

# A token file others can read is refused at the start.
chmod 644 "$work/token"
set +e
"$bin" --windowed --remote "127.0.0.1:$port" --remote-token-file "$work/token" "$deck" 2> "$work/refused"
status=$?
set -e
check "a token file others can read" 2 "$status"
grep -q 'chmod 600' "$work/refused" || fail "no hint: $(cat "$work/refused")"
echo "remote test: all passed"
