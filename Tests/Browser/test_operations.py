"""Operations on the real binary: backup while serving, clean stop, newer schema refused, SMTP delivery."""

import os
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from conftest import ROOT, Portal, free_port

BINARY = os.environ.get("LESOCIAL_BIN", str(ROOT / ".build" / "debug" / "lesocial"))


def environment(data, **extra):
    env = dict(os.environ, LESOCIAL_ENV="test", LESOCIAL_DATA=data, LESOCIAL_ROOT=str(ROOT),
               LESOCIAL_FAST_HASHING="1", LESOCIAL_LOG_LEVEL="warning")
    env.update(extra)
    return env


def test_backup_while_serving_gives_a_sound_copy(portal):
    target = Path(portal.data) / "copie.db"
    result = subprocess.run([BINARY, "backup", str(target)], env=environment(portal.data), capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "intégrité vérifiée" in result.stdout
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT COUNT(*) FROM questions").fetchone()[0] > 700


def test_sigterm_finishes_and_exits_zero():
    server = Portal()
    urllib.request.urlopen(server.url("/healthz")).read()
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=15) == 0
    server.log.close()
    log = (Path(server.data) / "server.log").read_text()
    assert "level=error" not in log


def test_a_database_newer_than_the_binary_is_refused():
    data = tempfile.mkdtemp(prefix="lesocial-newer-")
    subprocess.run([BINARY, "migrate"], env=environment(data), check=True, capture_output=True)
    db = sqlite3.connect(Path(data) / "lesocial.db")
    db.execute("PRAGMA user_version = 999")
    db.commit()
    db.close()
    result = subprocess.run([BINARY, "serve"], env=environment(data, LESOCIAL_PORT=str(free_port())),
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "999" in result.stderr


def test_mail_goes_out_through_smtp():
    import smtplib  # noqa: F401  (the server side below uses the standard library only)
    import socketserver

    received = []

    class Handler(socketserver.StreamRequestHandler):
        def reply(self, text):
            self.wfile.write((text + "\r\n").encode())

        def handle(self):
            self.reply("220 test ESMTP")
            data_mode = False
            lines = []
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                text = line.decode("utf-8", "replace").rstrip("\r\n")
                if data_mode:
                    if text == ".":
                        received.append("\n".join(lines))
                        data_mode = False
                        self.reply("250 OK")
                    else:
                        lines.append(text)
                    continue
                verb = text.split(" ")[0].upper()
                if verb in ("EHLO", "HELO"):
                    self.reply("250 test")
                elif verb == "DATA":
                    data_mode = True
                    self.reply("354 go on")
                elif verb == "QUIT":
                    self.reply("221 bye")
                    return
                else:
                    self.reply("250 OK")

    smtp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=smtp.serve_forever, daemon=True).start()
    port = smtp.server_address[1]
    data = tempfile.mkdtemp(prefix="lesocial-smtp-")
    app_port = free_port()
    env = environment(data, LESOCIAL_PORT=str(app_port), LESOCIAL_MAIL=f"smtp://127.0.0.1:{port}")
    log = open(Path(data) / "server.log", "w")
    process = subprocess.Popen([BINARY, "serve"], env=env, stdout=log, stderr=log)
    try:
        base = f"http://127.0.0.1:{app_port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz")
                break
            except OSError:
                time.sleep(0.05)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        page = opener.open(base + "/compte/mot-de-passe/oubli").read().decode()
        csrf = page.split('name="csrf" value="')[1].split('"')[0]
        body = urllib.parse.urlencode({"csrf": csrf, "email": "lea@exemple.fr", "display_name": "Léa",
                                       "password": "une phrase longue"}).encode()
        opener.open(base + "/inscription", body)
        for _ in range(100):
            if received:
                break
            time.sleep(0.1)
        assert received, "no mail reached the SMTP server"
        assert "To: lea@exemple.fr" in received[0]
        assert "/compte/confirmer?jeton=" in received[0]
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()
        smtp.shutdown()
