"""Hostile submissions against the strong sandbox (security.md §4): one class, graded once, then checked.

Every file in ``autograder/hostile/`` declares what it must score (``# expect:``), its status and a
message its feedback must contain. The class also holds two honest submissions graded concurrently.
After the run: every expectation holds, the grader's files are byte-identical, no process of a
submission is left, nothing reached the loopback listener, and the batch finished.
"""

import csv
import hashlib
import json
import os
import socket
import threading
from pathlib import Path

import pytest

from autograder import catalog, cli, demo, release, sandbox

pytestmark = pytest.mark.skipif(not demo.HOSTILE_DIR.is_dir() or sandbox.BwrapBackend.unavailable_reason() is not None,
                                reason=f"strong sandbox unavailable: {sandbox.BwrapBackend.unavailable_reason()}")

CASES = demo.hostile_cases()
TRUSTED_TREES = ["autograder", "solutions", "shared", "assignments", "conftest.py", "pyproject.toml"]


def checksums() -> dict[str, str]:
    out = {}
    for name in TRUSTED_TREES:
        root = catalog.ROOT / name
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        for p in files:
            out[str(p.relative_to(catalog.ROOT))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


class Listener:
    """A loopback TCP and UDP listener that records anything reaching it."""

    def __init__(self):
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(8)
        self.tcp.settimeout(0.2)
        self.port = self.tcp.getsockname()[1]
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", self.port))
        self.udp.settimeout(0.2)
        self.hits = []
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop:
            for sock, kind in ((self.tcp, "tcp"), (self.udp, "udp")):
                try:
                    if kind == "tcp":
                        conn, addr = sock.accept()
                        conn.close()
                    else:
                        sock.recvfrom(1024)
                    self.hits.append(kind)
                except OSError:
                    pass

    def close(self):
        self.stop = True
        self.thread.join(2)
        self.tcp.close()
        self.udp.close()


RUN_TAG = f"DLKIT_RUN=hostile-suite-{os.getpid()}"


def worker_processes() -> list[str]:
    """Processes of this suite's sandboxed workers still alive (tagged through their environment)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if RUN_TAG.encode() not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found.append(f"{entry.name} {cmd[:80]}")
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    a = catalog.resolve("01")
    src = a.solution_file().read_text(encoding="utf-8")
    bases = {"reference": release.strip_markers(src), "stub": release.make_stub(src)}
    root = tmp_path_factory.mktemp("hostile-class")
    listener = Listener()
    for name, meta in CASES.items():
        (root / name).mkdir()
        (root / name / a.filename).write_text(demo.hostile_source(name, bases[meta["base"]], listener.port))
    # persistence across submissions in one job: a second copy graded after the first
    (root / "persists_state_again").mkdir()
    (root / "persists_state_again" / a.filename).write_text(demo.hostile_source("persists_state", bases["reference"]))
    for honest in ("honest_1", "honest_2"):
        (root / honest).mkdir()
        (root / honest / a.filename).write_text(bases["reference"])
    out = tmp_path_factory.mktemp("hostile-grades")
    before = checksums()
    os.environ["DLKIT_RUN"] = RUN_TAG.split("=", 1)[1]
    rc = cli.main(["grade", "01", str(root), "--out", str(out), "--jobs", "2", "--timeout", "3", "--budget", "12"])
    listener.close()
    os.environ.pop("DLKIT_RUN", None)
    with open(out / "gradebook.csv", newline="") as f:
        book = {row["student"]: row for row in csv.DictReader(f)}
    return {"rc": rc, "book": book, "out": out, "before": before, "after": checksums(), "hits": listener.hits,
            "leftovers": worker_processes()}


def test_batch_finishes_and_grades_everyone(graded):
    assert graded["rc"] == 0
    assert set(graded["book"]) >= set(CASES) | {"honest_1", "honest_2", "persists_state_again"}


def test_honest_submissions_keep_full_marks_beside_attacks(graded):
    for honest in ("honest_1", "honest_2", "persists_state_again"):
        assert graded["book"][honest]["score"] == "100", graded["book"][honest]


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_submission_gets_exactly_its_honest_score(graded, name):
    meta, row = CASES[name], graded["book"][name]
    score = float(row["score"])
    assert eval(meta["expect"], {"score": score}), f"{name}: score {score:g}, expected {meta['expect']}"
    if meta["status"] == "error":
        assert row["status"].startswith("error:"), f"{name}: status {row['status']!r}, expected an error"
    else:
        assert row["status"] == "graded", f"{name}: status {row['status']!r}"
    if meta["message"]:
        text = (graded["out"] / name / "feedback.md").read_text() + row["status"]
        assert meta["message"] in text, f"{name}: feedback does not mention {meta['message']!r}"


def test_grader_files_are_unchanged(graded):
    changed = [p for p in graded["before"] if graded["before"][p] != graded["after"].get(p)]
    assert not changed, f"hostile submissions changed grader files: {changed[:10]}"


def test_no_process_outlives_its_grading(graded):
    assert not graded["leftovers"], graded["leftovers"]


def test_nothing_reached_the_network(graded):
    assert not graded["hits"], f"{len(graded['hits'])} connections/datagrams reached the loopback listener"


def test_worker_output_is_captured_capped_and_not_shown_to_students(graded):
    rec = json.loads((graded["out"] / "floods_output" / "grading.json").read_text())
    assert len(rec["worker_output"]) < 200_000
    results = (graded["out"] / "floods_output" / "results.json").read_text()
    assert "SCORE: 100" not in results and "SCORE: 100" not in (graded["out"] / "floods_output" / "feedback.md").read_text()


def test_hidden_material_never_reached_the_worker(graded):
    rec = json.loads((graded["out"] / "trudy_reads_hidden_tests" / "grading.json").read_text())
    assert "found the reference" not in rec["worker_output"]
