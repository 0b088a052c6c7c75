"""The release builder: reference solutions -> student stubs -> the student release.

``solutions/NN_name/<module>.py`` marks what students write with
``# BEGIN SOLUTION`` / ``# END SOLUTION``. Each region becomes::

    # *** START OF YOUR CODE (function) ***
    # TODO: implement `function` as its docstring says.
    raise NotImplementedError("function: not implemented yet")
    # *** END OF YOUR CODE ***

Docstrings and everything outside the regions are kept. ``assignments/`` holds
the generated stubs (committed); :func:`check_sync` fails when they drift.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from autograder import catalog

BEGIN = "# BEGIN SOLUTION"
END = "# END SOLUTION"
_DEF = re.compile(r"^(\s*)(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)")

STUDENT_DEPENDENCIES = ["numpy", "pytest", "hypothesis", "rich", "matplotlib", "jupyterlab", "ipykernel"]


class ReleaseError(Exception):
    pass


def _regions(lines: list[str], origin: str):
    """Yield (begin_index, end_index) of every solution region."""
    start = None
    for i, line in enumerate(lines):
        s = line.strip()
        if s == BEGIN:
            if start is not None:
                raise ReleaseError(f"{origin}:{i + 1}: {BEGIN} inside another region (missing {END}?)")
            start = i
        elif s == END:
            if start is None:
                raise ReleaseError(f"{origin}:{i + 1}: {END} without {BEGIN}")
            yield start, i
            start = None
    if start is not None:
        raise ReleaseError(f"{origin}:{start + 1}: {BEGIN} is never closed")


def _enclosing_name(lines: list[str], index: int) -> str:
    indent = len(lines[index]) - len(lines[index].lstrip())
    names = []
    for line in reversed(lines[:index]):
        m = _DEF.match(line)
        if m and len(m.group(1)) < indent:
            names.append(m.group(3))
            indent = len(m.group(1))
    return ".".join(reversed(names)) or "this part"


def make_stub(source: str, origin: str = "<source>") -> str:
    """The student version of a reference module."""
    lines = source.splitlines()
    out, pos = [], 0
    for b, e in _regions(lines, origin):
        out.extend(lines[pos:b])
        pad = lines[b][: len(lines[b]) - len(lines[b].lstrip())]
        name = _enclosing_name(lines, b)
        out += [
            f"{pad}# *** START OF YOUR CODE ({name}) ***",
            f"{pad}# TODO: implement `{name}` as its docstring says.",
            f'{pad}raise NotImplementedError("{name}: not implemented yet")',
            f"{pad}# *** END OF YOUR CODE ***",
        ]
        pos = e + 1
    out.extend(lines[pos:])
    return "\n".join(out) + "\n"


def strip_markers(source: str) -> str:
    """The reference as a plain module: solution markers removed, code kept."""
    lines = [ln for ln in source.splitlines() if ln.strip() not in (BEGIN, END)]
    return "\n".join(lines) + "\n"


def solution_regions(source: str, origin: str = "<source>") -> list[str]:
    lines = source.splitlines()
    return ["\n".join(lines[b + 1:e]) for b, e in _regions(lines, origin)]


# -- generated files in assignments/ ------------------------------------------

def generated_files(root: Path = catalog.ROOT) -> dict[Path, str]:
    """Every file of ``assignments/`` that is generated, with its expected content."""
    files = {}
    for a in catalog.ASSIGNMENTS:
        sol = a.solution_file(root)
        if sol.is_file():
            files[a.stub_file(root)] = make_stub(sol.read_text(encoding="utf-8"), str(sol))
    try:  # notebooks are generated when their text source exists (see autograder/notebooks.py)
        from autograder import notebooks
        files.update(notebooks.generated_notebooks(root))
    except ImportError:  # pragma: no cover - optional notebook dependencies missing
        pass
    return files


def check_sync(root: Path = catalog.ROOT) -> list[str]:
    """Paths (relative) in ``assignments/`` that differ from what the release builder makes."""
    drifted = []
    for path, text in generated_files(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            drifted.append(str(path.relative_to(root)))
    return drifted


def write_generated(root: Path = catalog.ROOT) -> list[str]:
    """Regenerate the generated files of ``assignments/``; returns what changed."""
    changed = []
    for path, text in generated_files(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(str(path.relative_to(root)))
    return changed


# -- the student release --------------------------------------------------------

_TOP_LEVEL = {"assignments", "solutions", "autograder", "shared", "docs", "bench", ".git", ".ci"}
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", ".pytest_cache")


def build_release(out: Path, root: Path = catalog.ROOT) -> Path:
    """Write the student release to ``out`` (replaced if it exists) and leak-check it."""
    out = Path(out).resolve()
    top = Path(root).resolve()
    if out == top or out in top.parents or (out.parent == top and out.name in _TOP_LEVEL):
        raise ReleaseError(f"refusing to write the release over the repository ({out})")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for a in catalog.available(root):
        shutil.copytree(root / "assignments" / a.slug, out / "assignments" / a.slug, ignore=_SKIP)
    for path, text in generated_files(root).items():  # always the freshly generated versions
        dest = out / path.relative_to(root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    shutil.copytree(root / "shared", out / "shared", ignore=_SKIP)
    shutil.copytree(root / "autograder", out / "autograder",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "tests", "mutants", "selftest"))
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy2(root / name, out / name)
    (out / "docs").mkdir(exist_ok=True)
    for doc in ("student-guide.md", "student-guide.zh.md", "grading-policy.md"):
        if (root / "docs" / doc).is_file():
            shutil.copy2(root / "docs" / doc, out / "docs" / doc)
    if (root / "docs" / "figures").is_dir():  # the handouts show these
        shutil.copytree(root / "docs" / "figures", out / "docs" / "figures", ignore=_SKIP)
    workflow = root / "autograder" / "templates" / "student-checks.yml"
    if workflow.is_file():
        (out / ".github" / "workflows").mkdir(parents=True, exist_ok=True)
        shutil.copy2(workflow, out / ".github" / "workflows" / "checks.yml")
    (out / "requirements.txt").write_text(_student_requirements(root), encoding="utf-8")
    template = root / "autograder" / "templates" / "student_README.md"
    (out / "README.md").write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    problems = leak_check(out, root)
    if problems:
        raise ReleaseError("the release would leak hidden material:\n  " + "\n  ".join(problems))
    return out


def _student_requirements(root: Path) -> str:
    pins = {}
    constraints = root / "requirements" / "constraints.txt"
    if constraints.is_file():
        for line in constraints.read_text().splitlines():
            if "==" in line:
                name, ver = line.split("==", 1)
                pins[name.strip().lower()] = ver.strip()
    lines = [f"{d}=={pins[d]}" if d in pins else d for d in STUDENT_DEPENDENCIES]
    return "# What a student needs for `dlkit check` and the notebooks (pinned like CI).\n" + "\n".join(lines) + "\n"


def _code_lines(text: str) -> list[str]:
    """Stripped, non-empty, non-comment lines: the unit leak detection compares."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return out


