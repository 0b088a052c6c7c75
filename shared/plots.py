"""Helpers for the notebooks: the public checks in a cell, and the figures drawn from your code.

- :func:`check` runs the public tests of one or more functions against your module, in the
  notebook, and prints one line per function (``dlkit check NN`` prints the full table).
- :func:`attempt` calls one of your functions and returns ``None`` while it still raises the
  stub's ``NotImplementedError``, so that a figure with several panels shows what already works.
- The rest are small matplotlib helpers (decision regions, contour plots with paths, images,
  annotated matrices) that keep the notebooks' figure cells short.

Figure text is English only: matplotlib's default font has no Chinese glyphs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

__all__ = [
    "check", "attempt", "style", "placeholder", "grid", "decision_region", "contour", "path",
    "show_image", "annotated_matrix", "CLASS_COLORS",
]

CLASS_COLORS = ("#d95f02", "#1b9e77")   # class 0, class 1 (colour-blind safe)
NOT_IMPLEMENTED = "not implemented yet"


# -- the public checks, inside a notebook ---------------------------------------

class _OnlyFunctions:
    """pytest plugin: keep the tests of the named functions (``"Adam"`` also keeps ``"Adam.update"``)."""

    def __init__(self, names):
        self.names = [n for n in names if n]

    def _wanted(self, function: str) -> bool:
        return not self.names or any(function == n or function.startswith(n + ".") for n in self.names)

    def pytest_collection_modifyitems(self, session, config, items):
        from autograder.pytest_plugin import test_info

        keep, drop = [], []
        for item in items:
            (keep if self._wanted(test_info(item).function) else drop).append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
            items[:] = keep


def check(module, *functions: str, verbose: bool = False) -> None:
    """Run the public tests of ``functions`` (all of them if none is named) against ``module``.

    ``module`` is your imported module (e.g. ``perceptron``); its file is what gets tested, so
    save the file and re-run the import cell first. Prints one line per function: how many of
    its public tests pass, their points, and the first line of the first failure (all of it
    with ``verbose=True``). The same tests, with hidden ones added, grade your work.
    """
    from autograder import catalog
    from autograder.local_run import TestSuiteError, run_pytest
    from autograder.pytest_plugin import DlkitPlugin, LocalProvider

    a = catalog.resolve(module.__name__)
    plugin = DlkitPlugin(LocalProvider(str(Path(module.__file__).resolve())))
    saved = sys.modules.get(a.module)   # the tests load the file afresh under the module's name
    try:
        run_pytest([str(a.public_tests())], [plugin, _OnlyFunctions(functions)],
                   ["-p", "no:faulthandler", "--capture=sys"])
    except TestSuiteError as e:
        print(f"could not run the public tests of {a.slug}: {e}")
        return
    finally:
        if saved is not None:
            sys.modules[a.module] = saved
    if not plugin.results:
        print(f"no public test checks {', '.join(functions) or a.filename}")
        return
    groups: dict[str, list] = {}
    for r in plugin.results:
        groups.setdefault(r.function, []).append(r)
    if functions:  # in the order asked for
        def rank(f):
            return min((i for i, n in enumerate(functions) if f == n or f.startswith(n + ".")), default=len(functions))
        groups = dict(sorted(groups.items(), key=lambda kv: rank(kv[0])))
    width = max(len(f) for f in groups)
    for function, rs in groups.items():
        passed = sum(r.passed for r in rs)
        got, pts = sum(r.score for r in rs), sum(r.points for r in rs)
        mark = "✓" if passed == len(rs) else "✗"
        line = f"{mark} {function:<{width}}  {passed}/{len(rs)} public tests passed  {got:g}/{pts:g} points"
        failed = [r for r in rs if not r.passed]
        if failed:
            msg = failed[0].message.strip()
            line += "  | " + (msg if verbose else msg.splitlines()[0][:160])
        print(line)
    if len(groups) > 1:
        got = sum(r.score for r in plugin.results)
        pts = sum(r.points for r in plugin.results)
        print(f"  together: {got:g}/{pts:g} public points")


def attempt(fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, or ``None`` (with a note) while ``fn`` is not implemented yet.

    Only the stub's ``NotImplementedError`` is caught: any other error in your code is raised
    as usual, with its traceback pointing into your file.
    """
    try:
        return fn(*args, **kwargs)
    except NotImplementedError as e:
        print(f"skipped: {e}")
        return None


# -- figure helpers -------------------------------------------------------------

