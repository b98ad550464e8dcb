#!/usr/bin/env bash
# Screenshots of the operator panel on the screens a booth has (1920x1080, 1080x1920, 1366x768),
# touched through the test FIFO like the window test: the PIN pad, the main view of a 60-slide
# deck, the Quit question, today's figures, and a fullscreen kiosk without a PIN. Not part of
# CTest: for looking.
#   tests/panel_screenshots.sh build/boothdeck build/tests/panel_targets OUT_DIR
set -euo pipefail
bin=$(realpath "$1")
targets=$(realpath "$2")
out=$(mkdir -p "$3" && realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  printf -- '---\nduration: 20\ntransition: none\n---\n'
  for i in $(seq 1 60); do
    ((i > 1)) && printf -- '---\n'
    case $((i % 4)) in
      0) printf '# %d. 코딩 문제 해결률\n\n```bars unit=%%\nClaude 3 Opus: 38\nClaude 3.5 Sonnet: 64 *\n```\n' "$i" ;;
      1) printf '# %d. 벤치마크 결과 Benchmarks\n\n- 대학원 수준 추론 (GPQA)\n- 코딩 (HumanEval)\n' "$i" ;;
      2) printf '<!-- layout: cover -->\n# %d. 새로운 기준\n\n더 빠르고, 더 똑똑하게\n' "$i" ;;
      3) printf '# %d. Vision 비전\n\n| 항목 | 점수 |\n| --- | --- |\n| 차트 | 90.8 |\n| 문서 | 95.2 |\n' "$i" ;;
    esac
  done
} > "$work/deck.md"

shoot() {  # shoot W H NAME [boothdeck options...]: one run, the panel in each view
  local w=$1 h=$2 name=$3
  shift 3
  local fifo=$work/touch-$name.fifo
  mkfifo "$fifo"
  xvfb-run -a -s "-screen 0 ${w}x${h}x24 -nolisten tcp" bash -c '
    fifo=$1 targets=$2 out=$3 name=$4 size=$5 bin=$6; shift 6
    BOOTHDECK_TEST_TOUCH_FIFO=$fifo "$bin" "$@" >/dev/null 2>&1 &
    pid=$!
    sleep 2
    exec 3> "$fifo"
    tap() { echo "down 1 $1 $2" >&3; sleep 0.15; echo "up 1 $1 $2" >&3; sleep 0.4; }
    press() {
      read -r x y < <("$targets" "$size" "$1" 60 | awk -v n="$2" "\$1 == n { print \$2, \$3 }")
      tap "$x" "$y"
    }
    echo "down 1 0.02 0.98" >&3; sleep 2.8; echo "up 1 0.02 0.98" >&3; sleep 1
    import -window root "$out/$name-1.png"
    if [ "${name%-pin}" != "$name" ]; then
      press pin pin-1; press pin pin-9; sleep 0.5
      import -window root "$out/$name-2-digits.png"
      press pin pin-ok; sleep 1
      import -window root "$out/$name-3-wrong.png"
      press pin pin-erase
      for d in 2 4 6 8; do press pin "pin-$d"; done
      press pin pin-ok; sleep 2
      import -window root "$out/$name-4-main.png"
      press main page-next; sleep 2
      import -window root "$out/$name-5-page2.png"
      press main quit; sleep 0.5
      import -window root "$out/$name-6-confirm.png"
      press confirm no; sleep 0.5
      press main figures; sleep 1
      import -window root "$out/$name-7-figures.png"
    fi
    kill -TERM $pid; wait $pid
  ' _ "$fifo" "$targets" "$out" "$name" "${w}x${h}" "$bin" "$@" "$work/deck.md"
}

for size in 1920x1080 1080x1920 1366x768; do
  w=${size%x*} h=${size#*x}
  shoot "$w" "$h" "$size-pin" --pin 2468
  shoot "$w" "$h" "$size-nopin"
done
ls "$out"
