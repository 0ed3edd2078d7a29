#!/usr/bin/env bash
# Start-up time (README "Start-up time"): from `./summit run` to the login page answering 200, on a fresh clone of
# this repository's HEAD (cold: builds the jar, unpacks Elasticsearch, runs initdb, creates the demo data), then
# again in the same clone (warm: nothing to build, the data is there). The Maven repository is taken as it is.
# Prints the figures and writes them to target/bench/startup.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${BENCH_PORT:-8197}
work=$(mktemp -d /tmp/summit-startup.XXXXXX)
git clone -q "$root" "$work/summit"
mkdir -p "$root/target/bench"

measure() {
  local label=$1
  local start end pid
  start=$(date +%s.%N)
  (cd "$work/summit" && exec ./summit run --server.port="$port" > "$work/startup-${label%% *}.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped: see $work/$label.log" >&2; exit 1; fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  # the JVM is the last exec in ./summit: stopping it stops PostgreSQL and Elasticsearch with it
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # wait until the children let go of their ports and data
  sleep 5
  printf '%s: %.1f s from ./summit run to /login answering 200\n' "$label" "$(echo "$end - $start" | bc)"
}

{
  echo "start-up, $(date -u +%F), $(nproc) cores, $(git -C "$root" rev-parse --short HEAD)"
  measure "cold (fresh clone: build, initdb, demo data)"
  measure "warm (second start, nothing changed)"
} | tee "$root/target/bench/startup.txt"
# the apps' logs stay, to see where the time went
cp "$work"/*.log "$root/target/bench/" 2>/dev/null || true
rm -rf "$work"
