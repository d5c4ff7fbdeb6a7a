# Sourced by bench-abuse.sh and bench-idle-peers.sh: builds if needed, starts a coordinator (java $HEAP, a fresh
# SQLite file, --quiet, result checking off since its one new peer could never earn trust, plus $EXTRA_ARGS) and
# one real peer with 2 workers on 127.0.0.1, all stopped again on exit. Defines await FILE TEXT SECONDS, memory
# (the coordinator's live heap after a GC, RSS and threads) and bench TASKS IN_FLIGHT (gamer.jar bench, each run
# its own end cell so that no task is a cache hit). Needs $NAME (for messages and folders); sets $work, $port, $cloud.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -f tools/target/p2c2r-tools.jar ] && [ -f gamer/target/gamer.jar ] || mvn -B -q -Dstyle.color=never package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-$NAME.XXXXXX")
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
await() { # await FILE TEXT SECONDS
  for _ in $(seq $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "$NAME bench: '$2' did not appear in $1 within $3 s" >&2; tail -5 "$1" >&2; exit 1
}
# shellcheck disable=SC2086 # EXTRA_ARGS is a list of words on purpose
java "${HEAP:--Xmx1g}" -jar coordinator/target/coordinator.jar --port 0 --host 127.0.0.1 --db "$work/$NAME.db" --quiet \
  --trust-threshold 0 --audit-rate 0 ${EXTRA_ARGS:-} > "$work/cloud.log" 2>&1 &
cloud=$!; pids+=("$cloud")
await "$work/cloud.log" "Starting server on" 60
port=$(sed -n 's/.*Starting server on [^:]*:\([0-9]*\).*/\1/p' "$work/cloud.log" | head -1)
java -jar peer/target/peer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --peer-id "${NAME//-/_}_peer" --workers 2 \
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
bench() { # bench TASKS IN_FLIGHT
  run=$((run + 1))
  java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id "${NAME//-/_}_gamer" --state-dir "$work/gamer" \
    bench --tasks "$1" --connections 1 --in-flight "$2" --data "{\"width\":128,\"height\":128,\"start\":[{i%128},{i/128}],\
\"end\":[127,$((127 - run))],\"obstacles\":[[64,60],[64,61],[64,62],[64,63],[64,64],[64,65],[64,66]]}" | grep -E "Completed|Latency"
}
