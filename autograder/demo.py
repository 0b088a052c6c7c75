"""``dlkit demo``: the whole loop on bundled data.

Builds the student release, makes a sample class for every assignment from the
repository's own sources (the reference, two mutants, a syntax error, a missing
file, the untouched stub, and hostile submissions from ``autograder/hostile/``),
grades each class in the sandbox and prints the gradebooks.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from autograder import catalog, mutation, release

HOSTILE_DIR = Path(__file__).with_name("hostile")
# Hostile cases shown in the demo: what they try, and the honest score they must get.
DEMO_HOSTILE = {
    "mallory_patches_numpy": "wrong answers + monkeypatches numpy and pytest at import -> 0",
    "trudy_reads_hidden_tests": "hunts for hidden tests and the reference on disk -> 0",
    "oscar_forks_and_daemonizes": "correct answers + a setsid daemon and a fork bomb -> 100",
    "eve_loops_at_import": "an infinite loop at import -> 0, error status",
}


def sample_class(a: catalog.Assignment, dest: Path) -> dict[str, str]:
    """Write the sample class for ``a`` into ``dest``; returns {student: what it is}."""
    src = a.solution_file().read_text(encoding="utf-8")
    reference = release.strip_markers(src)
    stub = release.make_stub(src)
    what = {}

    def put(student, text, note, as_zip=False):
        what[student] = note
        if as_zip:
            with zipfile.ZipFile(dest / f"{student}.zip", "w") as z:
                z.writestr(f"{student}/homework/{a.filename}", text)
        else:
            (dest / student).mkdir(parents=True)
            (dest / student / a.filename).write_text(text, encoding="utf-8")

    dest.mkdir(parents=True, exist_ok=True)
    put("alice_correct", reference, "the reference solution -> 100")
    mutants = mutation.mutants_for(a)
    if mutants:
        m = mutants[0]
        put("bob_partial", m.source(src), f"one mistake: {m.description}")
    if len(mutants) > 1:
        m = mutants[len(mutants) // 2]
        put("carol_partial_zip", m.source(src), f"one mistake, handed in as a zip: {m.description}", as_zip=True)
    put("dave_syntax_error", reference.replace("import numpy as np", "import numpy as np\ndef broken(:\n", 1),
        "a syntax error -> 0, error status")
    what["erin_missing_file"] = "no module in the folder -> 0, error status"
    (dest / "erin_missing_file").mkdir()
    (dest / "erin_missing_file" / "notes.txt").write_text("I forgot to upload my code.\n")
    put("frank_stub", stub, "the untouched stub -> 0")
    for name, note in DEMO_HOSTILE.items():
        put(name, hostile_source(name, reference if "-> 100" in note else stub), note)
    return what


def hostile_source(name: str, base: str, port: int = 9) -> str:
    """A hostile snippet wrapped around ``base``: its text before ``# --- AFTER ---`` goes first.

    ``{{PORT}}`` in the snippet becomes ``port`` (a loopback listener in the hostile test suite).
    """
    text = (HOSTILE_DIR / f"{name}.py").read_text(encoding="utf-8").replace("{{PORT}}", str(port))
    before, _, after = text.partition("# --- AFTER ---\n")
    return before + "\n" + base + "\n" + after


def hostile_cases() -> dict[str, dict]:
    """Every hostile snippet's declared expectations (its ``# key: value`` header lines)."""
    cases = {}
    for path in sorted(HOSTILE_DIR.glob("*.py")):
        meta = {"base": "stub", "expect": "score == 0", "status": "graded", "message": ""}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("# "):
                break
            key, sep, value = line[2:].partition(":")
            if sep and key in meta:
                meta[key] = value.strip()
        cases[path.stem] = meta
    return cases


def run(out: Path, jobs: int = 0) -> int:
    from rich.console import Console

    from autograder import cli, sandbox

    con = Console(highlight=False)
    out = Path(out).resolve()
    if out.exists():
        shutil.rmtree(out)
    rel = release.build_release(out / "release")
    con.print(f"[bold]1. Student release[/bold] written to {rel} (stubs, handouts, public tests; nothing hidden)")
    strong = sandbox.BwrapBackend.unavailable_reason() is None
    con.print(f"[bold]2. Grading a sample class[/bold] for every assignment "
              f"({'bubblewrap sandbox' if strong else 'portable backend: install bubblewrap and run as root for the strong one'})")
    failed = 0
    for a in catalog.available():
        if not a.solution_file().is_file():
            continue
        klass = out / "class" / a.slug
        what = sample_class(a, klass)
        args = ["grade", a.slug, str(klass), "--out", str(out / "grades" / a.slug), "--force"]
        args += ["--jobs", str(jobs)] if jobs else []
        args += [] if strong else ["--insecure"]
        con.rule(a.slug)
        for student, note in what.items():
            con.print(f"  [dim]{student}: {note}")
        failed += cli.main(args) != 0
    con.print(f"\n[bold]3. Results[/bold] in {out / 'grades'}: per assignment gradebook.csv, tests.csv, report.html; "
              "per student results.json (Gradescope format) and feedback.md")
    return 1 if failed else 0
