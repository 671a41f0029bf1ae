#!/usr/bin/env python3
"""Long kill test: answer-save load from visitor threads while `lesocial serve` is SIGKILLed at
random moments and restarted on the same data folder; prints kills, acknowledged saves and lost.

    python3 bench/kill-test.py [--kills 20] [--workers 8] [--seed N]

Uses LESOCIAL_BIN or .build/debug/lesocial. Exits 1 if any acknowledged save is lost, the database
fails `PRAGMA integrity_check`, or the server answers a save with anything but a receipt."""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "Faults"))
import faultlib  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="lesocial-kill-")
    server = faultlib.Server(data, log_name="kill-test")
    print(f"data: {data}, server log: {server.log_path}, binary: {faultlib.binary()}")
    try:
        run = faultlib.KillTest(server, workers=args.workers, seed=args.seed).run(args.kills)
    finally:
        server.stop()
    for line in run.lost[:20] + run.integrity[:20] + run.errors[:20]:
        print("  " + line)
    print(run.summary())
    print(f"kills: {run.kills}")
    print(f"acknowledged saves: {run.acknowledged}")
    print(f"lost: {len(run.lost)}")
    if not args.keep:
        shutil.rmtree(data, ignore_errors=True)
    return 0 if not (run.lost or run.integrity or run.errors) else 1


if __name__ == "__main__":
    sys.exit(main())
