#!/usr/bin/env bash
# Browser journeys in headless Chromium (selenium) with axe accessibility checks.
# Expects a debug build (scripts/test.sh makes it); screenshots go to
# test-artifacts/screenshots/ (LESOCIAL_SCREENSHOTS overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r Tests/Browser/requirements.txt
[ -x .build/debug/lesocial ] || swift build --product lesocial
python3 -m pytest -q Tests/Browser "$@"
