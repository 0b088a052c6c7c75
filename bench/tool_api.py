"""Grade with a tool's Python API in one warm process; time each submission.

    python -m bench.tool_api nbgrader COURSE ASSIGNMENT STUDENT... --out RESULT.json
    python -m bench.tool_api otter AUTOGRADER.zip SUBMISSION.py... --out RESULT.json

The first submission is graded once untimed (imports, kernel spec discovery), then every
submission is timed: ``NbGraderAPI.autograde(assignment, student, force=True)`` or
``otter.api.grade_submission(submission, autograder_zip)``. Scores are read back from
nbgrader's gradebook, or from otter's GradingResults.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path


def nbgrader_api(course: Path, assignment: str, students: list[str]) -> list[dict]:
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    os.chdir(course)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    api = NbGraderAPI(config=config)

    def grade(student):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            r = api.autograde(assignment, student, force=True, create=True)
        if not r.get("success"):
            raise RuntimeError(f"nbgrader autograde {student} failed: {r.get('error') or r.get('log', '')[-2000:]}")

    grade(students[0])  # warm-up, untimed
    out = []
    for s in students:
        t0 = time.perf_counter()
        grade(s)
        out.append({"student": s, "seconds": time.perf_counter() - t0})
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for rec in out:
            rec["score"] = gb.find_submission(assignment, rec["student"]).score
    return out


def otter_api(zip_path: Path, subs: list[str]) -> list[dict]:
    from otter.api import grade_submission

    def grade(path):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return grade_submission(path, str(zip_path), quiet=True)

    grade(subs[0])
    out = []
    for s in subs:
        t0 = time.perf_counter()
        res = grade(s)
        out.append({"student": Path(s).stem, "seconds": time.perf_counter() - t0, "score": res.total})
    return out


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("tool", choices=["nbgrader", "otter"])
    p.add_argument("where")
    p.add_argument("items", nargs="+")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    out = Path(args.out).resolve()
    if args.tool == "nbgrader":
        recs = nbgrader_api(Path(args.where).resolve(), args.items[0], args.items[1:])
    else:
        recs = otter_api(Path(args.where).resolve(), args.items)
    out.write_text(json.dumps(recs, indent=1) + "\n")


if __name__ == "__main__":
    sys.exit(main())
