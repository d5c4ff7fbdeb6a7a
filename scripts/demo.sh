#!/usr/bin/env bash
# The P2C2R demo on one machine: builds the three programs if needed, starts a coordinator, two peers and a
# gamer that runs the auto demo of all nine tasks, shows what each prints (prefixed [cloud], [peer1],
# [peer2], [gamer]), then shuts everything down cleanly. Needs Java 17+ and Maven.
#   scripts/demo.sh            # everything in a temporary folder, removed afterwards
#   KEEP=1 scripts/demo.sh     # keep the folder (database, logs, rendered images) and print its path
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
jars=("$root/coordinator/target/coordinator.jar" "$root/peer/target/peer.jar" "$root/gamer/target/gamer.jar")

need_build=0
for j in "${jars[@]}"; do
  [ -f "$j" ] || need_build=1
done
if [ "$need_build" = 0 ] && [ -n "$(find "$root" -name '*.java' -newer "${jars[0]}" -not -path '*/target/*' -print -quit)" ]; then
  need_build=1
fi
if [ "$need_build" = 1 ]; then
  echo "== Building the three programs (mvn package, tests skipped; run 'mvn -B verify' for the tests)"
  # Debian's Maven 3.8 prints bare colour resets (ESC[0m) even in batch mode; strip them and the empty lines.
  mvn -B -q -Dstyle.color=never package -DskipTests 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/p2c2r-demo.XXXXXX")
pids=()
cleanup() {
  local status=$?
  # Peers first (they finish running tasks), then the coordinator (it flushes the database).
  for ((i=${#pids[@]}-1; i>=0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then
    echo "== Kept the demo folder: $work (database: $work/p2c2r_cloud.db, images: $work/output)"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts a program in the background with its output prefixed on this terminal and copied to a log.
start() {
  local name=$1; shift
  "$@" > >(tee "$work/$name.log" | sed -u "s/^/[$name] /") 2>&1 &
  pids+=("$!")
}

# Waits (up to 60 s) for a line matching a pattern in a log; fails if it never comes.
await_line() {
  local log=$1 pattern=$2
  for _ in $(seq 600); do
    grep -q -- "$pattern" "$log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "demo: '$pattern' never appeared in $log" >&2
  return 1
}

echo "== Starting the coordinator (any free port, database in $work)"
# Both peers run on this machine, so they may vouch for each other's results (--same-host-quorum).
start cloud java -jar "${jars[0]}" --port 0 --host 127.0.0.1 --db "$work/p2c2r_cloud.db" --stats-interval 20 --same-host-quorum
await_line "$work/cloud.log" "Starting server on"
port=$(sed -n 's/.*Starting server on [^:]*:\([0-9]*\).*/\1/p' "$work/cloud.log" | head -1)

echo "== Starting two peers against 127.0.0.1:$port"
for n in 1 2; do
  start "peer$n" java -jar "${jars[1]}" --cloud-ip 127.0.0.1 --cloud-port "$port" --peer-id "demo_peer_$n" \
    --workers 1 --state-dir "$work/peer$n" --stats-interval 30
done
await_line "$work/cloud.log" "Peer connected: demo_peer_1"
await_line "$work/cloud.log" "Peer connected: demo_peer_2"

echo "== Running the gamer's auto demo (all nine tasks)"
set +e
java -jar "${jars[2]}" --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id demo_gamer --state-dir "$work/gamer" \
  --output-dir "$work/output" --auto 2>&1 | sed -u 's/^/[gamer] /'
status=${PIPESTATUS[0]}
set -e
echo "== Gamer finished with exit code $status; shutting down peers and coordinator"
exit "$status"
