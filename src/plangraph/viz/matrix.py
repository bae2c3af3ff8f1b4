"""The theme × region matrix: which themes each region's plans carry, and how strongly.

Rows are themes, columns regions (a plan without a region is its own column).  A cell
counts the region's tasks that carry the theme (pg:hasTheme): where the graph says how
strongly a task addresses a theme (pg:hasMainTheme, or the pg:themeStrength of its theme
matches: :attr:`plangraph.projection.GraphData.theme_strength`), the tasks whose
main matter it is are counted apart from those that only mention it, and a region
*addresses* a theme only through the former; otherwise every task that carries the theme
counts.  Rows are grouped by how many regions address the theme (all, several, one), so
what is shared and what one region alone takes up read at a glance.  The colour of a cell
grows with the share of the region's tasks it counts (a region of three plans has more
tasks than one of one plan); hovering shows the tasks.  A plain HTML table (:mod:`.pages`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..files import write_atomic
from ..graph import natural_key
from .pages import render

if TYPE_CHECKING:
    from ..projection import GraphData

FILE = "theme-matrix.html"  # the template has the same name
MAX_COLUMNS = 40  # regions shown; a larger corpus shows those with the most tasks
TIP_TASKS = 12  # tasks named in a cell's tooltip
GROUPS = (
    ("all", "所有区域 Addressed by every region"),
    ("several", "多个区域 Addressed by several regions"),
    ("one", "仅一个区域 Addressed by one region only"),
    ("none", "仅被提及 Only mentioned"),
)


@dataclass(frozen=True, slots=True)
class Cell:
    main: tuple[str, ...]  # task IRIs whose main matter the theme is (or every carrier)
    mentioned: tuple[str, ...]  # task IRIs that only mention it


def cells(data: GraphData) -> dict[tuple[str, str], Cell]:
    """(theme, region) -> the region's tasks that carry the theme, main and mentioned."""
    strength = data.theme_strength
    known = bool(strength or data.task_main_themes)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)  # (task, theme) -> strengths
    for task, themes in data.task_themes.items():  # a task carries a theme: pg:hasTheme
        principal = set(data.task_main_themes.get(task, ()))
        for theme in themes:
            value = "main" if theme in principal else strength.get((task, theme), "mentioned")
            pairs[task, theme].add(value if known else "main")
    found: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    order = {t.iri: i for i, t in enumerate(data.tasks)}
    for (task, theme), values in sorted(
        pairs.items(), key=lambda kv: (order.get(kv[0][0], len(order)), natural_key(kv[0][1]))
    ):
        node = data.task_by_iri.get(task)
        if node is None or node.plan not in data.plan_by_iri:
            continue
        region = data.plan_by_iri[node.plan].region
        main, mentioned = found.setdefault((theme, region), ([], []))
        (main if "main" in values else mentioned).append(task)
    return {k: Cell(tuple(m), tuple(n)) for k, (m, n) in found.items()}


