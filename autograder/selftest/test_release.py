"""The release builder: stubs from solution regions, drift detection, and the leak check."""

import pytest

from autograder import catalog, release

SOURCE = '''"""Module docstring."""

import numpy as np


def f(x):
    """Double x.

    Inputs:
    - x: array
    """
    # BEGIN SOLUTION
    y = np.asarray(x, dtype=float)
    return 2 * y
    # END SOLUTION


class Layer:
    def backward(self, dout):
        """Return dout unchanged."""
        # BEGIN SOLUTION
        return dout
        # END SOLUTION
'''


def test_stub_keeps_docstrings_and_replaces_each_region():
    stub = release.make_stub(SOURCE)
    assert '"""Double x.' in stub and "Inputs:" in stub and '"""Module docstring."""' in stub
    assert "2 * y" not in stub and "BEGIN SOLUTION" not in stub
    assert 'raise NotImplementedError("f: not implemented yet")' in stub
    assert 'raise NotImplementedError("Layer.backward: not implemented yet")' in stub
    ns = {}
    exec(compile(stub, "stub", "exec"), ns)  # the stub imports cleanly
    with pytest.raises(NotImplementedError, match="f: not implemented yet"):
        ns["f"](1)


def test_strip_markers_gives_the_working_reference():
    ns = {}
    exec(compile(release.strip_markers(SOURCE), "ref", "exec"), ns)
    assert ns["f"](3) == 6


@pytest.mark.parametrize("bad, message", [
    ("    # BEGIN SOLUTION\n    x = 1\n", "never closed"),
    ("    # END SOLUTION\n", "without"),
    ("    # BEGIN SOLUTION\n    # BEGIN SOLUTION\n    # END SOLUTION\n", "inside another region"),
])
def test_unbalanced_markers_are_errors(bad, message):
    with pytest.raises(release.ReleaseError, match=message):
        release.make_stub("def g():\n" + bad)


def test_assignments_are_in_sync_with_solutions():
    assert release.check_sync() == []


def test_built_release_has_no_hidden_material(tmp_path):
    out = release.build_release(tmp_path / "rel")
    assert not (out / "solutions").exists()
    assert not (out / "autograder" / "tests").exists() and not (out / "autograder" / "mutants").exists()
    for a in catalog.ASSIGNMENTS:
        assert (out / "assignments" / a.slug / a.filename).is_file()
        assert (out / "assignments" / a.slug / "tests").is_dir()
    assert (out / "README.md").is_file() and (out / "requirements.txt").is_file()
    assert release.leak_check(out) == []


def test_leak_check_catches_a_solution_region_a_hidden_test_and_a_mutant(tmp_path):
    out = release.build_release(tmp_path / "rel")
    a = catalog.resolve("05")
    region = release.solution_regions(a.solution_file().read_text())[3]
    (out / "shared" / "leaked_code.py").write_text(region)
    hidden = next(a.hidden_tests().glob("test_*.py")).read_text()
    (out / "shared" / "leaked_test.py").write_text(hidden)
    mutant = next(a.mutants_dir().glob("*.py")).read_text()
    (out / "docs_mutant.md").write_text(mutant)
    (out / "marker.py").write_text("    # BEGIN SOLUTION\n")
    problems = "\n".join(release.leak_check(out))
    assert "shared/leaked_code.py: contains solution code of cnn.py" in problems
    assert "shared/leaked_test.py: contains hidden test" in problems
    assert "docs_mutant.md: contains mutant" in problems
    assert "marker.py: contains a solution marker" in problems


def test_drift_is_detected_and_repaired(tmp_path):
    import shutil

    root = tmp_path / "repo"
    for part in ("solutions", "assignments", "autograder", "shared"):
        shutil.copytree(catalog.ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    stub = catalog.resolve("01").stub_file(root)
    stub.write_text(stub.read_text() + "\n# edited by hand\n")
    assert release.check_sync(root) == ["assignments/01_perceptron/perceptron.py"]
    assert release.write_generated(root) == ["assignments/01_perceptron/perceptron.py"]
    assert release.check_sync(root) == []
