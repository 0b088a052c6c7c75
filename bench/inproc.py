"""One grading job, driven from the benchmark: the same pytest session ``dlkit grade`` runs, with a
choice of where student code runs, and optional wall-clock instrumentation of the per-submission path.

    python -m bench.inproc PROVIDER NN SUBMISSIONS_DIR --out RESULT.json [--instrument] [--cprofile FILE]

PROVIDER is ``strong`` (bubblewrap worker), ``portable`` (plain worker process) or ``inprocess``
(the student's module imported into this process, no isolation: the baseline). All three use
:class:`autograder.grading.BatchPlugin` (tests collected once, then run once per submission) and
time each submission over the same span as ``grading.json``'s ``seconds``: from the worker's
start to its end, all tests included. ``run_local`` times :func:`autograder.local_run.run_local`
once per submission instead (a whole pytest session each: what ``dlkit check`` pays).

Run from the repository root (``make bench`` does). Nothing here changes the engine: the
instrumentation wraps engine functions in this process only.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from autograder import catalog, grading, results, sandbox, submissions  # noqa: E402
from autograder.loading import load_module_from_file  # noqa: E402
from autograder.local_run import run_local, run_pytest, test_paths  # noqa: E402
from autograder.proxy import Limits  # noqa: E402
from autograder.pytest_plugin import DlkitPlugin  # noqa: E402


class InProcessProvider:
    """The baseline: each submission's module imported fresh into the grading process (no isolation)."""

    def __init__(self):
        self.sub = self.module = None
        self.problem = None

    def begin(self, sub, a):
        self.sub, self.module, self.problem = sub, None, sub.problem
        if sub.module_file is not None:
            try:
                self.module = load_module_from_file(sub.module_file, a.module)
            except BaseException as e:  # noqa: B036 - a broken submission is data here
                self.problem = f"importing failed: {type(e).__name__}: {e}"

    def end(self):
        return ""

    def student(self, a):
        if self.module is None:
            raise grading.SubmissionUnusable(self.problem or "no module")
        return self.module

    def student_file(self, item):
        return None  # as under `dlkit grade`: messages are built the same way

    def status(self):
        return "graded" if self.module is not None else f"error: {self.problem}"


# -- wall-clock instrumentation ------------------------------------------------------

class Timers:
    """Exclusive wall time per bucket: a timed call inside another is subtracted from the outer one."""

    def __init__(self):
        self.total: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list] = []

    def wrap(self, bucket, fn, reentrant=False, absorb=False):
        """``absorb``: time spent in other timed functions inside this one counts as this one's."""
        timers = self

        def timed(*args, **kwargs):
            inside_absorbing = timers._stack and timers._stack[-1][2]
            inside_self = not reentrant and any(f[0] == bucket for f in timers._stack)
            if inside_absorbing or inside_self:
                return fn(*args, **kwargs)
            frame = [bucket, 0.0, absorb]
            timers._stack.append(frame)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                dt = time.perf_counter() - t0
                timers._stack.pop()
                self.total[bucket] = self.total.get(bucket, 0.0) + dt - frame[1]
                self.calls[bucket] = self.calls.get(bucket, 0) + 1
                if timers._stack:
                    timers._stack[-1][1] += dt

        timed.__wrapped__ = fn
        return timed

    def snapshot(self):
        return dict(self.total), dict(self.calls)


BUCKETS = {
    "worker_start": "start the worker: sandbox set-up, interpreter start, numpy import, student module import",
    "worker_stop": "stop the worker: kill, reap, sweep /proc for leftovers, remove its folder",
    "wait_worker": "wait for the worker's answers (student code runs; includes wake-up latency)",
    "pipe_write": "write requests into the pipe",
    "wire": "encode/decode plain data (.npy bytes, JSON headers)",
    "rpc_other": "rest of a round trip on the grader side (framing, deadlines, mirroring)",
    "test_body": "test code on the grader side (inputs, reference, comparisons, gradient checks)",
    "student_inproc": "student code in-process (inprocess provider only)",
    "messages": "failure messages",
    "test_info": "test metadata per result (marker lookup, catalog.for_test_path)",
    "write_results": "write results.json, feedback.md, grading.json",
    "pytest_other": "pytest's per-test machinery (hooks, fixtures, reports, capture, logging)",
}


