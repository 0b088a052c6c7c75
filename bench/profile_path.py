"""Section 5: where the time goes, per ``dlkit grade`` command and per submission.

A. Fixed costs of one ``dlkit grade`` command (each its own process, interleaved over rounds):
   interpreter start, the CLI's imports, the grading job's imports (pytest, numpy), collecting
   the assignment's tests, the class report (matplotlib), the per-submission fingerprint.
B. Starting one worker, by parts: the worker interpreter, numpy's import, the sandbox around them
   (bubblewrap + setpriv vs the portable backend's plain process).
C. One round trip to the worker (an echo function, three payload sizes) vs a call in-process.
D. The per-submission path, instrumented (``python -m bench.inproc --instrument``): exclusive wall
   time per bucket (worker start/stop, waiting for answers, wire, test bodies, pytest machinery,
   messages, results), CPU of the grader and of the worker, round trips per submission, for every
   assignment's reference (strong backend) and, on section 1's submissions, strong vs in-process.
E. cProfile of the grading job on section 1's submissions: the top functions.
"""

from __future__ import annotations

import json
import os
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from autograder import catalog

from bench import classgen
from bench.common import DLKIT, OUT, PY, fmt_s, log, median, rotate, shell, timed

PROFILE = OUT / "profile"
PROBE_SLOT = 40  # worker uid 61040: clear of the slots a concurrent `dlkit grade --jobs 2` uses


def _py(code: str) -> list:
    return [PY, "-c", code]


def _inner_time(code: str) -> float:
    """Run ``code`` in a fresh interpreter; it prints one float (seconds it measured itself)."""
    r = timed(_py(code))
    return float(r.stdout.strip().splitlines()[-1])


# -- A. fixed costs per command ------------------------------------------------------------

def fixed_costs(report, a, rounds: int, records_dir: Path | None, subs_dir: Path | None):
    sec = "5a. fixed cost per dlkit grade command"
    real_py = os.path.realpath(PY)
    from autograder.proxy import NUMPY_SITE
    cases = {
        "interpreter start (venv python -c pass)": ("wall", _py("pass")),
        "worker interpreter start (python -I -S -c pass)": ("wall", [real_py, "-I", "-S", "-c", "pass"]),
        "worker numpy import (python -I -S, numpy only on the path)":
            ("wall", [real_py, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {NUMPY_SITE!r}); import numpy"]),
        "dlkit CLI start (dlkit --help)": ("wall", [DLKIT, "--help"]),
        "grading job imports (import autograder.grading: pytest, numpy)": ("wall", _py("import autograder.grading")),
        f"collect {a.slug}'s tests (pytest session, --collect-only)": ("inner", (
            "import time; from autograder import catalog; from autograder.local_run import collect\n"
            f"a = catalog.resolve({a.number!r}); t = time.perf_counter(); n = len(collect(a))\n"
            "print(time.perf_counter() - t)")),
        "import hypothesis (paid only when a test module imports it; none does)": ("inner", (
            "import time, pytest, numpy; t = time.perf_counter(); import hypothesis\n"
            "print(time.perf_counter() - t)")),
        "import matplotlib.pyplot (the report's figures)": ("inner", (
            "import time; t = time.perf_counter(); import matplotlib; matplotlib.use('Agg'); "
            "import matplotlib.pyplot\nprint(time.perf_counter() - t)")),
    }
    if records_dir is not None and subs_dir is not None:
        cases["write report.html (imports + 4 figures)"] = ("inner", (
            "import time, json; from pathlib import Path; from autograder import catalog, report, results\n"
            f"a = catalog.resolve({a.number!r}); d = Path({str(records_dir)!r})\n"
            "recs = [json.loads(p.read_text()) for p in sorted(d.glob('*/grading.json'))]\n"
            "t = time.perf_counter(); report.write_report(Path(tempfile.mkdtemp()), a, recs)\n"
            "print(time.perf_counter() - t)").replace("import time, json;", "import time, json, tempfile;"))
        cases["grader fingerprint, once per command (hash tests, reference, engine)"] = ("inner", (
            "import time; from autograder import catalog, grading\n"
            "from autograder.proxy import Limits\n"
            f"a = catalog.resolve({a.number!r}); t = time.perf_counter()\n"
            "grading.grader_fingerprint(a, Limits(), 'bubblewrap')\n"
            "print(time.perf_counter() - t)"))
    samples = {k: [] for k in cases}
    keys = list(cases)
    for r in range(rounds):
        for k in rotate(keys, r):
            how, cmd = cases[k]
            samples[k].append(timed(cmd).wall if how == "wall" else _inner_time(cmd))
    out = {}
    for k in keys:
        how, cmd = cases[k]
        out[k] = median(samples[k])
        report.add(sec, k, fmt_s(out[k]), n=rounds,
                   command=shell(cmd) if how == "wall" else f"{shell([PY])} -c '<see bench/profile_path.py>'")
    return out


# -- B. worker start by parts --------------------------------------------------------------

def _spawn_probe(backend, body: str) -> float:
    """Spawn the backend's worker command around a stand-in worker_main.py that runs ``body`` and then
    writes one byte on the answer pipe (as the real worker's "ready" does); seconds until that byte."""
    from autograder.proxy import Limits

    tmp = Path(tempfile.mkdtemp(prefix="dlkit-bench-probe-"))
    os.chmod(tmp, 0o755)
    code = tmp / "code"
    code.mkdir()
    (code / "worker_main.py").write_text("import os, sys\n" + body + "os.write(int(sys.argv[5]), b'x')\n")
    (code / "probe.py").write_text("")
    for p in (code, code / "worker_main.py", code / "probe.py"):
        os.chmod(p, 0o755 if p.is_dir() else 0o644)
    req, resp, out = os.pipe(), os.pipe(), os.pipe()
    proc = None
    try:
        t0 = time.perf_counter()
        proc = backend.spawn(code, "probe", req[0], resp[1], out[1], Limits(), PROBE_SLOT)
        for fd in (req[0], resp[1], out[1]):
            os.close(fd)
        ready = os.read(resp[0], 1)
        dt = time.perf_counter() - t0
        if ready != b"x":
            rc = proc.wait(timeout=60)
            raise RuntimeError(f"probe worker exited {rc}: {os.read(out[0], 4000).decode(errors='replace')}")
        proc.wait(timeout=60)
        return dt
    finally:
        if proc is not None and proc.poll() is None:
            backend.kill(proc)
        for fd in (req[1], resp[0], out[0]):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)


