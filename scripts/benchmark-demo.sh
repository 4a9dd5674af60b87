#!/bin/sh
# Loads the national demo data set (~6.8 M children, ~5 M enrolments, ~12 M rows in all) into a FRESH embedded
# PostgreSQL in a temporary folder, prints rows per table, seconds, rows/s and peak heap, and exits.
# The persistent data folder (BILIM_DATA_DIR, ~/.bilim/pgdata) is not touched. Usage:
#   scripts/benchmark-demo.sh            # national
#   scripts/benchmark-demo.sh region     # or tiny
set -eu
cd "$(dirname "$0")/.."
SCALE="${1:-national}"
# always rebuild: a stale jar would measure old code
./mvnw -q -B package -DskipTests
echo "Machine: $(nproc) cores; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx2g -jar target/bilim.jar --bilim.demo.benchmark="$SCALE"
