"""Import a module from a file under a chosen name (student modules, the reference, mutants)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def load_module_from_file(path: Path, name: str):
    """Execute ``path`` as a fresh module called ``name`` and return it.

    The module is registered in ``sys.modules`` while it runs (dataclasses and
    pickling need that) and its folder is put first on ``sys.path`` so that a
    notebook-style ``import perceptron`` elsewhere finds the same file.
    """
    path = Path(path).resolve()
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module
