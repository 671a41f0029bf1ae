"""Schemathesis against /api/v1/openapi.json: no 5xx, no response outside the document.

Every check runs except positive_data_acceptance: a schema-valid answer can still be refused with 422
(an option index past the question's options, a save after the deadline is 409), rules no JSON schema
can hold. The visitor's cookie and CSRF token go on every request, so unsafe calls get past CSRF."""

import collections
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import faultlib

EXAMPLES = os.environ.get("LESOCIAL_SCHEMATHESIS_EXAMPLES", "25")
HOOKS = Path(__file__).with_name("schemathesis_hooks.py")


def free_exams(visitor):
    status, body = visitor.request("GET", "/api/v1/exams")
    assert status == 200, body
    return [exam["id"] for exam in body["exams"] if exam["access"] == "free"]


def statuses(log_path, tokens):
    """(method, route, status) -> count for the requests the server logged on real attempts."""
    counts = collections.Counter()
    for line in Path(log_path).read_text(errors="replace").splitlines():
        match = re.search(r"msg=request .*method=(\S+) path=(\S+).*status=(\d+)", line)
        if match and any(token in match.group(2) for token in tokens):
            route = re.sub(r"/attempts/[^/]+", "/attempts/{token}", match.group(2))
            route = re.sub(r"/items/[^/]+", "/items/{position}", route)
            counts[(match.group(1), route, int(match.group(3)))] += 1
    return counts


def test_the_exam_api_answers_every_generated_request_within_its_document(data_dir, tmp_path):
    server = faultlib.Server(data_dir, log_name="schemathesis-server", LESOCIAL_LOG_LEVEL="info")
    server.start()
    visitor, stranger = faultlib.Visitor(server.port), faultlib.Visitor(server.port)
    tokens = [visitor.start_attempt(exam)[0] for exam in free_exams(visitor)]
    assert len(tokens) >= 2, "two free exams are needed: one to close, one to keep saving to"

    command = [
        shutil.which("st") or str(Path(sys.executable).with_name("st")), "run", server.base + "/api/v1/openapi.json",
        "-H", f"X-CSRF-Token: {visitor.csrf}", "-H", f"Cookie: {visitor.cookie}",
        "--checks", "all", "--exclude-checks", "positive_data_acceptance",
        "--max-examples", EXAMPLES, "--workers", "1", "--no-color", "--suppress-health-check", "all",
        "--report", "junit", "--report-dir", str(tmp_path),
    ]
    tokens.append(stranger.start_attempt()[0])
    env = dict(os.environ, SCHEMATHESIS_HOOKS=str(HOOKS), LESOCIAL_ST_TOKENS=",".join(tokens[1:-1]),
               LESOCIAL_ST_CLOSING=tokens[0], LESOCIAL_ST_STRANGER=tokens[-1])
    try:
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, cwd=tmp_path)
    finally:
        alive = server.process.poll() is None
        server.stop()
    output = run.stdout + run.stderr
    summary = [line for line in output.splitlines()
               if re.search(r"generated|Selected|Tested|passed|failed|Scenarios|API Links", line)]
    print("\n".join(summary))
    (Path(os.environ.get("LESOCIAL_FAULT_LOGS", "/tmp")) / "schemathesis.log").write_text(output)

    reached = statuses(server.log_path, tokens)
    print("on real attempts: " + ", ".join(f"{m} {r} {c}: {n}" for (m, r, c), n in sorted(reached.items())))
    assert alive, "the server died:\n" + server.log_tail()
    assert run.returncode == 0, output[-6000:]
    assert re.search(r"Tested: 8\b", output), "not every operation was tested:\n" + output[-3000:]
    # Past the body and token checks: saved, stale, other section, closed attempt or refused answer.
    saves = [n for (m, r, c), n in reached.items() if m == "PUT" and r.endswith("/answer") and c in (200, 409, 422)]
    assert sum(saves) > 0, "no generated save reached an attempt"
    assert not any(status >= 500 for (_, _, status) in reached), reached
