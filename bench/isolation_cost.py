"""Section 4: the cost of isolation, per submission, on the same submissions as section 1.

- strong: ``dlkit grade NN SUBS --jobs 1`` (bubblewrap + setpriv worker): grading.json ``seconds``
  (this is section 1's dlkit class-mode run, the same samples);
- portable: ``dlkit grade NN SUBS --jobs 1 --insecure --backend portable``: grading.json ``seconds``;
- in-process: the same batch pytest session with the module imported into the grading process
  (``python -m bench.inproc inprocess``), timed over the same span as grading.json ``seconds``;
- run_local: :func:`autograder.local_run.run_local` per module in one warm process (a whole pytest
  session per module, collection included: what ``dlkit check`` pays).
"""

from __future__ import annotations

import json

from bench.common import PY, fmt_s, grade_cmd, median, shell, timed
from bench.per_submission import Variant, Workspace, cpu_values, dlkit_records, per_sub_values


def variants(ws: Workspace, timeout: float) -> list[Variant]:
    a, n = ws.a, len(ws.students)
    vs = []

    def portable(r):
        out = ws.dir / "runs" / "dlkit_portable"
        run = timed(grade_cmd(a.number, ws.subs, "--out", out, "--jobs", "1", "--force", "--insecure",
                     "--backend", "portable"), timeout=timeout, sample_memory="cpu")
        recs = dlkit_records(out, ws.students)
        return {"wall": run.wall, "per_sub_wall": run.wall / n, "per_sub_cpu": run.cpu / n,
                "per_sub": {s: recs[s]["seconds"] for s in ws.students},
                "scores": {s: recs[s]["score"] for s in ws.students}}

    vs.append(Variant("dlkit_portable", "dlkit grade --insecure --backend portable",
                      shell(grade_cmd(a.number, ws.subs, "--out", ws.dir / "runs/dlkit_portable", "--jobs", "1",
                             "--force", "--insecure", "--backend", "portable")), portable))

    def harness(kind):
        def run(r):
            res = ws.dir / "runs" / f"{kind}.json"
            res.parent.mkdir(parents=True, exist_ok=True)
            timed([PY, "-m", "bench.inproc", kind, a.number, ws.subs, "--out", res], timeout=timeout)
            d = json.loads(res.read_text())
            return {"per_sub": {x["student"]: x["seconds"] for x in d["per_sub"]},
                    "scores": {x["student"]: x["score"] for x in d["per_sub"]},
                    "grader_cpu": {x["student"]: x.get("grader_cpu") for x in d["per_sub"]}}
        return run

    vs.append(Variant("inprocess", "in-process baseline (same batch session, no worker)",
                      shell([PY, "-m", "bench.inproc", "inprocess", a.number, ws.subs, "--out", "R.json"]),
                      harness("inprocess")))
    vs.append(Variant("run_local", "in-process, autograder.local_run.run_local per module",
                      shell([PY, "-m", "bench.inproc", "run_local", a.number, ws.subs, "--out", "R.json"]),
                      harness("run_local")))
    return vs


def summarize(report, ws: Workspace, vs: list[Variant], strong: Variant):
    sec = "4. isolation cost"
    by = {v.key: v for v in vs}
    s = median(per_sub_values(strong))
    p = median(per_sub_values(by["dlkit_portable"]))
    i = median(per_sub_values(by["inprocess"]))
    rl = median(per_sub_values(by["run_local"]))
    report.add(sec, "strong (bubblewrap) backend, grading.json seconds", fmt_s(s), n=len(per_sub_values(strong)),
               command=strong.command)
    report.add(sec, "portable backend (--insecure --backend portable)", fmt_s(p),
               n=len(per_sub_values(by["dlkit_portable"])), command=by["dlkit_portable"].command)
    report.add(sec, "in-process baseline, same span (batch session)", fmt_s(i), n=len(per_sub_values(by["inprocess"])),
               command=by["inprocess"].command)
    report.add(sec, "in-process, run_local per module (own pytest session)", fmt_s(rl),
               n=len(per_sub_values(by["run_local"])), command=by["run_local"].command)
    sc, pc = median(cpu_values(strong)), median(cpu_values(by["dlkit_portable"]))
    report.add(sec, f"whole command CPU / {len(ws.students)}: strong vs portable",
               f"{fmt_s(sc)} vs {fmt_s(pc)} CPU per submission", n=len(cpu_values(strong)))
    report.add(sec, "isolation cost: strong - in-process", f"{fmt_s(s - i)} per submission ({s / i:.1f}x)")
    report.add(sec, "sandbox cost: strong - portable", f"{fmt_s(s - p)} per submission ({s / p:.2f}x)")
    bad = []
    for v in [strong, *vs]:
        sc = v.samples[-1].get("scores", {}) if v.samples else {}
        for st, val in sc.items():
            ref = strong.samples[-1]["scores"].get(st) if strong.samples else None
            if ref is not None and val is not None and isinstance(val, (int, float)) and abs(val - ref) > 1e-9:
                bad.append(f"{v.key}/{ws.labels.get(st, st)}: {val} vs {ref}")
    report.add(sec, "scores agree (strong, portable, in-process)", "yes" if not bad else "NO: " + "; ".join(bad)[:500])
    report.sections["isolation"] = {"strong": s, "portable": p, "inprocess": i, "run_local": rl,
                                    "samples": {v.key: v.samples for v in vs}}
    return {"strong": s, "portable": p, "inprocess": i, "run_local": rl}
