#!/usr/bin/env bash
# The Kafka floor under the service set's latency: one record from producer to consumer on the embedded broker
# (started with 'compose-cli up -d' in a scratch folder). Usage: bench/kafka-hop/run.sh [N]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
CLI="$ROOT/compose-cli"
WORK="$(mktemp -d)"
cp "$ROOT/bench/service-set/model-compose.yml" "$WORK/"
cd "$WORK"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
"$CLI" up -d >/dev/null
BOOTSTRAP="$(grep -o 'Kafka 127.0.0.1:[0-9]*' .compose/up.log | tail -1 | cut -d' ' -f2)"
java -cp "$ROOT/cli/target/lib/*" -Dlogback.configurationFile="$HERE/logback.xml" "$HERE/KafkaHop.java" \
  "$BOOTSTRAP" "${1:-5000}"
