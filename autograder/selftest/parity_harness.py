"""Score parity between ``dlkit grade``, ``otter run`` and ``nbgrader autograde``.

For one assignment: export the otter zip and an nbgrader course once, then grade the
same submissions (reference, stub, mutants, and for 01 a "noisy" reference that
writes to stderr and raises numpy RuntimeWarnings) with all three tools and compare
the scores: per submission, per test (nbgrader: one grade cell per dlkit test) and
per function (otter: one question per function).

``python -m autograder.selftest.parity_harness [NN ...]`` prints the parity table.
``DLKIT_PARITY_MUTANTS=all`` grades every mutant instead of three.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from autograder import catalog, mutation
from autograder.export import support, to_nbgrader, to_otter
from autograder.export.bridge_runtime import result_key

TOOLS = ("dlkit", "otter", "nbgrader")
BIN = Path(sys.executable).parent

# Appended to the reference: every top-level function writes to stderr and raises two
# RuntimeWarnings (one from numpy) on each call, then does the right thing. nbgrader
# scores a test cell 0 when it shows anything on stderr; dlkit's runner captures the
# output of the tests it runs, so this must still score 100 everywhere.
NOISY_SUFFIX = '''

def _dlkit_noisy(fn):
    import functools
    import sys as _sys
    import warnings as _warnings

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"debug: {fn.__name__} called", file=_sys.stderr)
        _warnings.warn(f"{fn.__name__}: a noisy submission", RuntimeWarning)
        with np.errstate(divide="warn"):
            np.log(np.zeros(1))
        return fn(*args, **kwargs)
    return wrapper


for _name, _obj in list(globals().items()):
    if callable(_obj) and not isinstance(_obj, type) and not _name.startswith("_") \\
            and getattr(_obj, "__module__", None) == __name__:
        globals()[_name] = _dlkit_noisy(_obj)
'''


def tool_env() -> dict:
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")  # nbgrader runs `alembic` from PATH
    env.pop("DLKIT_HIDDEN_ROOT", None)
    return env


def missing_tools() -> list[str]:
    problems = []
    for exe in ("otter", "nbgrader"):
        if not (BIN / exe).exists() and shutil.which(exe) is None:
            problems.append(f"`{exe}` is not installed: run `make setup` (pip install -e '.[instructor]')")
    return problems


@dataclass
class Outcome:
    total: float
    parts: dict = field(default_factory=dict)   # test key (dlkit, nbgrader) or question (otter) -> score
    note: str = ""


@dataclass
class AssignmentParity:
    assignment: catalog.Assignment
    labels: list[str]
    scores: dict = field(default_factory=dict)   # (label, tool) -> Outcome
    specs: list = field(default_factory=list)
    seconds: dict = field(default_factory=dict)

    def mismatches(self) -> list[str]:
        bad = []
        question_of = {}
        for s in self.specs:
            question_of[s.key] = support.safe_identifier(s.function)
        for label in self.labels:
            d, o, n = (self.scores.get((label, t)) for t in TOOLS)
            if None in (d, o, n):
                bad.append(f"{label}: missing result ({', '.join(t for t, x in zip(TOOLS, (d, o, n)) if x is None)})")
                continue
            if abs(d.total - o.total) > 1e-6 or abs(d.total - n.total) > 1e-6:
                bad.append(f"{label}: dlkit {d.total:g}, otter {o.total:g}, nbgrader {n.total:g} {o.note} {n.note}")
            for key, sc in d.parts.items():
                if key in n.parts and abs(n.parts[key] - sc) > 1e-6:
                    bad.append(f"{label}: {key}: dlkit {sc:g}, nbgrader {n.parts[key]:g}")
            per_q: dict = {}
            for key, sc in d.parts.items():
                per_q[question_of.get(key, key)] = per_q.get(question_of.get(key, key), 0.0) + sc
            for q, sc in per_q.items():
                if q in o.parts and abs(o.parts[q] - sc) > 1e-6:
                    bad.append(f"{label}: question {q}: dlkit {sc:g}, otter {o.parts[q]:g}")
        return bad

    def table(self) -> str:
        rows = [f"| {self.assignment.slug} | {label} | "
                + " | ".join(f"{self.scores[(label, t)].total:g}" if (label, t) in self.scores else "-" for t in TOOLS)
                + " |" for label in self.labels]
        return "\n".join(rows)


def submissions_for(a: catalog.Assignment, dest: Path, all_mutants: bool = False) -> dict[str, Path]:
    """{label: folder holding the module}: reference, stub, three (or all) mutants, noisy for 01."""
    sources = {"reference": support.reference_source(a), "stub": support.stub_source(a)}
    ms = mutation.mutants_for(a)
    if not all_mutants and len(ms) > 3:
        ms = [ms[0], ms[len(ms) // 2], ms[-1]]
    ref_text = a.solution_file().read_text(encoding="utf-8")
    for m in ms:
        sources[f"mutant-{m.name}"] = m.source(ref_text)
    if a.number == "01":
        sources["noisy-reference"] = support.reference_source(a) + NOISY_SUFFIX
    folders = {}
    for label, text in sources.items():
        d = dest / label
        d.mkdir(parents=True, exist_ok=True)
        (d / a.filename).write_text(text, encoding="utf-8")
        folders[label] = d
    return folders


def grade_dlkit(a, folders: dict[str, Path]) -> dict[str, Outcome]:
    from autograder.grading import grade_folders

    graded = grade_folders(a, folders, jobs=1)
    out = {}
    for label, results in graded.items():
        parts = {result_key(r.nodeid, r.name): r.score for r in results}
        out[label] = Outcome(sum(r.score for r in results), parts)
    return out


def grade_otter(a, zip_path: Path, folders: dict[str, Path], work: Path) -> dict[str, Outcome]:
    """Every submission through ``otter.run.main``, the function the `otter run` command
    calls (``otter run -a ZIP -o OUT SUB``), in one process per assignment: the same
    grading and results.json, without paying otter's 3-4 s of imports per submission.
    The command itself runs in test_export.py (a notebook submission) and in the course
    workflow's test (.py submissions)."""
    labels = list(folders)
    res = {label: work / "otter-results" / label for label in labels}
    for d in res.values():
        d.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "autograder.selftest.parity_harness", "--otter-run", str(zip_path)]
    for label in labels:
        argv += [str(res[label]), str(folders[label] / a.filename)]
    proc = subprocess.run(argv, capture_output=True, text=True, env=tool_env(), timeout=1800)
    out = {}
    for label in labels:
        f = res[label] / "results.json"
        if not f.is_file():
            out[label] = Outcome(float("nan"), note=f"otter run exit {proc.returncode}: {proc.stderr[-1500:]}")
            continue
        data = json.loads(f.read_text(encoding="utf-8"))
        tests = [t for t in data["tests"] if "score" in t and t.get("max_score") is not None]
        out[label] = Outcome(sum(t["score"] for t in tests), {t["name"]: t["score"] for t in tests})
    return out


