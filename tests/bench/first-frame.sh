#!/usr/bin/env bash
# Time to the first frame on screen, GL included: runs `continuum --timing --screenshot` under
# Xvfb RUNS times with an EGL context and RUNS times with a GLX one (interleaved, so a busy
# machine slows both alike), and prints the minimum, median and maximum of the time to the window
# and context and of the time to the first frame drawn, in ms from the program's start.
# Usage: first-frame.sh BUILD_DIR/continuum [RUNS]   (figures move with the machine's load:
# compare the two rows of one run, and quote an idle machine's figures against the budget)
set -euo pipefail
program=$1
runs=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for ((i = 0; i < runs; i++)); do
  for api in egl glx; do
    env_api=$([ "$api" = glx ] && echo glx || echo default)
    CONTINUUM_GL_CONTEXT=$env_api xvfb-run -a -s "-screen 0 1600x1000x24" "$program" --timing \
      --screenshot "$work/shot.png" --audit "$work/audit.sqlite" >"$work/out" 2>&1
    context=$(grep -o 'window and OpenGL context ([A-Z]*): [0-9.]*' "$work/out")
    frame=$(grep -o 'first frame drawn: [0-9.]*' "$work/out" | grep -o '[0-9.]*$')
    echo "$context" | grep -q "(${api^^})" || { echo "asked for $api, got: $context" >&2; exit 1; }
    echo "$api ${context##* } $frame" >>"$work/times"
  done
done
stats() {  # min median max of a column
  sort -n | awk '{v[NR] = $1} END {printf "%6.1f %6.1f %6.1f", v[1], v[int((NR + 1) / 2)], v[NR]}'
}
printf '%-4s  %-22s  %-22s\n' "" "window+context (ms)" "first frame (ms)"
printf '%-4s  %-22s  %-22s\n' "" "  min median    max" "  min median    max"
for api in egl glx; do
  printf '%-4s  %s  %s\n' "$api" "$(awk -v a=$api '$1 == a {print $2}' "$work/times" | stats)" \
    "$(awk -v a=$api '$1 == a {print $3}' "$work/times" | stats)"
done
