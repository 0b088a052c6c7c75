"""``dlkit grade``: run public + hidden tests against each submission, in isolation.

One grading job is one process holding one pytest session: the tests are
collected once, then run again for every submission the job takes from the
queue, each against a fresh sandboxed worker (:mod:`autograder.proxy`). ``--jobs N``
runs N such processes, each with its own worker uid. Every finished submission's
files are written atomically before the next one starts, so an interrupted run
loses nothing, and a re-run skips what is already graded for the same inputs.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from autograder import __version__, catalog, results, submissions
from autograder.errors import SubmissionProblem
from autograder.local_run import run_pytest, test_paths
from autograder.proxy import Limits, RemoteModule, WorkerSession
from autograder.pytest_plugin import DlkitPlugin, TestResult


@dataclass
class Graded:
    student: str
    status: str
    results: list[TestResult]
    seconds: float
    output: str = ""
    fingerprint: str = ""
    backend: str = ""
    protections: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(r.score for r in self.results)

    @property
    def max_score(self) -> float:
        return sum(r.points for r in self.results)


class SubmissionUnusable(SubmissionProblem):
    pass


class GradingProvider:
    """The ``student`` fixture's source during ``grade``: a proxy to the current submission's worker."""

    def __init__(self, backend, limits: Limits, slot: int):
        self.backend, self.limits, self.slot = backend, limits, slot
        self.sub = None
        self.session = None

    def begin(self, sub: submissions.Submission, a: catalog.Assignment):
        self.sub = sub
        self.session = None
        if sub.module_file is not None:
            self.session = WorkerSession(sub.module_file, a.module, self.backend, self.limits, self.slot)
            self.remote = RemoteModule(self.session)

    def end(self) -> str:
        if self.session is None:
            return ""
        self.session.close()
        return self.session.output()

    def student(self, a):
        if self.session is None:
            raise SubmissionUnusable(self.sub.problem)
        return self.remote

    def student_file(self, item):
        return None

    def status(self) -> str:
        if self.sub.problem:
            return f"error: {self.sub.problem}"
        s = self.session
        if s.fatal is not None:
            return "error: " + str(s.fatal).splitlines()[0][:200]
        if s.used >= s.limits.submission_budget:
            return f"error: time budget of {s.limits.submission_budget:g} s exceeded"
        if s.restarts > s.limits.max_restarts:
            return "error: crashed or timed out too many times"
        return "graded"


class BatchPlugin:
    """Replaces pytest's run loop: every collected test, once per submission."""

    def __init__(self, a, dlkit: DlkitPlugin, provider: GradingProvider, next_submission, on_done):
        self.a, self.dlkit, self.provider = a, dlkit, provider
        self.next_submission, self.on_done = next_submission, on_done

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session):
        if session.testsfailed:
            raise session.Interrupted(f"{session.testsfailed} errors during collection of the tests")
        items = session.items
        while (sub := self.next_submission()) is not None:
            self.dlkit.results = []
            t0 = time.perf_counter()
            self.provider.begin(sub, self.a)
            try:
                for i, item in enumerate(items):
                    nextitem = items[i + 1] if i + 1 < len(items) else None
                    item.config.hook.pytest_runtest_protocol(item=item, nextitem=nextitem)
            finally:
                output = self.provider.end()
            self.on_done(sub, list(self.dlkit.results), self.provider.status(), time.perf_counter() - t0, output)
        return True


def grader_fingerprint(a: catalog.Assignment, limits: Limits, backend_name: str, lang: str = "en") -> str:
    """What every grade of ``a`` depends on besides the submission: tests, reference, grader, limits."""
    h = hashlib.sha256()
    h.update(f"dlkit {__version__} {backend_name} {lang} {sorted(vars(limits).items())}".encode())
    for p in sorted(f for d in test_paths(a, True) for f in Path(d).rglob("*.py")):
        h.update(p.name.encode() + p.read_bytes())
    for p in (a.solution_file(), *sorted(Path(__file__).parent.glob("*.py")),
              *sorted((catalog.ROOT / "shared").glob("*.py"))):
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def fingerprint(grader: str, sub: submissions.Submission) -> str:
    """A submission's grade is up to date when this matches: the grader's fingerprint plus the student's file."""
    h = hashlib.sha256(grader.encode())
    h.update(sub.module_file.read_bytes() if sub.module_file else (sub.problem or "").encode())
    return h.hexdigest()


