"""Submissions for the benchmarks, generated from the repository's own sources.

Every submission is a folder ``<dest>/<student>/<module>.py`` built from the reference
(``solutions/``), the stub (the release), a mutant (``autograder/mutants/``), a broken file,
or a hostile snippet (``autograder/hostile/``, via :func:`autograder.demo.hostile_source`).

The synthetic class mix (per assignment, default 300 students):
60% correct, 25% one mutant (cycling through the assignment's mutants), 5% the untouched
stub, 5% broken (syntax error, missing import, no module file), 5% hostile (cheap attacks plus
``HANGING``: one that loops at import and one that hangs in every call, so a hostile
submission costs at most its timeout).
"""

from __future__ import annotations

import random
from pathlib import Path

from autograder import catalog, demo, mutation, release

# Hostile cases that cost about as much as an honest submission (they fail fast or answer fast).
CHEAP_HOSTILE = ["mallory_patches_numpy", "trudy_reads_hidden_tests", "bad_shapes_and_nans", "liar_objects",
                 "hunts_expected_values", "exit_at_import", "network_exfiltration", "kills_the_grader",
                 "oscar_forks_and_daemonizes", "proc_mem_scanner", "forged_wire_messages"]
# Hostile cases that cost their timeout: an infinite loop at import (bounded by --timeout, at least 3 s,
# at most 10 s) and every function hanging (bounded by --timeout per call, restarts and --budget).
HANGING = ["eve_loops_at_import", "bench_hangs_in_every_call"]

HANG_EVERY_CALL = '''
import time as _time


def _hang(*args, **kwargs):
    _time.sleep(10_000)


for _name, _f in list(globals().items()):
    if callable(_f) and getattr(_f, "__module__", None) == __name__ and not _name.startswith("_"):
        globals()[_name] = _hang
'''


class Sources:
    """The texts submissions are made from, for one assignment."""

    def __init__(self, a: catalog.Assignment):
        self.a = a
        src = a.solution_file().read_text(encoding="utf-8")
        self.reference = release.strip_markers(src)
        self.stub = release.make_stub(src)
        self.mutants = [(m.name, m.source(src)) for m in mutation.mutants_for(a)]

    def text(self, kind: str, index: int = 0) -> str | None:
        """Source for ``kind``; None means "no module file in the folder"."""
        if kind == "correct":
            return self.reference
        if kind == "stub":
            return self.stub
        if kind == "mutant":
            return self.mutants[index % len(self.mutants)][1] if self.mutants else self.reference
        if kind == "syntax_error":
            return self.reference.replace("import numpy as np", "import numpy as np\ndef broken(:\n", 1)
        if kind == "import_error":
            return "import numpy_but_misspelled as np  # noqa\n" + self.reference
        if kind == "missing_file":
            return None
        if kind.startswith("hostile:"):
            name = kind.split(":", 1)[1]
            if name == "bench_hangs_in_every_call":
                return self.reference + HANG_EVERY_CALL
            base = demo.hostile_cases()[name]["base"]
            return demo.hostile_source(name, self.reference if base == "reference" else self.stub)
        raise ValueError(kind)

    def label(self, kind: str, index: int = 0) -> str:
        if kind == "mutant" and self.mutants:
            return f"mutant:{self.mutants[index % len(self.mutants)][0]}"
        return kind


def write_submission(dest: Path, student: str, a: catalog.Assignment, text: str | None) -> Path:
    folder = dest / student
    folder.mkdir(parents=True, exist_ok=True)
    if text is None:
        (folder / "notes.txt").write_text("forgot to upload my code\n")
    else:
        # A per-student comment: the files differ as real submissions do (same code, same grade).
        (folder / a.filename).write_text(f"# submission of {student}\n" + text, encoding="utf-8")
    return folder


def class_mix(n: int, n_mutants: int) -> list[tuple[str, int]]:
    """``n`` (kind, index) pairs in the synthetic class's proportions, deterministic and interleaved."""
    counts = {"correct": round(n * 0.60), "mutant": round(n * 0.25), "stub": round(n * 0.05),
              "broken": round(n * 0.05)}
    counts["hostile"] = max(0, n - sum(counts.values()))
    broken = ["syntax_error", "import_error", "missing_file"]
    kinds: list[tuple[str, int]] = []
    for kind, c in counts.items():
        for i in range(c):
            if kind == "broken":
                kinds.append((broken[i % len(broken)], i))
            elif kind == "hostile":  # at most one of each hanging case, then the cheap ones in turn
                name = HANGING[i] if i < len(HANGING) else CHEAP_HOSTILE[(i - len(HANGING)) % len(CHEAP_HOSTILE)]
                kinds.append((f"hostile:{name}", i))
            else:
                kinds.append((kind, i))
    random.Random(n).shuffle(kinds)  # students in alphabetical order are not sorted by kind
    return kinds


def make_class(a: catalog.Assignment, dest: Path, n: int) -> dict[str, str]:
    """Write a synthetic class of ``n`` submissions; returns {student: label}."""
    src = Sources(a)
    labels = {}
    for i, (kind, idx) in enumerate(class_mix(n, len(src.mutants))):
        student = f"s{i:04d}"
        write_submission(dest, student, a, src.text(kind, idx))
        labels[student] = src.label(kind, idx)
    return labels


def comparison_set(a: catalog.Assignment, n_mutants: int = 4) -> list[tuple[str, str]]:
    """Honest submissions for the tool comparison: [(label, source)]: reference, stub, mutants."""
    src = Sources(a)
    out = [("correct", src.reference), ("stub", src.stub)]
    step = max(1, len(src.mutants) // max(1, n_mutants))
    for name, text in src.mutants[::step][:n_mutants]:
        out.append((f"mutant:{name}", text))
    return out
