#!/usr/bin/env bash
# Side by side (issue #17, "Measure"): upstream model-compose and compose serve the same workload file unchanged
# (workload.yml: a one-job shell workflow 'word' and a four-job shell chain 'four'), one system at a time on this
# machine, each warmed the same way, under the same loads (one client, 16, 64), every answer checked to be a completed
# run. Per load: runs/s, p50/p99, CPU-ms per run summed over all processes of the system (utime+stime+cutime+cstime of
# its process tree, before and after the load, so shell jobs it started and reaped count too) and the resident memory
# of all its processes after the load. Plus the first 10 s after 'up' at 16 clients, and an http-client job against
# the loopback JSON API of api_server.py (http-workload.yml) at 64 clients.
#
#   Usage: bench/side-by-side/run.sh UPSTREAM_VENV
#     UPSTREAM_VENV: a venv with upstream's 'model-compose' (installed by the shared install-upstream.sh)
#   Environment (defaults in brackets):
#     WARMUP=60        seconds of warm-up for each system and file, half on 'word', half on 'four', 16 clients
#     LOAD=20          seconds of each measured load
#     FIRST=10         seconds of the first load after 'up' (16 clients, 'word')
#     MAX_RUNS=1000000 most runs one load sends (every loop is bounded)
#     SYSTEMS="upstream compose"   which to measure; PORT=18091 / API_PORT=18092
#     DRIVER=wrk|compose           the load generator: wrk (with check.lua) when installed, else 'compose-cli bench'
#   Smoke: WARMUP=5 LOAD=3 FIRST=3 bench/side-by-side/run.sh /tmp/mc-venv
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CLI="$HERE/../../compose-cli"
VENV="${1:?usage: run.sh UPSTREAM_VENV (a venv with upstream model-compose installed)}"
WARMUP="${WARMUP:-60}"; LOAD="${LOAD:-20}"; FIRST="${FIRST:-10}"; MAX_RUNS="${MAX_RUNS:-1000000}"
SYSTEMS="${SYSTEMS:-upstream compose}"
PORT="${PORT:-18091}"; API_PORT="${API_PORT:-18092}"
if [ -z "${DRIVER:-}" ]; then if command -v wrk >/dev/null; then DRIVER=wrk; else DRIVER=compose; fi; fi
[ -x "$VENV/bin/model-compose" ] || case " $SYSTEMS " in *" upstream "*)
  echo "no $VENV/bin/model-compose: install upstream first (install-upstream.sh GIT_DIR $VENV)" >&2; exit 2 ;; esac
TICK="$(getconf CLK_TCK)"
WORK="$(mktemp -d)"
SYS_PID=""; SYS_KIND=""; API_PID=""
BASE="http://127.0.0.1:$PORT/api"
export BENCH_PORT="$PORT" API_PORT

