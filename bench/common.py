"""Shared helpers for the benchmarks: paths, timed commands, /proc memory sampling, statistics, records.

Rules the benchmarks follow (docs/performance.md): medians over several runs, variants interleaved
(A B C A B C ...) in one run, every number compared with a baseline measured in the same run, and
the exact command behind every number recorded next to it.
"""

from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent          # the venv's bin (make bench runs .venv/bin/python bench/run.py)
PY = sys.executable
DLKIT = str(BIN / "dlkit")
OUT = ROOT / "out" / "bench"
WORKER_UIDS = range(61000, 61256)          # autograder.sandbox.UID_BASE .. + UID_COUNT: one uid per job
GRADE_EXTRA: list[str] = []                 # ["--insecure"] when the strong sandbox is unavailable (run.py)


def grade_cmd(*args) -> list:
    """``dlkit grade ARGS...`` (plus --insecure where the strong sandbox is unavailable)."""
    return [DLKIT, "grade", *args, *GRADE_EXTRA]


def log(msg: str = "") -> None:
    print(msg, flush=True)


def tool(name: str) -> str:
    """A console script of this environment (otter, nbgrader, dlkit)."""
    return str(BIN / name)


def shell(cmd) -> str:
    """The command as one would type it, with paths under the repository made relative."""
    s = " ".join(shlex.quote(str(c)) for c in cmd)
    return s.replace(str(ROOT) + "/", "").replace(str(BIN) + "/", ".venv/bin/")


# -- timed commands ------------------------------------------------------------------

@dataclass
class Run:
    cmd: list
    wall: float
    rc: int
    stdout: str = ""
    stderr: str = ""
    peak_rss: int = 0                   # bytes, grader processes only (see MemorySampler)
    peak_rss_by: dict = field(default_factory=dict)
    peak_pss: int = 0                   # bytes, same processes, proportional set size
    peak_workers: int = 0               # bytes, sandboxed workers (and bwrap, setpriv)
    cpu: float = 0.0                    # user+system seconds of the whole tree (sampled; see MemorySampler)


def timed(cmd, *, cwd=ROOT, env=None, timeout=None, sample_memory=False, check=True) -> Run:
    """Run ``cmd`` to completion; wall time from fork to exit (perf_counter).

    ``sample_memory``: True samples the grader's memory and the tree's CPU time; "cpu" only the CPU.
    """
    cmd = [str(c) for c in cmd]
    full_env = dict(os.environ, **(env or {}))
    # as in an activated virtual environment: tools find their helpers (nbgrader runs `alembic`)
    full_env["PATH"] = f"{BIN}{os.pathsep}{full_env.get('PATH', '')}"
    # a user's machine keeps .pyc files (and pytest's rewritten test modules): "warm cache"
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, errors="replace")
    sampler = MemorySampler(proc.pid, grader_memory=sample_memory == True) if sample_memory else None  # noqa: E712
    if sampler:
        sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += f"\n[bench] killed after {timeout} s"
    wall = time.perf_counter() - t0
    run = Run(cmd, wall, proc.returncode, out, err)
    if sampler:
        sampler.stop()
        run.cpu = sampler.cpu
        run.peak_rss, run.peak_rss_by, run.peak_workers = sampler.peak, sampler.peak_by, sampler.peak_workers
        run.peak_pss = sampler.peak_pss
    if check and proc.returncode != 0:
        raise RuntimeError(f"command failed ({proc.returncode}): {shell(cmd)}\n{err[-2000:]}\n{out[-1000:]}")
    return run


# -- memory ------------------------------------------------------------------------

def _proc_table():
    """{pid: (ppid, uid, rss bytes, comm)} for every process we can read."""
    table = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry.name}/statm") as f:
                rss = int(f.read().split()[1]) * page
            uid = os.stat(f"/proc/{entry.name}").st_uid
        except (OSError, ValueError, IndexError):
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        table[int(entry.name)] = (ppid, uid, rss, comm)
    return table


def descendants(root: int, table) -> list[int]:
    children = {}
    for pid, (ppid, *_rest) in table.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        if p in table:
            out.append(p)
        todo += children.get(p, [])
    return out


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def _pss(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them), bytes."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except (OSError, ValueError):
        pass
    return out


