"""Known-wrong variants of a reference solution (``autograder/mutants/NN_name/*.py``).

A mutant file describes one realistic mistake as text replacements applied to
the reference module, so it stays a few lines long and breaks loudly when the
reference changes under it::

    \"\"\"step fires at z >= 0 instead of z > 0 (kits.md #1).\"\"\"
    BREAKS = ["step"]
    REPLACE = [
        ("(np.asarray(z) > 0)", "(np.asarray(z) >= 0)"),
    ]

Each ``old`` text must occur exactly once in the reference. ``BREAKS`` names the
student functions (or ``Class.method``) the mistake lives in: ``dlkit verify``
requires a failing test that names one of them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from autograder import catalog
from autograder.release import strip_markers


@dataclass
class Mutant:
    name: str
    path: Path
    description: str
    breaks: list[str]
    replace: list[tuple[str, str]]

    def source(self, reference_source: str) -> str:
        """The mutated module's source (solution markers removed)."""
        src = reference_source
        for old, new in self.replace:
            n = src.count(old)
            if n != 1:
                raise ValueError(f"{self.path}: the text to replace occurs {n} times in the reference "
                                 f"(must be exactly once): {old!r}")
            src = src.replace(old, new)
        return strip_markers(src)


def load_mutant(path: Path) -> Mutant:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    doc = ast.get_docstring(tree) or ""
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    if not doc or "BREAKS" not in values or "REPLACE" not in values:
        raise ValueError(f"{path}: a mutant needs a docstring, BREAKS = [...] and REPLACE = [(old, new), ...]")
    breaks = values["BREAKS"]
    breaks = [breaks] if isinstance(breaks, str) else list(breaks)
    return Mutant(path.stem, path, doc.splitlines()[0], breaks, [tuple(p) for p in values["REPLACE"]])


def mutants_for(a: catalog.Assignment) -> list[Mutant]:
    d = a.mutants_dir()
    return [load_mutant(p) for p in sorted(d.glob("*.py")) if not p.name.startswith("_")] if d.is_dir() else []


def write_mutant(a: catalog.Assignment, m: Mutant, dest_dir: Path) -> Path:
    """Write the mutated module as ``dest_dir/<module>.py`` (a submission folder)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    out = dest_dir / a.filename
    out.write_text(m.source(a.solution_file().read_text(encoding="utf-8")), encoding="utf-8")
    return out