stop_system() {
  if [ "$SYS_KIND" = compose ]; then (cd "$WORK/run" && "$CLI" down >/dev/null 2>&1) || true
  elif [ -n "$SYS_PID" ]; then kill -- "-$SYS_PID" 2>/dev/null || true; wait "$SYS_PID" 2>/dev/null || true; fi
  SYS_PID=""; SYS_KIND=""
}
cleanup() {
  stop_system
  if [ -n "$API_PID" ]; then kill "$API_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The pids of a process and all its descendants.
tree() {
  local pid="$1" child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree "$child"; done
}
# CPU ms of the system's process tree so far (its own and its reaped children's).
cpu_ms() {
  local ticks=0 pid t
  for pid in $(tree "$SYS_PID"); do
    t="$(sed 's/^.*) //' /proc/"$pid"/stat 2>/dev/null | awk '{print $12 + $13 + $14 + $15}')" || continue
    ticks=$((ticks + ${t:-0}))
  done
  echo $((ticks * 1000 / TICK))
}
rss_mb() {
  local kb=0 pid v
  for pid in $(tree "$SYS_PID"); do
    v="$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null)" || continue
    kb=$((kb + ${v:-0}))
  done
  echo $((kb / 1024))
}

# One load: WORKFLOW CLIENTS SECONDS -> "runs completed not_completed seconds p50 p99" (ms)
load() {
  local wf="$1" c="$2" secs="$3" body out
  body="{\"workflow_id\": \"$wf\", \"input\": {\"word\": \"hi\"}, \"wait_for_completion\": true}"
  if [ "$DRIVER" = wrk ]; then
    out="$(BODY="$body" wrk -t "$(( c < 2 ? c : 2 ))" -c "$c" -d "${secs}s" --timeout 30s -s "$HERE/check.lua" \
      "$BASE/workflows/runs" | grep '^RESULT')"
    awk '{print $3, $5, $7 + $9, $11, $13, $15}' <<<"$out"
  else
    out="$("$CLI" bench --url "$BASE" -w "$wf" -i '{"word": "hi"}' -n "$MAX_RUNS" -c "$c" --warmup 0 \
      --duration "$secs" || true)"
    awk '/^runs / {gsub(",", ""); runs = $2; failed = $6}
         /^throughput/ {secs = $6}
         /^latency/ {p50 = $4; p99 = $8}
         END {print runs, runs - failed, failed, secs, p50, p99}' <<<"$out"
  fi
}

# A row of the table: LABEL WORKFLOW CLIENTS SECONDS
row() {
  local label="$1" before after r runs ok bad secs p50 p99
  before="$(cpu_ms)"
  r="$(load "$2" "$3" "$4")"
  after="$(cpu_ms)"
  read -r runs ok bad secs p50 p99 <<<"$r"
  if [ "${runs:-0}" -gt 0 ]; then
    printf '%-9s %-34s %9.1f %8s %8s %10.2f %7s %9s\n' "$SYS_KIND" "$label" "$(awk -v n="$ok" -v s="$secs" \
      'BEGIN {print n / s}')" "$p50" "$p99" "$(awk -v d="$((after - before))" -v n="$runs" 'BEGIN {print d / n}')" \
      "$(rss_mb)" "$bad" | tee -a "$WORK/table"
  else
    printf '%-9s %-34s no answer\n' "$SYS_KIND" "$label" | tee -a "$WORK/table"
  fi
}

# Waits until the system answers a run of WORKFLOW with a completed state (at most 120 s).
await_ready() {
  local wf="$1" i
  for i in $(seq 1 600); do
    if curl -s -m 5 -H 'Content-Type: application/json' -d "{\"workflow_id\": \"$wf\", \"input\": {\"word\": \"hi\"}}" \
        "$BASE/workflows/runs" 2>/dev/null | grep -q '"status" *: *"completed"'; then return 0; fi
    sleep 0.2
  done
  echo "$SYS_KIND did not answer on $BASE within 120 s" >&2; return 1
}

# Starts SYSTEM on FILE (copied as model-compose.yml into a fresh folder).
start_system() {
  local kind="$1" file="$2"
  rm -rf "$WORK/run"; mkdir -p "$WORK/run"; cp "$HERE/$file" "$WORK/run/model-compose.yml"
  SYS_KIND="$kind"
  if [ "$kind" = upstream ]; then
    (cd "$WORK/run" && exec setsid "$VENV/bin/model-compose" -f model-compose.yml up >"$WORK/upstream.log" 2>&1) &
    SYS_PID=$!
  else
    (cd "$WORK/run" && "$CLI" up -d >"$WORK/compose.log" 2>&1)
    SYS_PID="$(cat "$WORK/run/.compose/up.pid")"
  fi
}

warm_up() {
  local half=$(( WARMUP / 2 > 0 ? WARMUP / 2 : 1 ))
  load "$1" 16 "$half" >/dev/null
  if [ -n "${2:-}" ]; then load "$2" 16 "$half" >/dev/null; else load "$1" 16 "$half" >/dev/null; fi
}

echo "driver: $DRIVER; warm-up ${WARMUP} s per system and file; ${LOAD} s per load; first load ${FIRST} s"
printf '%-9s %-34s %9s %8s %8s %10s %7s %9s\n' system load runs/s p50-ms p99-ms cpu-ms/run rss-MB not-done \
  | tee "$WORK/table"
for kind in $SYSTEMS; do
  start_system "$kind" workload.yml
  await_ready word
  row "first ${FIRST} s after up, word c=16" word 16 "$FIRST"
  warm_up word four
  for wf in word four; do
    for c in 1 16 64; do row "$wf c=$c" "$wf" "$c" "$LOAD"; done
  done
  stop_system
done
python3 "$HERE/api_server.py" "$API_PORT" & API_PID=$!
for kind in $SYSTEMS; do
  start_system "$kind" http-workload.yml
  await_ready call
  warm_up call
  for c in 16 64; do row "http-client c=$c" call "$c" "$LOAD"; done
  stop_system
done
echo
echo "== side by side (runs/s counts completed runs; cpu-ms/run: all processes of the system; rss after the load)"
cat "$WORK/table"
