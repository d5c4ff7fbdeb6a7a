#!/usr/bin/env bash
# Network benchmark on one machine: a coordinator, PEERS peers (default 1) and `gamer.jar bench` with the
# arguments given (e.g. --tasks 2000 --connections 1 --in-flight 1). Prints the bench's figures.
#   PEERS=2 WORKERS=1 scripts/bench-network.sh --tasks 2000 --connections 4 --in-flight 8
set -euo pipefail
source "$(dirname "$0")/local-network.sh"
java -jar gamer/target/gamer.jar --cloud-ip 127.0.0.1 --cloud-port "$port" --gamer-id bench_gamer --state-dir "$work/gamer" bench "$@"
