#!/usr/bin/env bash
# The import benchmark (issue #6): preview and commit of 10,000 customer rows from xlsx and from a GBK CSV file,
# through the app's import service on the embedded PostgreSQL. Prints the figures and writes them to
# target/bench/import.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=CustomerImportBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/import.txt
