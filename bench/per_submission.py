"""Section 1: per-submission grading time, dlkit grade vs otter run vs nbgrader autograde, same submissions.

The submissions: the reference, the untouched stub and a few mutants of one assignment
(default 05_conv_pool). Each tool grades the same module text: dlkit from a folder, otter from
the ``.py`` file, nbgrader from the notebook ``dlkit export nbgrader --submissions`` makes of it.

Variants, run interleaved in every round (their order rotates from round to round):

- ``dlkit grade NN SUBS --jobs 1`` (class mode: all N in one command). Per submission: the
  command's wall time / N, and grading.json ``seconds`` (the worker and all tests).
- ``dlkit grade NN ONE_SUB --jobs 1 --no-report`` (one command per submission, cold: startup and
  collection included; no report.html, like the Gradescope runner).
- ``otter run -a ZIP -o DIR SUB.py`` once per submission (otter has no batch mode without Docker).
- ``nbgrader autograde NN`` (class mode: all N students in one command), wall / N.
- ``nbgrader autograde NN --student X`` (one command per submission).
- ``NbGraderAPI.autograde`` in one warm process (bench/tool_api.py), per call.

The two required ratio lines compare class mode (how each tool grades a class on one core):
dlkit's command wall / N vs the median ``otter run`` and vs nbgrader's class-mode wall / N.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from autograder import catalog

from bench import classgen
from bench.common import DLKIT, OUT, PY, fmt_s, grade_cmd, log, median, shell, timed, tool


@dataclass
class Variant:
    key: str
    label: str
    command: str
    run: Callable[[int], dict]
    samples: list = field(default_factory=list)


def student_id(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]+", "_", label).strip("_")


class Workspace:
    """Submissions and tool artefacts for one assignment, under out/bench/per_submission/."""

    def __init__(self, a: catalog.Assignment, n_mutants: int, single: int):
        self.a = a
        self.dir = OUT / "per_submission"
        shutil.rmtree(self.dir, ignore_errors=True)
        self.subs = self.dir / "subs"          # subs/<student>/<module>.py (dlkit, nbgrader)
        self.pyfiles = self.dir / "py"         # py/<student>.py (otter run takes a file)
        self.pyfiles.mkdir(parents=True)
        self.labels: dict[str, str] = {}
        for label, text in classgen.comparison_set(a, n_mutants):
            sid = student_id(label)
            self.labels[sid] = label
            classgen.write_submission(self.subs, sid, a, text)
            (self.pyfiles / f"{sid}.py").write_text(text, encoding="utf-8")
        self.students = list(self.labels)
        self.single = self.students[:single]   # the cold one-per-command variants use these
        self.otter_zip: Path | None = None
        self.course: Path | None = None
        self.problems: list[str] = []

    # -- exports (another module of the kit builds them: dlkit export) ---------------
    def export_otter(self) -> None:
        out = self.dir / "otter"
        try:
            r = timed([DLKIT, "export", "otter", self.a.number, "--out", out], timeout=600)
        except RuntimeError as e:
            self.problems.append(f"dlkit export otter failed: {str(e)[:400]}")
            return
        m = re.search(r"autograder zip:\s*(\S+)", r.stdout)
        z = Path(m.group(1)) if m else next(out.rglob("*-autograder.zip"), None)
        if z and z.is_file():
            self.otter_zip = z
            log(f"  otter zip: {shell([z])} ({fmt_s(r.wall)} to export)")
        else:
            self.problems.append("dlkit export otter wrote no autograder zip")

    def export_nbgrader(self) -> None:
        course = self.dir / "nbgrader"
        try:
            timed([DLKIT, "export", "nbgrader", self.a.number, "--out", course], timeout=600)
            gen = timed([tool("nbgrader"), "generate_assignment", self.a.slug, "--force"], cwd=course, timeout=600,
                        check=False)
            if gen.rc != 0 or not (course / "release" / self.a.slug).is_dir():
                raise RuntimeError(f"nbgrader generate_assignment failed:\n{gen.stderr[-1500:]}")
            timed([DLKIT, "export", "nbgrader", self.a.number, "--out", course, "--submissions",
                   *[self.subs / s for s in self.students]], timeout=600)
        except RuntimeError as e:
            self.problems.append(f"nbgrader course: {str(e)[:600]}")
            return
        self.course = course
        log(f"  nbgrader course: {shell([course])}")


# -- readers ----------------------------------------------------------------------------

def dlkit_records(out: Path, students) -> dict[str, dict]:
    recs = {}
    for s in students:
        try:
            recs[s] = json.loads((out / s / "grading.json").read_text())
        except (OSError, ValueError):
            recs[s] = {"seconds": None, "score": None, "status": "missing"}
    return recs


def otter_score(out: Path):
    try:
        d = json.loads((out / "results.json").read_text())
    except (OSError, ValueError):
        return None
    if "score" in d:
        return d["score"]
    return sum(t.get("score", 0) for t in d.get("tests", []))


def nbgrader_scores(course: Path, assignment: str, students) -> dict:
    code = ("import json,sys\nfrom nbgrader.api import Gradebook\n"
            f"gb = Gradebook('sqlite:///{course / 'gradebook.db'}')\nout = {{}}\n"
            f"for s in {list(students)!r}:\n"
            "    try:\n"
            f"        out[s] = gb.find_submission({assignment!r}, s).score\n"
            "    except Exception:\n"
            "        out[s] = None\n"
            "gb.close()\nprint(json.dumps(out))\n")
    r = timed([PY, "-c", code], check=False)
    try:
        return json.loads(r.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {}


# -- variants ---------------------------------------------------------------------------

def variants(ws: Workspace, timeout: float) -> list[Variant]:
    a, n = ws.a, len(ws.students)
    vs = []

    def dlkit_class(r):
        out = ws.dir / "runs" / "dlkit_class"
        run = timed(grade_cmd(a.number, ws.subs, "--out", out, "--jobs", "1", "--force"), timeout=timeout,
                    sample_memory="cpu")
        recs = dlkit_records(out, ws.students)
        return {"wall": run.wall, "per_sub_wall": run.wall / n, "per_sub_cpu": run.cpu / n,
                "per_sub": {s: recs[s]["seconds"] for s in ws.students},
                "scores": {s: recs[s]["score"] for s in ws.students},
                "status": {s: recs[s].get("status") for s in ws.students}}

    vs.append(Variant("dlkit_class", f"dlkit grade, {n} submissions in one command, --jobs 1",
                      shell(grade_cmd(a.number, ws.subs, "--out", ws.dir / "runs/dlkit_class", "--jobs", "1",
                             "--force")), dlkit_class))

    def dlkit_cold(r):
        per, scores, cpu = {}, {}, {}
        for s in ws.single:
            out = ws.dir / "runs" / "dlkit_cold"
            run = timed(grade_cmd(a.number, ws.subs / s, "--out", out, "--jobs", "1", "--force", "--no-report"),
                        timeout=timeout, sample_memory="cpu")
            per[s], cpu[s] = run.wall, run.cpu
            scores[s] = dlkit_records(out, [s])[s]["score"]
        return {"per_sub": per, "scores": scores, "cpu": cpu}

    # Like the Gradescope runner: one submission per command, no report.html.
    vs.append(Variant("dlkit_cold", "dlkit grade, one command per submission (cold)",
                      shell(grade_cmd(a.number, ws.subs / ws.single[0], "--out", ws.dir / "runs/dlkit_cold",
                             "--jobs", "1", "--force", "--no-report")), dlkit_cold))

    if ws.otter_zip:
        def otter_run(r):
            per, scores, cpu = {}, {}, {}
            for s in ws.students:
                out = ws.dir / "runs" / "otter" / s
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir(parents=True)
                run = timed([tool("otter"), "run", "-a", ws.otter_zip, "-o", out, ws.pyfiles / f"{s}.py"],
                            cwd=ws.dir, timeout=timeout, check=False, sample_memory="cpu")
                per[s], cpu[s] = run.wall, run.cpu
                scores[s] = otter_score(out)
            return {"per_sub": per, "scores": scores, "cpu": cpu}

        vs.append(Variant("otter_run", "otter run, one command per submission",
                          shell([tool("otter"), "run", "-a", ws.otter_zip, "-o", "DIR", ws.pyfiles / "correct.py"]),
                          otter_run))

    if ws.course:
        course = ws.course

        def nb_class(r):
            run = timed([tool("nbgrader"), "autograde", a.slug, "--force"], cwd=course, timeout=timeout,
                        check=False, sample_memory="cpu")
            scores = nbgrader_scores(course, a.slug, ws.students)
            return {"wall": run.wall, "per_sub_wall": run.wall / n, "per_sub_cpu": run.cpu / n, "scores": scores,
                    "rc": run.rc}

        vs.append(Variant("nbgrader_class", f"nbgrader autograde, {n} students in one command",
                          f"cd {shell([course])} && nbgrader autograde {a.slug} --force", nb_class))

        def nb_student(r):
            per, cpu = {}, {}
            for s in ws.single:
                run = timed([tool("nbgrader"), "autograde", a.slug, "--student", s, "--force"], cwd=course,
                            timeout=timeout, check=False, sample_memory="cpu")
                per[s], cpu[s] = run.wall, run.cpu
            return {"per_sub": per, "scores": nbgrader_scores(course, a.slug, ws.single), "cpu": cpu}

        vs.append(Variant("nbgrader_student", "nbgrader autograde --student, one command per submission",
                          f"cd {shell([course])} && nbgrader autograde {a.slug} "
                          f"--student {ws.single[0]} --force", nb_student))

        def nb_api(r):
            res = OUT / "per_submission" / "runs" / "nbgrader_api.json"
            res.parent.mkdir(parents=True, exist_ok=True)
            timed([PY, "-m", "bench.tool_api", "nbgrader", course, a.slug, *ws.students, "--out", res],
                  timeout=timeout)
            recs = json.loads(res.read_text())
            return {"per_sub": {x["student"]: x["seconds"] for x in recs},
                    "scores": {x["student"]: x["score"] for x in recs}}

        vs.append(Variant("nbgrader_api", "NbGraderAPI.autograde, one warm process, per call",
                          shell([PY, "-m", "bench.tool_api", "nbgrader", course, a.slug, "STUDENT...", "--out",
                                 "R.json"]), nb_api))
    return vs


def per_sub_values(v: Variant, use_wall=False) -> list[float]:
    """All per-submission samples of a variant over the rounds."""
    xs = []
    for smp in v.samples:
        if use_wall and "per_sub_wall" in smp:
            xs.append(smp["per_sub_wall"])
        else:
            xs += [x for x in (smp.get("per_sub") or {}).values() if x is not None]
    return xs


def cpu_values(v: Variant) -> list[float]:
    """CPU seconds (user + system of the whole process tree, sampled) per submission, over the rounds."""
    xs = []
    for smp in v.samples:
        if "per_sub_cpu" in smp:
            xs.append(smp["per_sub_cpu"])
        else:
            xs += [x for x in (smp.get("cpu") or {}).values() if x is not None]
    return xs


def summarize(report, ws: Workspace, vs: list[Variant], rounds: int):
    sec = "1. per submission"
    by = {v.key: v for v in vs}
    n = len(ws.students)
    a = ws.a
    for p in ws.problems:
        report.add(sec, "setup problem", p, raw=p)
    dl = by["dlkit_class"]
    dl_class = median(per_sub_values(dl, use_wall=True))
    dl_json = median(per_sub_values(dl))
    report.add(sec, f"dlkit grade {a.number}, class mode: command wall / {n}", fmt_s(dl_class), n=rounds,
               command=dl.command, raw=per_sub_values(dl, use_wall=True))
    report.add(sec, "dlkit grade, grading.json seconds (worker + all tests), median", fmt_s(dl_json),
               n=len(per_sub_values(dl)), budget="< 0.5 s per submission per core",
               verdict="meets" if dl_json < 0.5 else "MISSES", command=dl.command, raw=per_sub_values(dl))
    cold = median(per_sub_values(by["dlkit_cold"]))
    report.add(sec, "dlkit grade, one submission per command (cold)", fmt_s(cold),
               n=len(per_sub_values(by["dlkit_cold"])), command=by["dlkit_cold"].command,
               raw=per_sub_values(by["dlkit_cold"]))
    results = {"dlkit_class": dl_class, "dlkit_json": dl_json, "dlkit_cold": cold}
    if "otter_run" in by:
        o = median(per_sub_values(by["otter_run"]))
        results["otter_run"] = o
        report.add(sec, "otter run, one command per submission", fmt_s(o), n=len(per_sub_values(by["otter_run"])),
                   command=by["otter_run"].command, raw=per_sub_values(by["otter_run"]))
    if "nbgrader_class" in by:
        nc = median(per_sub_values(by["nbgrader_class"], use_wall=True))
        ns = median(per_sub_values(by["nbgrader_student"]))
        na = median(per_sub_values(by["nbgrader_api"]))
        results.update(nbgrader_class=nc, nbgrader_student=ns, nbgrader_api=na)
        report.add(sec, f"nbgrader autograde, class mode: command wall / {n}", fmt_s(nc), n=rounds,
                   command=by["nbgrader_class"].command, raw=per_sub_values(by["nbgrader_class"], use_wall=True))
        report.add(sec, "nbgrader autograde --student, one command per submission", fmt_s(ns),
                   n=len(per_sub_values(by["nbgrader_student"])), command=by["nbgrader_student"].command,
                   raw=per_sub_values(by["nbgrader_student"]))
        report.add(sec, "nbgrader Python API (warm process), per submission", fmt_s(na),
                   n=len(per_sub_values(by["nbgrader_api"])), command=by["nbgrader_api"].command,
                   raw=per_sub_values(by["nbgrader_api"]))
    # CPU per submission: user + system time of each command's whole process tree (kernels included),
    # much less sensitive than wall time to other load on the machine.
    cpu = {}
    for key, label in (("dlkit_class", f"dlkit grade, class mode: CPU / {n}"),
                       ("dlkit_cold", "dlkit grade, one per command: CPU"),
                       ("otter_run", "otter run: CPU per command"),
                       ("nbgrader_class", f"nbgrader autograde, class mode: CPU / {n}"),
                       ("nbgrader_student", "nbgrader autograde --student: CPU per command")):
        if key in by and cpu_values(by[key]):
            cpu[key] = median(cpu_values(by[key]))
            report.add(sec, label, fmt_s(cpu[key]) + " CPU", n=len(cpu_values(by[key])), command=by[key].command)
    results["cpu"] = cpu
    # scores: every tool must agree with dlkit on every submission
    agree = []
    last = {v.key: v.samples[-1].get("scores", {}) for v in vs if v.samples}
    for s in ws.students:
        row = {k: sc.get(s) for k, sc in last.items() if s in sc}
        vals = {round(float(x), 3) for x in row.values() if x is not None}
        agree.append((s, row, len(vals) <= 1 and None not in row.values()))
    bad = [f"{ws.labels[s]}: {row}" for s, row, ok in agree if not ok]
    report.add(sec, "scores agree across tools (same submissions)",
               "yes" if not bad else "NO: " + "; ".join(bad)[:600], n=n)
    report.sections["per_submission"] = {"assignment": a.slug, "students": ws.labels, "results": results,
                                         "scores": {s: row for s, row, _ in agree},
                                         "samples": {v.key: v.samples for v in vs}}
    # The required lines (class mode, one core, same submissions, same run).
    if "otter_run" in results:
        report.conclude(f"dlkit grade vs otter run: {results['otter_run'] / dl_class:.1f}x faster per submission")
    else:
        report.conclude("dlkit grade vs otter run: not measured (no otter export: see the setup problems)")
    if "nbgrader_class" in results:
        report.conclude(f"dlkit grade vs nbgrader autograde: {results['nbgrader_class'] / dl_class:.1f}x faster "
                        "per submission")
    else:
        report.conclude("dlkit grade vs nbgrader autograde: not measured (no nbgrader export: see the setup problems)")
    detail = [f"  (class mode, {n} submissions of {a.slug} on one core: dlkit {fmt_s(dl_class)}/submission"]
    if "otter_run" in results:
        detail.append(f"otter run {fmt_s(results['otter_run'])}")
    if "nbgrader_class" in results:
        detail.append(f"nbgrader autograde {fmt_s(results['nbgrader_class'])}")
    report.conclude(", ".join(detail) + ")")
    if "otter_run" in results or "nbgrader_class" in results:
        extra = [f"  cold, one command per submission: dlkit grade {fmt_s(cold)}"]
        if "otter_run" in results:
            extra.append(f"otter run {fmt_s(results['otter_run'])} ({results['otter_run'] / cold:.1f}x)")
        if "nbgrader_student" in results:
            extra.append(f"nbgrader autograde --student {fmt_s(results['nbgrader_student'])} "
                         f"({results['nbgrader_student'] / cold:.1f}x)")
        report.conclude(", ".join(extra))
    if "dlkit_class" in cpu and ("otter_run" in cpu or "nbgrader_class" in cpu):
        parts = [f"  CPU per submission (less sensitive to other load): dlkit grade {fmt_s(cpu['dlkit_class'])}"]
        if "otter_run" in cpu:
            parts.append(f"otter run {fmt_s(cpu['otter_run'])} ({cpu['otter_run'] / cpu['dlkit_class']:.1f}x)")
        if "nbgrader_class" in cpu:
            parts.append(f"nbgrader autograde {fmt_s(cpu['nbgrader_class'])} "
                         f"({cpu['nbgrader_class'] / cpu['dlkit_class']:.1f}x)")
        report.conclude(", ".join(parts))
    if "nbgrader_api" in results:
        report.conclude(f"  nbgrader Python API, warm process: {fmt_s(results['nbgrader_api'])} per submission vs "
                        f"dlkit grade {fmt_s(dl_class)} ({results['nbgrader_api'] / dl_class:.1f}x)")
    return results
