#!/usr/bin/env bash
# The example game loop (examples/) against a coordinator and PEERS peers (default 1) on this machine: frame
# times without and with P2C2R work in flight. Arguments go to the game loop, e.g. --seconds 20 --baseline 5.
#   scripts/bench-game-loop.sh --seconds 20 --baseline 10
set -euo pipefail
source "$(dirname "$0")/local-network.sh"
java -jar examples/target/game-loop.jar --cloud "ws://127.0.0.1:$port/" --state-dir "$work/gamer" "$@" | grep -v '^ t='
