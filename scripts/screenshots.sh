#!/usr/bin/env bash
# Screenshots of the main pages of each demo role at 1366 and 390 px from a running application with demo data:
#   ./mvnw spring-boot:run &   then   scripts/screenshots.sh [http://localhost:8080] [docs/screenshots] [name regex]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-browser.sh
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshots.classpath >/dev/null \
  || ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshots.classpath >/dev/null
java -cp "$(cat target/screenshots.classpath)" scripts/Screenshots.java "${1:-http://localhost:8080}" "${2:-docs/screenshots}" "${3:-.*}"
