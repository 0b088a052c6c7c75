"""Run an assignment's tests in this process against a module on disk (no isolation).

Used by ``dlkit check`` (a student's own module) and by instructors' quick runs;
``dlkit grade`` never runs student code in-process.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from autograder import catalog
from autograder.pytest_plugin import DlkitPlugin, LocalProvider, TestResult


class TestSuiteError(RuntimeError):
    """The tests themselves could not be collected or run (a grader problem)."""


def test_paths(a: catalog.Assignment, hidden: bool, root: Path = catalog.ROOT) -> list[str]:
    paths = [str(a.public_tests(root))]
    if hidden and a.hidden_tests(root).is_dir():
        paths.append(str(a.hidden_tests(root)))
    return paths


def run_pytest(paths: list[str], plugins: list, extra_args=(), root: Path = catalog.ROOT) -> int:
    """pytest.main quietly; returns pytest's exit code."""
    args = ["-p", "no:cacheprovider", "-p", "no:terminal", "--rootdir", str(root),
            "-W", "ignore::pytest.PytestAssertRewriteWarning", *extra_args, *paths]
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        rc = pytest.main(args, plugins=plugins)
    if rc not in (0, 1):  # 1 = some tests failed, which is a normal grading outcome
        raise TestSuiteError(f"pytest could not run the tests (exit code {rc}):\n{sink.getvalue()[-3000:]}")
    return rc


def run_local(a: catalog.Assignment, impl: str | Path, hidden: bool = True, root: Path = catalog.ROOT,
              extra_args=()) -> list[TestResult]:
    plugin = DlkitPlugin(LocalProvider(str(impl), root))
    run_pytest(test_paths(a, hidden, root), [plugin], extra_args, root)
    return plugin.results


class _Collector:
    def __init__(self):
        self.infos = []

    def pytest_collection_finish(self, session):
        from autograder.pytest_plugin import test_info

        self.infos = [test_info(item) for item in session.items]


def collect(a: catalog.Assignment, hidden: bool = True, root: Path = catalog.ROOT):
    """TestInfo of every test of the assignment, without running anything."""
    c = _Collector()
    run_pytest(test_paths(a, hidden, root), [c], ["--collect-only"], root)
    return c.infos


def collect_points(a: catalog.Assignment, root: Path = catalog.ROOT) -> dict[str, tuple[float, float]]:
    """{function: (public points, hidden points)} in the order functions first appear."""
    table: dict[str, list[float]] = {}
    for info in collect(a, True, root):
        row = table.setdefault(info.function, [0.0, 0.0])
        row[1 if info.hidden else 0] += info.points
    return {k: (v[0], v[1]) for k, v in table.items()}
