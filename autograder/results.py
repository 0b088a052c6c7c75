"""What ``grade`` writes: per-submission files and the class-wide CSVs.

Per submission, in ``DIR/<student>/``:

- ``results.json``: the Gradescope results format (student-visible once published);
- ``feedback.md``: every test, its points and a message a student may read;
- ``grading.json``: the full record for instructors and for resuming (fingerprint,
  sandbox protections, the worker's captured output, full failure details). Written
  last: its presence means the submission is done.

Class-wide, in ``DIR/``: ``gradebook.csv`` and ``tests.csv``. Every file is written
atomically (temporary file + rename).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from autograder import __version__
from autograder.pytest_plugin import TestResult


def atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _num(x: float):
    return int(x) if float(x).is_integer() else round(float(x), 6)


def gradescope_results(a, g) -> dict:
    tests = []
    for i, r in enumerate(g.results, 1):
        tests.append({
            "name": f"{r.function}: {r.name}",
            "number": str(i),
            "score": _num(r.score),
            "max_score": _num(r.points),
            "status": "passed" if r.passed else "failed",
            "output": (r.doc + "\n" if r.doc else "") + ("" if r.passed else r.message),
            "visibility": "after_published" if r.hidden else "visible",
        })
    summary = (f"{a.slug}: {_num(g.score)}/{_num(g.max_score)} points; status: {g.status}. "
               f"Graded by dlkit {__version__} ({g.backend} sandbox).")
    return {"score": _num(g.score), "max_score": _num(g.max_score), "execution_time": round(g.seconds, 3),
            "output": summary, "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def feedback_markdown(a, g, lang: str = "en") -> str:
    from autograder.i18n import LABELS, translate

    t = LABELS[lang]
    lines = [f"# {a.slug} — {g.student}", "",
             f"**{t['score']}: {_num(g.score)} / {_num(g.max_score)}**  ({t['status']}: {g.status})", ""]
    if g.status != "graded":
        lines += [f"> {translate(g.status, lang)}", ""]
    lines += [f"| # | {t['test']} | {t['function']} | {t['points']} | {t['result']} |", "|---|---|---|---|---|"]
    for i, r in enumerate(g.results, 1):
        kind = t["hidden"] if r.hidden else t["public"]
        lines.append(f"| {i} | `{r.name}` ({kind}) | `{r.function}` | {_num(r.score)}/{_num(r.points)} | "
                     f"{t['passed'] if r.passed else t['failed']} |")
    failed = [(i, r) for i, r in enumerate(g.results, 1) if not r.passed]
    if failed:
        lines += ["", f"## {t['fix']}", ""]
        for i, r in failed:
            lines += [f"### {i}. `{r.name}` — `{r.function}`", ""]
            if r.doc:
                lines += [r.doc, ""]
            lines += ["```", translate(r.message.strip(), lang), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def write_submission(dest: Path, a, g, lang: str = "en") -> None:
    atomic_write(dest / "results.json", json.dumps(gradescope_results(a, g), indent=2, ensure_ascii=False) + "\n")
    atomic_write(dest / "feedback.md", feedback_markdown(a, g, lang))
    record = {
        "student": g.student, "assignment": a.slug, "status": g.status, "score": _num(g.score),
        "max_score": _num(g.max_score), "seconds": round(g.seconds, 3), "fingerprint": g.fingerprint,
        "backend": g.backend, "protections": g.protections, "dlkit": __version__,
        "worker_output": g.output, "tests": [asdict(r) for r in g.results],
    }
    atomic_write(dest / "grading.json", json.dumps(record, indent=1, ensure_ascii=False) + "\n")


def load_record(dest: Path) -> dict | None:
    try:
        return json.loads((dest / "grading.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_up_to_date(dest: Path, fingerprint: str) -> bool:
    rec = load_record(dest)
    return bool(rec) and rec.get("fingerprint") == fingerprint and (dest / "results.json").is_file()


def read_test_results(dest: Path) -> list[TestResult]:
    rec = load_record(dest) or {"tests": []}
    return [TestResult(**t) for t in rec["tests"]]


def _csv(rows: list[list]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def write_class_files(out_dir: Path, a, students: list[str]) -> list[dict]:
    """gradebook.csv and tests.csv for ``students`` (in that order); returns their records."""
    records, book, tests = [], [["student", "assignment", "score", "max_score", "status"]], \
        [["student", "assignment", "number", "test", "function", "visibility", "score", "max_score", "status"]]
    for s in students:
        rec = load_record(out_dir / s)
        if rec is None:
            book.append([s, a.slug, 0, 100, "error: not graded (interrupted?)"])
            continue
        records.append(rec)
        book.append([s, a.slug, rec["score"], rec["max_score"], rec["status"]])
        for i, t in enumerate(rec["tests"], 1):
            tests.append([s, a.slug, i, t["name"], t["function"], "hidden" if t["hidden"] else "public",
                          _num(t["points"] if t["passed"] else 0), _num(t["points"]),
                          "passed" if t["passed"] else "failed"])
    atomic_write(out_dir / "gradebook.csv", _csv(book))
    atomic_write(out_dir / "tests.csv", _csv(tests))
    return records
