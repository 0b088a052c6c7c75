"""``dlkit export``: bridges to otter-grader, nbgrader and Gradescope.

Every artefact is generated from the one source of truth (``solutions/``, the
public tests in ``assignments/NN/tests/`` and the hidden tests in
``autograder/tests/NN/``, with their points) and runs dlkit's own pytest tests:

- ``dlkit export otter NN [--out DIR]``: otter master notebook + autograder zip
  (:mod:`autograder.export.to_otter`);
- ``dlkit export nbgrader [NN] --out COURSE [--submissions ...]``: an nbgrader course
  directory, and ``.py`` submissions turned into the notebooks nbgrader expects
  (:mod:`autograder.export.to_nbgrader`);
- ``dlkit export gradescope NN [--out DIR]``: a Gradescope autograder zip that runs
  ``dlkit grade`` (:mod:`autograder.export.to_gradescope`).

otter and nbgrader run student code in the same process as the tests; only
``dlkit grade`` (and the Gradescope zip, which runs it) isolates it. See
docs/ecosystem.md.
"""

from __future__ import annotations

from pathlib import Path

from autograder import catalog

DEFAULT_OUT = {"otter": "out/otter", "nbgrader": "out/nbgrader", "gradescope": "out/gradescope"}


def _err(msg: str) -> int:
    import sys

    print(f"dlkit export: {msg}", file=sys.stderr)
    return 2


def main(args) -> int:
    tool = args.tool
    out = Path(args.out or DEFAULT_OUT[tool])
    subs = getattr(args, "submissions", None)
    if subs is not None and tool != "nbgrader":
        return _err("--submissions is for `dlkit export nbgrader`")
    try:
        a = catalog.resolve(args.assignment) if args.assignment else None
    except catalog.UnknownAssignment as e:
        return _err(str(e))
    if a is not None and not a.solution_file().is_file():
        return _err(f"no reference solution for {a.slug} here (exports need the instructor repository)")
    try:
        if tool == "otter":
            if a is None:
                return _err("which assignment? `dlkit export otter NN`")
            from autograder.export import to_otter

            r = to_otter.export(a, out)
            print(f"otter master notebook: {r.master}")
            print(f"student notebook:      {r.student_dir / (a.slug + '.ipynb')}")
            print(f"autograder zip:        {r.zip}")
            print(f"grade one submission:  otter run -a {r.zip} -o RESULTS_DIR SUBMISSION.py|.ipynb")
            return 0
        if tool == "gradescope":
            if a is None:
                return _err("which assignment? `dlkit export gradescope NN`")
            from autograder.export import to_gradescope

            z = to_gradescope.export(a, out)
            print(f"Gradescope autograder zip: {z}")
            print("Upload it as the assignment's autograder (Ubuntu base image); it runs `dlkit grade`.")
            return 0
        from autograder.export import to_nbgrader

        if subs is not None:
            if not subs:
                return _err("--submissions needs .py files or folders")
            written, problems = to_nbgrader.convert_submissions(out, [Path(s) for s in subs], a)
            for p in written:
                print(f"wrote {p}")
            for p in problems:
                print(f"skipped {p}")
            if written:
                print(f"next: cd {out} && nbgrader autograde ASSIGNMENT")
            return 0 if written or not problems else 1
        course = to_nbgrader.export(out, [a] if a else None)
        print(f"nbgrader course written to {course}")
        print(f"next: cd {course} && nbgrader generate_assignment NN_name && nbgrader autograde NN_name")
        return 0
    except (RuntimeError, ValueError, OSError) as e:
        return _err(str(e))
