#!/usr/bin/env bash
# Installs what is missing and runs every test: Swift Testing suites
# (unit, conformance, HTTP over real sockets), then the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
swift build --build-tests -j 2
LESOCIAL_LOG_LEVEL="${LESOCIAL_LOG_LEVEL:-warning}" swift test --skip-build --parallel --num-workers 2
if [ -d Tests/Browser ]; then
  scripts/browser-tests.sh
fi
