#!/bin/sh
# HB-1 benchmark of issue 10 on a FRESH embedded PostgreSQL in a temporary folder: 20,000 organisations and 450,000
# staff (one contract each) by the staff bulk writer, a national verdict file of 50,000 bans imported through the
# register, the set-based check of every current contract timed alone, and the hiring check over HTTP (p50/p95/p99).
# Then ../shared/tools/pg-yardstick.sh on the same database, if it is there, for the ratio (docs/benchmarks.md).
# Not part of the test suite. Usage:
#   scripts/benchmark-staff.sh              # 450000 contracts, 50000 bans
#   scripts/benchmark-staff.sh 100000 20000
set -eu
cd "$(dirname "$0")/.."
STAFF="${1:-450000}"
BANS="${2:-50000}"
# The benchmark sets up its national-size fixtures the way the tests do: it runs on the test classpath.
. scripts/lib/run-test-main.sh
run_test_main --bilim.staff.benchmark="$STAFF" --bilim.staff.benchmark-bans="$BANS" \
    --bilim.staff.benchmark-yardstick="$(yardstick_path)"
