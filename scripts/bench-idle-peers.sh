#!/usr/bin/env bash
# Many idle peers (docs/BENCHMARKS.md, "10,000 idle peers"): a coordinator with a 512 MiB heap cap, one real peer
# (2 workers) and a gamer's latency (gamer.jar bench, one task in flight) before and while one tools process
# (Flood --peers) holds PEERS connections registered as peers that send a heartbeat every 10 s; the
# coordinator's live heap after a GC, its RSS and threads in each state. ROUNDS times alternating.
#   ROUNDS=3 TASKS=2000 PEERS=10000 scripts/bench-idle-peers.sh
# Result checking is off (--trust-threshold 0 --audit-rate 0): one new peer alone could never earn trust.
set -euo pipefail
ROUNDS=${ROUNDS:-3} TASKS=${TASKS:-2000} PEERS=${PEERS:-10000}
NAME=idle-peers HEAP=-Xmx512m EXTRA_ARGS="--max-connections $((PEERS + 100))"
# shellcheck source=flood-network.sh
. "$(dirname "$0")/flood-network.sh"
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
