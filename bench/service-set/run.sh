#!/usr/bin/env bash
# Benchmarks a running service set ('compose-cli up -d' on the embedded broker, all roles in one JVM):
#   logger workflow at concurrency 64 right after the start (cold: the JIT is still compiling), then, after a
#   warm-up of W runs that is not measured, logger at concurrency 64 and 1 and the three-job shell chain at
#   concurrency 16 and 1 (steady state), then the resident memory of the 'up' JVM and of the broker.
#   Usage: bench/service-set/run.sh [N] [W]   (defaults: N=5000 measured runs at c=64, W=40000 warm-up runs)
#   COMPOSE_METRICS=off bench/service-set/run.sh runs the set without metrics, for comparison (docs/observability.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CLI="$HERE/../../compose-cli"
N="${1:-5000}"
W="${2:-40000}"
WORK="$(mktemp -d)"
cp "$HERE/model-compose.yml" "$WORK/"
cd "$WORK"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$CLI" up -d
echo "== logger, concurrency 64, cold (the first runs after the start)"
"$CLI" bench -w log -n "$N" -c 64 --warmup 100
echo "== warm-up: $W logger runs at concurrency 64 and 2000 shell chains at concurrency 16, not measured"
"$CLI" bench -w log -n "$W" -c 64 --warmup 0 >/dev/null
"$CLI" bench -w chain -n 2000 -c 16 --warmup 0 >/dev/null
echo "== logger, concurrency 64";  "$CLI" bench -w log -n "$N" -c 64 --warmup 500
echo "== logger, concurrency 1";   "$CLI" bench -w log -n 1000 -c 1 --warmup 200
echo "== shell chain, concurrency 16"; "$CLI" bench -w chain -n 1000 -c 16 --warmup 100
echo "== shell chain, concurrency 1";  "$CLI" bench -w chain -n 200 -c 1 --warmup 50
UP_PID="$(cat .compose/up.pid)"
echo "== resident memory"
ps -o rss=,args= -p "$UP_PID" | awk '{printf "up JVM: %d MB\n", $1/1024}'
ps -o rss=,args= --ppid "$UP_PID" | awk '/BrokerMain/ {printf "broker JVM: %d MB\n", $1/1024}'
