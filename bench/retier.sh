#!/usr/bin/env bash
# The re-tiering benchmark (issue #6): the customer-tiering process over 100,000 customers with 12 months of revenue,
# on the embedded engine and PostgreSQL, through the app's own worker; then where a batch's time goes.
# Prints the figures and writes them to target/bench/retier.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=RetieringBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/retier.txt
