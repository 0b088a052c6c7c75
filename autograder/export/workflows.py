"""The CI workflows dlkit ships, and small commands their steps call.

Templates (``autograder/templates/``):

- ``student-checks.yml``: in the student release as ``.github/workflows/checks.yml``;
  runs ``dlkit check NN`` for every assignment on each push;
- ``course-grading.yml``: for the course (instructor) repository; grades
  ``submissions/NN_name/*`` with ``otter run`` (job ``otter``) and with ``dlkit grade``
  (job ``dlkit``).

Commands (``python -m autograder.export.workflows ...``)::

    slug NN                              print NN_name for 01 / perceptron / 01_perceptron
    submission-file NN_name SUB SCRATCH  print the file otter should grade for one submission
                                         (the module, found like `dlkit grade` finds it; a lone
                                         .ipynb; a zip's module is extracted into SCRATCH)
    otter-gradebook RESULTS_DIR CSV      one row per RESULTS_DIR/<student>/results.json
    run WORKFLOW JOB [--cwd DIR]         run a job's `run:` steps locally (see run_job)

:func:`run_job` is the local runner the selftest uses: it runs the ``run:`` steps of
one job with bash, in order, skipping ``uses:`` steps and the steps whose ``id`` is
listed in ``skip_ids`` (the installs), with the workflow's and the job's ``env``
(``${{ ... }}`` expressions replaced by the quoted default they contain).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from autograder import catalog

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STUDENT_WORKFLOW = TEMPLATES / "student-checks.yml"
COURSE_WORKFLOW = TEMPLATES / "course-grading.yml"


@dataclass
class StepRun:
    name: str
    returncode: int
    output: str


def load(path: Path) -> dict:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if True in data and "on" not in data:  # YAML 1.1 reads the key `on` as True
        data["on"] = data.pop(True)
    return data


def _expand(value) -> str:
    """``${{ a || 'x' }}`` -> ``x``; other expressions -> empty."""
    def repl(m):
        quoted = re.findall(r"'([^']*)'", m.group(1))
        return quoted[-1] if quoted else ""
    return re.sub(r"\$\{\{(.*?)\}\}", repl, str(value))


def run_job(workflow: Path, job: str, cwd: Path, env: dict | None = None, skip_ids=("install",),
            timeout: float = 1800) -> list[StepRun]:
    """Run the ``run:`` steps of ``job`` locally; stops at the first failing step."""
    wf = load(workflow)
    spec = wf["jobs"][job]
    environ = dict(os.environ)
    environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + environ.get("PATH", "")
    for scope in (wf.get("env") or {}, spec.get("env") or {}):
        environ.update({k: _expand(v) for k, v in scope.items()})
    environ.update(env or {})
    runs = []
    for i, step in enumerate(spec.get("steps", [])):
        if "run" not in step or step.get("id") in skip_ids:
            continue
        step_env = dict(environ)
        step_env.update({k: _expand(v) for k, v in (step.get("env") or {}).items()})
        proc = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=cwd, env=step_env,
                              capture_output=True, text=True, timeout=timeout)
        runs.append(StepRun(step.get("name", f"step {i + 1}"), proc.returncode, proc.stdout + proc.stderr))
        if proc.returncode != 0:
            break
    return runs


# -- commands the steps call ------------------------------------------------------------

def submission_file(slug: str, sub: Path, scratch: Path) -> Path | None:
    from autograder import submissions

    a = catalog.resolve(slug)
    sub = Path(sub)
    if sub.is_file() and sub.suffix in (".py", ".ipynb"):
        return sub
    found = submissions.from_path(sub, a)
    if found.module_file is not None:
        if sub.suffix.lower() == ".zip":  # extracted to a temporary folder: keep a copy otter can read
            scratch = Path(scratch)
            scratch.mkdir(parents=True, exist_ok=True)
            dest = scratch / a.filename
            shutil.copy2(found.module_file, dest)
            shutil.rmtree(Path(found.module_file).parent, ignore_errors=True)
            return dest
        return Path(found.module_file)
    if sub.is_dir():
        notebooks = [p for p in sub.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
        if len(notebooks) == 1:
            return notebooks[0]
    return None


def otter_gradebook(results_dir: Path, dest: Path) -> list[list]:
    rows = [["student", "score", "max_score", "status"]]
    for d in sorted(p for p in Path(results_dir).iterdir() if p.is_dir()):
        f = d / "results.json"
        if not f.is_file():
            rows.append([d.name, 0, "", "error: otter wrote no results.json"])
            continue
        data = json.loads(f.read_text(encoding="utf-8"))
        tests = [t for t in data.get("tests", []) if "score" in t]
        score = data.get("score", sum(t["score"] for t in tests))
        rows.append([d.name, round(score, 6), round(sum(t.get("max_score", 0) for t in tests), 6), "graded"])
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return rows


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(__doc__)
        return 2
    cmd, rest = args[0], args[1:]
    if cmd == "slug" and len(rest) == 1:
        print(catalog.resolve(rest[0]).slug)
        return 0
    if cmd == "submission-file" and len(rest) == 3:
        f = submission_file(rest[0], Path(rest[1]), Path(rest[2]))
        if f is None:
            print(f"{rest[1]}: no module or notebook to grade", file=sys.stderr)
            return 1
        print(f)
        return 0
    if cmd == "otter-gradebook" and len(rest) == 2:
        for row in otter_gradebook(Path(rest[0]), Path(rest[1])):
            print(",".join(str(x) for x in row))
        return 0
    if cmd == "run" and len(rest) >= 2:
        cwd = Path(rest[rest.index("--cwd") + 1]) if "--cwd" in rest else Path.cwd()
        runs = run_job(Path(rest[0]), rest[1], cwd)
        for r in runs:
            print(f"== {r.name}: exit {r.returncode}\n{r.output}")
        return 0 if runs and all(r.returncode == 0 for r in runs) else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
