"""`dlkit verify` for every assignment, through the sandboxed grader: reference 100, stub 0, mutants caught."""

import pytest

from autograder import verify
from autograder.selftest.conftest import WITH_SOLUTIONS


@pytest.mark.parametrize("a", WITH_SOLUTIONS, ids=[a.slug for a in WITH_SOLUTIONS])
def test_verify_assignment(a):
    rep = verify.verify(a, isolated=True)
    bad = [f"{o.label}: score {o.score:g} ({o.note})" for o in rep.outcomes if not o.ok] + rep.problems
    assert rep.ok, f"verify {a.slug} failed:\n" + "\n".join(bad)


def test_every_assignment_has_a_reference():
    assert len(WITH_SOLUTIONS) == 7, [a.slug for a in WITH_SOLUTIONS]