def matrix_context(
    data: GraphData, region: str | None = None, theme: str | None = None
) -> dict[str, Any]:
    """What the template shows, as plain values (tested without a browser)."""
    table = cells(data)
    strength = bool(data.theme_strength or data.task_main_themes)
    region_label: dict[str, str] = {}
    region_plans: dict[str, int] = defaultdict(int)
    region_tasks: dict[str, int] = defaultdict(int)
    for plan in data.plans:
        region_label.setdefault(plan.region, plan.region_label or plan.label or plan.id)
        region_plans[plan.region] += 1
    for task in data.tasks:
        if task.plan in data.plan_by_iri:
            region_tasks[data.plan_by_iri[task.plan].region] += 1
    regions = list(data.regions)
    total = len(regions)
    if region is not None:
        regions = [r for r in regions if r == region]
    hidden = 0
    if len(regions) > MAX_COLUMNS:
        keep = set(sorted(regions, key=lambda r: (-region_tasks[r], natural_key(r)))[:MAX_COLUMNS])
        hidden = len(regions) - MAX_COLUMNS
        regions = [r for r in regions if r in keep]
    themes = sorted({t for t, _ in table}, key=natural_key)
    if theme is not None:
        themes = [t for t in themes if t == theme]

    def share(key: tuple[str, str]) -> float:
        return len(table[key].main) / max(region_tasks[key[1]], 1)

    peak = max((share(k) for k in table), default=1.0) or 1.0
    rows: list[dict[str, Any]] = []
    for t in themes:
        row_cells = []
        addressed = 0
        for r in data.regions:
            cell = table.get((t, r))
            if cell is not None and cell.main:
                addressed += 1
        main_total = sum(len(c.main) for (tt, _), c in table.items() if tt == t)
        all_total = main_total + sum(len(c.mentioned) for (tt, _), c in table.items() if tt == t)
        for r in regions:
            cell = table.get((t, r), Cell((), ()))
            level = share((t, r)) / peak if cell.main else 0.0
            row_cells.append(_cell(data, cell, region_label[r], data.label(t), level))
        group = (
            "none"
            if addressed == 0
            else "all"
            if addressed == total > 1
            else "one"
            if addressed == 1
            else "several"
        )
        rows.append(
            {
                "group": group,
                "zh": data.label(t),
                "en": data.label_en(t) if data.label_en(t) != data.label(t) else "",
                "addressed": addressed,
                "cells": row_cells,
                "key": (-addressed, -main_total, -all_total, data.label(t)),
            }
        )
    rows.sort(key=lambda row: row["key"])
    groups = []
    for key, title in GROUPS:
        members = [row for row in rows if row["group"] == key]
        if members:
            groups.append({"key": key, "title": title, "rows": members})
    return {
        "regions": [
            {
                "name": region_label[r],
                "plans": region_plans[r],
                "tasks": region_tasks[r],
            }
            for r in regions
        ],
        "total": total,
        "groups": groups,
        "strength": strength,
        "hidden": hidden,
        "themes": len(rows),
    }


def _cell(data: GraphData, cell: Cell, region: str, theme: str, level: float) -> dict[str, Any]:
    """One cell; ``level`` in [0, 1]: its share of the region's tasks, relative to the
    largest share in the matrix."""

    def names(tasks: tuple[str, ...]) -> list[str]:
        shown = [f"({data.task_by_iri[t].key}) {data.task_by_iri[t].label}" for t in tasks]
        if len(shown) > TIP_TASKS:
            shown = [*shown[:TIP_TASKS], f"… +{len(shown) - TIP_TASKS}"]
        return shown

    lines = [f"{region} · {theme}"]
    if cell.main:
        lines.append(f"任务 tasks ({len(cell.main)}): " + "; ".join(names(cell.main)))
    if cell.mentioned:
        lines.append(
            f"仅提及 mentioned ({len(cell.mentioned)}): " + "; ".join(names(cell.mentioned))
        )
    if cell.main:
        shade = round(0.18 + 0.72 * level, 2)
        style = f"background: rgba(47,111,214,{shade}); color: {'#fff' if shade > 0.55 else '#123'}"
        kind = "main"
    elif cell.mentioned:
        style, kind = "", "mentioned"
    else:
        style, kind = "", "empty"
    return {
        "main": len(cell.main),
        "mentioned": len(cell.mentioned),
        "kind": kind,
        "style": style,
        "title": "\n".join(lines) if cell.main or cell.mentioned else "",
    }


def render_matrix(
    data: GraphData,
    region: str | None = None,
    theme: str | None = None,
    narrowed: tuple[str, ...] = (),
) -> str:
    return render(FILE, narrowed=list(narrowed), **matrix_context(data, region, theme))


def write_matrix(data: GraphData, outdir: str | os.PathLike[str]) -> Path:
    """Write ``theme-matrix.html`` into ``outdir``."""
    return write_atomic(Path(outdir) / FILE, render_matrix(data).encode("utf-8"))
