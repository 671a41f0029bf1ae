#!/usr/bin/env bash
# Installs what is missing, builds LeSocial in release mode and serves it
# on the embedded SQLite database with the shipped question banks.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
swift build -c release --product lesocial
export LESOCIAL_ENV="${LESOCIAL_ENV:-development}"
exec .build/release/lesocial serve "$@"