def instrument(timers: Timers, provider_kind: str):
    from autograder import messages, proxy, pytest_plugin, wire

    S = proxy.WorkerSession
    S._start = timers.wrap("worker_start", S._start, absorb=True)
    S.close = timers.wrap("worker_stop", S.close, absorb=True)
    S.request = timers.wrap("rpc_other", S.request)
    S._serve_callback = timers.wrap("test_body", S._serve_callback, reentrant=True)  # grader functions
    proxy.select = types.SimpleNamespace(select=timers.wrap("wait_worker", select.select))
    real_os = os

    class _Os(types.ModuleType):
        def __getattr__(self, name):
            return getattr(real_os, name)

    shim = _Os("os")
    shim.write = timers.wrap("pipe_write", os.write)
    proxy.os = shim
    for name in ("encode", "decode", "pack", "unpack"):
        setattr(wire, name, timers.wrap("wire", getattr(wire, name)))
    messages.failure_message = timers.wrap("messages", messages.failure_message)
    pytest_plugin.test_info = timers.wrap("test_info", pytest_plugin.test_info)
    results.write_submission = timers.wrap("write_results", results.write_submission)


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system, including reaped children) of a live process tree, from /proc."""
    from bench.common import _proc_table, descendants

    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in descendants(pid, _proc_table()):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except (OSError, ValueError, IndexError):
            pass
    return total / tick


class WorkerCpu:
    """Wraps a backend's kill(): reads the worker tree's CPU time just before it is killed."""

    def __init__(self):
        self.total = 0.0

    def patch(self, backend):
        kill = backend.kill

        def counted_kill(proc):
            self.total += tree_cpu(proc.pid)
            return kill(proc)

        backend.kill = counted_kill


class BodyTimer:
    """Times each test function's call (the test body) through a pytest hook wrapper."""

    def __init__(self, timers: Timers, provider_kind: str):
        self.timers, self.kind = timers, provider_kind

    @pytest.hookimpl(hookwrapper=True)
    def pytest_pyfunc_call(self, pyfuncitem):
        frame = ["test_body", 0.0, False]
        self.timers._stack.append(frame)
        t0 = time.perf_counter()
        try:
            yield
        finally:
            dt = time.perf_counter() - t0
            self.timers._stack.pop()
            t = self.timers.total
            t["test_body"] = t.get("test_body", 0.0) + dt - frame[1]
            self.timers.calls["test_body"] = self.timers.calls.get("test_body", 0) + 1


# -- the job ------------------------------------------------------------------------

def run_job(kind: str, a, subs, out_dir: Path, timers: Timers | None, extra_args=()):
    sandbox.become_subreaper()
    worker_cpu = WorkerCpu()
    if kind == "inprocess":
        provider = InProcessProvider()
        backend_name = "in-process"
    else:
        backend = sandbox.choose_backend(kind)
        worker_cpu.patch(backend)
        provider = grading.GradingProvider(backend, Limits(), 0)
        backend_name = backend.name
    dlkit = DlkitPlugin(provider)
    queue = list(subs)
    per_sub = []
    marks = {}

    def next_submission():
        if timers is not None:
            marks["snap"] = timers.snapshot()
        marks["t0"] = time.perf_counter()
        marks["cpu0"] = time.process_time()
        marks["wcpu0"] = worker_cpu.total
        return queue.pop(0) if queue else None

    def on_done(sub, test_results, status, seconds, output):
        g = grading.Graded(sub.student, status, test_results, seconds, output, "", backend_name, [])
        results.write_submission(out_dir / sub.student, a, g)
        rec = {"student": sub.student, "seconds": seconds, "score": g.score, "status": status,
               "tests": len(test_results), "wall": time.perf_counter() - marks["t0"],
               "grader_cpu": time.process_time() - marks["cpu0"], "worker_cpu": worker_cpu.total - marks["wcpu0"]}
        if timers is not None:
            before, before_calls = marks["snap"]
            after, after_calls = timers.snapshot()
            rec["buckets"] = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in after}
            rec["calls"] = {k: after_calls.get(k, 0) - before_calls.get(k, 0) for k in after_calls}
        per_sub.append(rec)

    plugins = [dlkit, grading.BatchPlugin(a, dlkit, provider, next_submission, on_done)]
    if timers is not None:
        plugins.append(BodyTimer(timers, kind))
    t0 = time.perf_counter()
    run_pytest(test_paths(a, True), plugins, extra_args)
    return per_sub, time.perf_counter() - t0


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("provider", choices=["strong", "portable", "inprocess", "run_local"])
    p.add_argument("assignment")
    p.add_argument("submissions")
    p.add_argument("--out", required=True)
    p.add_argument("--instrument", action="store_true")
    p.add_argument("--cprofile", default=None)
    p.add_argument("--pytest-arg", action="append", default=[],
                   help="extra pytest argument (experiments: e.g. -p no:logging)")
    args = p.parse_args(argv)
    a = catalog.resolve(args.assignment)
    subs = submissions.discover([Path(args.submissions)], a)
    out_dir = Path(args.out).with_suffix("")
    t_start = time.perf_counter()
    if args.provider == "run_local":
        per_sub = []
        for sub in subs:
            t0 = time.perf_counter()
            try:
                res = run_local(a, sub.module_file, hidden=True)
                score = sum(r.score for r in res)
            except BaseException as e:  # noqa: B036
                score, res = f"error: {type(e).__name__}", []
            per_sub.append({"student": sub.student, "seconds": time.perf_counter() - t0, "score": score,
                            "tests": len(res)})
        batch = time.perf_counter() - t_start
    else:
        timers = Timers() if args.instrument else None
        if timers is not None:
            instrument(timers, args.provider)
        prof = None
        if args.cprofile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        per_sub, batch = run_job(args.provider, a, subs, out_dir, timers, args.pytest_arg)
        if prof is not None:
            prof.disable()
            prof.dump_stats(args.cprofile)
    Path(args.out).write_text(json.dumps({"provider": args.provider, "assignment": a.slug, "per_sub": per_sub,
                                          "batch_seconds": batch, "process_seconds": time.perf_counter() - t_start},
                                         indent=1) + "\n")


if __name__ == "__main__":
    main()
