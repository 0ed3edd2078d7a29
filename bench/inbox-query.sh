#!/usr/bin/env bash
# The inbox query benchmark (issue #3): p50/p95 of "my open tasks and my groups' unassigned tasks, by due
# date, first 50" at 10,000 and 1,000,000 rows, on an embedded PostgreSQL 17 with the real schema.
# Prints the figures and writes them to target/bench/inbox-query.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=InboxQueryBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/inbox-query.txt
