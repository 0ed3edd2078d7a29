#!/usr/bin/env bash
# The migration benchmark (issue #13): 1,000 running instances moved onto a new version from the workbench, with its
# floor (a bare client's migrate command for as many instances) in the same run.
# Prints the figures and writes them to target/bench/migration.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=MigrationBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/migration.txt
