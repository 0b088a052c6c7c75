"""``python -m autograder.figures``: the key figure of every notebook, as ``docs/figures/NN_name.png``.

Each notebook source (``solutions/NN_name/NN_name.nb.py``, see :mod:`autograder.notebooks`) tags
one figure cell ``key-figure``. This script runs that cell after the notebook's ``setup`` cell,
exactly as the notebook does, but next to the reference solution (solution markers stripped)
instead of the student's stub, and saves the figure. So the handouts show the very figure a
student's notebook draws once the work is done, and nothing is drawn twice.

Deterministic: Agg backend, fixed size and dpi, seeded data, no timestamp or software version
in the PNG metadata.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from autograder import catalog, notebooks, release  # noqa: E402

DPI = 100


def figure_file(a: catalog.Assignment, root: Path = catalog.ROOT) -> Path:
    """``docs/figures/NN_name.png``: where the handouts find the key figure."""
    return root / "docs" / "figures" / f"{a.slug}.png"


def _python(source: str) -> str:
    """A code cell as plain Python: IPython magics (``%matplotlib inline``) dropped."""
    return "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))


@contextlib.contextmanager
def _no_show(plt):
    """``plt.show()`` in a cell displays the figure in a notebook; here the figure stays open to be saved."""
    show = plt.show
    plt.show = lambda *args, **kwargs: None
    try:
        yield
    finally:
        plt.show = show


def render(a: catalog.Assignment, out: Path, root: Path = catalog.ROOT) -> Path:
    """Run the setup and key-figure cells of ``a``'s notebook on the reference and save the figure to ``out``."""
    import matplotlib.pyplot as plt

    nb = notebooks.read_cells(notebooks.source_file(a, root).read_text(encoding="utf-8"))
    setup = notebooks.cells_tagged(nb, "setup")
    key = notebooks.cells_tagged(nb, "key-figure")
    if len(setup) != 1 or len(key) != 1:
        raise RuntimeError(f"{a.slug}: the notebook source needs one 'setup' and one 'key-figure' cell")
    reference = release.strip_markers(a.solution_file(root).read_text(encoding="utf-8"))
    saved_path, saved_cwd = list(sys.path), os.getcwd()
    saved_module = sys.modules.pop(a.module, None)
    with tempfile.TemporaryDirectory(prefix="dlkit-fig-") as tmp, matplotlib.rc_context():
        (Path(tmp) / a.filename).write_text(reference, encoding="utf-8")
        plt.close("all")
        try:
            os.chdir(tmp)
            namespace = {"__name__": f"dlkit_figure_{a.number}"}
            with contextlib.redirect_stdout(io.StringIO()), _no_show(plt):
                for cell in (setup[0], key[0]):
                    exec(compile(_python(cell.source), f"<{a.slug} {cell.cell_type} cell>", "exec"), namespace)
            nums = plt.get_fignums()
            if not nums:
                raise RuntimeError(f"{a.slug}: the key-figure cell drew no figure")
            out.parent.mkdir(parents=True, exist_ok=True)
            plt.figure(nums[-1]).savefig(out, dpi=DPI, metadata={"Software": None}, facecolor="white")
        finally:
            plt.close("all")
            os.chdir(saved_cwd)
            sys.path[:] = saved_path
            sys.modules.pop(a.module, None)
            if saved_module is not None:
                sys.modules[a.module] = saved_module
    return out


def build(out: Path | None = None, root: Path = catalog.ROOT, only=None) -> list[Path]:
    """Render every assignment's key figure (into ``out`` instead of docs/figures/ when given)."""
    written = []
    for a in catalog.ASSIGNMENTS:
        if only and a not in only:
            continue
        if not (notebooks.source_file(a, root).is_file() and a.solution_file(root).is_file()):
            continue
        dest = figure_file(a, root) if out is None else Path(out) / figure_file(a, root).name
        written.append(render(a, dest, root))
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.figures", description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="NN, NN_name or name (default: all)")
    parser.add_argument("--out", type=Path, help="write here instead of docs/figures/")
    args = parser.parse_args(argv)
    only = [catalog.resolve(k) for k in args.assignments] or None
    for p in build(args.out, only=only):
        print(p.relative_to(catalog.ROOT) if p.is_relative_to(catalog.ROOT) else p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
