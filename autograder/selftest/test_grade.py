"""`dlkit grade` end to end on small classes: statuses, files, resume, determinism, refusal."""

import csv
import json
import os
import shutil
import zipfile

import pytest

from autograder import cli, sandbox
from autograder.selftest.conftest import make_submission

BACKEND = [] if sandbox.BwrapBackend.unavailable_reason() is None else ["--insecure"]


def grade(*args):
    return cli.main(["grade", *map(str, args), *BACKEND])


def gradebook(out):
    with open(out / "gradebook.csv", newline="") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


@pytest.fixture
def small_class(tmp_path, perceptron, reference_source, stub_source):
    a, ref = perceptron, reference_source(perceptron)
    root = tmp_path / "class"
    make_submission(root, "correct", a, ref)
    make_submission(root, "stub", a, stub_source(a))
    make_submission(root, "raises_at_import", a, ref + "\nraise RuntimeError('boom')\n")
    make_submission(root, "syntax_error", a, ref.replace("def step(z):", "def step(z)", 1))
    (root / "missing").mkdir()
    (root / "missing" / "hello.txt").write_text("no code\n")
    make_submission(root, "two_modules", a, ref)
    (root / "two_modules" / "copy").mkdir()
    (root / "two_modules" / "copy" / a.filename).write_text(ref)
    make_submission(root, "loops_in_step", a, ref.replace(
        "def step(z):", "def step(z):\n    while True:\n        pass\n\n\ndef _old_step(z):", 1))
    with zipfile.ZipFile(root / "zipped.zip", "w") as z:
        z.writestr("zipped/deep/folder/" + a.filename, ref)
    return root


def test_grade_a_class_writes_every_file_and_status(tmp_path, small_class):
    out = tmp_path / "grades"
    assert grade("01", small_class, "--out", out, "--timeout", "2", "--budget", "8", "--jobs", "2") == 0
    book = gradebook(out)
    assert set(book) == {"correct", "stub", "raises_at_import", "syntax_error", "missing", "two_modules",
                         "loops_in_step", "zipped"}
    assert book["correct"]["score"] == "100" and book["correct"]["status"] == "graded"
    assert book["zipped"]["score"] == "100"
    assert book["stub"]["score"] == "0" and book["stub"]["status"] == "graded"
    for who, why in [("raises_at_import", "RuntimeError: boom"), ("syntax_error", "SyntaxError"),
                     ("missing", "no perceptron.py"), ("two_modules", "2 files named perceptron.py")]:
        assert book[who]["score"] == "0" and book[who]["status"].startswith("error:") and why in book[who]["status"]
    loops = book["loops_in_step"]
    assert 0 < float(loops["score"]) < 100, "tests not calling step must still pass"
    res = json.loads((out / "loops_in_step" / "results.json").read_text())
    assert any("timed out" in t["output"] for t in res["tests"] if t["status"] == "failed")
    for who in book:
        for name in ("results.json", "feedback.md", "grading.json"):
            assert (out / who / name).is_file(), (who, name)
    assert (out / "tests.csv").is_file() and (out / "report.html").read_text().count("<img") == 4


def test_a_loop_at_import_is_bounded_by_timeout_and_no_report_skips_the_report(tmp_path, perceptron,
                                                                               reference_source):
    root = tmp_path / "class"
    make_submission(root, "loops_at_import", perceptron, "while True:\n    pass\n")
    make_submission(root, "correct", perceptron, reference_source(perceptron))
    out = tmp_path / "grades"
    assert grade("01", root, "--out", out, "--timeout", "3", "--jobs", "1", "--no-report") == 0
    book = gradebook(out)
    assert book["correct"]["score"] == "100"
    assert book["loops_at_import"]["status"].startswith("error:")
    assert "timed out after 3 s while importing" in book["loops_at_import"]["status"]
    assert not (out / "report.html").exists() and (out / "tests.csv").is_file()


