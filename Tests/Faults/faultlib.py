"""Helpers for the fault tests: a `lesocial serve` process that can be killed and restarted on the
same data folder, a keep-alive visitor client, and the answer-save kill test itself (shared by
Tests/Faults/test_kill.py and bench/kill-test.py)."""

import http.client
import json
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FREE_EXAM = "ifsi-echantillon"


def binary():
    """The `lesocial` executable: LESOCIAL_BIN, else the debug build of the package."""
    return os.environ.get("LESOCIAL_BIN", str(ROOT / ".build" / "debug" / "lesocial"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data, port=0, root=ROOT, **extra):
    env = dict(os.environ)
    env.update({
        "LESOCIAL_ENV": "test",
        "LESOCIAL_DATA": str(data),
        "LESOCIAL_ROOT": str(root),
        "LESOCIAL_PORT": str(port),
        "LESOCIAL_BASE_URL": f"http://127.0.0.1:{port}",
        "LESOCIAL_FAST_HASHING": "1",
        "LESOCIAL_TEST_CLOCK": "1",
        "LESOCIAL_LOG_LEVEL": "warning",
    })
    env.update({k: str(v) for k, v in extra.items()})
    return env


def integrity(db_path):
    """`PRAGMA integrity_check` of a database file, opened read-only (the server may be dead or alive)."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(r[0]) for r in rows)


class Server:
    """`lesocial serve` on a fixed port and data folder; can be SIGKILLed and started again."""

    def __init__(self, data, root=ROOT, port=None, log_name="server.log", **extra_env):
        self.data = Path(data)
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = server_env(self.data, self.port, root, **extra_env)
        self.log_path = Path(os.environ.get("LESOCIAL_FAULT_LOGS", "/tmp")) / f"{log_name}-{self.port}"
        self.process = None
        self.starts = 0

    @property
    def db_path(self):
        return self.data / "lesocial.db"

    def start(self, timeout=30):
        """Starts the server and waits for `/healthz`; raises with the log tail if it exits first."""
        self.starts += 1
        log = open(self.log_path, "a")
        log.write(f"--- start {self.starts}\n")
        log.flush()
        self.process = subprocess.Popen([binary(), "serve"], env=self.env, stdout=log, stderr=log)
        log.close()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1).read()
                return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"the server did not answer /healthz within {timeout} s:\n{self.log_tail()}")

    def kill(self):
        """SIGKILL, as a power cut would (without losing the OS page cache)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        if self.process:
            self.process.wait(timeout=15)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


class Visitor:
    """An anonymous visitor over one keep-alive connection: its cookie and CSRF token."""

    def __init__(self, port):
        self.port = port
        self.connection = None
        self.cookie = None
        self.csrf = None
        self.connect()
        status, body, headers = self.request("GET", "/inscription", parse=False)
        assert status == 200, f"GET /inscription: {status}"
        match = re.search(r'name="csrf" value="([^"]+)"', body)
        assert match, "no csrf field on /inscription"
        self.csrf = match.group(1)
        for name, value in headers:
            if name.lower() == "set-cookie" and value.startswith("lesocial_visiteur="):
                self.cookie = value.split(";")[0]
        assert self.cookie, "no lesocial_visiteur cookie"

    @classmethod
    def returning(cls, port, cookie, csrf=None):
        """The same visitor on a new connection (after a restart), from its cookie and CSRF token."""
        visitor = cls.__new__(cls)
        visitor.port, visitor.connection, visitor.cookie, visitor.csrf = port, None, cookie, csrf
        visitor.connect()
        return visitor

    def connect(self):
        if self.connection:
            self.connection.close()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)

    def request(self, method, path, body=None, parse=True):
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if method not in ("GET", "HEAD") and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        raw = response.read()
        text = raw.decode("utf-8", errors="replace")
        if not parse:
            return response.status, text, response.getheaders()
        try:
            return response.status, json.loads(text)
        except ValueError:
            return response.status, text

    def start_attempt(self, exam=FREE_EXAM):
        status, body = self.request("POST", f"/api/v1/exams/{exam}/attempts")
        assert status in (200, 201), f"start attempt: {status} {body}"
        return body["token"], [item["position"] for item in body["items"]]

    def close(self):
        if self.connection:
            self.connection.close()


