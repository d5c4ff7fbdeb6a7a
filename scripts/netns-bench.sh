#!/usr/bin/env bash
# Real network conditions in network namespaces (docs/BENCHMARKS.md, "Across a slow, lossy network").
#
# Two namespaces joined by a veth pair: the coordinator in one (10.77.0.1), peers and gamers in the other
# (10.77.0.2). This kernel has no tc netem, so the path is made slow and lossy by tools' LossyProxy, which
# runs in the clients' namespace: every peer and gamer connects to a proxy on 127.0.0.1 there, and the
# proxy crosses the veth with half the RTT each way and 1% loss per segment (a lost segment stalls its
# direction for one RTO, as on TCP; see LinkModel). It then
#   1. runs gamer.jar bench at each RTT in $RTTS (peers behind the same path), for p50 and p99 against RTT;
#   2. kills a peer (SIGKILL) in the middle of a task and checks that the task completes on the other peer;
#   3. runs a gamer's bench alone, then beside a slow, lossy gamer (600 ms RTT, 5% loss, 64 KiB/s) that
#      pulls large results, to show the slow one does not slow the others.
# It stops by itself and removes its namespaces. Traffic goes only to addresses in those namespaces.
#   scripts/netns-bench.sh            # full: RTTs 0 50 100 200 ms, each with loss 0 and 1%
#   scripts/netns-bench.sh --quick    # CI: RTT 100 ms and 1% loss only, fewer tasks (about a minute)
# Needs root and `ip netns`. Environment: RTTS, LOSSES (section 1), LOSS (sections 2 and 3), TASKS,
# SLOW_TASKS, LIMIT (seconds), KEEP=1 keeps the logs.
# Result checking is off (--trust-threshold 0 --audit-rate 0): this measures the network path.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[ "${1:-}" = "--quick" ] && quick=true
if $quick; then RTTS=${RTTS:-100} LOSSES=${LOSSES:-0.01} TASKS=${TASKS:-120} SLOW_TASKS=${SLOW_TASKS:-60}
else RTTS=${RTTS:-0 50 100 200} LOSSES=${LOSSES:-0 0.01} TASKS=${TASKS:-400} SLOW_TASKS=${SLOW_TASKS:-200}; fi
LOSS=${LOSS:-0.01} # sections 2 and 3
LIMIT=${LIMIT:-$($quick && echo 240 || echo 1200)}

if [ "$(id -u)" != 0 ]; then echo "netns-bench: needs root (ip netns)" >&2; exit 2; fi
[ -f tools/target/p2c2r-tools.jar ] && [ -f gamer/target/gamer.jar ] || mvn -B -q -Dstyle.color=never package -DskipTests

