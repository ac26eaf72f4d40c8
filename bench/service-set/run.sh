#!/usr/bin/env bash
# Benchmarks a running service set ('compose-cli up -d' on the embedded broker, all roles in one JVM):
#   logger workflow at concurrency 64 right after the start (cold: the JIT is still compiling), then, after a
#   warm-up that is not measured (at least W runs, until the up JVM's JIT has settled), logger at concurrency 64 and
#   1 and the three-job shell chain at concurrency 16 and 1 (steady state), then the resident memory of the 'up' JVM
#   and of the broker.
#   Usage: bench/service-set/run.sh [N] [W]   (defaults: N=5000 measured runs at c=64, W=40000 warm-up runs at least)
#   COMPOSE_METRICS=off bench/service-set/run.sh runs the set without metrics, for comparison (docs/observability.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CLI="$HERE/../../compose-cli"
N="${1:-5000}"
W="${2:-40000}"
command -v jcmd >/dev/null || { echo "run.sh needs jcmd (a JDK) to tell when the JIT has settled" >&2; exit 2; }
WORK="$(mktemp -d)"
cp "$HERE/model-compose.yml" "$WORK/"
cd "$WORK"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$CLI" up -d
echo "== logger, concurrency 64, cold (the first runs after the start)"
"$CLI" bench -w log -n "$N" -c 64 --warmup 100
echo "== warm-up, not measured: rounds of 10000 logger runs at concurrency 64 and 2000 shell chains at concurrency 16,"
echo "   each followed by a pause until the up JVM's JIT has compiled what it made hot (its C2 queue is empty: on 2"
echo "   busy cores the compiler lags minutes behind), until a round compiles fewer than 100 methods (at least W runs)"
UP_PID="$(cat .compose/up.pid)"
c2_queue() { jcmd "$UP_PID" Compiler.queue 2>/dev/null | sed -n '/C2 compile queue/,$p' | grep -c '^ *[0-9]' || true; }
compiles() { jcmd "$UP_PID" PerfCounter.print 2>/dev/null | sed -n 's/^sun.ci.totalCompiles=//p'; }
settle() { for _ in $(seq 1 120); do [ "$(c2_queue)" = 0 ] && break; sleep 1; done; }
WARMED=0
for round in $(seq 1 12); do
  BEFORE="$(compiles)"
  "$CLI" bench -w log -n 10000 -c 64 --warmup 0 >/dev/null
  "$CLI" bench -w chain -n 2000 -c 16 --warmup 0 >/dev/null
  WARMED=$((WARMED + 12000))
  settle
  AFTER="$(compiles)"
  echo "   round $round: $((AFTER - BEFORE)) methods compiled"
  if [ "$WARMED" -ge "$W" ] && [ $((AFTER - BEFORE)) -lt 100 ]; then break; fi
done
echo "== warmed up with $WARMED runs"
echo "== logger, concurrency 64";  "$CLI" bench -w log -n "$N" -c 64 --warmup 500
echo "== logger, concurrency 1";   "$CLI" bench -w log -n 1000 -c 1 --warmup 200
echo "== shell chain, concurrency 16"; "$CLI" bench -w chain -n 3000 -c 16 --warmup 100
echo "== shell chain, concurrency 1";  "$CLI" bench -w chain -n 200 -c 1 --warmup 50
echo "== resident memory"
ps -o rss=,args= -p "$UP_PID" | awk '{printf "up JVM: %d MB\n", $1/1024}'
ps -o rss=,args= --ppid "$UP_PID" | awk '/BrokerMain/ {printf "broker JVM: %d MB\n", $1/1024}'
