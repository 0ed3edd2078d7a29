#!/usr/bin/env bash
# The inbox query benchmark (issue #3): p50/p95 of "my open tasks and my groups' unassigned tasks, by due
# date, first 50" at 10,000 and 1,000,000 rows, on an embedded PostgreSQL 17 with the real schema.
# Then the inbox page's whole server work (every service call the view makes on open) over 1,000,000 tasks, with its
# floor (the inbox query alone) and the ratio. Writes target/bench/inbox-query.txt and target/bench/inbox-page.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest='InboxQueryBench,InboxPageBench' -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/inbox-query.txt target/bench/inbox-page.txt
