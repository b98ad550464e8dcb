#!/usr/bin/env bash
# bench/compare.sh: boothdeck against what a booth would otherwise run, the same deck as a
# reveal.js page in Debian's Chromium, both at 1920x1080 on this machine, in one run.
#
#   bench/compare.sh                 # RUNS=5 by default; RUNS=3 bench/compare.sh for a quicker one
#
# Environment: RUNS (5), FIGURES ("1 2 3 4": which figures to measure; F5 comes with F3),
# BOOTHDECK (build/boothdeck), DECK (the built-in report's file), BARS_DECK (a deck with two
# 8-bar charts, bench/decks/two-charts.md: F3 is measured on both decks), BREAKDOWN (1: run
# bench/breakdown.sh afterwards, where autoplay CPU goes per slide change; 0 to skip),
# OUT (a new /tmp/boothdeck-compare-results.* folder: raw figures, logs, screenshots),
# REVEAL_VERSION (6), CHROMIUM_EXTRA (extra Chromium flags), KEEP=1 (keep the work folder),
# FORCE_PROC=1 (measure from /proc even where a cgroup could be made; to check that method).
#
# What it does
#   1. Installs what is missing (apt: chromium, nodejs/npm, xvfb, imagemagick, gcc, libx11-dev),
#      makes a work folder in /tmp, `npm install reveal.js@6` there and turns the deck into two
#      reveal.js pages with bench/md2reveal.mjs (autoSlide 5000 + loop, and autoSlide off).
#      Nothing is written into the repository.
#   2. Measures, alternating boothdeck and Chromium (A B A B ...), RUNS times each:
#      F1 cold start to a 1920x1080 PNG of slide 1, headless: wall time (exec to exit of the
#         command) and CPU seconds of the whole process tree;
#      F2 peak memory of the same, in separate runs: PSS summed over every process of the tree
#         (/proc/PID/smaps_rollup), sampled every 10 ms, peak taken; never an RSS sum, which
#         counts shared pages once per process;
#      F3 CPU seconds over 60 s of autoplay (5 s a slide) in a real 1920x1080 window on Xvfb,
#         counted from the moment the first frame is visible; on DECK and on BARS_DECK;
#      F4 CPU on a static slide over 30 s, counted from 5 s after the first frame; boothdeck with
#         the deck as it is (--duration 100000: its progress line grows a pixel every 52 s), with
#         the progress line running (--duration 60: it grows ~10 times a second) and with a copy of
#         the deck that says `progress: false`; reveal.js with autoSlide off;
#      F5 time from the start of the command until the first frame is visible on the X display:
#         bench/firstpixel.c polls three points of the screen every 2 ms with XGetImage until
#         they all show the slide's own background colour #12151C (Xvfb's empty root is black).
#   3. Prints medians (with min-max), the ratio boothdeck/Chromium, and the budget each figure
#      must meet, then `boothdeck --bench` (frame times while bars animate, slide changes) with its
#      budgets, then bench/breakdown.sh's table (CPU per slide change by kind of frame and by job).
#
# How CPU and memory are counted: each program starts in its own cgroup v2 (made under the
# cgroup2 mount, /sys/fs/cgroup or /sys/fs/cgroup/unified); cpu.stat's usage_usec then counts
# every process and thread of the tree, including Chromium's zygote children, which are never
# waited for (so /usr/bin/time misses them), and cgroup.procs lists every process for the PSS
# sum. Where no cgroup can be made (or FORCE_PROC=1), the program starts in a new session and
# the tree is every process of that session, sampled every 10 ms from /proc/PID/stat: each
# process's last utime+stime, plus its cutime+cstime minus what was already counted for the
# children it reaped (so a child that lived between two samples still counts).
# The X server's own CPU (Xvfb, one per run) is reported beside F3/F4 for information: both
# programs push their pixels to it, but it is not part of either tree.
# One unmeasured warm-up run of each comes first, so that both start with the page cache warm.

# shellcheck disable=SC2054  # commas inside arguments (x,y points, --window-size=W,H) are meant
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
FIGURES=" ${FIGURES:-1 2 3 4} "
BOOTHDECK=${BOOTHDECK:-$REPO/build/boothdeck}
DECK=${DECK:-$REPO/assets/decks/claude-3-5-sonnet.md}
BARS_DECK=${BARS_DECK:-$REPO/bench/decks/two-charts.md}
REVEAL_VERSION=${REVEAL_VERSION:-6}
AUTOPLAY_SECONDS=${AUTOPLAY_SECONDS:-60}   # the figures are defined for 60 and 30; shorter only to try the script
STATIC_SECONDS=${STATIC_SECONDS:-30}
STATIC_SETTLE=5
FIRST_FRAME_TIMEOUT_MS=20000
BACKGROUND=12151C                       # the deck's dark theme background, on both sides
PROBE_POINTS=(960,40 40,540 1880,540)   # background on slide 1 in both renderings