def _session_start(backend, module_file: Path, name: str) -> float:
    from autograder.proxy import Limits, WorkerSession

    s = WorkerSession(module_file, name, backend, Limits(), PROBE_SLOT)
    t0 = time.perf_counter()
    s._start()
    dt = time.perf_counter() - t0
    s.close()
    return dt


def worker_start(report, a, rounds: int):
    sec = "5b. start one worker"
    from autograder import sandbox

    backends = {"portable": sandbox.PortableBackend()}
    if sandbox.BwrapBackend.unavailable_reason() is None:
        backends["strong"] = sandbox.BwrapBackend()
    empty = ""
    numpy_only = "sys.path[:0] = [sys.argv[1]]\nimport numpy\n"
    src = classgen.Sources(a)
    tmp = Path(tempfile.mkdtemp(prefix="dlkit-bench-ref-"))
    (tmp / a.filename).write_text(src.reference)
    cases = {}
    for name, b in backends.items():
        cases[f"{name}: interpreter only (stand-in worker, empty)"] = lambda b=b: _spawn_probe(b, empty)
        cases[f"{name}: interpreter + numpy import"] = lambda b=b: _spawn_probe(b, numpy_only)
        cases[f"{name}: real worker, {a.filename} imported, ready (WorkerSession._start)"] = \
            lambda b=b: _session_start(b, tmp / a.filename, a.module)
    samples = {k: [] for k in cases}
    for r in range(rounds):
        for k in rotate(list(cases), r):
            samples[k].append(cases[k]())
    shutil.rmtree(tmp, ignore_errors=True)
    meds = {k: median(v) for k, v in samples.items()}
    for k, v in meds.items():
        report.add(sec, k, fmt_s(v), n=rounds, command="bench/profile_path.py worker_start()")
    for name in backends:
        e, n, w = (meds[f"{name}: interpreter only (stand-in worker, empty)"],
                   meds[f"{name}: interpreter + numpy import"],
                   meds[f"{name}: real worker, {a.filename} imported, ready (WorkerSession._start)"])
        # Differences of medians: on a loaded machine they can come out negative; say so instead.
        rest = fmt_s(w - n) if w >= n else "n/a (noise: the real worker started faster than the stand-in)"
        report.add(sec, f"{name}: numpy import share / rest of start-up",
                   f"numpy {fmt_s(n - e)}, sandbox+interpreter {fmt_s(e)}, module+handshake {rest}")
    return meds


