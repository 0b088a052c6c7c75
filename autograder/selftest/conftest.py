import shutil
from pathlib import Path

import pytest

from autograder import catalog, release, sandbox


def _with_solutions():
    return [a for a in catalog.available() if a.solution_file().is_file()]


WITH_SOLUTIONS = _with_solutions()
STRONG = sandbox.BwrapBackend.unavailable_reason() is None


@pytest.fixture
def perceptron():
    return catalog.resolve("01")


def make_submission(root: Path, student: str, a, text: str) -> Path:
    d = root / student
    d.mkdir(parents=True)
    (d / a.filename).write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def reference_source():
    def get(a):
        return release.strip_markers(a.solution_file().read_text(encoding="utf-8"))
    return get


@pytest.fixture
def stub_source():
    def get(a):
        return release.make_stub(a.solution_file().read_text(encoding="utf-8"))
    return get