def style() -> None:
    """The notebooks' matplotlib look: readable sizes, light grids, no top/right spines."""
    import matplotlib as mpl

    mpl.rcParams.update({
        "figure.dpi": 100, "savefig.dpi": 100, "figure.facecolor": "white",
        "figure.constrained_layout.use": True,
        "font.size": 10, "axes.titlesize": 11, "axes.labelsize": 10, "legend.fontsize": 9,
        "axes.grid": True, "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False,
        "image.cmap": "viridis", "lines.linewidth": 1.8,
    })


def placeholder(ax, text: str = NOT_IMPLEMENTED) -> None:
    """Mark a panel whose data is missing (a function not implemented yet)."""
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="0.45", fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])


def grid(xlim=(-0.5, 1.5), ylim=None, n: int = 201):
    """Arrays xx, yy of shape (n, n) covering xlim x ylim (ylim defaults to xlim), for functions of two inputs."""
    ylim = xlim if ylim is None else ylim
    return np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))


def decision_region(ax, xx, yy, values, title: str = "", X=None, y=None, boundary: bool = True,
                    fill: bool = True) -> None:
    """Shade where ``values`` (0/1 or probabilities on the grid xx, yy) is above 0.5, draw the 0.5 line, add points.

    ``X`` (N, 2) and ``y`` (N,) are plotted as markers coloured by class (o for 0, s for 1).
    ``fill=False`` leaves the background alone (e.g. to show probabilities drawn before).
    """
    from matplotlib.colors import ListedColormap

    v = np.asarray(values, dtype=np.float64)
    if fill:
        cmap = ListedColormap(["#fbe3cf", "#d2efe6"])
        ax.contourf(xx, yy, (v > 0.5).astype(float), levels=[-0.5, 0.5, 1.5], cmap=cmap)
    if boundary and v.min() < 0.5 < v.max():
        ax.contour(xx, yy, v, levels=[0.5], colors="k", linewidths=1.5)
    if X is not None:
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        for cls, marker in ((0, "o"), (1, "s")):
            m = y == cls
            ax.scatter(X[m, 0], X[m, 1], s=90, marker=marker, c=CLASS_COLORS[cls],
                       edgecolors="k", zorder=3, label=f"target {cls}")
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.grid(False)


def contour(ax, f, xlim, ylim, levels=15, n: int = 200, log: bool = False) -> None:
    """Contour lines of f(x, y) (vectorised over arrays) on the rectangle xlim x ylim."""
    xx, yy = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    zz = f(xx, yy)
    if log:
        zz = np.log10(zz - zz.min() + 1e-3)
    ax.contour(xx, yy, zz, levels=levels, colors="0.6", linewidths=0.8, negative_linestyles="solid")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.grid(False)


def path(ax, trajectory, label: str | None = None, color: str = "C3", marker: str = "o", ms: float = 3.5) -> None:
    """Draw an optimisation path (rows are points in 2-D): a line with markers, the start as a big dot."""
    t = np.asarray(trajectory, dtype=np.float64)
    ax.plot(t[:, 0], t[:, 1], marker=marker, ms=ms, color=color, label=label, lw=1.3)
    ax.plot(t[0, 0], t[0, 1], "o", ms=7, color=color, mec="k")


def show_image(ax, img, title: str = "", cmap: str = "gray", vmin=None, vmax=None, colorbar: bool = False) -> None:
    """Show a 2-D array as an image, without ticks."""
    im = ax.imshow(np.asarray(img, dtype=np.float64), cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    if colorbar:
        ax.figure.colorbar(im, ax=ax, shrink=0.8)


def annotated_matrix(ax, M, title: str = "", fmt: str = "{:.2f}", cmap: str = "Blues", highlight=None) -> None:
    """A small matrix as a heat map with its numbers written in the cells.

    ``highlight``: optional boolean mask of cells to outline (e.g. where a max-pool window's maximum is).
    """
    M = np.asarray(M, dtype=np.float64)
    ax.imshow(M, cmap=cmap, vmin=min(M.min(), 0), vmax=M.max() if M.max() > 0 else 1)
    for (i, j), v in np.ndenumerate(M):
        dark = v > 0.6 * M.max() if M.max() > 0 else False
        ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=9, color="white" if dark else "black")
    if highlight is not None:
        for i, j in zip(*np.nonzero(highlight)):
            ax.add_patch(_rect(j - 0.5, i - 0.5, 1, 1, edgecolor="C3", lw=2.2))
    ax.set_title(title)
    ax.set_xticks(range(M.shape[1]))
    ax.set_yticks(range(M.shape[0]))
    ax.grid(False)


def _rect(x, y, w, h, **kw):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), w, h, fill=False, **kw)
