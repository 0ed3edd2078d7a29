#!/usr/bin/env bash
# "A new record is searchable within 2 s" (issue #12): the time from creating a deal to the rep's search finding
# it, on the local mode's real Elasticsearch (no forced refresh). Prints the figures and writes them to
# target/bench/search.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=SearchLatencyBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/search.txt