_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int):
    """(ppid, utime+stime ticks, starttime, rss bytes) from /proc/PID/stat, or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[19]), int(fields[21]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


class MemorySampler(threading.Thread):
    """Samples a ``dlkit grade`` (or any) process tree from /proc every ``interval`` seconds.

    Walks only the tree (``/proc/PID/task/TID/children``), one ``stat`` read per process, so the
    sampler itself stays cheap (it shares the machine with what it measures).

    Memory: the grader's processes are the command itself and its grading jobs
    (``-m autograder.grading``); everything the jobs start (bwrap, setpriv, the sandboxed worker,
    and a job's forked child before it execs) is the student's side, counted apart in
    ``peak_workers``. ``peak`` is the largest sum of RSS over the grader's processes, ``peak_pss``
    the largest sum of PSS (shared library pages split between the processes sharing them).

    CPU: ``cpu`` is the sum over every process seen in the tree of its last sampled user+system
    time. A process's last < ``interval`` seconds, and processes living less than ``interval``, are
    missed: a lower bound, close for processes living much longer than ``interval``.
    """

    def __init__(self, pid: int, interval: float = 0.1, grader_memory: bool = True):
        super().__init__(daemon=True)
        self.pid, self.interval, self.grader_memory = pid, interval, grader_memory
        self.peak = self.peak_pss = self.peak_workers = 0
        self.peak_by: dict[str, int] = {}
        self._cpu: dict[tuple, int] = {}
        self._graders: dict[tuple, bool] = {}
        self._halt = threading.Event()

    @property
    def cpu(self) -> float:
        return sum(self._cpu.values()) / _TICK

    def sample(self):
        grader = workers = pss = 0
        by = {}
        todo = [self.pid]
        while todo:
            pid = todo.pop()
            st = _stat(pid)
            if st is None:
                continue
            ppid, ticks, start, rss = st
            key = (pid, start)
            self._cpu[key] = ticks
            if self.grader_memory:
                if key not in self._graders:
                    self._graders[key] = pid == self.pid or (ppid == self.pid and
                                                             b"autograder.grading" in _cmdline(pid))
                if self._graders[key]:
                    grader += rss
                    pss += _pss(pid)
                    by[f"{'dlkit' if pid == self.pid else 'job'}[{pid}]"] = rss
                else:
                    workers += rss
            todo += _children(pid)
        if grader > self.peak:
            self.peak, self.peak_by = grader, by
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_workers = max(self.peak_workers, workers)

    def run(self):
        while not self._halt.is_set():
            self.sample()
            self._halt.wait(self.interval)

    def stop(self):
        self._halt.set()
        self.join(timeout=2)


def foreign_workers(mine: int | None = None) -> list[int]:
    """Sandboxed workers (uid 61000+) that are not descendants of ``mine``: another dlkit grade is running.

    They do not disturb our grades (each job holds its own uid), but they compete for the CPUs;
    the class section reports when it saw them.
    """
    table = _proc_table()
    own = set(descendants(mine, table)) if mine else set()
    return [pid for pid, (_pp, uid, _rss, _c) in table.items() if uid in WORKER_UIDS and pid not in own]


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def engine_version() -> str:
    """The commit measured, and whether the engine had uncommitted changes (read-only git)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "autograder", "shared"],
                               cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        return head + (" + uncommitted changes in autograder/ or shared/" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "?"


# -- statistics --------------------------------------------------------------------

def median(xs) -> float:
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else float("nan")


def percentile(xs, q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, int(-(-q * len(xs) // 100)) - 1))
    return xs[k]


def fmt_s(x: float) -> str:
    if x != x:
        return "n/a"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_mb(b: float) -> str:
    return f"{b / 2**20:.0f} MB"


def rotate(items: list, k: int) -> list:
    """``items`` rotated by ``k``: round k starts with a different variant (interleaving)."""
    k %= max(1, len(items))
    return items[k:] + items[:k]


# -- records -----------------------------------------------------------------------

class Report:
    """Rows of the results table, each with the command that reproduces it; written to out/bench/."""

    def __init__(self, args):
        self.rows: list[dict] = []
        self.lines: list[str] = []       # the ratio lines and other conclusions, printed at the end
        self.meta = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "argv": sys.argv[1:],
                     "python": sys.version.split()[0], "cpus": os.cpu_count(), "load_start": load_average(),
                     "quick": bool(getattr(args, "quick", False))}
        self.sections: dict[str, dict] = {}
        self.meta["engine"] = engine_version()

    def add(self, section: str, what: str, value: str, *, budget: str = "", verdict: str = "", command: str = "",
            n: int | str = "", raw=None):
        value = " ".join(str(value).split())
        value = value if len(value) <= 400 else value[:380] + " ... (see results.json)"
        row = {"section": section, "what": what, "value": value, "n": n, "budget": budget, "verdict": verdict,
               "command": command}
        if raw is not None:
            row["raw"] = raw
        self.rows.append(row)
        log(f"  {what}: {value}" + (f"  (n={n})" if n != "" else "") + (f"  [{verdict}]" if verdict else ""))

    def conclude(self, line: str):
        self.lines.append(line)

    def markdown(self) -> str:
        out = ["| section | what | value | n | budget | verdict |", "|---|---|---|---|---|---|"]
        for r in self.rows:
            out.append(f"| {r['section']} | {r['what']} | {r['value']} | {r['n']} | {r['budget']} | {r['verdict']} |")
        out += ["", "Commands:", ""]
        seen = set()
        for r in self.rows:
            if r["command"] and (r["section"], r["command"]) not in seen:
                seen.add((r["section"], r["command"]))
                out.append(f"- {r['section']} / {r['what']}: `{r['command']}`")
        return "\n".join(out) + "\n"

    def save(self):
        OUT.mkdir(parents=True, exist_ok=True)
        self.meta["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
        self.meta["load_end"] = load_average()
        (OUT / "results.json").write_text(json.dumps(
            {"meta": self.meta, "rows": self.rows, "conclusions": self.lines, "sections": self.sections},
            indent=1, default=str) + "\n")
        (OUT / "results.md").write_text(self.markdown() + "\n" + "\n".join(self.lines) + "\n")
