#!/usr/bin/env bash
# Split rendering (issue 11): one path-traced frame rendered whole on one one-thread peer, then cut into TILES tiles
# on 1, 2 and 4 one-thread peers (--workers 1 and a CPU cap of one core each, so a peer never uses a second core
# through its compute helpers). Each figure is the median client-side latency of RENDERS renders (distinct seeds, so
# nothing is served from the cache), after a warm-up render on every new peer. Then an extrapolation to N real
# cores from the tiles' own measured render times (see docs/BENCHMARKS.md). On this 2-core machine 2 peers are the
# real ceiling: 4 one-thread peers share 2 cores. The peers run at normal priority (--no-low-priority): on a shared
# machine a nice-19 peer gets only what other users leave, which changes from one minute to the next.
#   scripts/bench-split.sh
#   RENDERS=7 TILES=32 FRAME='"resolution":[640,360],"samples_per_pixel":32,"bounces":2' scripts/bench-split.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RENDERS=${RENDERS:-5}
TILES=${TILES:-16}
FRAME=${FRAME:-'"resolution":[256,192],"samples_per_pixel":32,"bounces":2'}
CPU_PERCENT=$(( (100 + $(nproc) - 1) / $(nproc) ))   # one core's worth of the machine
export PEERS=0                                       # local-network.sh starts no peer; the one-thread peers are ours
COORDINATOR_ARGS="--spot-check-minutes 0 ${COORDINATOR_ARGS:-}"
echo "bench-split: load average at start $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# shellcheck source=scripts/local-network.sh
source scripts/local-network.sh
peer_count=0
add_peer() {
  peer_count=$((peer_count + 1))
  java -jar peer/target/peer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --peer-id "split_peer_$peer_count" \
    --workers 1 --max-cpu-percent "$CPU_PERCENT" --no-low-priority --state-dir "$work/split$peer_count" --stats-interval 3600 \
    > "$work/split$peer_count.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 600); do grep -q "Registered as" "$work/split$peer_count.log" 2>/dev/null && break; sleep 0.1; done
}
# bench TAG SPLIT RENDERS: the median latency in ms of RENDERS renders split SPLIT ways, seeds TAG000 + i
bench() {
  java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id split_gamer --state-dir "$work/gamer" \
    bench --type rt_global_illumination --tasks "$3" --connections 1 --in-flight 1 --split "$2" \
    --data "{$FRAME,\"seed\":${1}000{i}}" > "$work/bench-$1.log"
  grep -q " 0 failed" "$work/bench-$1.log" || { cat "$work/bench-$1.log" >&2; exit 1; }
  sed -n 's/.*p50 \([0-9.]*\).*/\1/p' "$work/bench-$1.log"
}
add_peer
bench 91 1 2 > /dev/null; bench 92 "$TILES" 2 > /dev/null          # warm-up, whole and split
whole=$(bench 1 1 "$RENDERS")
split1=$(bench 2 "$TILES" "$RENDERS")
add_peer
bench 93 "$TILES" 2 > /dev/null
split2=$(bench 3 "$TILES" "$RENDERS")
add_peer; add_peer
bench 94 "$TILES" 2 > /dev/null
split4=$(bench 4 "$TILES" "$RENDERS")
echo "bench-split: load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'frame {%s}, %d renders each, median latency\n' "$FRAME" "$RENDERS"
printf '  whole, 1 peer          %8.0f ms\n' "$whole"
for n in 1 2 4; do
  v=$(eval echo "\$split$n")
  printf '  %2d tiles, %d peer(s)   %8.0f ms   speed-up %.2f\n' "$TILES" "$n" "$v" "$(awk "BEGIN{print $whole / $v}")"
done
# Extrapolation from the renders split on one peer (tag 2): each tile's render time as its peer measured it, the
# tiles dealt in order to the first free of N workers (as the coordinator dispatches), plus the per-render
# overhead measured on one peer (latency minus the tiles' render times: dispatch, transfer, merge), kept whole.
python3 - "$work/bench.db" "$whole" "$split1" "$TILES" <<'EOF'
import json, sqlite3, statistics, sys
db, whole, split1, tiles = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
rows = sqlite3.connect(db).execute(
    "SELECT t.data, r.processing_ms FROM runs r JOIN tasks t ON t.task_id = r.task_id WHERE t.task_id LIKE '%.t%'").fetchall()
renders = {}
for data, ms in rows:
    d = json.loads(data)
    if str(d["seed"]).startswith("2000"):
        renders.setdefault(d["seed"], []).append((d["tile"][1], ms))
sums = [sum(ms for _, ms in v) for v in renders.values()]
overhead = max(0.0, split1 - statistics.median(sums))
def makespan(times, n):
    free = [0.0] * n
    for t in times:
        i = free.index(min(free)); free[i] += t
    return max(free)
print(f"  tiles' render time per frame on one peer: median {statistics.median(sums):.0f} ms over {len(sums)} renders"
      f" (whole frame {whole:.0f} ms: tiling costs {statistics.median(sums) / whole - 1:+.1%}); other overhead {overhead:.0f} ms")
for n in (1, 2, 4, 8, 16):
    spans = [makespan([ms for _, ms in sorted(v)], n) for v in renders.values()]
    t = statistics.median(spans) + overhead
    print(f"  extrapolated on {n:2d} real cores: {t:8.0f} ms   speed-up {whole / t:5.2f}  ({whole / t / n:.2f} x N)")
EOF