def _release_texts(release: Path) -> dict[Path, str]:
    import json

    texts = {}
    for p in release.rglob("*"):
        if not p.is_file():
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if p.suffix == ".ipynb":  # compare what the cells say, not the JSON escaping
            try:
                text = "\n".join("".join(c.get("source", "")) for c in json.loads(text).get("cells", []))
            except ValueError:
                pass
        texts[p.relative_to(release)] = text
    return texts


def leak_check(release: Path, root: Path = catalog.ROOT) -> list[str]:
    """Problems found: solution regions, hidden tests or mutants present in ``release``.

    A solution region leaks when two of its consecutive code lines (or its only
    line) appear in a released file, unless those lines are also written outside
    the regions of some reference module (a helper handed to students).
    """
    problems = []
    texts = _release_texts(release)
    for rel in texts:
        if rel.parts[0] == "solutions" or rel.parts[:2] in (("autograder", "tests"), ("autograder", "mutants")):
            problems.append(f"{rel}: hidden folder in the release")
    lines = {rel: _code_lines(t) for rel, t in texts.items()}
    line_sets = {rel: set(ls) for rel, ls in lines.items()}
    pair_sets = {rel: set(zip(ls, ls[1:])) for rel, ls in lines.items()}
    for rel, text in texts.items():
        if any(line.strip() in (BEGIN, END) for line in text.splitlines()):
            problems.append(f"{rel}: contains a solution marker")

    sources = {a: a.solution_file(root).read_text(encoding="utf-8")
               for a in catalog.ASSIGNMENTS if a.solution_file(root).is_file()}
    public = set()
    for a, src in sources.items():
        public |= set(_code_lines(make_stub(src, str(a.solution_file(root)))))
    for a, src in sources.items():
        for region in solution_regions(src, str(a.solution_file(root))):
            code = _code_lines(region)
            if len(code) == 1 and len(code[0]) >= 30 and code[0] not in public:
                hits = [rel for rel, ls in line_sets.items() if code[0] in ls]
            else:
                pairs = [p for p in zip(code, code[1:]) if not (p[0] in public and p[1] in public)]
                hits = [rel for rel, ps in pair_sets.items() if any(p in ps for p in pairs)]
            for rel in hits:
                problems.append(f"{rel}: contains solution code of {a.filename}: {code[0][:60]!r}")
    for a in catalog.ASSIGNMENTS:
        hidden = a.hidden_tests(root)
        for t in sorted(hidden.glob("test_*.py")) if hidden.is_dir() else []:
            for name in re.findall(r"^def (test_\w+)", t.read_text(encoding="utf-8"), re.M):
                for rel, text in texts.items():
                    if f"def {name}(" in text:
                        problems.append(f"{rel}: contains hidden test {name}")
        mdir = a.mutants_dir(root)
        for m in sorted(mdir.glob("*.py")) if mdir.is_dir() else []:
            snippet = m.read_text(encoding="utf-8").strip()[:200]
            for rel, text in texts.items():
                if snippet in text:
                    problems.append(f"{rel}: contains mutant {m.name}")
    return sorted(set(problems))


def release_problems(root: Path = catalog.ROOT) -> list[str]:
    """Drift of assignments/ plus leaks of a freshly built release (what `release --check` reports)."""
    import tempfile

    problems = [f"out of sync with solutions/: {p}" for p in check_sync(root)]
    with tempfile.TemporaryDirectory(prefix="dlkit-release-") as tmp:
        try:
            build_release(Path(tmp) / "release", root)
        except ReleaseError as e:
            problems.append(str(e))
    return problems