tag=$$
C=p2c2r-c-$tag E=p2c2r-e-$tag VC=p2vc$tag VE=p2ve$tag
work=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-netns.XXXXXX")
pids=()
watchdog=""
cleanup() {
  [ -z "$watchdog" ] || kill -KILL "$watchdog" 2>/dev/null || true
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for ((i=${#pids[@]}-1; i>=0; i--)); do wait "${pids[$i]}" 2>/dev/null || true; done
  # Whatever still runs in the namespaces was started here: end it before the namespaces go.
  for ns in "$C" "$E"; do
    for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
  done
  ip netns del "$C" 2>/dev/null || true
  ip netns del "$E" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "netns-bench: logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
# The watchdog: past LIMIT seconds, end whatever runs in the foreground, then clean up (the EXIT trap). It
# checks every second that this script still runs, so it never signals a process id used again.
trap 'echo "netns-bench: stopped after ${LIMIT} s (LIMIT)" >&2; exit 1' ALRM
( for ((t = 0; t < LIMIT; t++)); do sleep 1; kill -0 $$ 2>/dev/null || exit 0; done
  kill -ALRM $$; pkill -TERM -P $$ java ) &
watchdog=$!

ip netns add "$C"; ip netns add "$E"
ip link add "$VC" type veth peer name "$VE"
ip link set "$VC" netns "$C"; ip link set "$VE" netns "$E"
ip -n "$C" addr add 10.77.0.1/30 dev "$VC"; ip -n "$E" addr add 10.77.0.2/30 dev "$VE"
for ns in "$C" "$E"; do ip -n "$ns" link set lo up; done
ip -n "$C" link set "$VC" up; ip -n "$E" link set "$VE" up

inE() { ip netns exec "$E" "$@"; }
# For background programs: exec, so that $! is the program itself and the cleanup's kill reaches it.
bgC() { exec ip netns exec "$C" "$@"; }
bgE() { exec ip netns exec "$E" "$@"; }
await() { # await FILE TEXT SECONDS
  for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "netns-bench: '$2' did not appear in $1 within $3 s" >&2; tail -5 "$1" >&2; exit 1
}
gamer() { ip netns exec "$E" java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --state-dir "$work/gamer-$1" --gamer-id "gamer_$1" "${@:2}"; }
bgGamer() { exec ip netns exec "$E" java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --state-dir "$work/gamer-$1" --gamer-id "gamer_$1" "${@:2}"; }

bgC java -Xmx1g -jar coordinator/target/coordinator.jar --host 10.77.0.1 --port 8765 --db "$work/net.db" --trust-threshold 0 --audit-rate 0 > "$work/cloud.log" 2>&1 &
pids+=("$!")
await "$work/cloud.log" "Starting server on" 60

proxy_port=9000
proxy() { # proxy NAME RTT LOSS [BYTES_PER_SECOND] -> sets $port
  port=$((proxy_port++))
  bgE java -Xmx256m -cp tools/target/p2c2r-tools.jar io.p2c2r.tools.LossyProxy --listen "127.0.0.1:$port" \
    --target 10.77.0.1:8765 --rtt-ms "$2" --loss "$3" --bytes-per-second "${4:-0}" --seed "$port" > "$work/proxy-$1.log" 2>&1 &
  pids+=("$!")
  await "$work/proxy-$1.log" "lossy proxy" 30
}
peers=()
start_peers() { # start_peers PORT COUNT WORKERS
  peers=()
  for n in $(seq "$2"); do
    bgE java -jar peer/target/peer.jar --cloud-ip 127.0.0.1 --cloud-port "$1" --peer-id "net_peer_$n" --workers "$3" \
      --state-dir "$work/peer$n" --stats-interval 3600 > "$work/peer$n.log" 2>&1 &
    peers+=("$!"); pids+=("$!")
  done
  for n in $(seq "$2"); do await "$work/peer$n.log" "Registered as" 60; done
}
stop_peers() {
  for p in "${peers[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  peers=()
}
bench() { # bench PORT NAME TASKS CONNECTIONS IN_FLIGHT ROW: pathfinding to a row of its own, so no task is a cache hit
  gamer "$2" --cloud-port "$1" bench --tasks "$3" --connections "$4" --in-flight "$5" --data "{\"width\":64,\"height\":64,\
\"start\":[{i%64},{i/64}],\"end\":[63,$6],\"obstacles\":[[32,30],[32,31],[32,32],[32,33]]}"
}
row=63
next_row() { row=$((row - 1)); [ "$row" -ge 0 ] || { echo "netns-bench: out of distinct rows" >&2; exit 1; }; }

echo "== 1. latency against RTT (2 peers x 2 workers behind the same path; 2 connections x 2 in flight)"
for loss in $LOSSES; do
  for rtt in $RTTS; do
    proxy "rtt$rtt-$loss" "$rtt" "$loss"
    start_peers "$port" 2 2
    next_row; bench "$port" "warm$rtt" 40 2 2 "$row" > /dev/null
    next_row; out=$(bench "$port" "rtt$rtt" "$TASKS" 2 2 "$row")
    echo "$out" | grep -q " ok (0 from cache), 0 failed" || { echo "$out" >&2; echo "netns-bench: tasks failed at RTT $rtt" >&2; exit 1; }
    echo "RTT $rtt ms, loss $loss: $(echo "$out" | grep -E 'Throughput|Latency|processing' | tr -s ' ' | tr '\n' ' ')"
    stop_peers
  done
done

echo "== 2. failover: a peer killed with SIGKILL in the middle of a task"
proxy failover 100 "$LOSS"
fport=$port
start_peers "$fport" 2 1
# About 2 s of work on a peer: long enough to be killed in the middle.
bgGamer failover --cloud-port "$fport" submit rt_global_illumination --data '{"bounces":2,"samples_per_pixel":100}' \
  --timeout-ms 120000 > "$work/failover.json" 2> "$work/failover.err" &
submit=$!; pids+=("$submit")
victim=""
for _ in $(seq 600); do
  for n in 1 2; do grep -q "Received task: rt_global_illumination" "$work/peer$n.log" 2>/dev/null && victim=$n; done
  [ -n "$victim" ] && break; sleep 0.05
done
[ -n "$victim" ] || { echo "netns-bench: no peer received the failover task" >&2; exit 1; }
t_kill=$(date +%s.%N)
kill -KILL "${peers[$((victim - 1))]}"
{ wait "${peers[$((victim - 1))]}"; } 2>/dev/null || true # reaped here, without the shell's "Killed" notice
wait "$submit" || { echo "netns-bench: the failover task did not complete:" >&2; cat "$work/failover.json" "$work/failover.err" >&2; exit 1; }
t_done=$(date +%s.%N)
survivor=$((3 - victim))
grep -q '"status":"completed"' "$work/failover.json" && grep -q "\"peer_id\":\"net_peer_$survivor\"" "$work/failover.json" \
  && grep -q '"attempts":2' "$work/failover.json" \
  || { echo "netns-bench: unexpected failover result: $(cat "$work/failover.json")" >&2; exit 1; }
printf 'killed net_peer_%s mid-task; completed on net_peer_%s with attempts 2, %.1f s after the kill; coordinator: %s\n' "$victim" \
  "$survivor" "$(awk "BEGIN { print $t_done - $t_kill }")" "$(grep -m1 'Requeued' "$work/cloud.log" | sed 's/^ *//')"
stop_peers

echo "== 3. a slow, lossy gamer beside a normal one (peers and the normal gamer: RTT 100 ms, loss $LOSS)"
proxy normal 100 "$LOSS"
nport=$port
proxy slow 600 0.05 65536
sport=$port
start_peers "$nport" 2 2
next_row; bench "$nport" warm_normal 40 2 2 "$row" > /dev/null
next_row; alone=$(bench "$nport" normal "$SLOW_TASKS" 2 2 "$row")
# The slow gamer pulls 256x256 terrains (about 300 kB of JSON each) through 64 KiB/s: it cannot keep up.
bgGamer slow --cloud-port "$sport" bench --tasks 1000 --connections 1 --in-flight 4 --type ai_procedural \
  --data '{"type":"terrain","size":[256,256],"seed":{i}}' > "$work/slow.log" 2>&1 &
slow=$!; pids+=("$slow")
await "$work/cloud.log" "Result .* → gamer_slow" 60
next_row; beside=$(bench "$nport" normal "$SLOW_TASKS" 2 2 "$row")
kill -TERM "$slow" 2>/dev/null || true
echo "normal gamer alone:       $(echo "$alone" | grep -E 'Throughput|Latency' | tr -s ' ' | tr '\n' ' ')"
echo "beside the slow gamer:    $(echo "$beside" | grep -E 'Throughput|Latency' | tr -s ' ' | tr '\n' ' ')"
echo "slow gamer's results delivered while it ran: $(grep -c 'Result .* → gamer_slow' "$work/cloud.log")"
echo "$beside" | grep -q " ok (0 from cache), 0 failed" || { echo "$beside" >&2; echo "netns-bench: the normal gamer's tasks failed beside the slow one" >&2; exit 1; }
echo "netns-bench: done"
