"""``dlkit verify``: the grader's own acceptance test for an assignment.

- the reference scores 100, the stub scores 0 (and the grader survives it);
- every mutant scores below 100, with a failing test naming a function it breaks;
- tests are well formed: points total 100, public at most 40, names contain their function;
- ``assignments/`` is in sync with ``solutions/`` and the release leaks nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from autograder import catalog, mutation, release


@dataclass
class Outcome:
    label: str
    score: float
    ok: bool
    note: str = ""


@dataclass
class Report:
    assignment: catalog.Assignment
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and all(o.ok for o in self.outcomes)


def _norm(name: str) -> str:
    return name.lower().replace(".", "_")


def lint_tests(results) -> list[str]:
    problems = []
    total = sum(r.points for r in results)
    public = sum(r.points for r in results if not r.hidden)
    if abs(total - 100) > 1e-9:
        problems.append(f"points total {total:g}, must be 100")
    if public > 40 + 1e-9:
        problems.append(f"public tests carry {public:g} points, at most 40 allowed")
    for r in results:
        if _norm(r.function) not in _norm(r.name):
            problems.append(f"{r.nodeid}: test name does not contain its function {r.function!r}")
        if r.hidden and not r.doc:
            problems.append(f"{r.nodeid}: hidden test without a docstring (its first line is the feedback)")
    return problems


def grade_submissions(a, submissions: dict[str, Path], isolated: bool):
    """{label: list[TestResult]} for each submission folder."""
    if isolated:
        from autograder.grading import grade_folders
        return grade_folders(a, submissions)
    from autograder.local_run import run_local
    return {label: run_local(a, folder) for label, folder in submissions.items()}


def verify(a: catalog.Assignment, isolated: bool = True) -> Report:
    rep = Report(a)
    rep.problems += [f"out of sync with solutions/: {p} (run `dlkit release`)" for p in release.check_sync()
                     if f"/{a.slug}/" in f"/{p}"]
    with tempfile.TemporaryDirectory(prefix=f"dlkit-verify-{a.number}-") as tmp:
        tmp = Path(tmp)
        subs = {}
        ref_dir = tmp / "reference"
        ref_dir.mkdir()
        (ref_dir / a.filename).write_text(release.strip_markers(a.solution_file().read_text(encoding="utf-8")))
        subs["reference"] = ref_dir
        stub_dir = tmp / "stub"
        stub_dir.mkdir()
        (stub_dir / a.filename).write_text(release.make_stub(a.solution_file().read_text(encoding="utf-8")))
        subs["stub"] = stub_dir
        mutants = mutation.mutants_for(a)
        for m in mutants:
            try:
                mutation.write_mutant(a, m, tmp / f"mutant-{m.name}")
                subs[f"mutant {m.name}"] = tmp / f"mutant-{m.name}"
            except ValueError as e:
                rep.problems.append(str(e))
        graded = grade_submissions(a, subs, isolated)
    ref_results = graded["reference"]
    rep.problems += lint_tests(ref_results)
    score = lambda rs: sum(r.score for r in rs)  # noqa: E731
    s = score(ref_results)
    failing = [r.nodeid + ": " + r.message.splitlines()[0] for r in ref_results if not r.passed]
    rep.outcomes.append(Outcome("reference", s, s == 100, "; ".join(failing[:3])))
    s = score(graded["stub"])
    rep.outcomes.append(Outcome("stub", s, s == 0 and len(graded["stub"]) == len(ref_results)))
    if len(mutants) < 10:
        rep.problems.append(f"only {len(mutants)} mutants in {a.mutants_dir().relative_to(catalog.ROOT)}, at least 10 wanted")
    for m in mutants:
        results = graded.get(f"mutant {m.name}")
        if results is None:
            continue
        s = score(results)
        broke = sorted({r.function for r in results if not r.passed})
        named = [f for f in broke if f in m.breaks]
        ok = s < 100 and bool(named)
        note = f"failed tests name {', '.join(broke) or 'nothing'}" + ("" if named else f"; expected one of {m.breaks}")
        rep.outcomes.append(Outcome(f"mutant {m.name}", s, ok, note))
    return rep
