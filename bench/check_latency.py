"""Section 3: ``dlkit check NN`` latency with the reference module, warm cache.

For every assignment: one untimed warm-up run (page cache, .pyc files), then ``rounds`` timed runs,
interleaved across assignments (01 02 ... 07 01 02 ...). The reference module is the file in
``solutions/NN_name/`` (its solution markers are comments). Wall time of the whole command, from
fork to exit; the output must show full public points.
"""

from __future__ import annotations

import re

from autograder import catalog

from bench.common import DLKIT, fmt_s, median, rotate, shell, timed

BUDGET = 1.5


def run(report, rounds: int, only=None):
    sec = "3. dlkit check"
    assignments = [a for a in catalog.available() if a.solution_file().is_file()
                   and (not only or a.number in only)]
    cmds = {a.number: [DLKIT, "check", a.number, "--path", a.solution_file().parent] for a in assignments}
    for a in assignments:  # warm-up
        timed(cmds[a.number])
    samples = {a.number: [] for a in assignments}
    full = {}
    for r in range(rounds):
        for a in rotate(assignments, r):
            res = timed(cmds[a.number])
            samples[a.number].append(res.wall)
            m = re.search(r"([\d.]+) / ([\d.]+) points", res.stdout)
            full[a.number] = bool(m) and float(m.group(1)) == float(m.group(2))
    meds = {k: median(v) for k, v in samples.items()}
    for a in assignments:
        report.add(sec, f"dlkit check {a.number} ({a.slug}), reference, warm", fmt_s(meds[a.number]), n=rounds,
                   budget=f"< {BUDGET} s", verdict=("meets" if meds[a.number] < BUDGET else "MISSES")
                   + ("" if full.get(a.number) else "; NOT full public points"),
                   command=shell(cmds[a.number]), raw=samples[a.number])
    worst = max(meds.values()) if meds else float("nan")
    report.add(sec, "slowest assignment (median)", fmt_s(worst), budget=f"< {BUDGET} s",
               verdict="meets" if worst < BUDGET else "MISSES")
    report.sections["check"] = {"samples": samples, "medians": meds}
    return meds
