#!/usr/bin/env bash
# The human-step latency benchmark (issue #3): p50/p95 of "submit -> the next task of the same instance is
# visible in the inbox", on the embedded engine and PostgreSQL, through the app's own services.
# Prints the figures and writes them to target/bench/human-step.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=HumanStepLatencyBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/human-step.txt
