"""Score parity: `dlkit grade`, `otter run` and `nbgrader autograde` give the same scores.

For every assignment with a reference, the reference, the stub and three mutants (all of
them with DLKIT_PARITY_MUTANTS=all) are graded by the three tools from one exported otter
zip and one nbgrader course per assignment (autograder/selftest/parity_harness.py), and
must agree per submission, per test (nbgrader: one grade cell per dlkit test) and per
function (otter: one question per function).

Where a tool's own behaviour would break parity, the generated artefacts work around it:

- nbgrader scores a test cell 0 when it wrote anything to stderr, numpy RuntimeWarnings
  included (nbgrader.utils.determine_grade). dlkit's runner runs the tests under pytest's
  capture with warnings recorded and stdout/stderr redirected, so a cell shows nothing but
  its own pass/fail. The "noisy-reference" submission of 01 (the reference, but every
  function prints to stderr and raises RuntimeWarnings) proves it: 100 under all three.
- nbgrader gives a cell that outputs a number that number as partial credit: the test
  cells end in a call returning None.
- otter's test-case names and nbgrader's grade ids cannot hold pytest's parameter ids;
  both are mapped back to dlkit's `file.py::test_name[param]` keys.

Differences that remain, by design of those tools, are outside this set of submissions and
documented in docs/ecosystem.md: student code runs in the tests' process (a submission can
forge its score), a module that raises at import keeps its earlier definitions in otter and
nbgrader (dlkit scores an import failure 0), and neither tool enforces dlkit's per-call limits.

The tools are installed by `make setup` (the `instructor` extra); a missing tool fails here.
"""

import os

import pytest

from autograder import catalog
from autograder.selftest import parity_harness

ASSIGNMENTS = [a for a in catalog.available() if a.solution_file().is_file()]


def test_parity_tools_present():
    assert not parity_harness.missing_tools(), "\n".join(parity_harness.missing_tools())


def test_score_parity_dlkit_otter_nbgrader(tmp_path):
    problems = parity_harness.missing_tools()
    assert not problems, "\n".join(problems)
    assert ASSIGNMENTS, "no assignment with a reference solution"
    workers = int(os.environ.get("DLKIT_PARITY_WORKERS", "3"))
    reps = parity_harness.run_all(ASSIGNMENTS, tmp_path, workers=workers)
    table = parity_harness.format_table(reps)
    print("\n" + table)
    bad = []
    for r in reps:
        labels = r.labels
        assert "reference" in labels and "stub" in labels
        assert sum(lab.startswith("mutant-") for lab in labels) >= min(3, len(parity_harness.mutation.mutants_for(r.assignment)))
        ref = r.scores[("reference", "dlkit")].total
        stub = r.scores[("stub", "dlkit")].total
        if ref != pytest.approx(100) or stub != pytest.approx(0):
            bad.append(f"{r.assignment.slug}: dlkit gives the reference {ref:g} and the stub {stub:g}")
        bad += [f"{r.assignment.slug}: {m}" for m in r.mismatches()]
    assert not bad, table + "\n\n" + "\n".join(bad)
