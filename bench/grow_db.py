#!/usr/bin/env python3
"""Grows a LeSocial installation for the "big database" benchmarks.

    grow_db.py banks SOURCE_ROOT TARGET_ROOT QUESTIONS
        Makes TARGET_ROOT: Templates/ and Public/ copied from SOURCE_ROOT, QuestionBanks/ copied, plus
        variants of every shipped GIFT file (same categories, new ids and titles) until the banks hold
        QUESTIONS questions. The server imports them at start like any bank, so every question is valid
        and the catalogue and draws work as usual.

    grow_db.py attempts DATABASE ATTEMPTS
        Inserts ATTEMPTS finished attempts (submitted or expired, with their drawn items, answers and
        section clocks) directly into an already migrated and synced database, spread over every exam,
        half by registered users and half by visitors, over the last 365 days. Rows follow
        Sources/Exams/Store/ExamsSchema.swift; answers use the engine's stored forms.
"""
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import time

ID = re.compile(r"\[id:([^\]]+)\]")
TITLE = re.compile(r"^::(.*?)::", re.M)


def grow_banks(source, target, wanted):
    os.makedirs(target, exist_ok=True)
    for folder in ("Templates", "Public"):  # copied: the template loader does not follow a linked folder
        shutil.rmtree(os.path.join(target, folder), ignore_errors=True)
        shutil.copytree(os.path.join(source, folder), os.path.join(target, folder))
    banks = os.path.join(target, "QuestionBanks")
    shutil.rmtree(banks, ignore_errors=True)
    shutil.copytree(os.path.join(source, "QuestionBanks"), banks)

    files = []
    for track in sorted(os.listdir(banks)):
        folder = os.path.join(banks, track)
        if os.path.isdir(folder):
            files += [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith(".gift")]
    texts = {path: open(path, encoding="utf-8").read() for path in files}
    shipped = sum(len(ID.findall(text)) for text in texts.values())
    total, variant = shipped, 0
    while total < wanted:
        variant += 1
        for path, text in texts.items():
            if total >= wanted:
                break
            copy = ID.sub(lambda m: f"[id:{m.group(1)}-v{variant}]", text)
            copy = TITLE.sub(lambda m: f"::{m.group(1)} (variante {variant})::", copy)
            with open(path[: -len(".gift")] + f"-bench-v{variant}.gift", "w", encoding="utf-8") as out:
                out.write(copy)
            total += len(ID.findall(text))
    print(f"grow_db: {total} questions in {target}/QuestionBanks ({shipped} shipped, {variant} variants)")


def stored_response(body, order):
    """A plausible saved answer in the engine's stored form (author indices), or None (unanswered)."""
    kind = body["kind"]
    if random.random() < 0.15 or kind in ("description", "matching"):
        return None
    if kind == "singleChoice":
        return {"choice": {"_0": random.randrange(len(body["choices"]))}}
    if kind == "multipleChoice":
        picked = random.sample(range(len(body["choices"])), k=min(2, len(body["choices"])))
        return {"choices": {"_0": picked}}
    if kind == "trueFalse":
        return {"trueFalse": {"_0": random.random() < 0.5}}
    return {"text": {"_0": random.choice(["12", "2,5", "une réponse rédigée par le candidat"])}}


def option_order(body):
    order = {"answers": [], "choices": [], "pairs": []}
    if body["kind"] in ("singleChoice", "multipleChoice"):
        order["choices"] = random.sample(range(len(body["choices"])), k=len(body["choices"]))
    elif body["kind"] == "matching":
        pairs = [i for i, pair in enumerate(body["matchPairs"]) if pair.get("item", {}).get("text")]
        order["pairs"] = random.sample(pairs, k=len(pairs))
        answers = sorted({pair["answer"] for pair in body["matchPairs"]})
        order["answers"] = random.sample(answers, k=len(answers))
    return json.dumps(order, ensure_ascii=False, separators=(",", ":"))


