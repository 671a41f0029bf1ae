"""A `lesocial bank import` killed half-way leaves the previous banks intact.

The banks folder is a copy of the repo's QuestionBanks in a temporary LESOCIAL_ROOT. Each try restores
the same baseline (folder + database synced by one `serve`), imports a generated GIFT file and SIGKILLs
the command at a random moment: while parsing, or after the file landed in the folder (database sync).
After the kill: the database passes integrity_check and holds either the previous questions or all the
new ones, never part of them; the folder holds the previous files unchanged and the new file either
absent or complete; and the next `serve` start brings the database in line with the folder."""

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

import faultlib

QUESTIONS = int(os.environ.get("LESOCIAL_FAULT_BANK_QUESTIONS", "250"))
TRIES = int(os.environ.get("LESOCIAL_FAULT_BANK_TRIES", "4"))
MOMENTS = ["random", "file landed", "first WAL write", "random"]
IMPORTED = "ifsi/volume-genere.gift"


def generated_gift(count):
    lines = ["$CATEGORY: ifsi/generes/volume", ""]
    for i in range(count):
        lines += [
            f"// [id:gen-vol-{i:05d}] [tag:niveau-{1 + i % 3}]",
            f"::Question générée {i}::Combien font {i} plus {i % 7} ? Une seule réponse est exacte.{{",
            f"=la somme {i + i % 7}#Exact.",
            f"~la somme {i + i % 7 + 1}#Non.",
            f"~la somme {i + i % 7 + 2}#Non.",
            "}",
            "",
        ]
    return "\n".join(lines)


def tree_digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def question_counts(db_path):
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        rows, current, generated = connection.execute(
            "SELECT COUNT(*), "
            "COALESCE(SUM(retired_at IS NULL AND version = (SELECT MAX(version) FROM questions q2 "
            "WHERE q2.id = questions.id)), 0), "
            "COALESCE(SUM(id LIKE 'gen-vol-%'), 0) FROM questions").fetchone()
    finally:
        connection.close()
    return rows, current, generated


class Workspace:
    """A LESOCIAL_ROOT with a copy of QuestionBanks (Templates and Public linked) and a data folder."""

    def __init__(self, base):
        self.base = Path(base)
        self.root = self.base / "root"
        self.data = self.base / "data"
        self.gift = self.base / "volume-genere.gift"

    def make(self):
        self.root.mkdir(parents=True)
        shutil.copytree(faultlib.ROOT / "QuestionBanks", self.root / "QuestionBanks")
        for name in ("Templates", "Public"):
            (self.root / name).symlink_to(faultlib.ROOT / name)

    def copy_to(self, other):
        shutil.copytree(self.root / "QuestionBanks", other.root / "QuestionBanks")
        for name in ("Templates", "Public"):
            (other.root / name).symlink_to(faultlib.ROOT / name)
        shutil.copytree(self.data, other.data)

    def serve_once(self):
        """Starts `serve` (which syncs the banks at start-up) and stops it."""
        server = faultlib.Server(self.data, root=self.root, log_name="bank-import-serve")
        try:
            server.start(timeout=120)
        finally:
            server.stop()
        assert server.process.returncode == 0, server.log_tail()

    def start_import(self, gift):
        env = faultlib.server_env(self.data, 0, self.root)
        return subprocess.Popen([faultlib.binary(), "bank", "import", str(gift)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def baseline():
    base = tempfile.mkdtemp(prefix="lesocial-bank-kill-")
    workspace = Workspace(Path(base) / "baseline")
    workspace.make()
    workspace.serve_once()
    workspace.gift.write_text(generated_gift(QUESTIONS))
    yield workspace
    shutil.rmtree(base, ignore_errors=True)


def test_a_complete_import_adds_every_generated_question(baseline, tmp_path):
    workspace = Workspace(tmp_path / "full")
    baseline.copy_to(workspace)
    rows, current, _ = question_counts(baseline.data / "lesocial.db")

    started = time.time()
    process = workspace.start_import(baseline.gift)
    output, _ = process.communicate(timeout=600)
    baseline.import_seconds = time.time() - started
    print(f"import of {QUESTIONS} questions: {baseline.import_seconds:.1f} s")

    assert process.returncode == 0, output
    assert "Import terminé" in output
    assert f"Base de données : {workspace.data / 'lesocial.db'}" in output
    assert question_counts(workspace.data / "lesocial.db") == (rows + QUESTIONS, current + QUESTIONS, QUESTIONS)
    assert (workspace.root / "QuestionBanks" / IMPORTED).read_text() == baseline.gift.read_text()


def test_an_import_killed_half_way_leaves_the_previous_banks_intact(baseline, tmp_path):
    duration = getattr(baseline, "import_seconds", 10.0)
    rows, current, _ = question_counts(baseline.data / "lesocial.db")
    before = tree_digests(baseline.root / "QuestionBanks")
    new_file = hashlib.sha256(baseline.gift.read_bytes()).hexdigest()
    chance = random.Random()
    outcomes = []

    for attempt in range(TRIES):
        workspace = Workspace(tmp_path / f"try-{attempt}")
        baseline.copy_to(workspace)
        imported = workspace.root / "QuestionBanks" / IMPORTED
        wal = workspace.data / "lesocial.db-wal"
        wal_before = wal.stat().st_size if wal.exists() else 0
        process = workspace.start_import(baseline.gift)
        moment = MOMENTS[attempt % len(MOMENTS)]
        if moment == "random":
            time.sleep(chance.uniform(0.05, duration * 0.95))
        elif moment == "file landed":
            # Validation is done once the file is in the folder; the database sync comes next.
            deadline = time.time() + duration * 2 + 30
            while not imported.exists() and process.poll() is None and time.time() < deadline:
                time.sleep(0.002)
            time.sleep(chance.uniform(0, duration * 0.4))
        else:
            # The sync transaction's first write to the WAL: kill in the middle of the commit.
            deadline = time.time() + duration * 2 + 30
            while process.poll() is None and time.time() < deadline:
                if wal.exists() and wal.stat().st_size > wal_before:
                    time.sleep(chance.uniform(0, 0.003))
                    break
                time.sleep(0.0005)
        finished_first = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)

        assert faultlib.integrity(workspace.data / "lesocial.db") == "ok"
        counts = question_counts(workspace.data / "lesocial.db")
        assert counts in [(rows, current, 0), (rows + QUESTIONS, current + QUESTIONS, QUESTIONS)], \
            f"try {attempt} ({moment}): partial import {counts}, baseline {rows} rows / {current} current"

        after = tree_digests(workspace.root / "QuestionBanks")
        landed = after.pop(IMPORTED, None)
        assert after == before, f"try {attempt}: previous bank files changed or stray files left"
        assert landed in (None, new_file), f"try {attempt}: {IMPORTED} is incomplete"
        # The next start syncs the folder: the database then holds exactly what the folder holds
        # (a landed file that did not parse would keep the previous questions and fail this).
        workspace.serve_once()
        expected = QUESTIONS if landed else 0
        synced = question_counts(workspace.data / "lesocial.db")
        assert synced[1:] == (current + expected, expected), f"try {attempt}: after restart {synced}"
        assert faultlib.integrity(workspace.data / "lesocial.db") == "ok"
        outcomes.append(f"{moment}: {'finished' if finished_first else 'killed'}, "
                        f"db {'new' if counts[2] else 'old'}, file {'new' if landed else 'absent'}")
        shutil.rmtree(workspace.base, ignore_errors=True)

    print("\n".join(outcomes))
    assert any("killed" in outcome for outcome in outcomes), "no import was killed before it finished"
