#!/usr/bin/env bash
# Many idle peers (docs/BENCHMARKS.md, "10,000 idle peers"): a coordinator with a 512 MiB heap cap, one real peer
# (2 workers) and a gamer's latency (gamer.jar bench, one task in flight) before and while one tools process
# (Flood --peers) holds PEERS connections registered as peers that send a heartbeat every 10 s; the
# coordinator's live heap after a GC, its RSS and threads in each state. ROUNDS times alternating.
#   ROUNDS=3 TASKS=2000 PEERS=10000 scripts/bench-idle-peers.sh
# Result checking is off (--trust-threshold 0 --audit-rate 0): one new peer alone could never earn trust.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f tools/target/p2c2r-tools.jar ] && [ -f gamer/target/gamer.jar ] || mvn -B -q -Dstyle.color=never package -DskipTests
ROUNDS=${ROUNDS:-3} TASKS=${TASKS:-2000} PEERS=${PEERS:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-idle-peers.XXXXXX")
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
await() { # await FILE TEXT SECONDS
  for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "idle-peers bench: '$2' did not appear in $1 within $3 s" >&2; tail -5 "$1" >&2; exit 1
}
java -Xmx512m -jar coordinator/target/coordinator.jar --port 0 --host 127.0.0.1 --db "$work/peers.db" --quiet --trust-threshold 0 --audit-rate 0 \
  --max-connections $((PEERS + 100)) > "$work/cloud.log" 2>&1 &
cloud=$!; pids+=("$cloud")
await "$work/cloud.log" "Starting server on" 60
port=$(sed -n 's/.*Starting server on [^:]*:\([0-9]*\).*/\1/p' "$work/cloud.log" | head -1)
java -jar peer/target/peer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --peer-id real_peer --workers 2 \
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
  java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id peers_gamer --state-dir "$work/gamer" \
    bench --tasks "$1" --connections 1 --in-flight "$2" --data "{\"width\":128,\"height\":128,\"start\":[{i%128},{i/128}],\
\"end\":[127,$((127 - run))],\"obstacles\":[[64,60],[64,61],[64,62],[64,63],[64,64],[64,65],[64,66]]}" | grep -E "Completed|Latency"
}
bench 1000 4 > /dev/null   # warm-up: JIT on all three sides
for round in $(seq "$ROUNDS"); do
  echo "round $round, one peer:"; memory; bench "$TASKS" 1
  java -Xss256k -cp tools/target/p2c2r-tools.jar io.p2c2r.tools.Flood --target "127.0.0.1:$port" --peers "$PEERS" \
    --seconds 3600 > "$work/flood.log" 2>&1 &
  flood=$!; pids+=("$flood")
  await "$work/flood.log" "idle registered $PEERS " 600
  sleep 12 # at least one round of heartbeats from every idle peer
  echo "round $round, with $PEERS idle peers: $(grep 'flood holding' "$work/flood.log" | tail -1)"; memory; bench "$TASKS" 1
  echo "   $(grep 'flood holding' "$work/flood.log" | tail -1)"
  kill -TERM "$flood"; wait "$flood" 2>/dev/null || true
  for _ in $(seq 600); do [ "$(ss -Htn state established "( dport = :$port )" | wc -l)" -le 3 ] && break; sleep 0.1; done
done
grep -E "OutOfMemory|ERROR" "$work/cloud.log" | head -3 || true
