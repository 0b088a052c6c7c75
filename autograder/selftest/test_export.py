"""`dlkit export otter|nbgrader|gradescope` and the CI workflow templates, run for real.

Score parity across the tools for every assignment is in test_parity.py; this file checks
each artefact's shape, that nothing hidden reaches what students get, the bridge runner on
its own, the Gradescope zip against a fake /autograder tree, and the workflows' `run:` steps.
"""

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder import catalog, cli, release
from autograder.export import support, to_gradescope, to_nbgrader, to_otter, workflows
from autograder.selftest import parity_harness

BIN = Path(sys.executable).parent
ENV = parity_harness.tool_env()


@pytest.fixture(scope="module")
def a01():
    return catalog.resolve("01")


def _module_dir(root: Path, name: str, a, text: str) -> Path:
    d = root / name
    d.mkdir(parents=True)
    (d / a.filename).write_text(text, encoding="utf-8")
    return d


def test_tools_are_installed():
    assert not parity_harness.missing_tools(), parity_harness.missing_tools()


# -- the bridge runner, outside any tool ---------------------------------------------------

RUNNER = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, "dlkit_support")
    import dlkit_bridge
    env = {"__name__": "__main__"}
    exec(compile(open(sys.argv[1]).read(), "student.py", "exec"), env)
    out = {}
    for key in json.loads(sys.argv[2]):
        try:
            dlkit_bridge.check(key, env)
            out[key] = "passed"
        except AssertionError as e:
            out[key] = "failed: " + str(e)
    print(json.dumps(out))
