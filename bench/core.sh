#!/usr/bin/env bash
# The core customers, staff and services benchmark: p50/p95 of the one statement behind the core screen over 100,000
# customers and about 7 million revenue rows, on an embedded PostgreSQL 17 with the real schema. Prints the figures
# and writes them to target/bench/core.txt. Options: -Dbench.queries=N, -Dbench.customers=N.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=CoreQueryBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/core.txt
