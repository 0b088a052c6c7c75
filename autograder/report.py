"""``report.html``: a class at a glance, with matplotlib figures embedded as PNG."""

from __future__ import annotations

import base64
import html
import io
from collections import defaultdict
from pathlib import Path

from autograder.results import atomic_write

HARDEST = 25  # tests shown in the pass-rate-per-test figure (the full table is tests.csv)


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def figures(records: list[dict]) -> dict[str, str]:
    """The report's figures as data URLs: histogram, pass rates per function and test, time per submission."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figs = {}
    scores = [r["score"] for r in records]
    fig, ax = plt.subplots(figsize=(6, 3), layout="constrained")
    ax.hist(scores, bins=[i * 10 for i in range(11)], color="#4c72b0", edgecolor="white")
    ax.set_xlabel("score")
    ax.set_ylabel("submissions")
    ax.set_title("Score distribution")
    figs["histogram"] = _png(fig)

    by_function, by_test = defaultdict(list), defaultdict(list)
    for r in records:
        for t in r["tests"]:
            by_function[t["function"]].append(t["passed"])
            by_test[t["name"]].append(t["passed"])
    hardest = sorted(by_test, key=lambda k: sum(by_test[k]) / len(by_test[k]))[:HARDEST]
    for key, data, title in (("functions", by_function, "Pass rate per function"),
                             ("tests", {k: by_test[k] for k in hardest}, f"The {HARDEST} hardest tests")):
        names = list(data)
        rates = [100 * sum(v) / len(v) for v in data.values()]
        fig, ax = plt.subplots(figsize=(7, 0.22 * len(names) + 1), layout="constrained")
        ax.barh(names[::-1], rates[::-1], color="#55a868")
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of submissions passing")
        ax.set_title(title)
        ax.tick_params(axis="y", labelsize=7 if key == "tests" else 9)
        figs[key] = _png(fig)

    slow = sorted(records, key=lambda r: r["seconds"], reverse=True)[:15]
    fig, ax = plt.subplots(figsize=(7, 0.22 * len(slow) + 1), layout="constrained")
    ax.barh([r["student"] for r in slow][::-1], [r["seconds"] for r in slow][::-1], color="#c44e52")
    ax.set_xlabel("seconds")
    ax.set_title("Slowest submissions")
    figs["time"] = _png(fig)
    return figs


def write_report(out_dir: Path, a, records: list[dict]) -> Path:
    path = Path(out_dir) / "report.html"
    n = len(records)
    if not n:
        atomic_write(path, f"<!doctype html><title>{a.slug}</title><p>No graded submissions.</p>\n")
        return path
    figs = figures(records)
    scores = sorted(r["score"] for r in records)
    mean = sum(scores) / n
    median = scores[n // 2] if n % 2 else (scores[n // 2 - 1] + scores[n // 2]) / 2
    errors = [r for r in records if r["status"] != "graded"]
    rows = "\n".join(
        f"<tr><td>{html.escape(r['student'])}</td><td>{r['score']:g}/{r['max_score']:g}</td>"
        f"<td>{html.escape(r['status'])}</td><td>{r['seconds']:.2f}</td></tr>"
        for r in sorted(records, key=lambda r: r["student"]))
    body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dlkit report: {html.escape(a.slug)}</title>
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto}} td,th{{padding:2px 10px;text-align:left}}
img{{max-width:100%}} .bad{{color:#b00}}</style></head><body>
<h1>{html.escape(a.slug)}: class report</h1>
<p>{n} submissions; mean {mean:.1f}, median {median:g}; {len(errors)} with errors
(<span class="bad">{', '.join(html.escape(r['student']) for r in errors[:20])}</span>).</p>
<h2>Scores</h2><img alt="score histogram" src="{figs['histogram']}">
<h2>Pass rate per function</h2><img alt="pass rate per function" src="{figs['functions']}">
<h2>Hardest tests</h2><img alt="pass rate of the hardest tests" src="{figs['tests']}">
<h2>Time per submission</h2><img alt="slowest submissions" src="{figs['time']}">
<h2>Gradebook</h2><table><tr><th>student</th><th>score</th><th>status</th><th>seconds</th></tr>
{rows}
</table></body></html>
"""
    atomic_write(path, body)
    return path
