#!/usr/bin/env bash
# Browser journeys in headless Chromium (selenium) with axe accessibility checks, then the fault
# tests of Tests/Faults (short kill test, killed bank import, schemathesis, full disk and read-only
# data folder; see bench/kill-test.py for the long kill test).
# Expects a debug build (scripts/test.sh makes it); screenshots go to
# test-artifacts/screenshots/ (LESOCIAL_SCREENSHOTS overrides).
# Arguments go to the browser run; the two folders run in separate pytest processes because
# both have a conftest.py.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r Tests/Browser/requirements.txt \
  -r Tests/Faults/requirements.txt
[ -x .build/debug/lesocial ] || swift build --product lesocial
status=0
python3 -m pytest -q Tests/Browser "$@" || status=$?
python3 -m pytest -q Tests/Faults || status=$?
exit "$status"
