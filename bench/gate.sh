#!/usr/bin/env bash
# The gate throughput benchmark (issue #4): gate evaluations per second through the job worker,
# on the embedded engine and PostgreSQL.
# Prints the figures and writes them to target/bench/gate.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=GateThroughputBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/gate.txt
