#!/usr/bin/env bash
# The board benchmark (issue #4): p50/p95 of the board query over 10,000 open opportunities, on an embedded
# PostgreSQL 17 with the real schema. Prints the figures and writes them to target/bench/board.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=BoardQueryBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/board.txt
