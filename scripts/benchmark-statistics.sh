#!/usr/bin/env bash
# Statistics benchmark (issue 13): starts the application on the national demo data (loaded on first start into its own
# data folder, kept for later runs), then over HTTP as the ministry: takes the 5-October snapshot, reads all indicators
# with all their breakdowns, reads single indicators/pivots (p50/p95/p99 of 300 requests), opens the home page; prints
# the PostgreSQL yardstick of this machine beside it. Usage:
#   scripts/benchmark-statistics.sh [national|region|tiny]
# Environment: BILIM_BENCH_DIR (data folder, default /tmp/bilim-statistics-benchmark-<scale>), PORT (default 18151),
# BILIM_EMBEDDED_PORT (default 18150). Stops the application it started.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${1:-national}"
DIR="${BILIM_BENCH_DIR:-/tmp/bilim-statistics-benchmark-$SCALE}"
PORT="${PORT:-18151}"
DBPORT="${BILIM_EMBEDDED_PORT:-18150}"
BASE="http://localhost:$PORT"
WORK=$(mktemp -d)
# the compiled classes and the runtime class path (the repackaged jar needs plugins an offline machine may not hold)
[ -d target/classes ] && [ -f target/runtime.classpath ] && [ -z "$(find src -newer target/runtime.classpath -print -quit)" ] \
  || { ./mvnw -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime \
       && touch target/runtime.classpath; }
echo "Machine: $(nproc) cores; $(uptime)"
mkdir -p "$DIR"
BILIM_DATA_DIR="$DIR/pgdata" BILIM_EMBEDDED_PORT="$DBPORT" PORT="$PORT" BILIM_TEST_PKI_DIR="$DIR/pki" BILIM_DEMO="$SCALE" \
  java -Xmx3g -cp "target/classes:$(cat target/runtime.classpath)" kz.bilim.BilimApplication > "$DIR/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
started=$(date +%s)
until curl -s -o /dev/null "$BASE/login"; do
  kill -0 $APP 2>/dev/null || { tail -30 "$DIR/app.log"; exit 1; }
  sleep 5
done
# the demo data load runs after the web server answers: wait for its end (or for "already loaded")
until grep -q "Demo users and their passwords\|no demo data loaded" "$DIR/app.log"; do
  kill -0 $APP 2>/dev/null || { tail -30 "$DIR/app.log"; exit 1; }
  sleep 5
done
echo "Application up after $(( $(date +%s) - started )) s (first start loads the $SCALE demo data)"
# the first live snapshot is taken in the background once the application is ready; the benchmark measures reads
# of the 5-October snapshot and the home page, so let that one finish first (at most 3 minutes)
for i in $(seq 1 36); do grep -q "Live statistics snapshot retaken" "$DIR/app.log" && break; sleep 5; done

jar="$WORK/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" "$BASE/login" -o "$WORK/login.html"
curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$BASE/login" --data-urlencode username=ministry \
  --data-urlencode password=demo-ministry-2026 --data-urlencode "_csrf=$(csrf "$WORK/login.html")"
curl -s -c "$jar" -b "$jar" "$BASE/account/tokens" -o "$WORK/tokens.html"
curl -s -c "$jar" -b "$jar" -X POST "$BASE/account/tokens" --data-urlencode name="benchmark-$(date +%s)" \
  --data-urlencode expiresOn="$(date -d '+30 days' +%F)" --data-urlencode "_csrf=$(csrf "$WORK/tokens.html")" \
  -o "$WORK/issued.html"
TOKEN=$(grep -o 'id="token-secret"[^>]*value="[^"]*"' "$WORK/issued.html" | sed 's/.*value="//;s/"$//')
[ -n "$TOKEN" ] || { echo "no API token issued"; exit 1; }
api() { curl -s -o "$WORK/out.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "$@"; }

echo "--- home page of the ministry (first view, then four more within the dashboard's minute)"
for i in 1 2 3 4 5; do curl -s -b "$jar" -o /dev/null -w "GET / %{http_code} %{time_total} s\n" "$BASE/"; done

echo "--- taking the 5-October snapshot (SC-4), over HTTP"
api -X POST -H 'Content-Type: application/json' -d '{"asOf":"2026-10-05"}' "$BASE/api/v1/statistics/snapshots"
sed 's/"digest":"[^"]*",//' "$WORK/out.json"; echo

echo "--- all live indicators with all their breakdowns, national snapshot (3 runs)"
for i in 1 2 3; do
  api "$BASE/api/v1/statistics/indicators/all?snapshot=2026-10-05" | sed 's/^/HTTP /'
  grep -o '"millis":[0-9]*' "$WORK/out.json"
done
echo "breakdowns answered: $(grep -o '"total":' "$WORK/out.json" | wc -l) indicators"

echo "--- single indicator reads and pivots (300 requests, 5-October snapshot)"
queries=("1?by=region" "8?by=region,sex" "8?by=district,grade" "8?by=age,sex&filter=region:750000000" "9?by=age"
         "16?by=region,educationLevel" "16?by=age,sex" "23?by=region" "29?by=district" "33?by=region,locality"
         "34?by=organisationType,language" "37?by=region,age" "42?by=educationLevel,sex" "45" "8?by=nationality"
         "8?by=language,shift" "21?by=region" "12?by=ownership" "39?by=district" "43?by=region")
: > "$WORK/times"
for i in $(seq 1 15); do
  for q in "${queries[@]}"; do
    sep='&'; [[ "$q" == *\?* ]] || sep='?'
    api "$BASE/api/v1/statistics/indicators/$q${sep}snapshot=2026-10-05" | awk '{print $2}' >> "$WORK/times"
  done
done
sort -n "$WORK/times" | awk '{a[NR]=$1} END {printf "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms\n", NR,
  a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[int(NR*0.99)]*1000, a[NR]*1000}'
echo "--- the pivot page (HTML with chart), 20 requests"
: > "$WORK/pages"
for i in $(seq 1 20); do
  curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "$BASE/statistics?indicator=8&rows=region&cols=sex&snapshot=2026-10-05" >> "$WORK/pages"
done
sort -n "$WORK/pages" | awk '{a[NR]=$1} END {printf "n=%d p50=%.1f ms p95=%.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000}'

echo "--- PostgreSQL yardstick of this machine, same hour"
if [ -x ../shared/tools/pg-yardstick.sh ]; then ../shared/tools/pg-yardstick.sh -h localhost -p "$DBPORT" -U postgres; fi
echo "Machine after: $(uptime)"