# -- C. round trips ---------------------------------------------------------------------------

ECHO = "def echo(x):\n    return x\n"


def round_trips(report, rounds: int, calls: int = 300):
    sec = "5c. one round trip to the worker"
    import numpy as np

    from autograder import sandbox
    from autograder.proxy import Limits, RemoteModule, WorkerSession

    tmp = Path(tempfile.mkdtemp(prefix="dlkit-bench-echo-"))
    (tmp / "bench_echo.py").write_text(ECHO)
    payloads = {"None": None, "array of 16 floats": np.arange(16.0), "array of 100k floats": np.arange(100_000.0)}
    kinds = {"portable": sandbox.PortableBackend()}
    if sandbox.BwrapBackend.unavailable_reason() is None:
        kinds["strong"] = sandbox.BwrapBackend()
    samples = {}
    for r in range(rounds):
        for kind, backend in rotate(list(kinds.items()), r):
            s = WorkerSession(tmp / "bench_echo.py", "bench_echo", backend, Limits(), PROBE_SLOT)
            m = RemoteModule(s)
            m.echo(0)  # start the worker
            for label, x in payloads.items():
                n = calls if label != "array of 100k floats" else max(20, calls // 10)
                t0 = time.perf_counter()
                for _ in range(n):
                    m.echo(x)
                samples.setdefault(f"{kind}: echo({label})", []).append((time.perf_counter() - t0) / n)
            s.close()
        loc = {}
        exec(ECHO, loc)  # noqa: S102 - our own two-line function
        t0 = time.perf_counter()
        for _ in range(calls * 10):
            loc["echo"](payloads["array of 16 floats"])
        samples.setdefault("in-process: echo(array of 16 floats)", []).append((time.perf_counter() - t0) / calls / 10)
    shutil.rmtree(tmp, ignore_errors=True)
    meds = {k: median(v) for k, v in samples.items()}
    for k, v in meds.items():
        report.add(sec, k, f"{v * 1e6:.0f} us" if v >= 1e-5 else f"{v * 1e6:.2f} us", n=rounds,
                   command="bench/profile_path.py round_trips()")
    return meds


# -- D. per-submission path, instrumented -----------------------------------------------------

def _harness(kind: str, a, subs_dir: Path, name: str, cprofile: Path | None = None) -> dict:
    res = PROFILE / f"{name}.json"
    cmd = [PY, "-m", "bench.inproc", kind, a.number, subs_dir, "--out", res, "--instrument"]
    if cprofile:
        cmd += ["--cprofile", cprofile]
    timed(cmd, timeout=1800)
    return json.loads(res.read_text())


def _bucket_medians(d: dict) -> dict:
    recs = d["per_sub"]
    keys = set()
    for r in recs:
        keys |= set(r.get("buckets", {}))
    out = {k: median([r["buckets"].get(k, 0.0) for r in recs]) for k in keys}
    out["_seconds"] = median([r["seconds"] for r in recs])
    out["_grader_cpu"] = median([r.get("grader_cpu", 0.0) for r in recs])
    out["_worker_cpu"] = median([r.get("worker_cpu", 0.0) for r in recs])
    out["_tests"] = median([r["tests"] for r in recs])
    out["_round_trips"] = median([r.get("calls", {}).get("rpc_other", 0) for r in recs])
    out["_pytest_other"] = max(0.0, out["_seconds"] - sum(v for k, v in out.items() if not k.startswith("_")
                                                          and k != "write_results"))
    return out


def per_submission_path(report, ws_subs: Path | None, a, rounds: int, per_assignment: int):
    from bench.inproc import BUCKETS

    sec = "5d. per-submission path (instrumented)"
    PROFILE.mkdir(parents=True, exist_ok=True)
    # every assignment's reference, strong backend
    table = {}
    root = PROFILE / "refs"
    shutil.rmtree(root, ignore_errors=True)
    for x in catalog.available():
        if not x.solution_file().is_file():
            continue
        src = classgen.Sources(x)
        for i in range(per_assignment):
            classgen.write_submission(root / x.slug, f"ref{i}", x, src.reference)
        table[x.slug] = _bucket_medians(_harness("strong", x, root / x.slug, f"refs_{x.slug}"))
    for slug, b in table.items():
        report.add(sec, f"{slug} reference (strong)",
                   f"{fmt_s(b['_seconds'])}: {b['_tests']:.0f} tests, {b['_round_trips']:.0f} round trips; "
                   f"worker start {fmt_s(b.get('worker_start', 0))}, waiting for answers "
                   f"{fmt_s(b.get('wait_worker', 0) + b.get('pipe_write', 0))}, wire {fmt_s(b.get('wire', 0))}, "
                   f"test bodies {fmt_s(b.get('test_body', 0))}, pytest {fmt_s(b['_pytest_other'])}; "
                   f"CPU grader {fmt_s(b['_grader_cpu'])} + worker {fmt_s(b['_worker_cpu'])}",
                   n=per_assignment, command=shell([PY, "-m", "bench.inproc", "strong", slug[:2], root / slug,
                                                    "--out", "R.json", "--instrument"]))
    # section 1's submissions: strong vs portable vs in-process, interleaved, plus one cProfile
    detail = {}
    if ws_subs is not None:
        kinds = ["strong", "portable", "inprocess"]
        runs = {k: [] for k in kinds}
        for r in range(rounds):
            for k in rotate(kinds, r):
                runs[k].append(_bucket_medians(_harness(k, a, ws_subs, f"path_{k}_{r}")))
        for k in kinds:
            keys = set().union(*[set(x) for x in runs[k]])
            detail[k] = {key: median([x.get(key, 0.0) for x in runs[k]]) for key in keys}
        for k in kinds:
            d = detail[k]
            parts = [f"{key} {fmt_s(d[key])}" for key in BUCKETS if key in d and d[key] > 0.0005]
            report.add(sec, f"{a.slug}, section 1's submissions, {k}",
                       f"{fmt_s(d['_seconds'])} = " + ", ".join(parts)
                       + f", pytest machinery {fmt_s(d['_pytest_other'])}"
                       f"; CPU grader {fmt_s(d['_grader_cpu'])} + worker {fmt_s(d['_worker_cpu'])}",
                       n=rounds, command=shell([PY, "-m", "bench.inproc", k, a.number, ws_subs, "--out", "R.json",
                                                "--instrument"]))
        prof = PROFILE / f"{a.slug}_strong.prof"
        timed([PY, "-m", "bench.inproc", "strong", a.number, ws_subs, "--out", PROFILE / "cprofile_run.json",
               "--cprofile", prof], timeout=1800)
        top = PROFILE / f"{a.slug}_strong_top.txt"
        with open(top, "w") as f:
            st = pstats.Stats(str(prof), stream=f)
            st.sort_stats("tottime").print_stats(25)
            st.sort_stats("cumulative").print_stats(40)
        report.add(sec, "cProfile of the grading job (strong)", f"top functions in {shell([top])}",
                   command=shell([PY, "-m", "bench.inproc", "strong", a.number, ws_subs, "--out", "R.json",
                                  "--cprofile", prof]))
    report.sections["profile"] = {"per_assignment": table, "detail": detail}
    return table, detail


def run(report, a, rounds: int, ws_subs: Path | None, records_dir: Path | None, per_assignment: int = 3):
    log("  A. fixed costs per command")
    fixed = fixed_costs(report, a, rounds, records_dir, ws_subs)
    log("  B. worker start")
    start = worker_start(report, a, max(rounds, 3))
    log("  C. round trips")
    rt = round_trips(report, rounds)
    log("  D. per-submission path")
    table, detail = per_submission_path(report, ws_subs, a, rounds, per_assignment)
    return {"fixed": fixed, "start": start, "round_trips": rt, "per_assignment": table, "detail": detail}
