#!/usr/bin/env bash
# The board benchmarks (issues #4 and #12): the board query over 10,000 open opportunities on an embedded
# PostgreSQL 17 with the real schema, and the board page's whole server work (every service call the view makes
# on open) through the app's own beans, with its floor (the main query alone) and the ratio.
# Prints the figures and writes them to target/bench/board.txt and target/bench/board-page.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest='BoardQueryBench,BoardPageBench' -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/board.txt target/bench/board-page.txt
