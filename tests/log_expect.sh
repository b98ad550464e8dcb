# Following a running boothdeck through its JSON event log, for the shell tests (sourced).
# The caller sets `log` (the JSON lines) and `errlog` (its stderr), and resets `seen=0` for a
# new run.
#   expect '"event":"slide"' '"index":2,'   # waits (expect_seconds, 8) for a line with every fragment
seen=0
expect_seconds=${expect_seconds:-8}

fail() {
  echo "FAIL: $*"
  echo "--- log"; cat "$log"
  echo "--- stderr"; cat "$errlog"
  exit 1
}

# Waits until the log has a line matching all the given fragments, after line $seen.
expect() {
  local what="$*" deadline=$((SECONDS + expect_seconds))
  while ((SECONDS < deadline)); do
    local n=0
    while IFS= read -r line; do
      n=$((n + 1))
      ((n <= seen)) && continue
      local ok=1
      for fragment in "$@"; do [[ $line == *"$fragment"* ]] || ok=0; done
      if ((ok)); then seen=$n; echo "ok: $what"; return 0; fi
    done < "$log"
    sleep 0.1
  done
  fail "no log line with: $what"
}

slide() { expect '"event":"slide"' "\"index\":$1," "\"reason\":\"$2\""; }