""")


def _run_bridge(workdir: Path, module: Path, keys: list[str]) -> dict:
    (workdir / "run.py").write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run([sys.executable, "run.py", str(module), json.dumps(keys)], cwd=workdir,
                          capture_output=True, text=True, timeout=300, env=ENV)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "", f"the runner wrote to stderr (nbgrader would zero the cell): {proc.stderr}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_bridge_runs_dlkit_tests_in_process(tmp_path, a01):
    support.write_public_support(a01, tmp_path / support.SUPPORT_DIR)
    specs = support.test_specs(a01)
    keys = [s.key for s in specs]
    ref = tmp_path / "ref.py"
    ref.write_text(support.reference_source(a01), encoding="utf-8")
    stub = tmp_path / "stub.py"
    stub.write_text(support.stub_source(a01), encoding="utf-8")

    # without dlkit_hidden (a student's copy): public tests run, hidden ones say they are hidden
    got = _run_bridge(tmp_path, ref, keys)
    for s in specs:
        if s.hidden:
            assert got[s.key].startswith("failed") and "hidden" in got[s.key], got[s.key]
        else:
            assert got[s.key] == "passed", (s.key, got[s.key])

    # with it (an instructor artefact): every test runs; the stub fails each with dlkit's message
    support.write_hidden_support(a01, tmp_path / support.HIDDEN_DIR)
    got = _run_bridge(tmp_path, ref, keys)
    assert all(v == "passed" for v in got.values()), got
    got = _run_bridge(tmp_path, stub, keys)
    assert all(v.startswith("failed: not implemented yet") for v in got.values()), got


# -- otter ------------------------------------------------------------------------------------

def test_otter_export_zip_student_notebook_and_ipynb_submission(tmp_path, a01):
    exp = to_otter.export(a01, tmp_path / "otter", log=lambda *x: None)
    specs = support.test_specs(a01)
    with zipfile.ZipFile(exp.zip) as z:
        names = set(z.namelist())
        tests = {n: z.read(n).decode() for n in names if n.startswith("tests/") and n.endswith(".py")}
    assert {"run_autograder", "setup.sh", "otter_config.json"} <= names
    assert f"files/{support.HIDDEN_DIR}/solutions/{a01.slug}/{a01.filename}" in names
    assert f"files/{support.SUPPORT_DIR}/{support.BRIDGE_MODULE_FILE}" in names
    assert not any(n.startswith("files/") and n.count("/") == 1 and n.endswith(".py") for n in names), \
        "a top-level .py among otter's files breaks .py submissions (otter grades the only .py file)"
    body = "\n".join(tests.values())
    assert all("OK_FORMAT = False" in t for t in tests.values())
    for s in specs:  # every dlkit test is one otter test case, with its points and visibility
        assert repr(s.key) in body, s.key
    assert body.count("@test_case(") == len(specs)
    assert body.count("hidden=True") == sum(s.hidden for s in specs)

    # what students get: the student notebook and the public support, nothing hidden
    student = exp.student_dir
    assert (student / f"{a01.slug}.ipynb").is_file()
    assert not (student / support.HIDDEN_DIR).exists()
    assert release.leak_check(student) == []
    student_tests = "\n".join(p.read_text() for p in (student / "tests").glob("*.py"))
    assert "hidden=True" not in student_tests

    # `otter run` grades a notebook submission: the solution notebook otter assign wrote
    res = tmp_path / "res"
    res.mkdir()
    proc = subprocess.run([str(BIN / "otter"), "run", "-a", str(exp.zip), "-o", str(res),
                           str(exp.autograder_dir / f"{a01.slug}.ipynb")], capture_output=True, text=True,
                          env=ENV, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads((res / "results.json").read_text())
    assert sum(t["score"] for t in data["tests"] if "score" in t) == 100, data


# -- nbgrader ---------------------------------------------------------------------------------

def test_nbgrader_course_release_and_submission_conversion(tmp_path, a01):
    course = to_nbgrader.export(tmp_path / "course")
    exported = [a for a in catalog.available() if a.solution_file().is_file()]
    for a in exported:  # every assignment: source notebook with solution cells and one test cell per test
        nb = nbformat.read(str(course / "source" / a.slug / f"{a.slug}.ipynb"), as_version=4)
        tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        specs = support.test_specs(a)
        assert len(tests) == len(specs)
        assert sum(c.metadata["nbgrader"]["points"] for c in tests) == pytest.approx(100)
        hidden = [c for c in tests if to_nbgrader.HIDDEN_BEGIN in c.source]
        assert len(hidden) == sum(s.hidden for s in specs)
        assert any(c.metadata.get("nbgrader", {}).get("solution") for c in nb.cells)
        assert (course / support.HIDDEN_DIR / "autograder" / "tests" / a.slug).is_dir()
    assert (course / "nbgrader_config.py").is_file()

    proc = subprocess.run([str(BIN / "nbgrader"), "generate_assignment", a01.slug], cwd=course,
                          capture_output=True, text=True, env=ENV, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rel = course / "release" / a01.slug
    released = nbformat.read(str(rel / f"{a01.slug}.ipynb"), as_version=4)
    code = "\n".join(c.source for c in released.cells)
    assert "BEGIN HIDDEN TESTS" not in code
    hidden_calls = [ln for ln in code.splitlines() if "check(" in ln and "_hidden.py::" in ln]
    assert hidden_calls == [], hidden_calls  # names and points of hidden tests show; their calls do not
    assert not (rel / support.HIDDEN_DIR).exists()
    assert release.leak_check(rel) == []

    # .py submissions in every form dlkit grade takes become submitted notebooks
    subs = tmp_path / "subs"
    _module_dir(subs, "alice", a01, support.reference_source(a01))
    (subs / "bob.py").write_text(support.stub_source(a01), encoding="utf-8")
    with zipfile.ZipFile(subs / "carol.zip", "w") as z:
        z.writestr(f"work/{a01.filename}", support.reference_source(a01))
    (subs / "dave").mkdir()  # nothing to grade
    written, problems = to_nbgrader.convert_submissions(course, [subs], a01)
    assert sorted(p.parts[-3] for p in written) == ["alice", "bob", "carol"]
    assert len(problems) == 1 and "dave" in problems[0]
    nb = nbformat.read(str(course / "submitted" / "alice" / a01.slug / f"{a01.slug}.ipynb"), as_version=4)
    module_cells = [c for c in nb.cells if c.metadata.get("dlkit", {}).get("role") == "module"]
    assert module_cells[0].source == support.reference_source(a01)
    assert all(c.source == "" for c in module_cells[1:])
    assert "BEGIN HIDDEN TESTS" not in nbformat.writes(nb)

    # and through the CLI, the assignment inferred from the module's name
    rc = cli.main(["export", "nbgrader", "--out", str(course), "--submissions", str(subs / "alice")])
    assert rc == 0


def test_nbgrader_zeroes_a_cell_that_wrote_to_stderr():
    """Why the runner captures output: nbgrader's own rule (utils.determine_grade)."""
    from nbgrader.utils import determine_grade

    cell = nbformat.v4.new_code_cell("dlkit_bridge.check('t.py::test_x', globals())")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "points": 3, "grade_id": "x"}
    assert determine_grade(cell)[0] == 3
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="RuntimeWarning: overflow\n")]
    assert determine_grade(cell)[0] == 0


# -- gradescope -------------------------------------------------------------------------------

