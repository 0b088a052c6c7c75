"""The notebooks: generated in sync, run clean on the reference with real figures, fail on the stubs only as stubs do.

Every notebook is executed twice with nbclient, each time in a temporary copy of its assignment
folder: once next to the reference module (solution markers stripped), once next to the stub.
The 14 runs share two kernels' worth of parallelism (an asyncio semaphore of 2) and are made
once per session.
"""

from __future__ import annotations

import asyncio
import base64
import io
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest

from autograder import catalog, notebooks, release

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("jupytext")

WITH_SOURCES = [a for a in catalog.ASSIGNMENTS
                if notebooks.source_file(a).is_file() and a.solution_file().is_file()]
IDS = [a.slug for a in WITH_SOURCES]

# The figures the course promises per notebook (at least this many figure cells).
MIN_FIGURES = {"01": 4, "02": 3, "03": 4, "04": 2, "05": 3, "06": 2, "07": 2}
CELL_TIMEOUT = 180
PARALLEL = 2
STUB_ERROR = re.compile(r'raise NotImplementedError\("([^"]+)"\)')


# -- running the notebooks ----------------------------------------------------------

def _workdir(a: catalog.Assignment, mode: str, parent: Path) -> Path:
    """A copy of the assignment folder with the reference (mode "reference") or the stub as the module."""
    d = parent / f"{a.slug}-{mode}"
    shutil.copytree(catalog.ROOT / "assignments" / a.slug, d,
                    ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "tests"))
    sol = a.solution_file().read_text(encoding="utf-8")
    text = release.strip_markers(sol) if mode == "reference" else release.make_stub(sol, str(a.solution_file()))
    (d / a.filename).write_text(text, encoding="utf-8")
    nb_text = notebooks.build(notebooks.source_file(a).read_text(encoding="utf-8"), a)
    (d / notebooks.notebook_file(a).name).write_text(nb_text, encoding="utf-8")
    return d


async def _run_one(a, mode, parent, sem):
    async with sem:
        d = _workdir(a, mode, parent)
        nb = nbformat.read(d / notebooks.notebook_file(a).name, as_version=4)
        client = nbclient.NotebookClient(
            nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=(mode == "stub"),
            resources={"metadata": {"path": str(d)}})
        try:
            await client.async_execute()
        except Exception as e:  # noqa: BLE001 - reported by the test that reads it
            return a.slug, mode, nb, e
        return a.slug, mode, nb, None


def run_all(assignments, modes=("reference", "stub")) -> dict:
    """{(slug, mode): (executed notebook, exception or None)} for every assignment and mode."""
    parent = Path(tempfile.mkdtemp(prefix="dlkit-nb-"))

    async def main():
        sem = asyncio.Semaphore(PARALLEL)
        jobs = [_run_one(a, m, parent, sem) for a in assignments for m in modes]
        return await asyncio.gather(*jobs)

    try:
        done = asyncio.run(main())
    finally:
        shutil.rmtree(parent, ignore_errors=True)
    return {(slug, mode): (nb, err) for slug, mode, nb, err in done}


@pytest.fixture(scope="session")
def executed():
    return run_all(WITH_SOURCES)


# -- reading what came out --------------------------------------------------------------

def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _pngs(cell) -> list[bytes]:
    return [base64.b64decode(o["data"]["image/png"]) for o in cell.get("outputs", [])
            if o.get("output_type") in ("display_data", "execute_result") and "image/png" in o.get("data", {})]


def _errors(cell) -> list[dict]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def _text(cell) -> str:
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        elif "text/plain" in o.get("data", {}):
            parts.append(o["data"]["text/plain"])
    return "".join(parts)


def image_problems(png: bytes, what: str) -> list[str]:
    """Why a PNG is not a real figure (empty list when it is one)."""
    import matplotlib.image as mpimg

    img = mpimg.imread(io.BytesIO(png), format="png")
    problems = []
    h, w = img.shape[:2]
    if h < 150 or w < 250:
        problems.append(f"{what}: image only {w}x{h} pixels")
    rgb = img[..., :3].reshape(-1, 3)
    gray = rgb.mean(axis=1)
    packed = (rgb * 255).round().astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
    colours = len(np.unique(packed))
    non_white = float(np.mean(gray < 0.97))
    if colours < 24:
        problems.append(f"{what}: only {colours} distinct colours")
    chromatic = float(np.mean(rgb.max(axis=1) - rgb.min(axis=1) > 0.15))  # data is drawn in colour
    if gray.std() < 0.04 or non_white < 0.03:
        problems.append(f"{what}: nearly blank (std {gray.std():.3f}, {non_white:.1%} non-white pixels)")
    if chromatic < 0.004:
        problems.append(f"{what}: axes without data ({chromatic:.1%} coloured pixels)")
    return problems


def stub_messages(a: catalog.Assignment) -> set[str]:
    stub = release.make_stub(a.solution_file().read_text(encoding="utf-8"), str(a.solution_file()))
    return set(STUB_ERROR.findall(stub))


# -- the tests -------------------------------------------------------------------------------

def test_every_assignment_has_a_notebook_source():
    assert [a.slug for a in WITH_SOURCES] == [a.slug for a in catalog.ASSIGNMENTS]