def grow_attempts(path, count):
    random.seed(2026)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    questions = {}
    for qid, version, category, difficulty, body in db.execute(
        "SELECT id, version, category, difficulty, body_json FROM current_questions WHERE retired_at IS NULL"
    ):
        questions.setdefault(category, []).append((qid, version, difficulty, json.loads(body)))
    exams = [(eid, json.loads(bp), bp) for eid, bp in db.execute(
        "SELECT id, blueprint_json FROM exams WHERE retired_at IS NULL ORDER BY id")]
    if not exams or not questions:
        sys.exit("grow_db: the database has no exams or questions; start the server on it once first")

    users = max(1, count // 8)
    now = int(time.time() * 1000)
    first_user = (db.execute("SELECT COALESCE(MAX(id), 0) FROM users").fetchone()[0]) + 1
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO users (id, email, display_name, password_hash, role, email_confirmed_at, created_at) "
        "VALUES (?, ?, ?, 'bench:no-login', 'student', ?, ?)",
        ((first_user + i, f"candidat-{first_user + i}@bench.lesocial.test", f"Candidat {i}", now, now)
         for i in range(users)))
    visitors = [hashlib.sha256(f"bench-visitor-{i}".encode()).hexdigest() for i in range(count // 8)]
    next_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM attempts").fetchone()[0]) + 1
    seen = set()
    attempts, items, sections = [], [], []

    def flush():
        db.executemany(
            "INSERT INTO attempts (id, token, user_id, visitor_key, exam_id, blueprint_json, started_at, "
            "deadline_at, time_factor, status, finished_at, score, max_score, passed, eliminated, current_section, "
            "current_position, is_first_attempt) VALUES (?,?,?,?,?,?,?,?,1,?,?,?,?,?,0,?,?,?)", attempts)
        db.executemany(
            "INSERT INTO attempt_items (attempt_id, position, section_index, question_id, question_version, "
            "option_order_json, points, saved_response_json, saved_at, client_seq, flagged, time_spent_ms, "
            "fraction, awarded) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", items)
        db.executemany(
            "INSERT INTO attempt_sections (attempt_id, section_index, started_at, deadline_at, closed_at) "
            "VALUES (?,?,?,?,?)", sections)
        attempts.clear(), items.clear(), sections.clear()

    for n in range(count):
        attempt_id = next_id + n
        exam_id, blueprint, blueprint_json = random.choice(exams)
        if random.random() < 0.5:
            user, visitor = first_user + random.randrange(users), None
        else:
            user, visitor = None, random.choice(visitors)
        owner = (exam_id, user, visitor)
        first = owner not in seen
        seen.add(owner)
        started = now - random.randrange(365 * 24 * 3600 * 1000) - 4 * 3600 * 1000
        clock, position, score = started, 0, 0.0
        for index, section in enumerate(blueprint["sections"]):
            deadline = clock + int(section["minutes"] * 60000)
            closed = clock + random.randrange(int(section["minutes"] * 60000))
            sections.append((attempt_id, index, clock, deadline, closed))
            drawn = sum((section_draw(questions, rule) for rule in section["draw"]), [])
            points = section["points"] / max(1, len(drawn))
            for qid, version, _, body in drawn:
                response = stored_response(body, None)
                fraction = (1.0 if random.random() < 0.6 else 0.0) if response else None
                awarded = fraction * points if fraction is not None else None
                score += awarded or 0
                items.append((
                    attempt_id, position, index, qid, version, option_order(body), points,
                    json.dumps(response, ensure_ascii=False) if response else None,
                    closed if response else None, random.randint(1, 5) if response else 0,
                    int(random.random() < 0.1), random.randrange(5000, 120000), fraction, awarded))
                position += 1
            clock = closed
        status = "submitted" if random.random() < 0.9 else "expired"
        total = blueprint["scoring"]["total"]
        attempts.append((
            attempt_id, hashlib.md5(f"bench-attempt-{attempt_id}".encode()).hexdigest(), user, visitor, exam_id,
            blueprint_json, started, deadline, status, clock if status == "submitted" else deadline,
            round(score, 2), total, int(score >= blueprint["scoring"].get("passMark", 0)),
            len(blueprint["sections"]) - 1, position - 1, int(first)))
        if len(attempts) >= 5000:
            flush()
    flush()
    db.execute("COMMIT")
    db.close()
    print(f"grow_db: {count} finished attempts inserted into {path}")


_fitting = {}


def section_draw(questions, rule):
    """Draws like the engine: `count` distinct questions of the category (or below it), in the difficulty range."""
    category = rule["category"]
    low, high = rule.get("difficulty") or [0, 99]
    key = (category, low, high)
    if key not in _fitting:
        pool = [q for name, listed in questions.items() if name == category or name.startswith(category + "/")
                for q in listed]
        _fitting[key] = [q for q in pool if low <= q[2] <= high] or pool
    fitting = _fitting[key]
    return random.sample(fitting, k=min(rule["count"], len(fitting)))


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "banks":
        grow_banks(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) == 4 and sys.argv[1] == "attempts":
        grow_attempts(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