say() { printf '%s\n' "compare: $*" >&2; }
die() { say "$*"; exit 1; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number"
[[ -x $BOOTHDECK ]] || die "no boothdeck at $BOOTHDECK: run scripts/setup.sh first (or set BOOTHDECK=)"
[[ -r $DECK ]] || die "no deck at $DECK"
[[ -r $BARS_DECK ]] || die "no deck at $BARS_DECK"
[[ $(id -u) -eq 0 ]] || SUDO=sudo
SUDO=${SUDO:-}

# ---------------------------------------------------------------------------------------------
# 1. What is needed, in a work folder outside the repository

install_missing() {
  local wanted=(chromium xvfb xauth imagemagick gcc libc6-dev libx11-dev fonts-nanum) missing=() p
  command -v node >/dev/null || wanted+=(nodejs)
  command -v npm >/dev/null || wanted+=(npm)
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
install_missing

WORK=$(mktemp -d /tmp/boothdeck-compare.XXXXXX)
OUT=${OUT:-$(mktemp -d /tmp/boothdeck-compare-results.XXXXXX)}
mkdir -p "$OUT"
CG_BASE=""

cleanup() {
  local rc=$?
  set +e
  if [[ -n ${CG_BASE} && -d $CG_BASE ]]; then
    local cg
    for cg in "$CG_BASE"/*/; do [[ -d $cg ]] && kill_cgroup "${cg%/}"; done
    rmdir "$CG_BASE" 2>/dev/null
  fi
  [[ -n ${XVFB_PID:-} ]] && kill "$XVFB_PID" 2>/dev/null
  if [[ ${KEEP:-0} == 1 ]]; then say "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "work folder $WORK, results in $OUT"
(cd "$WORK" && npm install --no-audit --no-fund --silent "reveal.js@$REVEAL_VERSION" >"$OUT/npm.log" 2>&1) ||
  die "npm install reveal.js@$REVEAL_VERSION failed: see $OUT/npm.log"
REVEAL_INSTALLED=$(node -p "require('$WORK/node_modules/reveal.js/package.json').version")
# A copy of the binary, so that a rebuild of build/ during the run cannot change what is measured.
BOOTHDECK_ID="$BOOTHDECK, built $(date -u -r "$BOOTHDECK" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$BOOTHDECK" | cut -c1-12)"
cp "$BOOTHDECK" "$WORK/boothdeck"
BOOTHDECK=$WORK/boothdeck
mkdir -p "$WORK/deck"
ln -s ../node_modules/reveal.js "$WORK/deck/reveal.js"
node "$REPO/bench/md2reveal.mjs" "$DECK" "$WORK/deck/autoplay.html" --autoslide 5000 2>>"$OUT/generate.log"
node "$REPO/bench/md2reveal.mjs" "$DECK" "$WORK/deck/static.html" --autoslide 0 2>>"$OUT/generate.log"
node "$REPO/bench/md2reveal.mjs" "$BARS_DECK" "$WORK/deck/bars.html" --autoslide 5000 2>>"$OUT/generate.log"

# A copy of the deck with `progress: false` in its front matter (replacing any progress line).
awk 'NR == 1 && $0 == "---" { fm = 1; print; next }
     NR == 1 { print "---"; print "progress: false"; print "---" }
     fm && $0 == "---" { print "progress: false"; fm = 0 }
     fm && /^progress:/ { next }
     { print }' "$DECK" >"$WORK/deck-no-progress.md"
"$BOOTHDECK" --check "$WORK/deck-no-progress.md" >"$OUT/check-no-progress.log" 2>&1 ||
  die "the progress: false copy of the deck does not check: see $OUT/check-no-progress.log"

cc -O2 -o "$WORK/firstpixel" "$REPO/bench/firstpixel.c" -lX11 || die "cannot build bench/firstpixel.c"
mkfifo "$WORK/tick"
exec {TICK_FD}<>"$WORK/tick"   # read -t on this fifo is a sleep that forks nothing
tick() { read -r -t "$1" -u "$TICK_FD" _ || true; }

CHROMIUM_FLAGS=(--no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --disable-quic)
# shellcheck disable=SC2206
[[ -n ${CHROMIUM_EXTRA:-} ]] && CHROMIUM_FLAGS+=($CHROMIUM_EXTRA)
CHROMIUM_VERSION=$(chromium --version 2>/dev/null | tail -1)
BOOTHDECK_WINDOW=()   # becomes (--windowed --size 1920x1080) if fullscreen never shows a frame (see probe below)

# ---------------------------------------------------------------------------------------------
# 2. Process trees: start in a cgroup (or a session), CPU, PSS, kill

CLK_TCK=$(getconf CLK_TCK)
if [[ ${FORCE_PROC:-0} != 1 ]]; then
  mnt=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
  if [[ -n $mnt ]] && mkdir "$mnt/boothdeck-compare.$$" 2>/dev/null; then
    CG_BASE=$mnt/boothdeck-compare.$$
    if [[ ! -r $CG_BASE/cpu.stat ]]; then rmdir "$CG_BASE"; CG_BASE=""; fi
  fi
fi
if [[ -n $CG_BASE ]]; then
  # memory.peak needs the memory controller; where the parent delegates it, turn it on.
  echo +memory >"$CG_BASE/cgroup.subtree_control" 2>/dev/null || true
  METHOD="cgroup v2 ($CG_BASE): cpu.stat usage_usec; PSS summed over cgroup.procs"
else
  METHOD="/proc sampling every 10 ms of the process's session (no writable cgroup v2)"
fi
say "method: $METHOD"

# launch NAME LOG CMD...: starts CMD in the background in a tree of its own.
# Sets LAUNCH_PID and LAUNCH_CG (empty without cgroups); resets the /proc bookkeeping.
# The command's start time, for F1 and F5, is taken by the child once it is in its cgroup, just
# before exec (launch_t0): moving a process into a cgroup waits for an RCU grace period, 18-23 ms
# on this machine after a second without one, which is the kernel's time, not the program's.
launch() {
  local name=$1 log=$2
  shift 2
  LAUNCH_CG=""
  LAUNCH_T0_FILE=$WORK/launch-$name.t0
  rm -f "$LAUNCH_T0_FILE"
  proc_reset
  if [[ -n $CG_BASE ]]; then
    LAUNCH_CG=$CG_BASE/$name
    mkdir "$LAUNCH_CG"
    (echo "$BASHPID" >"$LAUNCH_CG/cgroup.procs" && echo "${EPOCHREALTIME/[.,]/}" >"$LAUNCH_T0_FILE" &&
      exec "$@") >"$log" 2>&1 &
  else
    echo "${EPOCHREALTIME/[.,]/}" >"$LAUNCH_T0_FILE"
    setsid "$@" >"$log" 2>&1 &
  fi
  LAUNCH_PID=$!
}

# launch_t0: the launched command's start time in microseconds, in T0 (see launch); false,
# with T0 empty and a message, when the launching subshell failed before exec.
launch_t0() {
  local i
  for ((i = 0; i < 500; i++)); do
    [[ -s $LAUNCH_T0_FILE ]] && { T0=$(<"$LAUNCH_T0_FILE"); return 0; }
    tick 0.002
  done
  T0=""
  say "no start time in $LAUNCH_T0_FILE: the launch failed before exec; its time is not counted"
  return 1
}

# alive PID: the process exists and is not a zombie (an exited child not yet waited for).
alive() {
  local line
  read -r line 2>/dev/null <"/proc/$1/stat" || return 1
  line=${line##*) }
  [[ ${line:0:1} != Z ]]
}

# tree_pids: every process of the launched tree in TREE_PIDS (zombies too: their times are
# final), and in LIVE how many of them are still running.
tree_pids() {
  TREE_PIDS=() LIVE=0
  local pid stat line rest fields
  if [[ -n $LAUNCH_CG ]]; then
    mapfile -t TREE_PIDS <"$LAUNCH_CG/cgroup.procs" 2>/dev/null || true
    for pid in "${TREE_PIDS[@]}"; do alive "$pid" && LIVE=$((LIVE + 1)); done
    return 0
  fi
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    rest=${line##*) }
    read -ra fields <<<"$rest"
    if [[ ${fields[3]:-} == "$LAUNCH_PID" ]]; then
      TREE_PIDS+=("${line%% *}")
      [[ ${fields[0]} != Z ]] && LIVE=$((LIVE + 1))
    fi
  done
  return 0
}

# pss_kib PIDS...: PSS summed over the processes, in PSS_KIB.
pss_kib() {
  local pid key value _
  PSS_KIB=0
  for pid in "$@"; do
    { while read -r key value _; do
        if [[ $key == Pss: ]]; then PSS_KIB=$((PSS_KIB + value)); break; fi
      done; } 2>/dev/null <"/proc/$pid/smaps_rollup" || true
  done
}

# /proc bookkeeping for the fallback: per process (pid:starttime) its last own and children's
# CPU ticks, its parent, and the sample it was last seen in.
declare -A P_OWN P_CHILD P_PARENT P_SEEN P_KEY_OF
SAMPLE_NO=0
proc_reset() { P_OWN=() P_CHILD=() P_PARENT=() P_SEEN=() P_KEY_OF=() SAMPLE_NO=0; }

proc_sample() {
  local pid line rest fields key
  SAMPLE_NO=$((SAMPLE_NO + 1))
  for pid in "${TREE_PIDS[@]}"; do
    read -r line 2>/dev/null <"/proc/$pid/stat" || continue
    rest=${line##*) }
    read -ra fields <<<"$rest"
    ((${#fields[@]} >= 20)) || continue   # a process caught while it exits
    key=$pid:${fields[19]}
    P_KEY_OF[$pid]=$key
    P_OWN[$key]=$((fields[11] + fields[12]))
    P_CHILD[$key]=$((fields[13] + fields[14]))
    P_PARENT[$key]=${fields[1]}
    P_SEEN[$key]=$SAMPLE_NO
  done
}

# proc_cpu_us: CPU of the tree so far from the bookkeeping, in CPU_US.
proc_cpu_us() {
  local key parent_key ticks=0
  declare -A reaped=()
  for key in "${!P_OWN[@]}"; do
    ticks=$((ticks + P_OWN[$key] + P_CHILD[$key]))
    parent_key=${P_KEY_OF[${P_PARENT[$key]}]:-}
    # A child gone before its parent's last sample was reaped by it: its time is in the
    # parent's cutime+cstime already, so take back what was counted for it directly.
    if [[ -n $parent_key && ${P_SEEN[$key]} -lt ${P_SEEN[$parent_key]} ]]; then
      reaped[$parent_key]=$((${reaped[$parent_key]:-0} + P_OWN[$key] + P_CHILD[$key]))
    fi
  done
  for key in "${!reaped[@]}"; do
    # never take back more than the parent reported (a child re-parented to init is not in it)
    if ((reaped[$key] > P_CHILD[$key])); then ticks=$((ticks - P_CHILD[$key])); else ticks=$((ticks - reaped[$key])); fi
  done
  CPU_US=$((ticks * 1000000 / CLK_TCK))
}

# tree_cpu_us: CPU of the whole tree so far, in CPU_US (cgroup), or from the bookkeeping.
tree_cpu_us() {
  if [[ -n $LAUNCH_CG ]]; then
    local key value
    while read -r key value; do
      if [[ $key == usage_usec ]]; then CPU_US=$value; fi
    done <"$LAUNCH_CG/cpu.stat"
  else
    proc_cpu_us
  fi
}

# kill_cgroup DIR / kill_tree: ends every process of the tree and removes its cgroup.
kill_cgroup() {
  local cg=$1 pid i
  for ((i = 0; i < 200; i++)); do
    [[ -n $(<"$cg/cgroup.procs") ]] || break   # (cgroup files always have size 0: no -s)
    if [[ -w $cg/cgroup.kill ]]; then echo 1 >"$cg/cgroup.kill"
    else while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done <"$cg/cgroup.procs"; fi
    tick 0.02
  done
  for ((i = 0; i < 100; i++)); do rmdir "$cg" 2>/dev/null && break; tick 0.02; done
}
kill_tree() {
  # disowned, bash still reaps it but does not print "Killed" for it
  if alive "$LAUNCH_PID"; then disown "$LAUNCH_PID" 2>/dev/null || true; fi
  if [[ -n $LAUNCH_CG ]]; then
    kill_cgroup "$LAUNCH_CG"
  else
    local i pid
    for ((i = 0; i < 200; i++)); do
      tree_pids
      ((LIVE)) || break
      for pid in "${TREE_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
      tick 0.02
    done
  fi
  { wait "$LAUNCH_PID"; } 2>/dev/null || true
}

# sample_while SECONDS_OR_EXIT: samples the tree every 10 ms (PSS peak, /proc CPU) until the
# launched process exits and its tree is empty ("exit"), or for the given seconds.
sample_while() {
  local until=$1 deadline peak=0 procs=0
  deadline=$((${EPOCHREALTIME/[.,]/} + ${until/exit/30} * 1000000))
  while :; do
    tree_pids
    if ((${#TREE_PIDS[@]})); then
      [[ -z $LAUNCH_CG ]] && proc_sample   # zombies too: their final times
      pss_kib "${TREE_PIDS[@]}"
      if ((PSS_KIB > peak)); then peak=$PSS_KIB procs=$LIVE; fi
    fi
    if [[ $until == exit ]] && ((LIVE == 0)) && ! alive "$LAUNCH_PID"; then break; fi
    ((${EPOCHREALTIME/[.,]/} < deadline)) || break
    tick 0.01
  done
  PEAK_PSS_KIB=$peak PEAK_PROCS=$procs
}

# sys_busy_us: CPU time used by the whole machine so far (all processes), in BUSY_US; to tell
# how much the rest of the machine did while a figure was measured.
sys_busy_us() {
  local name user nice system irq softirq steal _
  read -r name user nice system _ _ irq softirq steal _ </proc/stat
  BUSY_US=$(((user + nice + system + irq + softirq + steal) * 1000000 / CLK_TCK))
}

record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$OUT/raw.tsv"; }   # figure, program, value
: >"$OUT/raw.tsv"

# ---------------------------------------------------------------------------------------------
# 3. The two programs, headless and on a display

headless_cmd() {   # headless_cmd boothdeck|chromium OUTDIR PROFILE: the F1/F2 command in CMD
  case $1 in
    boothdeck) CMD=("$BOOTHDECK" --export "$2" --slide 1 --size 1920x1080 "$DECK") ;;
    chromium) CMD=(chromium --headless "${CHROMIUM_FLAGS[@]}" --user-data-dir="$3" --screenshot="$2/slide-01.png"
                  --window-size=1920,1080 "file://$WORK/deck/static.html") ;;
  esac
}

# F1: one timed run, no sampler (it would compete for the 2 cores).
run_cold_start() {
  local program=$1 n=$2 dir=$WORK/export-$1-$2 t1
  mkdir -p "$dir" "$dir.profile"
  headless_cmd "$program" "$dir" "$dir.profile"
  sys_busy_us; local b0=$BUSY_US
  launch "cold-$program-$n" "$OUT/cold-$program-$n.log" "${CMD[@]}"
  if [[ -n $LAUNCH_CG ]]; then
    { wait "$LAUNCH_PID"; } 2>/dev/null || say "$program exited with $? (see $OUT/cold-$program-$n.log)"
    t1=${EPOCHREALTIME/[.,]/}
    sample_while exit   # leftovers of the tree, if any, count too
  else
    sample_while exit   # the tree must be sampled for its CPU
    t1=${EPOCHREALTIME/[.,]/}
  fi
  tree_cpu_us
  sys_busy_us
  kill_tree
  record F1other "$program" "$(((BUSY_US - b0 - CPU_US) / 1000))"   # ms used by everything else
  [[ -s $dir/slide-01.png ]] || say "$program wrote no PNG in run $n (see $OUT/cold-$program-$n.log)"
  [[ $n == 1 ]] && cp "$dir/slide-01.png" "$OUT/headless-$program.png" 2>/dev/null
  if launch_t0; then record F1wall "$program" "$(((t1 - T0) / 1000))"; else record F1wall "$program" NA; fi   # ms
  record F1cpu "$program" "$((CPU_US / 1000))"       # ms
  rm -rf "$dir" "$dir.profile"
}

# F2: one run sampled for PSS.
run_memory() {
  local program=$1 n=$2 dir=$WORK/mem-$1-$2
  mkdir -p "$dir" "$dir.profile"
  headless_cmd "$program" "$dir" "$dir.profile"
  launch "mem-$program-$n" "$OUT/mem-$program-$n.log" "${CMD[@]}"
  sample_while exit
  kill_tree
  record F2pss "$program" "$PEAK_PSS_KIB"
  record F2procs "$program" "$PEAK_PROCS"
  rm -rf "$dir" "$dir.profile"
}

# A fresh Xvfb for each windowed run: like xvfb-run -s "-screen 0 1920x1080x24", but started
# here so that its display number is known for the first-frame probe and its CPU can be read.
start_xvfb() {
  local i
  : >"$WORK/display"
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$WORK/display" >>"$OUT/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for ((i = 0; i < 1000; i++)); do [[ -s $WORK/display ]] && break; tick 0.01; done
  [[ -s $WORK/display ]] || die "Xvfb did not start (see $OUT/xvfb.log)"
  DISPLAY=:$(head -1 "$WORK/display")
  export DISPLAY
}
stop_xvfb() { kill "$XVFB_PID" 2>/dev/null || true; { wait "$XVFB_PID"; } 2>/dev/null || true; XVFB_PID=""; }
xvfb_cpu_us() {
  local line rest fields
  read -r line <"/proc/$XVFB_PID/stat"
  rest=${line##*) }
  read -ra fields <<<"$rest"
  XCPU_US=$(((fields[11] + fields[12]) * 1000000 / CLK_TCK))
}

# window_cmd VARIANT PROFILE: the command for a windowed run, in CMD.
window_cmd() {
  local bd=("$BOOTHDECK" "${BOOTHDECK_WINDOW[@]}")
  local ch=(chromium "${CHROMIUM_FLAGS[@]}" --user-data-dir="$2" --kiosk --window-position=0,0 --window-size=1920,1080)
  case $1 in
    boothdeck-autoplay) CMD=("${bd[@]}" --duration 5 "$DECK") ;;
    boothdeck-bars) CMD=("${bd[@]}" --duration 5 "$BARS_DECK") ;;
    boothdeck-static) CMD=("${bd[@]}" --duration 100000 "$DECK") ;;
    boothdeck-progress) CMD=("${bd[@]}" --duration 60 "$DECK") ;;
    boothdeck-noprogress) CMD=("${bd[@]}" --duration 100000 "$WORK/deck-no-progress.md") ;;
    chromium-autoplay) CMD=("${ch[@]}" "file://$WORK/deck/autoplay.html") ;;
    chromium-bars) CMD=("${ch[@]}" "file://$WORK/deck/bars.html") ;;
    chromium-static) CMD=("${ch[@]}" "file://$WORK/deck/static.html") ;;
  esac
}

# run_window VARIANT N SETTLE SECONDS: first frame (F5), then CPU over SECONDS starting SETTLE
# seconds after it (F3/F4). Records FIGURE-cpu in ms and first frame in ms.
run_window() {
  local variant=$1 n=$2 settle=$3 seconds=$4 seen first c0 c1 x0 x1 b0 b1 w0 w1 profile=$WORK/profile-$1-$2
  mkdir -p "$profile"
  window_cmd "$variant" "$profile"
  start_xvfb
  "$WORK/firstpixel" "$BACKGROUND" 2 "$FIRST_FRAME_TIMEOUT_MS" "${PROBE_POINTS[@]}" >"$WORK/first" 2>>"$OUT/firstpixel.log" &
  local probe=$!
  launch "$variant-$n" "$OUT/$variant-$n.log" "${CMD[@]}"
  # wait for the probe, sampling the tree meanwhile when counting from /proc
  while alive "$probe"; do
    if [[ -z $LAUNCH_CG ]]; then tree_pids; proc_sample; fi
    tick 0.01
  done
  { wait "$probe"; } 2>/dev/null || true
  seen=$(cat "$WORK/first")
  if [[ -n $seen ]] && launch_t0; then
    first=$(((seen - T0) / 1000))
  elif [[ -n $seen ]]; then
    first=NA
  else
    first=NA seen=${EPOCHREALTIME/[.,]/}
    say "$variant run $n: the first frame never became visible within $((FIRST_FRAME_TIMEOUT_MS / 1000)) s"
  fi
  # settle, then the measured window
  local start=$((seen + settle * 1000000))
  while ((${EPOCHREALTIME/[.,]/} < start)); do
    if [[ -z $LAUNCH_CG ]]; then tree_pids; proc_sample; fi
    tick 0.01
  done
  [[ -z $LAUNCH_CG ]] && { tree_pids; proc_sample; }
  tree_cpu_us; c0=$CPU_US; xvfb_cpu_us; x0=$XCPU_US; sys_busy_us; b0=$BUSY_US; w0=${EPOCHREALTIME/[.,]/}
  if [[ -n $LAUNCH_CG ]]; then tick "$seconds"; else sample_while "$seconds"; fi
  [[ -z $LAUNCH_CG ]] && { tree_pids; proc_sample; }
  tree_cpu_us; c1=$CPU_US; xvfb_cpu_us; x1=$XCPU_US; sys_busy_us; b1=$BUSY_US; w1=${EPOCHREALTIME/[.,]/}
  alive "$LAUNCH_PID" || say "$variant run $n: the program had exited before the end (see $OUT/$variant-$n.log)"
  [[ $n == 1 ]] && import -window root "$OUT/screen-$variant.png" 2>/dev/null
  kill_tree
  stop_xvfb
  rm -rf "$profile"
  # CPU scaled to exactly the nominal window (the real one is a few ms longer)
  record "$variant-cpu" "${variant%%-*}" "$(((c1 - c0) * seconds * 1000 / (w1 - w0)))"   # ms per window
  record "$variant-xcpu" "${variant%%-*}" "$(((x1 - x0) * seconds * 1000 / (w1 - w0)))"
  record "$variant-first" "${variant%%-*}" "$first"
  record "$variant-other" "${variant%%-*}" "$(((b1 - b0 - (c1 - c0) - (x1 - x0)) * seconds * 1000 / (w1 - w0)))"
}

# boothdeck's fullscreen window is the kiosk; if it never shows a frame here, measure a
# 1920x1080 --windowed window instead (same renderer and loop) and say so.
probe_boothdeck_fullscreen() {
  start_xvfb
  "$WORK/firstpixel" "$BACKGROUND" 2 10000 "${PROBE_POINTS[@]}" >"$WORK/first" 2>>"$OUT/firstpixel.log" &
  local probe=$!
  launch probe-fullscreen "$OUT/probe-fullscreen.log" "$BOOTHDECK" --duration 5 "$DECK"
  { wait "$probe"; } 2>/dev/null || true
  import -window root "$OUT/screen-boothdeck-fullscreen-probe.png" 2>/dev/null || true
  kill_tree
  stop_xvfb
  if [[ ! -s $WORK/first ]]; then
    BOOTHDECK_WINDOW=(--windowed --size 1920x1080)
    FULLSCREEN_NOTE="boothdeck fullscreen showed no frame on Xvfb within 10 s (screen stayed black); F3-F5 use --windowed --size 1920x1080 (a 1920x1080 window at 0,0, same renderer)"
    say "WARNING: $FULLSCREEN_NOTE"
  fi
}
FULLSCREEN_NOTE=""

# ---------------------------------------------------------------------------------------------
# 4. The runs, alternating

say "boothdeck $BOOTHDECK_ID; $CHROMIUM_VERSION; reveal.js $REVEAL_INSTALLED; RUNS=$RUNS"
say "warm-up (not measured)"
run_cold_start boothdeck 0
run_cold_start chromium 0
: >"$OUT/raw.tsv"

[[ $FIGURES == *" 3 "* || $FIGURES == *" 4 "* ]] && probe_boothdeck_fullscreen

for ((i = 1; i <= RUNS; i++)); do
  [[ $FIGURES == *" 1 "* ]] || break
  say "F1 cold start, run $i/$RUNS"
  run_cold_start boothdeck "$i"
  run_cold_start chromium "$i"
done
for ((i = 1; i <= RUNS; i++)); do
  [[ $FIGURES == *" 2 "* ]] || break
  say "F2 peak PSS, run $i/$RUNS"
  run_memory boothdeck "$i"
  run_memory chromium "$i"
done
for ((i = 1; i <= RUNS; i++)); do
  [[ $FIGURES == *" 3 "* ]] || break
  say "F3/F5 autoplay ${AUTOPLAY_SECONDS} s, run $i/$RUNS"
  run_window boothdeck-autoplay "$i" 0 "$AUTOPLAY_SECONDS"
  run_window chromium-autoplay "$i" 0 "$AUTOPLAY_SECONDS"
  run_window boothdeck-bars "$i" 0 "$AUTOPLAY_SECONDS"
  run_window chromium-bars "$i" 0 "$AUTOPLAY_SECONDS"
done
for ((i = 1; i <= RUNS; i++)); do
  [[ $FIGURES == *" 4 "* ]] || break
  say "F4 static slide ${STATIC_SECONDS} s, run $i/$RUNS"
  run_window boothdeck-static "$i" "$STATIC_SETTLE" "$STATIC_SECONDS"
  run_window chromium-static "$i" "$STATIC_SETTLE" "$STATIC_SECONDS"
  run_window boothdeck-progress "$i" "$STATIC_SETTLE" "$STATIC_SECONDS"
  run_window boothdeck-noprogress "$i" "$STATIC_SETTLE" "$STATIC_SECONDS"
done

say "boothdeck --bench"
"$BOOTHDECK" --bench --size 1920x1080 "$DECK" >"$OUT/bench.json" 2>"$OUT/bench.log" || say "boothdeck --bench failed (see $OUT/bench.log)"

# ---------------------------------------------------------------------------------------------
# 5. The table

median() {   # median FIGURE PROGRAM: median of the recorded values ("NA" if none)
  awk -F'\t' -v f="$1" -v p="$2" '$1 == f && $2 == p && $3 != "NA" { v[n++] = $3 }
    END { if (!n) { print "NA"; exit }
          for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
          print (n % 2) ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2 }' "$OUT/raw.tsv"
}
count() { awk -F'\t' -v f="$1" -v p="$2" '$1 == f && $2 == p && $3 != "NA" { n++ } END { print n + 0 }' "$OUT/raw.tsv"; }
range() {   # range FIGURE PROGRAM: "min-max" of the recorded values ("NA" if none)
  awk -F'\t' -v f="$1" -v p="$2" '$1 == f && $2 == p && $3 != "NA" { if (!n++ || $3 < lo) lo = $3; if (n == 1 || $3 > hi) hi = $3 }
    END { print n ? lo "\t" hi : "NA" }' "$OUT/raw.tsv"
}

# row LABEL FIGURE_B FIGURE_C SCALE UNIT FORMAT BUDGET: one line; SCALE divides the raw value.
# BUDGET: "ratio:X" (boothdeck <= Chromium/X), "abs:X" (boothdeck <= X in the row's unit) or "-".
row() {
  local label=$1 fb=$2 fc=$3 scale=$4 unit=$5 fmt=$6 budget=$7 b c
  b=$(median "$fb" boothdeck) c=$(median "$fc" chromium)
  awk -v label="$label" -v b="$b" -v c="$c" -v s="$scale" -v unit="$unit" -v fmt="$fmt" -v budget="$budget" \
      -v rb="$(range "$fb" boothdeck)" -v rc="$(range "$fc" chromium)" \
      -v nb="$(count "$fb" boothdeck)" -v nc="$(count "$fc" chromium)" 'BEGIN {
    split(rb, xb, "\t"); split(rc, xc, "\t")
    bs = (b == "NA") ? "n/a" : sprintf(fmt " %s", b / s, unit)
    cs = (c == "NA") ? "n/a" : sprintf(fmt " %s", c / s, unit)
    if (nb > 1 && b != "NA") bs = bs sprintf(" (" fmt "-" fmt ")", xb[1] / s, xb[2] / s)
    if (nc > 1 && c != "NA") cs = cs sprintf(" (" fmt "-" fmt ")", xc[1] / s, xc[2] / s)
    ratio = (b == "NA" || c == "NA" || c == 0) ? "n/a" : (b == 0 ? "0" : (b <= c ? sprintf("1/%.1f", c / b) : sprintf("%.1fx", b / c)))
    if (budget == "noratio") ratio = "-"
    split(budget, k, ":"); verdict = "-"
    if (k[1] == "ratio" && ratio != "n/a") verdict = sprintf("<= 1/%s: %s", k[2], (b * k[2] <= c) ? "met" : "MISSED")
    if (k[1] == "abs" && b != "NA") verdict = sprintf("<= %s %s: %s", k[2], unit, (b / s <= k[2]) ? "met" : "MISSED")
    printf "| %s | %s | %s | %s | %s | %d/%d |\n", label, bs, cs, ratio, verdict, nb, nc }'
}

{
  echo "boothdeck vs reveal.js $REVEAL_INSTALLED in $CHROMIUM_VERSION, 1920x1080, medians (min-max) of $RUNS runs each"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), Linux $(uname -r); $(date -u +%Y-%m-%d)"
  echo "boothdeck: $BOOTHDECK_ID"
  echo "measured with: $METHOD"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
  [[ -n $FULLSCREEN_NOTE ]] && echo "note: $FULLSCREEN_NOTE"
  echo
  echo "| figure | boothdeck | Chromium | ratio | budget | runs |"
  echo "| --- | --- | --- | --- | --- | --- |"
  row "F1 cold start to PNG, wall" F1wall F1wall 1000 s %.3f ratio:20
  row "F1 cold start to PNG, CPU (tree)" F1cpu F1cpu 1000 s %.3f ratio:20
  row "F2 peak PSS (tree)" F2pss F2pss 1024 MiB %.1f ratio:20
  row "F2 processes at the peak" F2procs F2procs 1 "" %.0f noratio
  row "F3 CPU, ${AUTOPLAY_SECONDS} s autoplay (5 s/slide)" boothdeck-autoplay-cpu chromium-autoplay-cpu 1000 s %.2f ratio:20
  row "F3 (Xvfb's CPU meanwhile, not in the tree)" boothdeck-autoplay-xcpu chromium-autoplay-xcpu 1000 s %.2f -
  row "F3 CPU, ${AUTOPLAY_SECONDS} s autoplay, two 8-bar charts" boothdeck-bars-cpu chromium-bars-cpu 1000 s %.2f ratio:20
  row "F3 (Xvfb's CPU meanwhile, two 8-bar charts)" boothdeck-bars-xcpu chromium-bars-xcpu 1000 s %.2f -
  row "F4 static slide, deck as is (--duration 100000)" boothdeck-static-cpu chromium-static-cpu $((STATIC_SECONDS * 10)) "% core" %.3f abs:0.1
  row "F4 static slide, progress line running (--duration 60)" boothdeck-progress-cpu chromium-static-cpu $((STATIC_SECONDS * 10)) "% core" %.3f abs:2
  row "F4 static slide, progress: false" boothdeck-noprogress-cpu chromium-static-cpu $((STATIC_SECONDS * 10)) "% core" %.3f abs:0.1
  row "F4 (Xvfb's CPU, deck as is)" boothdeck-static-xcpu chromium-static-xcpu $((STATIC_SECONDS * 10)) "% core" %.3f -
  row "F5 first frame visible on the display" boothdeck-autoplay-first chromium-autoplay-first 1 ms %.0f -
  echo
  awk -F'\t' -v a=$((AUTOPLAY_SECONDS * 10)) -v s=$((STATIC_SECONDS * 10)) '
    $1 == "F1other" { f += $3; fn++ }
    $1 ~ /-other$/ { v = $3 / ($1 ~ /autoplay|bars/ ? a : s); if (v > max) max = v; sum += v; n++ }
    END { printf "everything else on the machine (other processes, this script) used"
          if (fn) printf " %d ms of CPU per cold-start run on average", (f > 0) ? f / fn : 0
          if (fn && n) printf ", and"
          if (n) printf " %.1f%% of a core on average during the windowed figures (at most %.1f%%)", (sum > 0) ? sum / n : 0, max
          quiet = (fn ? f / fn < 100 : 1) && max <= 5
          print quiet ? "" : ": the machine was not quiet, figures may be inflated" }' "$OUT/raw.tsv"
  echo
  echo "boothdeck --bench (1920x1080):"
  cat "$OUT/bench.json" 2>/dev/null
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const p99 = r.animation_frame_ms.p99, worst = r.slide_change_ms.worst;
    console.log(`p99 frame time while bars animate ${p99.toFixed(1)} ms (budget < 8 ms): ${p99 < 8 ? "met" : "MISSED"}`);
    console.log(`worst slide change ${worst.toFixed(1)} ms on slide ${r.slide_change_ms.worst_slide} (budget <= 16.7 ms): ${worst <= 16.7 ? "met" : "MISSED"}`);
  ' "$OUT/bench.json" 2>/dev/null || echo "(no bench figures)"
} | tee "$OUT/summary.md"
say "raw figures: $OUT/raw.tsv; logs and screenshots: $OUT"
if [[ ${BREAKDOWN:-1} == 1 && $FIGURES == *" 3 "* ]]; then
  say "bench/breakdown.sh (where autoplay CPU goes)"
  BENCH=${BENCH:-$REPO/build/boothdeck_autoplay_bench} RUNS=$RUNS OUT=$OUT/breakdown \
    DECKS="built-in=$DECK two-charts=$BARS_DECK" "$REPO/bench/breakdown.sh" | tee -a "$OUT/summary.md" ||
    say "bench/breakdown.sh failed (see $OUT/breakdown)"
fi
