#!/usr/bin/env bash
# Result checking measured (docs/BENCHMARKS.md, "Result checking"): a real coordinator with checking on, two
# honest scripted peers and a suspect that earns trust and then lies on a fraction of its results, and a run with
# honest peers only. Prints counts (answers by verification, wrong answers delivered, corrected, uncorrected,
# runs per task, audit cost as a share of fee revenue), which the machine's load does not change.
#   scripts/bench-trust.sh                  # all three cases, 3000 tasks each
#   TASKS=1500 scripts/bench-trust.sh liarAtTenPercent
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-'liarAtTenPercent+liarAtOnePercent+honestPeersOnly'}
mvn -B -q -Dstyle.color=never test -pl coordinator -am -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest="TrustBench#$cases" -Dtrust.tasks="${TASKS:-3000}" 2>&1 | grep -v '^\[' | grep -E '^(==|   )' || {
  echo "bench-trust: the bench failed; run it without the filter to see why" >&2; exit 1; }