def otter_run_batch(zip_path: str, pairs: list[tuple[str, str]]) -> int:
    """``otter run -a ZIP -o OUT SUB`` for each (OUT, SUB), in this one process."""
    import contextlib
    import io

    from otter.run import main as otter_run

    bad = 0
    for out_dir, sub in pairs:
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                otter_run(sub, autograder=zip_path, output_dir=out_dir, no_logo=True)
        except Exception as e:  # noqa: BLE001 - reported, the next submission still runs
            print(f"{sub}: {type(e).__name__}: {e}", file=sys.stderr)
            bad += 1
    return 1 if bad else 0


def grade_nbgrader(a, course: Path, folders: dict[str, Path]) -> dict[str, Outcome]:
    import nbformat
    from nbgrader.api import Gradebook

    env = tool_env()
    run = lambda *cmd: subprocess.run([str(BIN / "nbgrader"), *cmd], cwd=course, capture_output=True,  # noqa: E731
                                      text=True, env=env, timeout=1800)
    proc = run("generate_assignment", a.slug, "--force")
    if proc.returncode != 0:
        raise RuntimeError(f"nbgrader generate_assignment {a.slug} failed:\n{proc.stdout[-2000:]}{proc.stderr[-3000:]}")
    written, problems = to_nbgrader.convert_submissions(course, list(folders.values()), a)
    if problems or len(written) != len(folders):
        raise RuntimeError(f"converting submissions for nbgrader failed: {problems}")
    proc = run("autograde", a.slug, "--force")
    if proc.returncode != 0:
        raise RuntimeError(f"nbgrader autograde {a.slug} failed:\n{proc.stderr[-4000:]}")
    source = nbformat.read(str(course / "source" / a.slug / f"{a.slug}.ipynb"), as_version=4)
    key_of = {c.metadata["nbgrader"]["grade_id"]: c.metadata["dlkit"]["test"] for c in source.cells
              if c.metadata.get("dlkit", {}).get("role") == "test"}
    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for label, folder in folders.items():
            sub = gb.find_submission(a.slug, folder.name)
            parts = {}
            for nb in sub.notebooks:
                for g in nb.grades:
                    parts[key_of.get(g.name, g.name)] = float(g.score)
            out[label] = Outcome(float(sub.score), parts)
    return out


