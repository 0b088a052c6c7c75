"""``make bench``: dlkit's grading speed and scale, measured side by side with otter and nbgrader.

    .venv/bin/python bench/run.py [--quick] [--rounds R] [--students N] [--only SECTIONS] ...

Sections (docs/performance.md explains each, and the numbers of the last full run):

  per_submission  dlkit grade vs otter run vs nbgrader autograde (CLI and API), same submissions
  isolation       strong (bubblewrap) vs portable backend vs in-process, same submissions
  check           dlkit check NN latency with the reference module, warm
  profile         where the time goes: fixed costs, worker start, round trips, per-submission path
  class           a synthetic class, 300 students x 7 assignments, --jobs 2

per_submission and isolation run interleaved in the same rounds (A B C ... A B C ..., order rotating).
Every number is a median; the results table, with the command behind each number, is printed at the
end and written to out/bench/results.md and results.json. The two ratio lines
``dlkit grade vs otter run: ...x faster per submission`` and
``dlkit grade vs nbgrader autograde: ...x faster per submission`` come from this run's numbers.

Environment overrides for ``make bench`` (which passes no arguments): DLKIT_BENCH_QUICK=1,
DLKIT_BENCH_ROUNDS, DLKIT_BENCH_STUDENTS, DLKIT_BENCH_ONLY (comma-separated sections).
Budgets are reported, never asserted: the exit status is 0 unless a benchmark itself failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from autograder import catalog, sandbox  # noqa: E402

from bench import common  # noqa: E402
from bench.common import Report, fmt_s, load_average, log, rotate  # noqa: E402

SECTIONS = ["per_submission", "isolation", "check", "profile", "class"]


def parse(argv=None):
    env = os.environ
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", default=env.get("DLKIT_BENCH_QUICK") == "1",
                   help="smoke run: 1 round, 20 students x 7 assignments, fewer submissions")
    p.add_argument("--rounds", type=int, default=int(env.get("DLKIT_BENCH_ROUNDS", 0)) or None,
                   help="repetitions of each interleaved measurement (default 3; --quick 1)")
    p.add_argument("--students", type=int, default=int(env.get("DLKIT_BENCH_STUDENTS", 0)) or None,
                   help="students per assignment in the synthetic class (default 300; --quick 20)")
    p.add_argument("--class-assignments", default="", help="e.g. 01,05 (default: all seven)")
    p.add_argument("--jobs", type=int, default=2, help="--jobs for the synthetic class (default 2)")
    p.add_argument("--timeout", type=float, default=3.0, help="--timeout for the synthetic class (default 3)")
    p.add_argument("--budget", type=float, default=12.0, help="--budget for the synthetic class (default 12)")
    p.add_argument("--assignment", default="05",
                   help="assignment for per_submission, isolation and profile (default 05)")
    p.add_argument("--mutants", type=int, default=None, help="mutants in the comparison set (default 3; --quick 1)")
    p.add_argument("--single", type=int, default=None,
                   help="submissions graded one command each (cold) per round (default 1)")
    p.add_argument("--only", default=env.get("DLKIT_BENCH_ONLY", ""),
                   help="comma-separated sections: " + ", ".join(SECTIONS))
    args = p.parse_args(argv)
    args.rounds = args.rounds or (1 if args.quick else 3)
    args.students = args.students or (20 if args.quick else 300)
    args.mutants = args.mutants if args.mutants is not None else (1 if args.quick else 3)
    args.single = args.single if args.single is not None else 1
    args.sections = [s.strip() for s in args.only.split(",") if s.strip()] or SECTIONS
    bad = set(args.sections) - set(SECTIONS)
    if bad:
        p.error(f"unknown section(s) {', '.join(sorted(bad))}; choose from {', '.join(SECTIONS)}")
    return args


def main(argv=None) -> int:
    args = parse(argv)
    report = Report(args)
    t_start = time.perf_counter()
    reason = sandbox.BwrapBackend.unavailable_reason()
    log(f"dlkit bench: {os.cpu_count()} CPUs, load {load_average()}, python {sys.version.split()[0]}, "
        f"engine {report.meta['engine']}, sections {', '.join(args.sections)}, rounds {args.rounds}"
        + (" (--quick)" if args.quick else ""))
    if reason:
        common.GRADE_EXTRA[:] = ["--insecure"]
        log(f"WARNING: the strong sandbox is not available ({reason}); dlkit grade runs with --insecure "
            "(portable backend). The numbers are not those of official grading.")
        report.meta["strong_unavailable"] = reason
    report.meta["backend"] = "portable (strong unavailable)" if reason else "bubblewrap"
    a = catalog.resolve(args.assignment)
    results = {}
    ws = None
    try:
        if {"per_submission", "isolation", "profile"} & set(args.sections):
            from bench import isolation_cost, per_submission

            log(f"\n== setting up: {a.slug}, the reference, the stub and {args.mutants} mutant(s)")
            ws = per_submission.Workspace(a, args.mutants, args.single)
            if "per_submission" in args.sections:
                ws.export_otter()
                ws.export_nbgrader()
                for prob in ws.problems:
                    log(f"  problem: {prob}")
            vs = per_submission.variants(ws, timeout=1800)
            if "per_submission" not in args.sections:
                vs = [v for v in vs if v.key == "dlkit_class"]
            iso = isolation_cost.variants(ws, timeout=1800) if "isolation" in args.sections else []
            if "per_submission" in args.sections or "isolation" in args.sections:
                allv = vs + iso
                log(f"\n== per submission / isolation: {len(allv)} variants x {args.rounds} round(s), interleaved")
                for r in range(args.rounds):
                    for v in rotate(allv, r):
                        t0 = time.perf_counter()
                        v.samples.append(v.run(r))
                        log(f"  round {r + 1}: {v.key} ({fmt_s(time.perf_counter() - t0)}), load {load_average()}")
                if "per_submission" in args.sections:
                    log("\n== 1. per submission")
                    results["per_submission"] = per_submission.summarize(report, ws, vs, args.rounds)
                if "isolation" in args.sections:
                    log("\n== 4. isolation cost")
                    results["isolation"] = isolation_cost.summarize(report, ws, iso, vs[0])
        if "check" in args.sections:
            from bench import check_latency

            log("\n== 3. dlkit check latency")
            results["check"] = check_latency.run(report, max(args.rounds, 3))
        if "profile" in args.sections:
            from bench import profile_path

            log("\n== 5. where the time goes")
            records = ws.dir / "runs" / "dlkit_class" if ws and (ws.dir / "runs" / "dlkit_class").is_dir() else None
            if records is None and ws is not None:  # profile alone: grade once for the report's records
                common.timed(common.grade_cmd(a.number, ws.subs, "--out", ws.dir / "runs" / "dlkit_class",
                                              "--jobs", "1", "--force"))
                records = ws.dir / "runs" / "dlkit_class"
            results["profile"] = profile_path.run(report, a, max(args.rounds, 3), ws.subs if ws else None, records,
                                                  per_assignment=1 if args.quick else 3)
        if "class" in args.sections:
            from bench import synthetic_class

            log(f"\n== 2. synthetic class: {args.students} students per assignment, --jobs {args.jobs}")
            only = [catalog.resolve(x).number for x in args.class_assignments.split(",") if x.strip()]
            results["class"] = synthetic_class.run(report, args.students, args.jobs, args.timeout, args.budget,
                                                   only or None)
    finally:
        report.meta["seconds"] = round(time.perf_counter() - t_start, 1)
        report.save()
    log("\n== results (also in out/bench/results.md)\n")
    log(report.markdown())
    log(f"bench finished in {fmt_s(time.perf_counter() - t_start)}; load {load_average()}\n")
    for line in report.lines:
        log(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
