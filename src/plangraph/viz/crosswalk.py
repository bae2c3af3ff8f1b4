"""The crosswalk view: plans as columns, the tasks that are the same matter side by side.

One row per crosswalk row (same-matter pairs chained across plans), each task with its
partial overlaps in other plans listed under it; a last row holds each plan's tasks without
a counterpart.  A plain HTML table (no graph drawing): it reads at a glance, prints, and
needs no script but a small inline filter (:mod:`.pages`).  Written by ``plangraph viz``
as ``crosswalk.html``; ``write_crosswalk(data, crosswalk, folder)`` writes it alone.

What it shows is the crosswalk the graph holds (the pg:Alignment and pg:CrosswalkRow nodes
``plangraph build`` writes, the same that SPARQL sees); a graph built without the analysis
gets it computed here, as the build would.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic
from .pages import render

if TYPE_CHECKING:
    from typing import TypeAlias

    import pyoxigraph as ox

    from ..analysis.crosswalk import Crosswalk
    from ..projection import GraphData, StoredCrosswalk

    AnyCrosswalk: TypeAlias = Crosswalk | StoredCrosswalk

FILE = "crosswalk.html"
MAX_PLANS = 12  # columns; a larger corpus shows its first plans (the JSON has them all)


def compute(data: GraphData, store: ox.Store | None = None) -> AnyCrosswalk | None:
    """The task crosswalk: the one in ``store`` when it holds one, else computed on
    ``data``; None when there is none to show: fewer than two plans, or more than the
    build compares (:data:`plangraph.pipeline.COMPARE_UP_TO`)."""
    from ..analysis.crosswalk import analyze_crosswalk
    from ..pipeline import COMPARE_UP_TO
    from ..projection import read_crosswalk

    stored = read_crosswalk(store, data) if store is not None else None
    if stored is not None:
        return stored
    if not 2 <= len(data.plans) <= COMPARE_UP_TO:
        return None
    return analyze_crosswalk(data)


def crosswalk_context(
    data: GraphData,
    crosswalk: AnyCrosswalk | None,
    region: str | None = None,
    theme: str | None = None,
) -> dict[str, Any]:
    """What the template shows, as plain values (tested without a browser).

    ``region`` keeps the rows where a plan of that region has a task (with their
    counterparts everywhere); ``theme`` the rows where a task carries that theme.
    """
    from ..analysis.render import Names

    names = Names(data)
    plans = list(data.plans)[:MAX_PLANS]
    counts = {p.iri: 0 for p in plans}
    for t in data.tasks:
        if t.plan in counts:
            counts[t.plan] += 1
    context: dict[str, Any] = {
        "plans": [{"name": names.plan(p.iri), "count": counts[p.iri]} for p in plans],
        "rows": [],
        "unique": [[] for _ in plans],
        "note": "",
        "hidden": max(0, len(data.plans) - MAX_PLANS),
    }
    if crosswalk is None:
        context["note"] = (
            "未计算任务对应：需要2个以上方案，且不超过构建时比较的方案数。"
            "No crosswalk: it needs two plans or more, and no more than the build compares."
        )
        return context
    shown = {p.iri for p in plans}
    partial: dict[str, list[str]] = {}
    best: dict[str, float] = {}
    for x in crosswalk.alignments:
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

    def wanted(tasks: tuple[str, ...]) -> bool:
        if region is not None and not any(
            data.plan_by_iri[data.task_by_iri[t].plan].region == region for t in tasks
        ):
            return False
        return theme is None or any(theme in data.task_themes.get(t, ()) for t in tasks)

    for row in crosswalk.rows:
        if not wanted(row.tasks):
            continue
        cells = [[task(t) for t in row.tasks if data.task_by_iri[t].plan == p.iri] for p in plans]
        if sum(1 for c in cells if c) >= 2:
            context["rows"].append({"cells": cells})
    context["unique"] = [
        [task(t, scored=False) for t in crosswalk.unique.get(p.iri, ()) if wanted((t,))]
        for p in plans
    ]
    return context


def render_crosswalk(
    data: GraphData,
    crosswalk: AnyCrosswalk | None,
    region: str | None = None,
    theme: str | None = None,
    narrowed: tuple[str, ...] = (),
) -> str:
    context = crosswalk_context(data, crosswalk, region, theme)
    return render(FILE, narrowed=list(narrowed), **context)


def write_crosswalk(
    data: GraphData, crosswalk: AnyCrosswalk | None, outdir: str | os.PathLike[str]
) -> Path:
    """Write ``crosswalk.html`` into ``outdir``."""
    return write_atomic(Path(outdir) / FILE, render_crosswalk(data, crosswalk).encode("utf-8"))
