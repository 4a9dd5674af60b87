#!/bin/sh
# Load benchmark of issue 11 (the transfer service) on a FRESH embedded PostgreSQL in a temporary folder: pupils in a
# departing school, an applicant with a token and a test certificate, 20 receiving schools with their keys; every
# application prepared and signed on the client, then over HTTP on loopback: submissions (signature verified, child
# found, rules, write, stage, audit) and acceptances (enrolment moved, notice PDF rendered and signed). Prints
# throughput and p50/p95/p99, then ../shared/tools/pg-yardstick.sh on the same database for the ratio
# (docs/benchmarks.md). Not part of the test suite. Usage:
#   scripts/benchmark-transfer.sh                 # 3000 applications counted, 8 client threads, 1000 acceptances
#   scripts/benchmark-transfer.sh 10000 16 2000 5000   # the 4th: applications submitted first, not counted (JIT warm-up; 6000)
# PORT and BILIM_EMBEDDED_PORT fix the HTTP and database ports (default: free ones). BILIM_DEMO=national loads the
# national demo (6.8 M children, ~1–2 min) into the fresh database first, so that the registry is national-size.
set -eu
cd "$(dirname "$0")/.."
N="${1:-3000}"
THREADS="${2:-8}"
DECISIONS="${3:-1000}"
WARMUP="${4:-6000}"
. scripts/lib/run-test-main.sh
run_test_main --bilim.db.embedded-data-dir= --bilim.db.embedded-port="${BILIM_EMBEDDED_PORT:-0}" --server.port="${PORT:-0}" --bilim.demo.load-on-start="${BILIM_DEMO:-none}" \
    --bilim.signature.test-pki.dir= --logging.level.kz.bilim=warn \
    --bilim.transfer.benchmark="$N" --bilim.transfer.benchmark-threads="$THREADS" \
    --bilim.transfer.benchmark-decisions="$DECISIONS" --bilim.transfer.benchmark-warmup="$WARMUP" \
    --bilim.transfer.benchmark-yardstick="$(yardstick_path)"
