#!/usr/bin/env bash
# Streamed output through the embedded set: a loopback SSE server (in the driver) writes chunks that carry the time
# they left it; 16 callers at once POST output_only runs and read the gateway's event stream; the driver prints p50/p99
# of chunk-left-server -> chunk-read-by-caller. Bar (issue #14): p50 <= 5 ms, p99 <= 20 ms.
# Needs the worker half of #14 (http-client SSE streaming, ${response[]} parsing) on the tree it runs.
# Usage: bench/streaming/run.sh [STREAMS=16] [CHUNKS_PER_STREAM=200] [ROUNDS=5]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
CLI="$ROOT/compose-cli"
WORK="$(mktemp -d)"
cp "$HERE/model-compose.yml" "$WORK/"
cd "$WORK"
export BENCH_PORT="${BENCH_PORT:-18080}"
export BENCH_SSE_PORT="${BENCH_SSE_PORT:-18099}"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$CLI" up -d >/dev/null
java -cp "$ROOT/cli/target/lib/*" -Dlogback.configurationFile="$HERE/logback.xml" "$HERE/StreamBench.java" \
  "$BENCH_PORT" "$BENCH_SSE_PORT" "${1:-16}" "${2:-200}" "${3:-5}"
