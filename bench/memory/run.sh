#!/usr/bin/env bash
# Resident memory of a service set ('compose-cli up -d' on the embedded broker) before and after N more runs: the up
# JVM, the broker and any other process of the set (the whole process tree of 'up'), at start (idle), after a short
# warm-up and after the N runs. With finished runs bounded in the gateway (docs/performance.md, "Memory"), the figure
# after N runs should stay where it was after the warm-up, however large N is.
#   Usage: bench/memory/run.sh [N] [C] [W]   (defaults: N=100000 more runs, C=16 clients, W=5000 warm-up runs)
#   The runs go in rounds of at most 20,000 (bounded), RSS printed after each round. Smoke: bench/memory/run.sh 2000
#   BENCH_PORT=... picks the gateway port (18080); WORKFLOW=chain measures the shell chain instead of the logger.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CLI="$HERE/../../compose-cli"
N="${1:-100000}"
C="${2:-16}"
W="${3:-5000}"
WORKFLOW="${WORKFLOW:-log}"
ROUND=20000
[ "$N" -ge 1 ] && [ "$N" -le 10000000 ] || { echo "N must be between 1 and 10,000,000: $N" >&2; exit 2; }
WORK="$(mktemp -d)"
cp "$HERE/../service-set/model-compose.yml" "$WORK/"
cd "$WORK"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

# The pids of a process and all its descendants.
tree() {
  local pid="$1" child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree "$child"; done
}
# One line: RSS of each process of the set by name, and the total.
rss() {
  local label="$1" total=0 pid kb name parts=()
  for pid in $(tree "$UP_PID"); do
    kb="$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)"
    [ -n "$kb" ] || continue
    if tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null | grep -q BrokerMain; then name=broker
    elif [ "$pid" = "$UP_PID" ]; then name=up
    else name="$(cat /proc/"$pid"/comm 2>/dev/null || echo "?")"; fi
    parts+=("$name $((kb / 1024)) MB")
    total=$((total + kb))
  done
  printf '%-28s total %4d MB  (%s)\n' "$label" "$((total / 1024))" "$(IFS=,; echo "${parts[*]}" | sed 's/,/, /g')"
}

"$CLI" up -d >/dev/null
UP_PID="$(cat .compose/up.pid)"
sleep 5
rss "idle after up"
if [ "$W" -gt 0 ]; then
  "$CLI" bench -w "$WORKFLOW" -n "$W" -c "$C" --warmup 0 >/dev/null
  sleep 2
  rss "after $W warm-up runs"
fi
DONE=0
while [ "$DONE" -lt "$N" ]; do
  STEP=$(( N - DONE < ROUND ? N - DONE : ROUND ))
  "$CLI" bench -w "$WORKFLOW" -n "$STEP" -c "$C" --warmup 0 | grep -E 'throughput|failed' | tr '\n' ' '
  echo
  DONE=$((DONE + STEP))
  sleep 2
  rss "after $DONE more runs"
done
