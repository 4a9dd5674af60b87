#!/bin/sh
# Issue 9 benchmark, the national reconciliation, on a FRESH embedded PostgreSQL in a temporary folder: the demo's
# persons and enrolments of the scale (national: 6.8 M children, 4.95 M enrolments), the Justice and Kandas files
# written from them (untimed), then timed: the national reconciliation through the command line's path (sources 1-4
# from the live enrolments and both files as one bulk merge: import-children --reconcile), the nine lists' counts rebuilt — each stage's seconds and
# rows/s, the end-to-end time (target <= 60 s, -Xmx2g) — and the national list counts over HTTP (p50/p95). Then
# ../shared/tools/pg-yardstick.sh on the same database, if it is there (docs/benchmarks.md). Not part of the tests.
#   scripts/benchmark-child.sh              # national
#   scripts/benchmark-child.sh region       # or tiny; PORT and BILIM_EMBEDDED_PORT fix the ports (else any free)
#   scripts/benchmark-child.sh region --bilim.child.benchmark-separate=true   # the three separate merges instead
#   (both print a fingerprint of the result: the same in both modes)
set -eu
cd "$(dirname "$0")/.."
SCALE="${1:-national}"; [ $# -gt 0 ] && shift
. scripts/lib/run-test-main.sh
echo "Machine: $(nproc) cores; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
run_test_main --bilim.child.benchmark="$SCALE" --bilim.child.benchmark-yardstick="$(yardstick_path)" \
    --bilim.db.embedded-data-dir= --bilim.db.embedded-port="${BILIM_EMBEDDED_PORT:-0}" --server.port="${PORT:-0}" --bilim.demo.load-on-start=none \
    --logging.level.kz.bilim=warn "$@"