def test_results_json_is_gradescope_format(tmp_path, small_class):
    out = tmp_path / "grades"
    grade("01", small_class / "correct", small_class / "stub", "--out", out)
    res = json.loads((out / "stub" / "results.json").read_text())
    assert {"score", "max_score", "execution_time", "output", "tests"} <= set(res)
    assert res["max_score"] == 100 and res["score"] == 0
    for t in res["tests"]:
        assert {"name", "number", "score", "max_score", "status", "output", "visibility"} <= set(t)
        assert t["status"] in ("passed", "failed") and t["visibility"] in ("visible", "after_published")
    assert sum(t["max_score"] for t in res["tests"]) == 100


def test_hidden_feedback_never_shows_values(tmp_path, perceptron, reference_source):
    a = perceptron
    sub = make_submission(tmp_path / "c", "wrong", a, reference_source(a).replace(
        "return (np.asarray(z) > 0).astype(np.float64)", "return (np.asarray(z) > 0.5).astype(np.float64)"))
    out = tmp_path / "g"
    grade("01", sub, "--out", out)
    res = json.loads((out / "wrong" / "results.json").read_text())
    hidden_failed = [t for t in res["tests"] if t["visibility"] == "after_published" and t["status"] == "failed"]
    assert hidden_failed
    for t in hidden_failed:
        assert "got" not in t["output"] and "expected" not in t["output"].replace("expected shape", ""), t["output"]


def test_rerun_skips_graded_and_force_regrades(tmp_path, small_class):
    out = tmp_path / "grades"
    grade("01", small_class / "correct", "--out", out)
    first = (out / "correct" / "grading.json").stat().st_mtime_ns
    grade("01", small_class / "correct", "--out", out)
    assert (out / "correct" / "grading.json").stat().st_mtime_ns == first, "an up-to-date result was regraded"
    (small_class / "correct" / "perceptron.py").write_text((small_class / "stub" / "perceptron.py").read_text())
    grade("01", small_class / "correct", "--out", out)
    assert gradebook(out)["correct"]["score"] == "0", "a changed submission must be regraded"
    grade("01", small_class / "correct", "--out", out, "--force")
    assert (out / "correct" / "grading.json").stat().st_mtime_ns != first


def _without_times(path):
    d = json.loads(path.read_text())
    d.pop("execution_time")
    return json.dumps(d, sort_keys=True)


def test_same_submission_graded_twice_gives_identical_results(tmp_path, perceptron, reference_source):
    a = perceptron
    text = reference_source(a).replace("-0.7)", "-0.45)", 1)  # a partly wrong AND: mixed outcomes
    subs = [make_submission(tmp_path / "c", f"s{i}", a, text) for i in range(3)]
    grade("01", subs[0], "--out", tmp_path / "seq1", "--jobs", "1")
    grade("01", subs[0], "--out", tmp_path / "seq2", "--jobs", "1")
    grade("01", *subs, "--out", tmp_path / "par", "--jobs", "2")
    ref = _without_times(tmp_path / "seq1" / "s0" / "results.json")
    assert ref == _without_times(tmp_path / "seq2" / "s0" / "results.json")
    for i in range(3):
        assert ref == _without_times(tmp_path / "par" / f"s{i}" / "results.json")


def test_refuses_official_grading_without_the_strong_sandbox(tmp_path, small_class, monkeypatch):
    monkeypatch.setattr(sandbox.BwrapBackend, "unavailable_reason", classmethod(lambda cls: "no bwrap here"))
    out = tmp_path / "g"
    assert cli.main(["grade", "01", str(small_class / "correct"), "--out", str(out)]) == 2
    assert not (out / "gradebook.csv").exists()
    assert cli.main(["grade", "01", str(small_class / "correct"), "--out", str(out), "--insecure"]) == 0
    assert gradebook(out)["correct"]["score"] == "100"


def test_unknown_assignment_is_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="unknown assignment 'conv_pol'"):
        cli.main(["grade", "conv_pol", str(tmp_path), "--out", str(tmp_path / "o")])


def test_a_bubblewrap_that_cannot_make_namespaces_is_reported(tmp_path, monkeypatch):
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("the probe runs only where the strong backend could otherwise be used (root, setpriv)")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "bwrap").write_text("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n")
    (fake / "bwrap").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}:{os.environ['PATH']}")
    monkeypatch.setattr(sandbox, "_PROBED", {})
    reason = sandbox.BwrapBackend.unavailable_reason()
    assert "cannot create namespaces" in reason and "No permissions to create new namespace" in reason
