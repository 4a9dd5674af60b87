#!/bin/sh
# EIS-5, EIS-6 benchmark of issue 12 on the test JVM's fresh embedded PostgreSQL: a national period of a 200-field form
# (7,500 schools by default, 20 regions, 230 districts) consolidated school → district → region → ministry through
# the service, and a burst of 500 signed submissions over HTTP (8 clients, signatures made beforehand). Then
# ../shared/tools/pg-yardstick.sh on the same database, for the ratio (docs/benchmarks.md). Not part of the suite.
#   scripts/benchmark-collection.sh [schools [officers at a time]]
set -eu
cd "$(dirname "$0")/.."
exec ./mvnw -o -q test -Dtest=CollectionBenchmark -Dbilim.collection.benchmark="${1:-7500}" \
    -Dbilim.collection.officers="${2:-4}" | grep -A12 "^BENCH"