def test_generated_notebooks_match_the_files():
    """`dlkit release --check` for the notebooks: each .ipynb equals what its source generates."""
    generated = notebooks.generated_notebooks()
    assert len(generated) == len(WITH_SOURCES)
    drift = [str(p.relative_to(catalog.ROOT)) for p, text in generated.items()
             if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert not drift, f"notebooks out of sync with their sources (run `dlkit release`): {drift}"


@pytest.mark.parametrize("a", WITH_SOURCES, ids=IDS)
def test_generation_is_deterministic_and_clean(a):
    text = notebooks.source_file(a).read_text(encoding="utf-8")
    once, twice = notebooks.build(text, a), notebooks.build(text, a)
    assert once == twice
    nb = nbformat.reads(once, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert "jupytext" not in nb.metadata and "widgets" not in nb.metadata
    assert len({c.id for c in nb.cells}) == len(nb.cells)
    setup = notebooks.cells_tagged(nb, "setup")
    assert len(setup) == 1 and "importlib.reload" in setup[0].source and f"import {a.module}" in setup[0].source
    assert len(notebooks.cells_tagged(nb, "key-figure")) == 1
    assert len(notebooks.cells_tagged(nb, "figure")) >= MIN_FIGURES[a.number]
    assert notebooks.cells_tagged(nb, "check"), "the notebook runs no public checks"


@pytest.mark.parametrize("a", WITH_SOURCES, ids=IDS)
def test_notebook_runs_clean_on_the_reference(a, executed):
    nb, err = executed[(a.slug, "reference")]
    assert err is None, f"{a.slug} notebook failed on the reference:\n{err}"
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for e in _errors(cell):
            problems.append(f"cell {i}: {e['ename']}: {e['evalue']}")
        pngs = _pngs(cell)
        if "figure" in _tags(cell):
            if len(pngs) != 1:
                problems.append(f"cell {i} (figure): {len(pngs)} images instead of 1")
            for png in pngs:
                problems += image_problems(png, f"cell {i}")
        elif pngs:
            problems.append(f"cell {i}: draws {len(pngs)} image(s) but is not tagged 'figure'")
        if "check" in _tags(cell):
            out = _text(cell) + "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
            if not out.strip():
                problems.append(f"cell {i} (check): printed nothing")
            if "✗" in out or "FAILED" in out or "could not" in out:
                problems.append(f"cell {i} (check): a public test fails on the reference:\n{out}")
    assert not problems, f"{a.slug}:\n" + "\n".join(problems)


@pytest.mark.parametrize("a", WITH_SOURCES, ids=IDS)
def test_notebook_on_the_stubs_fails_only_with_not_implemented(a, executed):
    nb, err = executed[(a.slug, "stub")]
    assert err is None, f"{a.slug} notebook could not be run on the stub:\n{err}"
    allowed = {f"{m}" for m in stub_messages(a)}
    problems, seen = [], 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for e in _errors(cell):
            seen += 1
            if e["ename"] != "NotImplementedError" or e["evalue"] not in allowed:
                tb = "\n".join(e.get("traceback", [])[-3:])
                problems.append(f"cell {i}: {e['ename']}: {e['evalue']}\n{tb}")
        tags = _tags(cell)
        if "setup" in tags and _errors(cell):
            problems.append(f"cell {i}: the setup cell must run on the stub")
        if "check" in tags:
            if _errors(cell):
                problems.append(f"cell {i}: a check cell raised on the stub")
            out = _text(cell) + "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)
            if "not implemented" not in out:
                problems.append(f"cell {i} (check): does not report 'not implemented' on the stub")
    assert seen, f"{a.slug}: no cell called a stubbed function"
    assert not problems, f"{a.slug}:\n" + "\n".join(problems)


# -- the figures in docs/ ------------------------------------------------------------------

def test_docs_figures_exist_and_are_real_images():
    from autograder import figures

    problems = []
    for a in WITH_SOURCES:
        p = figures.figure_file(a)
        if not p.is_file():
            problems.append(f"{p.relative_to(catalog.ROOT)} missing (run `python -m autograder.figures`)")
            continue
        problems += image_problems(p.read_bytes(), str(p.relative_to(catalog.ROOT)))
    assert not problems, "\n".join(problems)


def test_figure_script_renders_every_key_figure(tmp_path):
    from autograder import figures

    written = figures.build(out=tmp_path)
    assert sorted(p.name for p in written) == sorted(figures.figure_file(a).name for a in WITH_SOURCES)
    for p in written:
        assert not image_problems(p.read_bytes(), p.name)


@pytest.mark.parametrize("a", WITH_SOURCES, ids=IDS)
def test_handouts_link_the_notebook_and_show_the_figure(a):
    from autograder import figures

    readmes = [catalog.ROOT / "assignments" / a.slug / name for name in ("README.md", "README.en.md")]
    if not any(r.is_file() for r in readmes):
        pytest.skip(f"{a.slug} has no handout yet")
    missing = []
    for readme in readmes:
        name = readme.name
        if not readme.is_file():
            missing.append(f"{name} does not exist")
            continue
        text = readme.read_text(encoding="utf-8")
        if f"]({notebooks.notebook_file(a).name})" not in text:
            missing.append(f"{name} does not link {notebooks.notebook_file(a).name}")
        if f"](../../docs/figures/{figures.figure_file(a).name})" not in text:
            missing.append(f"{name} does not show docs/figures/{figures.figure_file(a).name}")
    assert not missing, f"{a.slug}: " + "; ".join(missing)
