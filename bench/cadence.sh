#!/usr/bin/env bash
# The follow-up cadence benchmark (issue #14): 10,000 open deals get their cadence instance; the time until each waits
# on its timer, against a bare client's starts of a one-no-op-job process on the same engine, and the engine's idle CPU
# with 10,000 waiting instances against none. Prints the figures and writes them to target/bench/cadence.txt; copy
# them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=CadenceBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/cadence.txt
