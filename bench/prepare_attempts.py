#!/usr/bin/env python3
"""Starts N attempts of the free sample exam, one visitor each, and prints one line per attempt:

    <visitor cookie> <csrf token> <attempt token>

Each visitor is a fresh browser: GET /inscription gives the `lesocial_visiteur` cookie and the CSRF
token of its forms, then POST /api/v1/exams/<exam>/attempts with `X-CSRF-Token` starts the attempt.
Usage: prepare_attempts.py BASE_URL COUNT [EXAM_ID]
"""
import http.client
import json
import re
import sys
import urllib.parse

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def main():
    base, count = sys.argv[1], int(sys.argv[2])
    exam = sys.argv[3] if len(sys.argv) > 3 else "ifsi-echantillon"
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    for _ in range(count):
        conn.request("GET", "/inscription")
        page = conn.getresponse()
        body = page.read().decode()
        cookie = next(
            c.split(";")[0].split("=", 1)[1]
            for c in page.headers.get_all("Set-Cookie") or []
            if c.startswith("lesocial_visiteur=")
        )
        csrf = CSRF.search(body).group(1)
        conn.request(
            "POST", f"/api/v1/exams/{exam}/attempts", body=b"",
            headers={"Cookie": f"lesocial_visiteur={cookie}", "X-CSRF-Token": csrf})
        started = conn.getresponse()
        answer = started.read()
        if started.status != 201:
            sys.exit(f"prepare_attempts: start answered {started.status}: {answer[:200]!r}")
        print(cookie, csrf, json.loads(answer)["token"])


if __name__ == "__main__":
    main()
