#!/usr/bin/env bash
# Abuse measurement on one machine (docs/BENCHMARKS.md, "Abuse"): a normal gamer's latency (gamer.jar bench,
# one task in flight) against an idle coordinator and against one holding 3,000 idle registered WebSocket
# connections and 500 half-open TCP connections from one flooding client (tools' Flood), ROUNDS times
# alternating; the coordinator's live heap (after a GC) and RSS in each state; then 200 wrong tokens in a row.
#   ROUNDS=3 TASKS=2000 IDLE=3000 HALF_OPEN=500 scripts/bench-abuse.sh
# Result checking is off (--trust-threshold 0 --audit-rate 0): one new peer alone could never earn trust.
set -euo pipefail
ROUNDS=${ROUNDS:-3} TASKS=${TASKS:-2000} IDLE=${IDLE:-3000} HALF_OPEN=${HALF_OPEN:-500}
NAME=abuse HEAP=-Xmx1g EXTRA_ARGS=""
# shellcheck source=flood-network.sh
. "$(dirname "$0")/flood-network.sh"
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
