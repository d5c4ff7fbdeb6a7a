#!/usr/bin/env bash
# The dispatch path against a raw WebSocket relay, in one run (issue 11). First a raw Java-WebSocket relay in
# front of an echo server (tools' RelayBench: client -> relay -> echo -> relay -> client, the same four traversals
# as gamer -> coordinator -> peer -> coordinator -> gamer); then a coordinator and one peer with 2 workers
# (scripts/local-network.sh) and `gamer.jar bench` with a tiny pathfinding task that is never cached, and a run
# of cache hits. Each measurement follows a warm-up of the same kind. Prints all figures and the ratios.
#   scripts/bench-relay.sh
#   COORDINATOR_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/c.jfr,settings=profile" scripts/bench-relay.sh
# The coordinator trusts its one peer and audits nothing (--trust-threshold 0 --audit-rate 0): with one peer no
# check could run, and an untrusted peer may start only 500 tasks a day. Results are still hashed and checked
# against the peer's digest, and every answer still waits for its commit. The per-connection message limit is
# raised (--max-messages-per-second) because the bench sends more than the default 1,000 a second on one connection.
set -euo pipefail
cd "$(dirname "$0")/.."
ONE_TASKS=${ONE_TASKS:-3000}     # tasks (and relay messages x 2) at one in flight
LOAD_TASKS=${LOAD_TASKS:-8000}   # tasks at 4 connections x 8 in flight
HIT_TASKS=${HIT_TASKS:-20000}    # cache hits at 4 x 8
[ -f tools/target/p2c2r-tools.jar ] && [ -f gamer/target/gamer.jar ] && [ -f examples/target/game-loop.jar ] \
  || mvn -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'
figure() { sed -n "s/.*$1 \([0-9.]*\).*/\1/p" | head -1; }

# 1. The raw relay: echo, relay and load client, each its own JVM as gamer, coordinator and peer are.
relay_log=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-relay.XXXXXX")
tools() { java -cp tools/target/p2c2r-tools.jar io.p2c2r.tools.relay.RelayBench "$@"; }
started() { # name log: waits for "<name> listening on", prints the port
  for _ in $(seq 300); do grep -q "$1 listening on" "$2" && break; sleep 0.1; done
  sed -n "s/.*$1 listening on [^:]*:\([0-9]*\).*/\1/p" "$2" | grep . || { echo "bench-relay: $1 did not start" >&2; cat "$2" >&2; exit 1; }
}
tools echo > "$relay_log/echo.log" 2>&1 &
echo_pid=$!
trap 'kill -TERM "$echo_pid" ${relay_pid:-} 2>/dev/null || true; rm -rf "$relay_log"' EXIT
echo_port=$(started Echo "$relay_log/echo.log")
tools relay --upstream-port "$echo_port" > "$relay_log/relay.log" 2>&1 &
relay_pid=$!
relay_port=$(started Relay "$relay_log/relay.log")
load() { tools load --port "$relay_port" "$@"; }
load --messages "$ONE_TASKS" --connections 1 --in-flight 1 > /dev/null          # warm-up
relay_one=$(load --messages $((2 * ONE_TASKS)) --connections 1 --in-flight 1)
load --messages $((2 * LOAD_TASKS)) --connections 4 --in-flight 8 > /dev/null    # warm-up
relay_load=$(load --messages $((5 * LOAD_TASKS)) --connections 4 --in-flight 8)
kill -TERM "$relay_pid" "$echo_pid"; wait "$relay_pid" "$echo_pid" 2>/dev/null || true
trap - EXIT
rm -rf "$relay_log"

# 2. The coordinator and one peer with 2 workers.
export PEERS=1 WORKERS=2
COORDINATOR_ARGS="--spot-check-minutes 0 --max-messages-per-second 1000000 ${COORDINATOR_ARGS:-}"
source scripts/local-network.sh
bench() {
  java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id bench_gamer --state-dir "$work/gamer" \
    bench "$@"
}
# A 100 x 202 grid with one obstacle that moves with the task index (20,000 distinct tasks per end cell) and a
# path of one step; run k ends at column k, so no two runs share a cache key.
tiny() { echo "{\"width\":100,\"height\":202,\"start\":[0,201],\"end\":[$1,201],\"obstacles\":[[{i%100},{i/100}]]}"; }
bench --tasks "$ONE_TASKS" --connections 1 --in-flight 1 --data "$(tiny 1)" > /dev/null     # warm-up
routed_one=$(bench --tasks "$ONE_TASKS" --connections 1 --in-flight 1 --data "$(tiny 2)")
bench --tasks "$LOAD_TASKS" --connections 4 --in-flight 8 --data "$(tiny 3)" > /dev/null    # warm-up
routed_load=$(bench --tasks "$LOAD_TASKS" --connections 4 --in-flight 8 --data "$(tiny 4)")
hit='{"width":100,"height":202,"start":[0,201],"end":[5,201],"obstacles":[[50,50]]}'
bench --tasks 1 --connections 1 --in-flight 1 --data "$hit" > /dev/null                      # computed once, cached
bench --tasks "$HIT_TASKS" --connections 4 --in-flight 8 --data "$hit" > /dev/null           # warm-up
cached_load=$(bench --tasks "$HIT_TASKS" --connections 4 --in-flight 8 --data "$hit")

echo "== raw relay, 1 in flight";          echo "$relay_one"
echo "== raw relay, 4 x 8";                echo "$relay_load"
echo "== routed, 1 in flight";             echo "$routed_one"
echo "== routed, 4 x 8";                   echo "$routed_load"
echo "== cache hits, 4 x 8";               echo "$cached_load"
rp50=$(echo "$relay_one" | figure p50);    rtput=$(echo "$relay_load" | figure Throughput:)
cp50=$(echo "$routed_one" | figure p50);   ctput=$(echo "$routed_load" | figure Throughput:)
htput=$(echo "$cached_load" | figure Throughput:)
awk -v rp="$rp50" -v rt="$rtput" -v cp="$cp50" -v ct="$ctput" -v ht="$htput" 'BEGIN {
  printf "== ratios\n relay p50 %.3f ms | relay 4x8 %.0f msg/s\n routed p50 / relay p50 = %.2f (goal <= 2)\n", rp, rt, cp / rp
  printf " routed tput / relay tput = %.2f (goal >= 0.5)\n cache-hit tput / relay tput = %.2f (goal >= 0.8)\n", ct / rt, ht / rt }'
