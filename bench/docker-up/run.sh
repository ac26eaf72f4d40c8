#!/usr/bin/env bash
# The Docker runtime's start times: 'compose-cli up -d' of a project with 'runtime: docker' (a published port and a
# health check), first with the default image built from scratch on the local JRE base (compose/jre-base:17, made by
# the tests: run 'mvn -B verify' once), then again with the image already built; plus the peak memory of the CLI
# process, which runs the runtime-agent in-process for 'up'. Needs a Docker engine. Usage: bench/docker-up/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CLI="$HERE/../../compose-cli"
PORT="${BENCH_PORT:-18180}"
NAME="bench-docker-up"
WORK="$(mktemp -d)"
cd "$WORK"
trap '"$CLI" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
cat > model-compose.yml <<YAML
controller:
  name: $NAME
  port: 8080
  runtime:
    type: docker
    ports: ["127.0.0.1:$PORT:8080"]
    healthcheck:
      test: "wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1"
      interval: 1s
      timeout: 2s
      max_retry_count: 3
      start_period: 120s
workflow:
  jobs:
    - { id: say, component: shell, command: echo hello }
YAML
"$CLI" validate >/dev/null   # builds the CLI first if needed, outside the timings
docker images --format '{{.Repository}}:{{.Tag}}' | grep "$NAME" | xargs -r docker rmi -f >/dev/null 2>&1 || true

timed_up() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$WORK/rss" "$CLI" up -d >"$WORK/up.out" 2>&1 || { cat "$WORK/up.out"; exit 1; }
  end=$(date +%s%N)
  awk -v what="$1" -v ns="$((end - start))" -v kb="$(tail -1 "$WORK/rss")" \
    'BEGIN { printf "%s: %.1f s to healthy, CLI (with the runtime-agent) peak RSS %d MB\n", what, ns / 1e9, kb / 1024 }'
}

timed_up "first up -d (builds the default image)"
curl -sf "127.0.0.1:$PORT/health" >/dev/null && echo "health: ok"
"$CLI" down >/dev/null
timed_up "second up -d (image already built)"
"$CLI" down >/dev/null
