#!/usr/bin/env bash
# The impact preview benchmark (issue #13): what a changed stage-gate would do to 10,000 open deals, as the workbench
# asks it, with its floors (the DMN evaluations alone, the bare query of every fact) in the same run.
# Prints the figures and writes them to target/bench/impact.txt; copy them into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source .mvn/summit-env.sh
./mvnw -B -q "$@" -Dtest=ImpactPreviewBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
  test-compile surefire:test
cat target/bench/impact.txt