class KillTest:
    """Answer-save load from `workers` visitor threads while the server is SIGKILLed and restarted.

    Every acknowledged save (`outcome == "saved"`) is recorded as (token, position) -> (seq, flagged);
    after each restart, and before the load resumes, every one must be there: stored seq >= acknowledged
    seq and, when equal, the same flag. The database must pass `PRAGMA integrity_check` after each kill.
    """

    def __init__(self, server, workers=8, seed=None, min_load=0.2, max_load=1.5, say=print):
        self.server = server
        self.workers = workers
        self.random = random.Random(seed)
        self.min_load = min_load
        self.max_load = max_load
        self.say = say
        self.up = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.acked = {}  # (token, position) -> (seq, flagged)
        self.acknowledged = 0
        self.attempted = 0
        self.unanswered = 0  # requests cut by a kill (outcome unknown)
        self.errors = []  # unexpected HTTP answers
        self.kills = 0
        self.lost = []
        self.integrity = []
        self.visitors = []

    def run(self, kills):
        self.server.start()
        self.up.set()
        self.visitors = [Visitor(self.server.port) for _ in range(self.workers)]
        attempts = [v.start_attempt() for v in self.visitors]
        self.tokens = [token for token, _ in attempts]
        threads = [threading.Thread(target=self.load, args=(v, token, positions), daemon=True)
                   for v, (token, positions) in zip(self.visitors, attempts)]
        for t in threads:
            t.start()
        started = time.time()
        try:
            for _ in range(kills):
                time.sleep(self.random.uniform(self.min_load, self.max_load))
                self.up.clear()
                self.server.kill()
                self.kills += 1
                result = integrity(self.server.db_path)
                if result != "ok":
                    self.integrity.append(f"kill {self.kills}: {result}")
                self.server.start()
                self.verify(f"after kill {self.kills}")
                self.up.set()
            time.sleep(self.random.uniform(self.min_load, self.max_load))
        finally:
            self.stopping.set()
            self.up.set()
            for t in threads:
                t.join(timeout=30)
        self.elapsed = time.time() - started
        self.verify("at the end")
        result = integrity(self.server.db_path)
        if result != "ok":
            self.integrity.append(f"end: {result}")
        self.server.stop()
        for v in self.visitors:
            v.close()
        return self

    def load(self, visitor, token, positions):
        seq = 0
        connection_ok = True
        while not self.stopping.is_set():
            if not connection_ok:
                self.up.wait()
                if self.stopping.is_set():
                    return
                visitor.connect()
                connection_ok = True
            position = self.random.choice(positions)
            seq += 1
            flagged = self.random.random() < 0.5
            body = {"flagged": flagged, "seq": seq}
            if self.random.random() < 0.3:
                body["timeSpentMs"] = self.random.randint(0, 60000)
            with self.lock:
                self.attempted += 1
            try:
                status, reply = visitor.request("PUT", f"/api/v1/attempts/{token}/items/{position}/answer", body)
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.unanswered += 1
                connection_ok = False
                continue
            if status == 200 and isinstance(reply, dict) and reply.get("outcome") == "saved":
                with self.lock:
                    self.acked[(token, position)] = (reply["seq"], flagged)
                    self.acknowledged += 1
                if reply["seq"] != seq:
                    with self.lock:
                        self.errors.append(f"saved with seq {reply['seq']} instead of {seq}")
            else:
                with self.lock:
                    self.errors.append(f"PUT {token}/{position} seq {seq}: {status} {str(reply)[:200]}")

    def verify(self, label):
        """Reads each attempt through the API (its owner's cookie) and compares with the acknowledgements."""
        with self.lock:
            expected = dict(self.acked)
        stored = {}
        for visitor, token in zip(self.visitors, self.tokens):
            checker = Visitor.returning(self.server.port, visitor.cookie)
            status, body = checker.request("GET", f"/api/v1/attempts/{token}")
            checker.close()
            if status != 200:
                self.errors.append(f"{label}: GET attempt {token}: {status} {str(body)[:200]}")
                continue
            for item in body["items"]:
                stored[(body["token"], item["position"])] = (item["seq"], item["flagged"])
        for key, (seq, flagged) in expected.items():
            got = stored.get(key)
            if got is None or got[0] < seq or (got[0] == seq and got[1] != flagged):
                self.lost.append(f"{label}: {key} acknowledged seq {seq} flagged {flagged}, stored {got}")

    def summary(self):
        rate = self.acknowledged / self.elapsed if getattr(self, "elapsed", 0) else 0
        return (f"kills: {self.kills}, acknowledged saves: {self.acknowledged} "
                f"({rate:.0f}/s over {getattr(self, 'elapsed', 0):.1f} s, {self.workers} visitors), "
                f"requests cut by a kill: {self.unanswered}, lost: {len(self.lost)}, "
                f"integrity failures: {len(self.integrity)}, unexpected answers: {len(self.errors)}")
