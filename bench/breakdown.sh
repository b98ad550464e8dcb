#!/usr/bin/env bash
# bench/breakdown.sh: where boothdeck's autoplay CPU goes, per slide change and per 60 s, for the
# built-in deck and a deck with two 8-bar charts (bench/decks/two-charts.md), at 1920x1080 on a
# software screen (a fresh Xvfb, SDL's window surface, no GPU).
#
#   bench/breakdown.sh               # RUNS=5 native runs per deck, plus two callgrind runs
#   WARM=120 bench/breakdown.sh      # a minute after the deck has looped once (a booth's steady state)
#
# Environment: RUNS (5), BENCH (build/boothdeck_autoplay_bench), SIZE (1920x1080),
# AUTOPLAY_SECONDS (60), WARM (0: the first minute, as bench/compare.sh's F3 counts it),
# SCREEN (x11, or offscreen: no X server, no presents), OUT (a new /tmp folder), DECKS
# ("NAME=FILE ..."; the two decks above by default), REPORT_ONLY=1 (print the table again from
# the raw files already in OUT).
#
# The program is bench/autoplay_bench.cpp: the real kiosk on a virtual clock, so a minute of show
# takes only the CPU its frames need and every run draws the same frames.
#   - CPU: RUNS native runs; the process's user+system time for the measured stretch (median,
#     min-max). The machine is shared: these move with its load; the instruction counts do not.
#   - By kind of frame: one run under callgrind that dumps every loop turn with the kind of frame
#     it drew as the label; instructions (Ir) summed per label.
#   - By function: one run under callgrind with the measured stretch as one dump;
#     callgrind_annotate's inclusive Ir of the functions that do each job.
#   - Milliseconds from instructions: each row's Ir times the native CPU per Ir of the whole run
#     (one rate for everything: blits run at a higher rate than branchy code, so treat it as
#     an estimate; the Ir column is exact and repeatable).
# Needs valgrind, xvfb and node (scripts/setup.sh installs the first two; apt-get install nodejs).
set -euo pipefail
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-5}
BENCH=${BENCH:-$REPO/build/boothdeck_autoplay_bench}
SIZE=${SIZE:-1920x1080}
AUTOPLAY_SECONDS=${AUTOPLAY_SECONDS:-60}
WARM=${WARM:-0}
SCREEN=${SCREEN:-x11}
DECKS=${DECKS:-"built-in=$REPO/assets/decks/claude-3-5-sonnet.md two-charts=$REPO/bench/decks/two-charts.md"}
OUT=${OUT:-$(mktemp -d /tmp/boothdeck-breakdown.XXXXXX)}
mkdir -p "$OUT"

say() { printf '%s\n' "breakdown: $*" >&2; }
die() { say "$*"; exit 1; }
[[ -x $BENCH ]] || die "no $BENCH: build it first (cmake --build build --target boothdeck_autoplay_bench)"
command -v valgrind >/dev/null || die "valgrind is missing (apt-get install valgrind)"
command -v node >/dev/null || die "node is missing (apt-get install nodejs)"

