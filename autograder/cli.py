"""The ``dlkit`` command: list, check, grade, verify, release, export, demo."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from autograder import catalog

EXIT_USAGE = 2


def _assignment(key: str) -> catalog.Assignment:
    try:
        return catalog.resolve(key)
    except catalog.UnknownAssignment as e:
        raise SystemExit(f"dlkit: {e}") from None


def _console():
    from rich.console import Console

    return Console(highlight=False)


# -- list ---------------------------------------------------------------------------

def cmd_list(args) -> int:
    from rich.table import Table

    from autograder.local_run import collect_points

    con = _console()
    for a in catalog.available():
        per_function = collect_points(a)
        table = Table(title=f"{a.slug}  ({a.filename})", title_justify="left")
        table.add_column("function")
        table.add_column("public", justify="right")
        table.add_column("hidden", justify="right")
        table.add_column("total", justify="right")
        for fn, (pub, hid) in per_function.items():
            table.add_row(fn, f"{pub:g}", f"{hid:g}", f"{pub + hid:g}")
        pub = sum(p for p, _ in per_function.values())
        hid = sum(h for _, h in per_function.values())
        table.add_row("[bold]total", f"{pub:g}", f"{hid:g}", f"{pub + hid:g}")
        con.print(table)
        if not a.hidden_tests().is_dir():
            con.print(f"  hidden tests (not in this release) are worth the other {100 - pub:g} of 100 points")
    return 0


# -- check (student side) ------------------------------------------------------------

def cmd_check(args) -> int:
    from autograder.check import run_check

    a = _assignment(args.assignment)
    return run_check(a, args.path, lang=args.lang, verbose=args.verbose)


# -- grade ----------------------------------------------------------------------------

def cmd_grade(args) -> int:
    from autograder import grading, report, results, sandbox, submissions
    from autograder.proxy import Limits

    con = _console()
    a = _assignment(args.assignment)
    reason = sandbox.BwrapBackend.unavailable_reason()
    if args.backend == "strong" and reason:
        con.print(f"[red]dlkit grade: the strong sandbox is not available: {reason}")
        return EXIT_USAGE
    if reason and not args.insecure:
        con.print(f"[red]dlkit grade: refusing to grade without the strong sandbox ({reason}).[/red]\n"
                  "Official grades need bubblewrap and root (see docs/security.md). To grade anyway with the "
                  "portable backend, which cannot hide files or the network from student code, add --insecure.")
        return EXIT_USAGE
    backend_kind = "portable" if (reason or args.backend == "portable") else "strong"
    backend = sandbox.choose_backend(backend_kind)
    try:
        subs = submissions.discover([Path(p) for p in args.submissions], a)
    except ValueError as e:
        con.print(f"[red]dlkit grade: {e}")
        return EXIT_USAGE
    if not subs:
        con.print("[red]dlkit grade: no submissions found in " + ", ".join(args.submissions))
        return EXIT_USAGE
    out = Path(args.out)
    # A module that hangs at import is bounded like any call (but numpy's import needs a moment).
    limits = Limits(call_timeout=args.timeout, submission_budget=args.budget,
                    import_timeout=min(10.0, max(args.timeout, 3.0)))
    jobs = min(args.jobs or os.cpu_count() or 1, len(subs))
    con.print(f"Grading {len(subs)} submission(s) of [bold]{a.slug}[/bold] with up to {jobs} job(s) "
              f"in the [bold]{backend.name}[/bold] sandbox.")
    for p in backend.protections():
        con.print(f"  [green]✓[/green] {p}")
    if not backend.strong:
        con.print("  [yellow]![/yellow] not isolated: student code can read files and use the network "
                  "(--insecure)")
    progress_cb, finish = _progress(con, len(subs))
    try:
        graded = grading.grade(a, subs, out, jobs=jobs, backend_kind=backend_kind, limits=limits, force=args.force,
                      progress=progress_cb, lang=args.lang)
    except RuntimeError as e:
        finish()
        con.print(f"[red]dlkit grade: {e}")
        return 1
    finally:
        finish()
    if len(graded) < len(subs):
        con.print(f"{len(subs) - len(graded)} submission(s) already graded with the same inputs were skipped "
                  "(--force regrades them)")
    records = results.write_class_files(out, a, [s.student for s in subs])
    if not args.no_report:
        report.write_report(out, a, records)
    _print_gradebook(con, out, a, [s.student for s in subs])
    con.print(f"\nWrote {out}/gradebook.csv, tests.csv, {'' if args.no_report else 'report.html, '}"
              "<student>/results.json and feedback.md")
    return 0


def _progress(con, total):
    if not con.is_terminal:
        def cb(kind, student, *rest):
            pass
        return cb, lambda: None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    prog = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("{task.description}"), console=con, transient=True)
    task = prog.add_task("", total=total)
    prog.start()

    def cb(kind, student, *rest):
        prog.update(task, advance=1, description=f"{student}: {kind}")

    return cb, prog.stop


def _print_gradebook(con, out, a, students):
    import csv

    from rich.table import Table

    table = Table(title=f"gradebook: {a.slug}", title_justify="left")
    for col in ("student", "score", "status"):
        table.add_column(col, justify="right" if col == "score" else "left")
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            style = "green" if row["status"] == "graded" else "red"
            table.add_row(row["student"], f"{row['score']}/{row['max_score']}", f"[{style}]{row['status']}")
    con.print(table)


# -- verify ---------------------------------------------------------------------------

def cmd_verify(args) -> int:
    from rich.table import Table

    from autograder import release, verify

    con = _console()
    keys = args.assignments or [a.number for a in catalog.available() if a.solution_file().is_file()]
    if not catalog.available() or not any(catalog.resolve(k).solution_file().is_file() for k in keys):
        con.print("[red]dlkit verify: no reference solutions here (is this a student release?)")
        return EXIT_USAGE
    bad = 0
    for k in keys:
        a = _assignment(k)
        rep = verify.verify(a, isolated=not args.local)
        table = Table(title=f"verify {a.slug}: {'[green]OK' if rep.ok else '[red]FAILED'}", title_justify="left")
        for col in ("submission", "score", "", "note"):
            table.add_column(col)
        for o in rep.outcomes:
            table.add_row(o.label, f"{o.score:g}", "[green]ok" if o.ok else "[red]BAD", o.note)
        con.print(table)
        for p in rep.problems:
            con.print(f"  [red]BAD[/red] {p}")
        bad += not rep.ok
    problems = release.release_problems()
    for p in problems:
        con.print(f"  [red]BAD[/red] release: {p}")
    if not problems:
        con.print("[green]release in sync with solutions/, no hidden material in the release")
    return 1 if bad or problems else 0


# -- release ----------------------------------------------------------------------------

def cmd_release(args) -> int:
    from autograder import release

    con = _console()
    if args.check:
        problems = release.release_problems()
        if problems:
            for p in problems:
                con.print(f"[red]{p}")
            con.print("Run `dlkit release` to regenerate assignments/ from solutions/, then commit.")
            return 1
        con.print("[green]assignments/ is in sync with solutions/; the release leaks nothing")
        return 0
    changed = release.write_generated()
    for c in changed:
        con.print(f"regenerated {c}")
    if not changed:
        con.print("assignments/ already in sync with solutions/")
    if args.out:
        try:
            out = release.build_release(Path(args.out))
        except release.ReleaseError as e:
            con.print(f"[red]dlkit release: {e}")
            return 1
        con.print(f"[green]student release written to {out}")
    return 0


# -- export, demo ---------------------------------------------------------------------

def cmd_export(args) -> int:
    from autograder import export

    return export.main(args)


def cmd_demo(args) -> int:
    from autograder import demo

    return demo.run(Path(args.out), jobs=args.jobs)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dlkit", description="dlkit: a graded course kit for deep learning in numpy.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    s = sub.add_parser("list", help="assignments, their functions and points")
    s.set_defaults(fn=cmd_list)

    s = sub.add_parser("check", help="run the public tests against your module (students)")
    s.add_argument("assignment", help="05, 05_conv_pool or conv_pool")
    s.add_argument("--path", help="folder (or .py file) holding your module; default: assignments/NN_name/")
    s.add_argument("--lang", choices=["en", "zh"], default="en", help="language of the messages")
    s.add_argument("-v", "--verbose", action="store_true", help="show full failure messages")
    s.set_defaults(fn=cmd_check)

    s = sub.add_parser("grade", help="grade submissions in the sandbox (instructors)")
    s.add_argument("assignment")
    s.add_argument("submissions", nargs="+", help="submission folders or .zip files, or a folder of them")
    s.add_argument("--out", required=True, help="output folder")
    s.add_argument("--jobs", type=int, default=0, help="parallel grading jobs (default: the number of cores)")
    s.add_argument("--timeout", type=float, default=10.0, help="wall-clock seconds per call, and for the module's import "
                   "(at least 3, at most 10) (default 10)")
    s.add_argument("--budget", type=float, default=60.0,
                   help="wall-clock seconds for all of one submission's calls (default 60)")
    s.add_argument("--force", action="store_true", help="regrade submissions already graded with the same inputs")
    s.add_argument("--insecure", action="store_true",
                   help="allow the portable backend (no bubblewrap): not for official grades")
    s.add_argument("--backend", choices=["auto", "strong", "portable"], default="auto")
    s.add_argument("--lang", choices=["en", "zh"], default="en", help="language of feedback.md")
    s.add_argument("--no-report", action="store_true",
                   help="skip report.html (its figures take about a second; e.g. for one submission)")
    s.set_defaults(fn=cmd_grade)

    s = sub.add_parser("verify", help="check the grader against reference, stub and mutants (instructors)")
    s.add_argument("assignments", nargs="*")
    s.add_argument("--local", action="store_true", help="run in-process instead of in the sandbox (faster)")
    s.set_defaults(fn=cmd_verify)

    s = sub.add_parser("release", help="regenerate stubs; build the student release")
    s.add_argument("--out", help="write the student release to this folder")
    s.add_argument("--check", action="store_true", help="fail if assignments/ drifted from solutions/")
    s.set_defaults(fn=cmd_release)

    s = sub.add_parser("export", help="bridges: otter, nbgrader, gradescope")
    s.add_argument("tool", choices=["otter", "nbgrader", "gradescope"])
    s.add_argument("assignment", nargs="?")
    s.add_argument("--out", default=None)
    s.add_argument("--submissions", nargs="*", default=None,
                   help="(nbgrader) .py submissions to turn into the notebooks nbgrader expects")
    s.set_defaults(fn=cmd_export)

    s = sub.add_parser("demo", help="release, grade a bundled sample class, show the gradebook")
    s.add_argument("--out", default="out/demo")
    s.add_argument("--jobs", type=int, default=0)
    s.set_defaults(fn=cmd_demo)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.fn(args)
    except KeyboardInterrupt:
        print("dlkit: interrupted; files already written are kept (re-run to resume)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