def prepare(a: catalog.Assignment, work: Path, all_mutants: bool | None = None) -> tuple[AssignmentParity, dict, Path]:
    if all_mutants is None:
        all_mutants = os.environ.get("DLKIT_PARITY_MUTANTS", "") == "all"
    work = Path(work) / a.slug
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    folders = submissions_for(a, work / "subs", all_mutants)
    return AssignmentParity(a, list(folders), specs=support.test_specs(a)), folders, work


def run_stage(rep: AssignmentParity, folders: dict, work: Path, tool: str) -> None:
    """One tool's grading of one assignment's submissions (exporting what that tool needs)."""
    a = rep.assignment
    t0 = time.perf_counter()
    if tool == "dlkit":
        got = grade_dlkit(a, folders)
    elif tool == "otter":
        exp = to_otter.export(a, work / "otter", log=lambda *x: None)
        got = grade_otter(a, exp.zip, folders, work)
    else:
        got = grade_nbgrader(a, to_nbgrader.export(work / "course", [a]), folders)
    for label, o in got.items():
        rep.scores[(label, tool)] = o
    rep.seconds[tool] = time.perf_counter() - t0
    if os.environ.get("DLKIT_PARITY_VERBOSE"):
        print(f"{a.slug} {tool}: {rep.seconds[tool]:.1f} s", file=sys.stderr, flush=True)


def run_assignment(a: catalog.Assignment, work: Path, all_mutants: bool | None = None) -> AssignmentParity:
    rep, folders, work = prepare(a, work, all_mutants)
    for tool in TOOLS:
        run_stage(rep, folders, work, tool)
    return rep


def run_all(assignments, work: Path, workers: int = 3) -> list[AssignmentParity]:
    """Every (assignment, tool) stage in a pool: the stages are independent, and ``workers``
    a little above the core count keeps the cores busy while kernels start."""
    from concurrent.futures import ThreadPoolExecutor

    prepared = [prepare(a, work) for a in assignments]
    stages = [(p, tool) for tool in ("otter", "nbgrader", "dlkit") for p in prepared]  # slowest first
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for f in [pool.submit(run_stage, *p, tool) for p, tool in stages]:
            f.result()
    return [p[0] for p in prepared]


def format_table(reps: list[AssignmentParity]) -> str:
    head = "| assignment | submission | dlkit grade | otter run | nbgrader autograde |\n|---|---|---|---|---|"
    return head + "\n" + "\n".join(r.table() for r in reps)


def main(argv=None) -> int:
    import tempfile

    keys = list(sys.argv[1:] if argv is None else argv)
    if keys[:1] == ["--otter-run"]:
        return otter_run_batch(keys[1], list(zip(keys[2::2], keys[3::2])))
    assignments = [catalog.resolve(k) for k in keys] or [a for a in catalog.available()
                                                         if a.solution_file().is_file()]
    problems = missing_tools()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dlkit-parity-") as tmp:
        t0 = time.perf_counter()
        reps = run_all(assignments, Path(tmp))
        print(format_table(reps))
        for r in reps:
            print(f"{r.assignment.slug}: " + ", ".join(f"{k} {v:.1f} s" for k, v in r.seconds.items()))
            for m in r.mismatches():
                print(f"  MISMATCH {m}")
        print(f"wall time {time.perf_counter() - t0:.1f} s")
        return 1 if any(r.mismatches() for r in reps) else 0


if __name__ == "__main__":
    raise SystemExit(main())
