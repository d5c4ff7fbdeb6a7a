# Sourced by the bench scripts: builds if needed, then starts a coordinator (--quiet, a fresh SQLite file) and
# PEERS peers (default 1) with WORKERS workers each (default: cores) on 127.0.0.1, stopped again on exit.
# COORDINATOR_JAVA_OPTS adds JVM options to the coordinator (e.g. -Dp2c2r.store.maxBatch=1), COORDINATOR_ARGS
# options (e.g. --trust-threshold 0: one untrusted peer starts at most 500 tasks of a type a day). Sets $port and $work.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f gamer/target/gamer.jar ] || [ ! -f examples/target/game-loop.jar ]; then
  # Debian's Maven 3.8 prints bare colour resets (ESC[0m) even in batch mode; strip them and the empty lines.
  mvn -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-bench.XXXXXX")
pids=()
cleanup() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
java ${COORDINATOR_JAVA_OPTS:-} -jar coordinator/target/coordinator.jar --port 0 --host 127.0.0.1 --db "$work/bench.db" --quiet ${COORDINATOR_ARGS:-} > "$work/cloud.log" 2>&1 &
pids+=("$!")
for _ in $(seq 600); do grep -q "Starting server on" "$work/cloud.log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*Starting server on [^:]*:\([0-9]*\).*/\1/p' "$work/cloud.log" | head -1)
[ -n "$port" ] || { echo "bench: the coordinator did not start" >&2; cat "$work/cloud.log" >&2; exit 1; }
for n in $(seq "${PEERS:-1}"); do
  java -jar peer/target/peer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --peer-id "bench_peer_$n" \
    --workers "${WORKERS:-$(nproc)}" --state-dir "$work/peer$n" --stats-interval 3600 > "$work/peer$n.log" 2>&1 &
  pids+=("$!")
done
for n in $(seq "${PEERS:-1}"); do
  for _ in $(seq 600); do grep -q "Registered as" "$work/peer$n.log" 2>/dev/null && break; sleep 0.1; done
done
