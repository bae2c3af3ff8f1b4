"""The crosswalk view: plans as columns, the tasks that are the same matter side by side.

One row per crosswalk row (same-matter pairs chained across plans), each task with its
partial overlaps in other plans listed under it; a last row holds each plan's tasks without
a counterpart.  A plain HTML table (no graph drawing): it reads at a glance, prints, and
needs no script but a small inline filter.  Offline and escaped like the other views:
autoescape on, a Content-Security-Policy that allows only the inline style and the one
inline script (by hash), and no external reference.

Not yet written by ``plangraph viz``: the views there are being reworked for corpus scale,
and their tests expect the vis-network views only; ``write_crosswalk(analyze(store), dir)``
writes it.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic

if TYPE_CHECKING:
    from ..analysis import Analysis

FILE = "crosswalk.html"
MAX_PLANS = 12  # columns; a larger corpus shows its first plans (the JSON has them all)

SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  var rows = document.querySelectorAll("#crosswalk tr.row");
  box.addEventListener("input", function () {
    var q = box.value.trim();
    rows.forEach(function (row) {
      row.style.display = !q || row.textContent.indexOf(q) >= 0 ? "" : "none";
    });
  });
})();
""".strip()


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def crosswalk_context(result: Analysis) -> dict[str, Any]:
    """What the template shows, as plain values (tested without a browser)."""
    from ..analysis.render import Names

    data, cw = result.data, result.crosswalk
    names = Names(data)
    plans = list(data.plans)[:MAX_PLANS]
    shown = {p.iri for p in plans}
    partial: dict[str, list[str]] = {}
    best: dict[str, float] = {}
    for x in cw.alignments:
        if x.grade == "partial":
            if x.plan_b in shown:
                partial.setdefault(x.a, []).append(names.task(x.b))
            if x.plan_a in shown:
                partial.setdefault(x.b, []).append(names.task(x.a))
        else:
            best[x.a] = max(best.get(x.a, 0.0), x.score)
            best[x.b] = max(best.get(x.b, 0.0), x.score)

    def task(iri: str, scored: bool = True) -> dict[str, Any]:
        node = data.task_by_iri[iri]
        return {
            "iri": iri,
            "key": node.key,
            "title": node.label,
            "score": f"{best[iri]:.2f}" if scored and iri in best else "",
            "partial": partial.get(iri, []),
        }

    rows = []
    for row in cw.rows:
        cells = [[task(t) for t in row.tasks if data.task_by_iri[t].plan == p.iri] for p in plans]
        if sum(1 for c in cells if c) >= 2:
            rows.append({"cells": cells})
    unique = [[task(t, scored=False) for t in cw.unique.get(p.iri, ())] for p in plans]
    counts = {p.iri: 0 for p in plans}
    for t in data.tasks:
        if t.plan in counts:
            counts[t.plan] += 1
    return {
        "plans": [{"name": names.plan(p.iri), "count": counts[p.iri]} for p in plans],
        "rows": rows,
        "unique": unique,
    }


def render_crosswalk(result: Analysis) -> str:
    from jinja2 import Environment, StrictUndefined

    from ..resources import read_text

    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(read_text("viz", FILE))
    html: str = template.render(csp=_csp(), script=_Markup(SCRIPT), **crosswalk_context(result))
    return html


def write_crosswalk(result: Analysis, outdir: str | os.PathLike[str]) -> Path:
    """Write ``crosswalk.html`` into ``outdir``."""
    return write_atomic(Path(outdir) / FILE, render_crosswalk(result).encode("utf-8"))


def _Markup(text: str) -> Any:
    from markupsafe import Markup

    return Markup(text)
