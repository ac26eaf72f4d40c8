#!/usr/bin/env bash
# Benchmarks a running service set ('compose-cli up -d' on the embedded broker, all roles in one JVM):
#   logger workflow at concurrency 1 and 64, three-job shell chain at concurrency 1 and 16,
#   then the resident memory of the 'up' JVM and of the broker. Usage: bench/service-set/run.sh [N]
#   COMPOSE_METRICS=off bench/service-set/run.sh runs the set without metrics, for comparison (docs/observability.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CLI="$HERE/../../compose-cli"
N="${1:-3000}"
WORK="$(mktemp -d)"
cp "$HERE/model-compose.yml" "$WORK/"
cd "$WORK"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$CLI" up -d
echo "== logger, concurrency 1";  "$CLI" bench -w log -n 500 -c 1 --warmup 300
echo "== logger, concurrency 64"; "$CLI" bench -w log -n "$N" -c 64 --warmup 1000
echo "== shell chain, concurrency 1";  "$CLI" bench -w chain -n 200 -c 1 --warmup 50
echo "== shell chain, concurrency 16"; "$CLI" bench -w chain -n 1000 -c 16 --warmup 100
UP_PID="$(cat .compose/up.pid)"
echo "== resident memory"
ps -o rss=,args= -p "$UP_PID" | awk '{printf "up JVM: %d MB\n", $1/1024}'
ps -o rss=,args= --ppid "$UP_PID" | awk '/BrokerMain/ {printf "broker JVM: %d MB\n", $1/1024}'
