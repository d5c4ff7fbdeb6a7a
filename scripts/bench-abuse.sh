#!/usr/bin/env bash
# Abuse measurement on one machine (docs/BENCHMARKS.md, "Abuse"): a normal gamer's latency (gamer.jar bench,
# one task in flight) against an idle coordinator and against one holding 3,000 idle registered WebSocket
# connections and 500 half-open TCP connections from one flooding client (tools' Flood), ROUNDS times
# alternating; the coordinator's live heap (after a GC) and RSS in each state; then 200 wrong tokens in a row.
#   ROUNDS=3 TASKS=2000 IDLE=3000 HALF_OPEN=500 scripts/bench-abuse.sh
# Result checking is off (--trust-threshold 0 --audit-rate 0): one new peer alone could never earn trust.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f tools/target/p2c2r-tools.jar ] && [ -f gamer/target/gamer.jar ] || mvn -B -q -Dstyle.color=never package -DskipTests
ROUNDS=${ROUNDS:-3} TASKS=${TASKS:-2000} IDLE=${IDLE:-3000} HALF_OPEN=${HALF_OPEN:-500}
work=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-abuse.XXXXXX")
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
await() { # await FILE TEXT SECONDS
  for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "abuse bench: '$2' did not appear in $1 within $3 s" >&2; tail -5 "$1" >&2; exit 1
}
java -Xmx1g -jar coordinator/target/coordinator.jar --port 0 --host 127.0.0.1 --db "$work/abuse.db" --quiet --trust-threshold 0 --audit-rate 0 > "$work/cloud.log" 2>&1 &
cloud=$!; pids+=("$cloud")
await "$work/cloud.log" "Starting server on" 60
port=$(sed -n 's/.*Starting server on [^:]*:\([0-9]*\).*/\1/p' "$work/cloud.log" | head -1)
java -jar peer/target/peer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --peer-id abuse_peer --workers 2 \
  --state-dir "$work/peer" --stats-interval 3600 > "$work/peer.log" 2>&1 &
pids+=("$!")
await "$work/peer.log" "Registered as" 60
memory() {
  jcmd "$cloud" GC.run > /dev/null
  heap=$(jcmd "$cloud" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1)
  rss=$(sed -n 's/VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$cloud/status")
  echo "   coordinator: live heap $((heap / 1024)) MiB, RSS $((rss / 1024)) MiB, threads $(ls "/proc/$cloud/task" | wc -l)"
}
run=0
bench() { # each run its own end cell, so that no task is a cache hit
  run=$((run + 1))
  java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id abuse_gamer --state-dir "$work/gamer" \
    bench --tasks "$1" --connections 1 --in-flight "$2" --data "{\"width\":128,\"height\":128,\"start\":[{i%128},{i/128}],\
\"end\":[127,$((127 - run))],\"obstacles\":[[64,60],[64,61],[64,62],[64,63],[64,64],[64,65],[64,66]]}" | grep -E "Completed|Latency"
}
bench 1000 4 > /dev/null   # warm-up: JIT on all three sides
for round in $(seq "$ROUNDS"); do
  echo "round $round, idle coordinator:"; memory; bench "$TASKS" 1
  java -cp tools/target/p2c2r-tools.jar io.p2c2r.tools.Flood --target "127.0.0.1:$port" --idle "$IDLE" --half-open "$HALF_OPEN" \
    --seconds 3600 > "$work/flood.log" 2>&1 &
  flood=$!; pids+=("$flood")
  await "$work/flood.log" "idle registered $IDLE " 300
  sleep 10 # let the half-open ones reach their steady churn (each is closed after 5 s and opened again)
  echo "round $round, under the flood: $(grep 'flood holding' "$work/flood.log" | tail -1)"; memory; bench "$TASKS" 1
  echo "   $(grep 'flood holding' "$work/flood.log" | tail -1)"
  kill -TERM "$flood"; wait "$flood" 2>/dev/null || true
  for _ in $(seq 300); do [ "$(ss -Htn state established "( dport = :$port )" | wc -l)" -le 3 ] && break; sleep 0.1; done
done
echo "200 wrong tokens in a row for one gamer id:"
java -cp tools/target/p2c2r-tools.jar io.p2c2r.tools.Flood --target "127.0.0.1:$port" --wrong-tokens 200 --id gamer_victim
echo "   coordinator log: $(grep -c 'Registration refused from' "$work/cloud.log") refusals logged, $(grep -c 'Registration throttled' "$work/cloud.log") throttle lines"
grep 'Registration throttled' "$work/cloud.log" | tail -2 | sed 's/^/   /'
