"""The pytest plugin every dlkit test runs under.

It gives tests three fixtures and records one result per test:

- ``student``: the student's module. Under ``dlkit check`` (or plain pytest)
  it is the imported module; under ``dlkit grade`` it is a proxy whose calls run
  in the sandboxed worker. Tests never need to know which.
- ``ref``: the reference solution, loaded in the trusted process. Hidden tests
  only: students do not have it, so a public test asking for it is an error.
- ``rng``: ``np.random.default_rng`` seeded from the test's file and name, so a
  submission graded twice sees the same inputs.

A test declares what it checks and what it is worth with
``@pytest.mark.grade("function_name", points=2)``. Public tests live in
``assignments/NN_name/tests/``, hidden tests in ``autograder/tests/NN_name/``.
"""

from __future__ import annotations

import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from autograder import catalog, messages
from autograder.loading import load_module_from_file



def _load_hypothesis_profile():
    """Reproducible property tests without deadlines: derandomised, no example database.

    Done only when a test module imported hypothesis, so runs without property tests
    do not pay for importing it (about 0.1 s per ``dlkit check`` and per grading job).
    """
    if "hypothesis" not in sys.modules:
        return
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "dlkit", derandomize=True, deadline=None, database=None, max_examples=25,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        print_blob=False,
    )
    settings.load_profile("dlkit")


@dataclass
class TestResult:
    """One test's outcome, as every output format needs it."""

    nodeid: str
    name: str
    function: str
    points: float
    hidden: bool
    passed: bool
    message: str          # what the student may read
    detail: str = ""      # full message, for instructors (never written to student-facing files)
    duration: float = 0.0
    doc: str = ""

    @property
    def score(self) -> float:
        return self.points if self.passed else 0.0


@dataclass
class TestInfo:
    nodeid: str
    name: str
    function: str
    points: float
    hidden: bool
    assignment: str
    doc: str = ""


def test_info(item) -> TestInfo:
    """Points, function and visibility of a collected test item."""
    located = catalog.for_test_path(Path(str(item.fspath)))
    if located is None:
        raise pytest.UsageError(f"{item.nodeid}: dlkit tests live in assignments/NN_name/tests or autograder/tests/NN_name")
    a, hidden = located
    mark = item.get_closest_marker("grade")
    if mark is None:
        raise pytest.UsageError(f"{item.nodeid}: every test needs @pytest.mark.grade('function', points=N)")
    function = mark.args[0] if mark.args else mark.kwargs.get("function")
    points = mark.kwargs.get("points", mark.args[1] if len(mark.args) > 1 else None)
    if not function or points is None:
        raise pytest.UsageError(f"{item.nodeid}: use @pytest.mark.grade('function', points=N)")
    callspec = getattr(item, "callspec", None)
    if callspec is not None:  # "{gate}" names the parametrized function
        function = str(function).format(**callspec.params)
    doc = (getattr(item, "function", None).__doc__ or "").strip().splitlines()
    return TestInfo(item.nodeid, item.name, str(function), float(points), hidden, a.slug, doc[0] if doc else "")


def seed_for(item) -> int:
    return zlib.crc32(f"{Path(str(item.fspath)).name}::{item.name}".encode())


class LocalProvider:
    """Student modules imported in this process (``dlkit check``, instructors' pytest runs)."""

    def __init__(self, impl: str = "assignments", root: Path = catalog.ROOT):
        self.impl, self.root = impl, root
        self._modules = {}

    def module_path(self, a: catalog.Assignment) -> Path:
        if self.impl == "assignments":
            return a.stub_file(self.root)
        if self.impl == "solutions":
            return a.solution_file(self.root)
        p = Path(self.impl)
        return p if p.suffix == ".py" else p / a.filename

    def student_file(self, item) -> str | None:
        located = catalog.for_test_path(Path(str(item.fspath)))
        return str(self.module_path(located[0]).resolve()) if located else None

    def student(self, a: catalog.Assignment):
        path = self.module_path(a)
        if path not in self._modules:
            if not path.is_file():
                raise FileNotFoundError(f"{path}: no such file; put your {a.filename} there or pass --path")
            self._modules[path] = load_module_from_file(path, a.module)
        return self._modules[path]


class DlkitPlugin:
    """Fixtures and result recording; a grading run swaps in another provider."""

    def __init__(self, provider):
        self.provider = provider
        self.results: list[TestResult] = []
        self._refs = {}

    # -- fixtures -----------------------------------------------------------
    @pytest.fixture
    def student(self, request):
        a, _ = catalog.for_test_path(request.path)
        return self.provider.student(a)

    @pytest.fixture
    def ref(self, request):
        a, hidden = catalog.for_test_path(request.path)
        if not hidden:
            raise pytest.UsageError(f"{request.node.nodeid}: public tests cannot use `ref` (students do not have the reference)")
        if a.slug not in self._refs:
            self._refs[a.slug] = load_module_from_file(a.solution_file(), f"dlkit_reference_{a.module}")
        return self._refs[a.slug]

    @pytest.fixture
    def rng(self, request):
        return np.random.default_rng(seed_for(request.node))

    # -- hooks --------------------------------------------------------------
    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if call.when == "teardown" or (call.when == "setup" and report.passed):
            return  # one result per test: its call, or its setup when that failed
        if catalog.for_test_path(Path(str(item.fspath))) is None:
            return  # not an assignment test (e.g. the grader's own tests)
        info = test_info(item)
        if report.passed:
            msg, detail = "passed", ""
        elif report.skipped:
            msg = detail = "skipped: " + str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
        else:
            msg, detail = messages.failure_message(call.excinfo, info.hidden, info.doc, self.provider.student_file(item))
        self.results.append(TestResult(
            nodeid=item.nodeid, name=item.name, function=info.function, points=info.points,
            hidden=info.hidden, passed=bool(report.passed), message=msg, detail=detail,
            duration=report.duration, doc=info.doc))


def pytest_addoption(parser):
    group = parser.getgroup("dlkit")
    group.addoption("--dlkit-impl", default=os.environ.get("DLKIT_IMPL", "assignments"),
                    help="student module source: 'assignments' (stubs), 'solutions' (reference) or a directory")


def pytest_configure(config):
    if not hasattr(config.option, "tbstyle"):  # quiet runs (no terminal plugin): cheap native tracebacks
        config.option.tbstyle = "native"
    config.addinivalue_line("markers", "grade(function, points): the student function a test checks and its points")
    if not any(isinstance(p, DlkitPlugin) for p in config.pluginmanager.get_plugins()):
        config.pluginmanager.register(DlkitPlugin(LocalProvider(config.getoption("--dlkit-impl"))), "dlkit-session")


def pytest_collection_finish(session):
    _load_hypothesis_profile()
