"""A full disk and a read-only data folder: clear errors, no crash, no corrupted data.

The data folder lives on a small tmpfs mounted for the test (root is needed); the tests are skipped,
saying why, where no tmpfs can be mounted."""

import contextlib
import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

import faultlib


def mount(args, target):
    return subprocess.run(["mount", *args, str(target)], capture_output=True, text=True)


def tmpfs_unavailable():
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    probe = Path(tempfile.mkdtemp(prefix="lesocial-tmpfs-probe-"))
    try:
        result = mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs"], probe)
        if result.returncode != 0:
            return f"mount -t tmpfs refused: {result.stderr.strip()}"
        subprocess.run(["umount", str(probe)], check=True)
        return None
    finally:
        probe.rmdir()


REASON = tmpfs_unavailable()
if REASON:
    print(f"disk fault tests skipped: {REASON}")
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@contextlib.contextmanager
def tmpfs(size):
    folder = Path(tempfile.mkdtemp(prefix="lesocial-tmpfs-"))
    result = mount(["-t", "tmpfs", "-o", f"size={size}", "tmpfs"], folder)
    assert result.returncode == 0, result.stderr
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


def fill(folder):
    """Writes a filler file until the file system is full; returns its path."""
    filler = folder / "remplissage"
    with open(filler, "wb", buffering=0) as out:
        for chunk in (65536, 4096, 512, 1):
            try:
                while True:
                    out.write(b"\0" * chunk)
            except OSError:
                continue
    return filler


def save(visitor, token, position, seq, flagged):
    return visitor.request("PUT", f"/api/v1/attempts/{token}/items/{position}/answer",
                           {"flagged": flagged, "seq": seq})


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def serve_once(data):
    """Runs `lesocial serve` expecting it to refuse to start; returns (exit status, output)."""
    env = faultlib.server_env(data, faultlib.free_port())
    run = subprocess.run([faultlib.binary(), "serve"], env=env, capture_output=True, text=True, timeout=60)
    return run.returncode, run.stdout + run.stderr


def test_saves_on_a_full_disk_fail_clearly_and_nothing_is_lost():
    with tmpfs("8m") as disk:
        server = faultlib.Server(disk / "data", log_name="disk-full")
        try:
            server.start()
            visitor = faultlib.Visitor(server.port)
            token, positions = visitor.start_attempt()
            acknowledged = {}
            for seq, position in enumerate(positions, start=1):
                status, reply = save(visitor, token, position, seq, seq % 2 == 0)
                assert (status, reply["outcome"]) == (200, "saved")
                acknowledged[position] = (seq, seq % 2 == 0)

            filler = fill(disk)
            refusals = [save(visitor, token, positions[i % len(positions)], 100 + i, True) for i in range(20)]
            print("on a full disk:", refusals[0])
            for status, reply in refusals:
                assert status >= 500, f"a save on a full disk was answered {status} {reply}"
                assert isinstance(reply, dict) and reply["code"] == "server_error", reply
                assert "Une erreur inattendue est survenue" in reply["message"]
            assert server.process.poll() is None, "the server died on a full disk:\n" + server.log_tail()
            assert "database or disk is full" in server.log_path.read_text()
            status, body = visitor.request("GET", f"/api/v1/attempts/{token}")
            assert status == 200
            assert {i["position"]: (i["seq"], i["flagged"]) for i in body["items"]} == acknowledged

            filler.unlink()
            for seq, position in enumerate(positions, start=200):
                status, reply = save(visitor, token, position, seq, True)
                assert (status, reply["outcome"]) == (200, "saved"), reply
                acknowledged[position] = (seq, True)
            visitor.close()
            server.kill()
            assert faultlib.integrity(server.db_path) == "ok"

            server.start()
            checker = faultlib.Visitor.returning(server.port, visitor.cookie)
            status, body = checker.request("GET", f"/api/v1/attempts/{token}")
            assert status == 200
            assert {i["position"]: (i["seq"], i["flagged"]) for i in body["items"]} == acknowledged
            checker.close()
        finally:
            server.stop()
        assert faultlib.integrity(server.db_path) == "ok"


def test_serve_refuses_a_read_only_data_folder_naming_it():
    with tmpfs("8m") as disk:
        data = disk / "data"
        server = faultlib.Server(data, log_name="read-only")
        server.start()
        server.stop()
        before = digests(data)
        assert mount(["-o", "remount,ro"], disk).returncode == 0

        status, output = serve_once(data)
        print(output.strip())
        assert status != 0
        assert f"dossier de données {data} inutilisable" in output
        assert "Read-only file system" in output
        assert digests(data) == before

        assert mount(["-o", "remount,rw"], disk).returncode == 0
        assert faultlib.integrity(data / "lesocial.db") == "ok"
        server.start()
        server.stop()
        assert server.process.returncode == 0


def test_serve_refuses_an_empty_read_only_folder_and_a_full_one():
    with tmpfs("1m") as disk:
        assert mount(["-o", "remount,ro"], disk).returncode == 0
        for data in (disk, disk / "donnees"):
            status, output = serve_once(data)
            print(output.strip())
            assert status != 0
            assert f"dossier de données {data} inutilisable" in output
            assert "Read-only file system" in output

        assert mount(["-o", "remount,rw"], disk).returncode == 0
        fill(disk)
        status, output = serve_once(disk / "donnees")
        print(output.strip())
        assert status != 0
        assert f"dossier de données {disk / 'donnees'} inutilisable" in output
        assert "No space left on device" in output