XVFB_PID=""
[[ ${REPORT_ONLY:-0} == 1 ]] && SCREEN=none
cleanup() { [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null; true; }
trap cleanup EXIT
screen_args=()
if [[ $SCREEN == offscreen ]]; then
  screen_args=(--offscreen)
elif [[ $SCREEN == x11 ]]; then
  w=${SIZE%x*} h=${SIZE#*x}
  : >"$OUT/display"
  Xvfb -displayfd 3 -screen 0 "${w}x${h}x24" -nolisten tcp 3>"$OUT/display" >"$OUT/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for ((i = 0; i < 500; i++)); do [[ -s $OUT/display ]] && break; sleep 0.01; done
  [[ -s $OUT/display ]] || die "Xvfb did not start (see $OUT/xvfb.log)"
  export DISPLAY=:$(head -1 "$OUT/display")
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for entry in $DECKS; do
  [[ ${REPORT_ONLY:-0} == 1 ]] && break
  name=${entry%%=*} deck=${entry#*=}
  args=("${screen_args[@]}" --size "$SIZE" --seconds "$AUTOPLAY_SECONDS" --warm "$WARM" "$deck")
  for ((run = 1; run <= RUNS; run++)); do
    say "$name: native run $run/$RUNS"
    "$BENCH" "${args[@]}" >"$OUT/$name-native-$run.json" 2>>"$OUT/$name.log"
  done
  say "$name: callgrind, a dump per loop turn"
  valgrind --tool=callgrind --combine-dumps=yes --callgrind-out-file="$OUT/$name-turns.cg" \
    "$BENCH" --dump-turns "${args[@]}" >"$OUT/$name-turns.json" 2>>"$OUT/$name.log"
  say "$name: callgrind, the measured stretch as one dump"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.cg" \
    "$BENCH" "${args[@]}" >"$OUT/$name-once.json" 2>>"$OUT/$name.log"
  measured=$(grep -l "Client Request: measured" "$OUT/$name.cg".*)
  callgrind_annotate --inclusive=yes --threshold=100 --auto=no "$measured" >"$OUT/$name-functions.txt"
  # Ir per label: every part's "desc: Trigger: Client Request: LABEL" and its "summary: N"
  awk '/^desc: Trigger: Client Request: / { label = $5 }
       /^summary: / && label != "" { ir[label] += $2; n[label]++; label = "" }
       END { for (l in ir) printf "%s\t%.0f\t%d\n", l, ir[l], n[l] }' "$OUT/$name-turns.cg" >"$OUT/$name-kinds.tsv"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

node - "$OUT" "$DECKS" "$RUNS" "$load_before" "$load_after" "$(nproc)" <<'EOF' | tee "$OUT/breakdown.md"
const fs = require("fs");
const [out, decks, runs, loadBefore, loadAfter, cores] = process.argv.slice(2);
const names = decks.split(/\s+/).filter(Boolean).map((e) => e.split("=")[0]);
const median = (v) => { const s = [...v].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
// Inclusive Ir of the functions that do one job (callgrind_annotate's names, demangled).
const groups = [
  ["text rasterisation (TextCache::get: SDL_ttf, texture upload)", [/boothdeck::TextCache::get\(/]],
  ["layout (layout_slide)", [/boothdeck::layout_slide\(/]],
  ["slide drawing (SlideRenderer::draw: fills, text blits)", [/boothdeck::SlideRenderer::draw\(/]],
  ["slide snapshots (composing, blending)", [/boothdeck::SlideSnapshots::(compose|draw)\(/]],
  ["ImGui (frame, overlay, software triangles)",
   [/ImGui::NewFrame\(\)/, /ImGui::Render\(\)/, /ImGui_ImplSDLRenderer_RenderDrawData\(/]],
  ["presents to X (SDL_UpdateWindowSurface*, XShmPutImage, XSync)",
   [/\?\?\?:SDL_UpdateWindowSurfaceRects /, /\?\?\?:SDL_UpdateWindowSurface /]],
];
const rows = [], cols = {};
for (const name of names) {
  const native = [];
  for (let r = 1; r <= +runs; r++) native.push(JSON.parse(fs.readFileSync(`${out}/${name}-native-${r}.json`)));
  const once = JSON.parse(fs.readFileSync(`${out}/${name}-once.json`));
  const cpu = native.map((j) => j.cpu_seconds);
  const kinds = {};
  for (const line of fs.readFileSync(`${out}/${name}-kinds.tsv`, "utf8").split("\n").filter(Boolean)) {
    const [label, ir, n] = line.split("\t");
    kinds[label] = { ir: +ir, n: +n };
  }
  const fn = fs.readFileSync(`${out}/${name}-functions.txt`, "utf8").split("\n");
  const total = +(fn.find((l) => /PROGRAM TOTALS/.test(l)) || "0").trim().split(/\s+/)[0].replace(/,/g, "");
  const inclusive = (patterns) => {
    let sum = 0;
    for (const p of patterns) {
      const line = fn.find((l) => p.test(l));
      if (line) sum += +line.trim().split(/\s+/)[0].replace(/,/g, "");
    }
    return sum;
  };
  const xshm = fn.some((l) => /XShmPutImage/.test(l));
  cols[name] = { native, once, cpu, kinds, total, inclusive, xshm, msPerIr: median(cpu) * 1000 / total };
}
const fmt = (x, d = 1) => x.toFixed(d);
const cell = (c, ir) => {  // "Ir M, ≈ ms per 60 s | per change"
  const ch = Math.max(1, c.once.changes);
  return `${fmt(ir / 1e6, 0)} M, ${fmt(ir * c.msPerIr, 0)} ms | ${fmt(ir / ch / 1e6, 1)} M, ${fmt(ir * c.msPerIr / ch, 1)} ms`;
};
const first = cols[names[0]];
console.log(`boothdeck autoplay breakdown, ${first.once.size.join("x")}, ${first.once.screen}, ` +
            `${first.once.seconds} s of show at ${first.once.slide_seconds} s a slide` +
            (first.once.warm_seconds ? ` after ${first.once.warm_seconds} s of warm-up` : " from the first frame"));
console.log(`native CPU: medians of ${runs} runs; instructions (Ir) from callgrind; load average ${loadBefore} before, ${loadAfter} after, ${cores} cores`);
console.log("");
console.log(`| | ${names.map((n) => `${n}: per 60 s | per slide change`).join(" | ")} |`);
console.log(`| --- | ${names.map(() => "--- | ---").join(" | ")} |`);
const line = (label, f) => console.log(`| ${label} | ${names.map((n) => f(cols[n])).join(" | ")} |`);
line("slide changes", (c) => `${c.once.changes} | `);
line("CPU, native (median, min-max)", (c) => {
  const ch = Math.max(1, c.once.changes);
  return `${fmt(median(c.cpu), 3)} s (${fmt(Math.min(...c.cpu), 3)}-${fmt(Math.max(...c.cpu), 3)}) | ${fmt(median(c.cpu) * 1000 / ch, 1)} ms`;
});
line("instructions, all", (c) => cell(c, c.total));
for (const kind of ["full", "fade", "bars", "rest", "progress", "idle"]) {
  if (!names.some((n) => cols[n].kinds[kind])) continue;
  line(`${kind} frames (count; MB presented)`, (c) => {
    const k = c.kinds[kind];
    if (!k) return "- | -";
    const mb = (c.once.bytes_by_kind[kind] || 0) / 1e6;
    return `${k.n}; ${fmt(mb, 0)} MB: ${cell(c, k.ir)}`;
  });
}
for (const [label, patterns] of groups) line(label, (c) => cell(c, c.inclusive(patterns)));
line("bytes presented", (c) => `${fmt(c.once.bytes_presented / 1e6, 0)} MB | ${fmt(c.once.bytes_presented / Math.max(1, c.once.changes) / 1e6, 1)} MB`);
line("X11 window surface through MIT-SHM (XShmPutImage called)", (c) => (c.xshm ? "yes | " : "no | "));
line("text textures rendered in the stretch; cache at its end (MiB, of a budget of)", (c) =>
  `${c.once.text_cache.rendered}; ${fmt(c.once.text_cache.bytes / 1048576, 1)} of ${fmt((c.once.text_cache.limit || 0) / 1048576, 1)} | `);
if (first.once.snapshots)
  line("slide snapshots composed in the stretch; kept at its end (count, MiB)", (c) =>
    `${c.once.snapshots.composed}; ${c.once.snapshots.count}, ${fmt(c.once.snapshots.bytes / 1048576, 1)} MiB | `);
line("peak RSS of the bench process (native)", (c) => `${fmt(median(c.native.map((j) => j.peak_rss_kib)) / 1024, 1)} MiB | `);
EOF
say "raw files in $OUT"
