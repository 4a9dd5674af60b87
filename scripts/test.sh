#!/usr/bin/env bash
# The whole test suite: unit, module and API tests against an embedded PostgreSQL 15 (surefire), then the browser
# tests in headless Chromium (failsafe). Installs the browser and the tools some tests call (openssl) if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-browser.sh
scripts/install-tools.sh
exec ./mvnw -B verify "$@"