def _gradescope_run(zip_path: Path, root: Path, module_text: str | None, a) -> dict:
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(root / "source")
    (root / "submission").mkdir(parents=True)
    if module_text is not None:
        (root / "submission" / a.filename).write_text(module_text, encoding="utf-8")
    else:
        (root / "submission" / "notes.txt").write_text("forgot the module\n")
    env = dict(ENV, DLKIT_AUTOGRADER_ROOT=str(root), DLKIT_PYTHON=sys.executable)
    proc = subprocess.run(["bash", str(root / "source" / "run_autograder")], env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads((root / "results" / "results.json").read_text())


def test_gradescope_zip_runs_dlkit_grade_against_a_fake_autograder_root(tmp_path, a01):
    z = to_gradescope.export(a01, tmp_path / "out")
    with zipfile.ZipFile(z) as zz:
        names = set(zz.namelist())
        mode = zz.getinfo("run_autograder").external_attr >> 16
    assert {"setup.sh", "run_autograder", "requirements.txt", "dlkit_gradescope.py",
            f"dlkit/solutions/{a01.slug}/{a01.filename}", "dlkit/autograder/cli.py"} <= names
    assert any(n.startswith(f"dlkit/autograder/tests/{a01.slug}/") for n in names)
    assert mode & 0o111, "run_autograder must be executable"
    root = tmp_path / "ag"
    root.mkdir()
    res = _gradescope_run(z, root / "ref", support.reference_source(a01), a01)
    assert res["score"] == 100 and res["max_score"] == 100
    assert len(res["tests"]) == len(support.test_specs(a01))
    assert {t["visibility"] for t in res["tests"]} == {"visible", "after_published"}
    res = _gradescope_run(z, root / "stub", support.stub_source(a01), a01)
    assert res["score"] == 0
    res = _gradescope_run(z, root / "empty", None, a01)
    assert res["score"] == 0 and "no perceptron.py" in json.dumps(res)
    for script in ("setup.sh", "run_autograder"):
        assert subprocess.run(["bash", "-n", str(root / "ref" / "source" / script)]).returncode == 0


# -- CI workflows -----------------------------------------------------------------------------

def test_student_workflow_runs_the_public_checks_on_the_release(tmp_path):
    out = release.build_release(tmp_path / "release")
    shipped = out / ".github" / "workflows" / "checks.yml"
    assert shipped.read_text() == workflows.STUDENT_WORKFLOW.read_text()
    runs = workflows.run_job(shipped, "checks", cwd=out)
    assert runs and all(r.returncode == 0 for r in runs), [(r.name, r.output[-2000:]) for r in runs]
    log = runs[-1].output
    for a in catalog.available(out):
        assert f"Public checks for {a.slug}" in log, log[-3000:]
    # the release's own package ran, not the instructor's
    assert str(catalog.ROOT / "assignments") not in log


def test_course_workflow_grades_collected_submissions(tmp_path, a01):
    subs = tmp_path / "submissions" / a01.slug
    _module_dir(subs, "alice", a01, support.reference_source(a01))
    subs.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(subs / "bob.zip", "w") as z:
        z.writestr(f"hw/{a01.filename}", support.stub_source(a01))
    env = {"ASSIGNMENT": "01", "SUBMISSIONS": str(tmp_path / "submissions"), "OUT": str(tmp_path / "out")}
    wf = workflows.load(workflows.COURSE_WORKFLOW)
    assert set(wf["jobs"]) == {"otter", "dlkit"}
    for job in ("otter", "dlkit"):
        runs = workflows.run_job(workflows.COURSE_WORKFLOW, job, cwd=catalog.ROOT, env=env)
        assert runs and all(r.returncode == 0 for r in runs), [(r.name, r.output[-3000:]) for r in runs]
    book = (tmp_path / "out" / "otter-gradebook.csv").read_text().splitlines()
    assert book[1:] == ["alice,100,100,graded", "bob,0,100,graded"], book
    book = (tmp_path / "out" / "dlkit" / a01.slug / "gradebook.csv").read_text().splitlines()
    assert [r.split(",")[0] + "," + r.split(",")[2] for r in book[1:]] == ["alice,100", "bob,0"], book


def test_export_cli_usage_errors(tmp_path, capsys):
    assert cli.main(["export", "otter", "--out", str(tmp_path)]) == 2
    assert cli.main(["export", "gradescope", "--out", str(tmp_path)]) == 2
    assert cli.main(["export", "otter", "01", "--out", str(tmp_path), "--submissions", "x.py"]) == 2
    assert cli.main(["export", "otter", "99", "--out", str(tmp_path)]) == 2
    assert "unknown assignment" in capsys.readouterr().err