def job_main(argv=None):
    """One grading process (``python -m autograder.grading JOB.json``).

    Reads one submission per line (JSON) on stdin, grades it, writes its files,
    answers one JSON line on stdout; an empty line or EOF ends the job.
    """
    import json
    import sys

    from autograder import sandbox

    spec = json.loads(Path((argv or sys.argv[1:])[0]).read_text())
    a = catalog.resolve(spec["assignment"])
    out_dir = Path(spec["out_dir"])
    sandbox.become_subreaper()
    backend = sandbox.choose_backend(spec["backend"])
    provider = GradingProvider(backend, Limits(**spec["limits"]), spec["slot"])
    dlkit = DlkitPlugin(provider)
    # Private copies of the parent's channel: pytest captures fds 0-2 while tests run.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    reply = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything else printed goes to stderr, never into the channel

    def next_submission():
        reply.write(json.dumps({"ready": True}) + "\n")
        reply.flush()
        line = requests.readline()
        if not line.strip():
            return None
        d = json.loads(line)
        return submissions.Submission(d["student"], Path(d["source"]),
                                      Path(d["module_file"]) if d["module_file"] else None, d["problem"],
                                      d["fingerprint"])

    def on_done(sub, test_results, status, seconds, output):
        g = Graded(sub.student, status, test_results, seconds, output, sub.fingerprint, backend.name,
                   backend.protections())
        results.write_submission(out_dir / sub.student, a, g, spec.get("lang", "en"))
        reply.write(json.dumps({"student": sub.student, "score": g.score, "max_score": g.max_score,
                                "status": status}) + "\n")
        reply.flush()

    # Student code runs in the worker, never here: pytest's log capture and faulthandler only cost time.
    run_pytest(test_paths(a, True), [dlkit, BatchPlugin(a, dlkit, provider, next_submission, on_done)],
               ["-p", "no:logging", "-p", "no:faulthandler"])


class _Job:
    """The parent's handle on one grading process."""

    def __init__(self, spec_file: Path):
        import subprocess
        import sys

        self.proc = subprocess.Popen([sys.executable, "-m", "autograder.grading", str(spec_file)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
                                     cwd=catalog.ROOT)
        self.current = None
        self._pending = b""

    def read_lines(self) -> list[str] | None:
        """Complete lines available now (unbuffered: select() must see every byte); None at EOF."""
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if not chunk:
            return None
        self._pending += chunk
        *lines, self._pending = self._pending.split(b"\n")
        return [ln.decode() for ln in lines if ln.strip()]

    def send(self, sub):
        import json

        self.current = sub
        line = "" if sub is None else json.dumps({
            "student": sub.student, "source": str(sub.source),
            "module_file": str(sub.module_file) if sub.module_file else None,
            "problem": sub.problem, "fingerprint": sub.fingerprint})
        try:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass


def grade(a: catalog.Assignment, subs: list[submissions.Submission], out_dir: Path, *, jobs: int = 1,
          backend_kind: str = "auto", limits: Limits | None = None, force: bool = False, progress=None,
          lang: str = "en") -> list[str]:
    """Grade ``subs`` into ``out_dir``; returns the students graded in this run (others were up to date)."""
    import json
    import selectors
    import tempfile

    from autograder import sandbox

    limits = limits or Limits()
    backend_name = sandbox.choose_backend(backend_kind).name
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    todo = []
    grader = grader_fingerprint(a, limits, backend_name, lang)
    for sub in subs:
        sub.fingerprint = fingerprint(grader, sub)
        if not force and results.is_up_to_date(out_dir / sub.student, sub.fingerprint):
            if progress:
                progress("skipped", sub.student)
            continue
        todo.append(sub)
    if not todo:
        return []
    graded, failures = [], []
    sel = selectors.DefaultSelector()
    with tempfile.TemporaryDirectory(prefix="dlkit-jobs-") as tmp:
        procs = []
        for slot in range(max(1, min(jobs, len(todo)))):
            spec = Path(tmp) / f"job{slot}.json"
            spec.write_text(json.dumps({"assignment": a.slug, "out_dir": str(out_dir), "backend": backend_kind,
                                        "limits": vars(limits), "slot": slot, "lang": lang}))
            job = _Job(spec)
            procs.append(job)
            sel.register(job.proc.stdout, selectors.EVENT_READ, job)
        queue_ = list(reversed(todo))
        live = len(procs)
        try:
            while live:
                for key, _ in sel.select():
                    job = key.data
                    lines = job.read_lines()
                    if lines is None:  # the job ended (normally after we sent it an empty line)
                        sel.unregister(job.proc.stdout)
                        live -= 1
                        if job.proc.wait() != 0 or job.current is not None:
                            failures.append(f"grading job exited with status {job.proc.returncode}"
                                            + (f" while grading {job.current.student}" if job.current else ""))
                        continue
                    for line in lines:
                        msg = json.loads(line)
                        if "student" in msg:
                            graded.append(msg["student"])
                            job.current = None
                            if progress:
                                progress("graded", msg["student"], msg["score"], msg["max_score"], msg["status"])
                        elif msg.get("ready"):
                            job.send(queue_.pop() if queue_ else None)
        finally:
            for job in procs:
                if job.proc.poll() is None:
                    job.proc.kill()
                    job.proc.wait()
    if failures:
        raise RuntimeError("the grader failed: " + "; ".join(failures))
    return graded


def grade_folders(a: catalog.Assignment, folders: dict[str, Path], backend_kind: str = "auto",
                  limits: Limits | None = None, jobs: int | None = None) -> dict[str, list[TestResult]]:
    """Grade labelled submission folders into a temporary directory and return the test results."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dlkit-grade-") as tmp:
        subs = []
        for label, folder in folders.items():
            sub = submissions.from_path(Path(folder), a)
            sub.student = label.replace(" ", "_")
            subs.append(sub)
        grade(a, subs, Path(tmp), jobs=jobs or os.cpu_count() or 1, backend_kind=backend_kind, limits=limits,
              force=True)
        return {label: results.read_test_results(Path(tmp) / label.replace(" ", "_")) for label in folders}


if __name__ == "__main__":
    job_main()
