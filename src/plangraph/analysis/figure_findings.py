"""Findings on figures: the same indicator with different values, years or scopes in
different plans, figures two plans set for one matter under different wordings, and the figures
only one plan sets (the ``target`` and ``figures`` kinds of :mod:`plangraph.analysis.findings`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import display
from .findings import LIST_NUMBER, Finding, _plan_name
from .project import GraphData, TargetNode

if TYPE_CHECKING:
    from .crosswalk import Crosswalk
    from .targets import TargetComparison, TargetRow

FIGURES_PER_SIDE = 8  # figures named per plan and matter in a ``figures`` finding
SIMILAR = 0.5  # least Dice similarity of two indicators' wordings to compare their figures


def _value(row: TargetRow | TargetNode) -> str:
    sign = display.comparator(row.comparator)
    if row.value is None:
        return display.direction(row.direction)
    value = row.value
    number = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    unit = row.count_noun if row.unit and row.unit.endswith("#Count") else display.unit(row.unit)
    if unit and "/" in unit and ":" in unit:  # a unit without a sign yet: its local name
        unit = unit.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    spacer = "" if not unit or unit == "%" or "\u4e00" <= unit[0] <= "\u9fff" else " "
    figure = f"{number}{spacer}{unit or ''}"
    arrow = display.direction(row.direction)
    if row.change and arrow in ("↑", "↓"):  # a change (against a base year): ↓ 14% vs 2020
        return " ".join(p for p in (arrow, "" if sign == "=" else sign, figure) if p) + (
            f" vs {row.base_year}" if row.base_year else ""
        )
    return " ".join(p for p in (sign, figure) if p)


def target_findings(
    data: GraphData,
    targets: Sequence[TargetComparison],
    pairs: Sequence[tuple[TargetNode, TargetNode]] = (),
) -> list[Finding]:
    """The same indicator with different values, years or scopes; then the figures of
    ``pairs`` (:func:`comparable_targets`), one indicator each, side by side."""
    out = []
    for comparison in targets:
        rows = [r for r in comparison.rows if r.value is not None]
        if len({r.plan for r in rows}) < 2:
            out += _year_findings(data, comparison)
            continue
        shapes = {(r.value, r.unit, r.target_year, r.scope) for r in rows}
        if len(shapes) < 2:
            continue
        shown: dict[str, TargetRow] = {}  # a figure a plan repeats is shown once
        for r in rows:
            where = f" ({data.label(r.scope)})" if r.scope else ""
            year = f", {r.target_year}" if r.target_year else ""
            shown.setdefault(f"{_plan_name(data, r.plan)}{where} {_value(r)}{year}", r)
        out.append(
            Finding(
                kind="target",
                text=f"{comparison.label}: " + "; ".join(shown),
                plans=tuple(dict.fromkeys(r.plan for r in rows)),
                quotes=tuple(r.quote for r in shown.values()),
                nodes=tuple(r.target for r in shown.values()),
            )
        )
    for a, b in pairs:
        parts = [f"{_plan_name(data, t.plan)} {_figure(data, t, _named(data, t))}" for t in (a, b)]
        out.append(
            Finding(
                kind="target",
                text="; ".join(parts),
                plans=(a.plan, b.plan),
                quotes=(a.quote, b.quote),
                nodes=(a.iri, b.iri),
            )
        )
    return out


def _year_findings(data: GraphData, comparison: TargetComparison) -> list[Finding]:
    """An indicator several plans target without a figure (二氧化碳排放达峰) for different
    years, or for the same years over different areas (京津冀 区域生态质量指数(EQI)基本稳定,
    粤港澳 珠三角生态质量指数(EQI)基本稳定): the years, plan by plan; the quotes taken from each
    plan in turn, so that the first on a screen show every plan."""
    by_plan: dict[str, list[TargetRow]] = {}
    for r in comparison.rows:
        if r.value is None and r.target_year:
            mine = by_plan.setdefault(r.plan, [])
            if r.quote not in {x.quote for x in mine}:  # a commitment a plan repeats, once
                mine.append(r)
    if len(by_plan) < 2:
        return []
    years = {
        p: sorted({r.target_year for r in rows if r.target_year}) for p, rows in by_plan.items()
    }
    if len({tuple(y) for y in years.values()}) > 1:
        text = f"{comparison.label} by: "
    elif len({frozenset(r.scope for r in rows) for rows in by_plan.values()}) > 1:
        text = f"{comparison.label}, for different areas: "
    else:
        return []
    parts = [
        f"{_plan_name(data, plan)} " + ", ".join(str(y) for y in found)
        for plan, found in years.items()
    ]
    turns = max(len(rows) for rows in by_plan.values())
    rows = [mine[k] for k in range(turns) for mine in by_plan.values() if k < len(mine)]
    return [
        Finding(
            kind="target",
            text=text + "; ".join(parts),
            plans=tuple(by_plan),
            quotes=tuple(r.quote for r in rows),
            nodes=tuple(r.target for r in rows),
        )
    ]


def _figure(data: GraphData, target: TargetNode, name: str | None = None) -> str:
    """``label value, year`` as people write it (森林覆盖率 15.18%, 2025)."""
    where = f" ({data.label(target.scope)})" if target.scope else ""
    year = f", {target.target_year}" if target.target_year else ""
    return f"{name or data.label(target.indicator)}{where} {_value(target)}{year}"


_VERB = re.compile(
    r"(?:提高到|提高至|提升到|提升至|达到|下降至|下降到|降至|降低到|降低至|控制在|保持在|稳定在|"
    r"不低于|不少于|不超过|超过|下降|降低|提高|增长|减少|比|较|约|为|达|在|到)+$"
)


def _named(data: GraphData, target: TargetNode) -> str:
    """What a compared figure measures: the indicator's label, or the quote's words before
    the figure when the label is only part of them (非化石能源占能源消费总量的比重, whose
    indicator reads 能源消费总量)."""
    label = data.label(target.indicator)
    words = _VERB.sub("", _wording(target, data))
    return words if label in words and len(words) > len(label) + 2 else label


_FIGURE = re.compile(r"[0-9０-９]")


def _wording(target: TargetNode, data: GraphData) -> str:
    """The words that say what a figure measures: the quote up to its first digit (the
    indicator's label when the quote opens with the figure), without a list number."""
    quote = LIST_NUMBER.sub("", target.quote)
    found = _FIGURE.search(quote)
    head = quote[: found.start()] if found else quote
    return head if len(head) >= 4 else data.label(target.indicator)


def _bigrams(text: str) -> frozenset[str]:
    text = re.sub(r"[^0-9A-Za-z\u3400-\u9fff]", "", text)
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def comparable_targets(
    data: GraphData, targets: Sequence[TargetComparison]
) -> list[tuple[TargetNode, TargetNode]]:
    """Figures of two plans for one matter under different indicators: for every pair of
    plans, the numeric targets in the same unit whose wordings (the indicator's label, or the
    quote's words before the figure) are each other's most similar, by Dice over character
    bigrams, reaching :data:`SIMILAR`.  Indicators two plans share are compared already
    (``targets``) and left out."""
    shared = {c.indicator for c in targets if c.plans >= 2}
    numeric = [t for t in data.targets if t.value is not None and t.indicator not in shared]
    by_plan: dict[str, list[TargetNode]] = {}
    for t in numeric:
        by_plan.setdefault(t.plan, []).append(t)
    words = {
        t.iri: (_bigrams(data.label(t.indicator)), _bigrams(_wording(t, data))) for t in numeric
    }

    def similarity(a: TargetNode, b: TargetNode) -> float:
        if a.unit != b.unit or a.indicator == b.indicator:
            return 0.0
        (la, wa), (lb, wb) = words[a.iri], words[b.iri]
        return max(_dice(la, lb), _dice(wa, wb))

    plans = [p.iri for p in data.plans if p.iri in by_plan]
    out = []
    for k, plan_a in enumerate(plans):
        for plan_b in plans[k + 1 :]:
            left, right = by_plan[plan_a], by_plan[plan_b]
            scores = [[similarity(a, b) for b in right] for a in left]
            for i, a in enumerate(left):
                if not right:
                    break
                j = max(range(len(right)), key=lambda m: (scores[i][m], -m))
                best = scores[i][j]
                column = max(scores[m][j] for m in range(len(left)))
                if best >= SIMILAR and best >= column:
                    out.append((a, right[j]))
    # one indicator of a plan is compared once: its first (most similar) pairing
    seen: set[tuple[str, str]] = set()
    kept = []
    for a, b in out:
        key = (a.indicator, b.indicator)
        if key not in seen:
            seen.add(key)
            kept.append((a, b))
    return kept


def _figures_text(data: GraphData, figures: Sequence[TargetNode]) -> str:
    """At most :data:`FIGURES_PER_SIDE` figures (each once), then how many more."""
    distinct = list(dict.fromkeys(_figure(data, t) for t in figures))
    shown = distinct[:FIGURES_PER_SIDE]
    more = len(distinct) - len(shown)
    return "; ".join(shown) + (f" (+{more})" if more > 0 else "")


def figure_findings(
    data: GraphData,
    targets: Sequence[TargetComparison],
    pairs: Sequence[tuple[TargetNode, TargetNode]],
    crosswalk: Crosswalk,
) -> list[Finding]:
    """The figures only one plan sets, by matter (see the module docstring)."""
    compared = {c.indicator for c in targets if c.plans >= 2}
    paired = {(t.plan, t.indicator) for pair in pairs for t in pair}  # compared already
    alone: dict[str, list[TargetNode]] = {}  # task -> its figures no other plan matches
    goals: dict[str, list[TargetNode]] = {}  # plan -> its own goals (the plan sets them)
    for t in data.targets:
        if t.value is None or t.indicator in compared or (t.plan, t.indicator) in paired:
            continue
        if t.owner in data.task_by_iri:
            alone.setdefault(t.owner, []).append(t)
        else:
            goals.setdefault(t.plan, []).append(t)
    if len(data.plans) < 2 or not (alone or goals):
        return []
    out = []
    if goals:  # the plans' own goals (their 主要目标 and indicator tables) first
        plans = [p.iri for p in data.plans if p.iri in goals]
        out.append(
            Finding(
                kind="figures",
                text=" | ".join(
                    f"{_plan_name(data, plan)} goals: {_figures_text(data, goals[plan])}"
                    for plan in plans
                ),
                plans=tuple(plans),
                quotes=tuple(t.quote for plan in plans for t in goals[plan]),
                nodes=tuple(t.iri for plan in plans for t in goals[plan]),
            )
        )
    placed: set[str] = set()
    for row in crosswalk.rows:
        sides = [(task, alone.get(task, [])) for task in row.tasks]
        if not any(figures for _, figures in sides):
            continue
        parts, quotes, nodes = [], [], []
        for task, figures in sides:
            placed.add(task)
            node = data.task_by_iri[task]
            listed = _figures_text(data, figures) or "no figure of its own"
            parts.append(f"{_plan_name(data, node.plan)} ({node.key}) {node.label}: {listed}")
            quotes += [t.quote for t in figures]
            nodes += [t.iri for t in figures]
        out.append(
            Finding(
                kind="figures",
                text=" | ".join(parts),
                plans=tuple(dict.fromkeys(data.task_by_iri[t].plan for t in row.tasks)),
                quotes=tuple(quotes),
                nodes=tuple(nodes),
            )
        )
    lone: dict[str, list[str]] = {}  # each plan's tasks with figures of their own, in order
    for node in data.tasks:
        if node.iri in alone and node.iri not in placed:
            lone.setdefault(node.plan, []).append(node.iri)
    for plan in data.plans:
        tasks = lone.get(plan.iri, [])
        if not tasks:
            continue
        parts, quotes, nodes = [], [], []
        for task in tasks:
            node, figures = data.task_by_iri[task], alone[task]
            parts.append(f"({node.key}) {node.label}: " + _figures_text(data, figures))
            quotes += [t.quote for t in figures]
            nodes += [t.iri for t in figures]
        out.append(
            Finding(
                kind="figures",
                text=f"Only {_plan_name(data, plan.iri)}: " + " | ".join(parts),
                plans=(plan.iri,),
                quotes=tuple(quotes),
                nodes=tuple(nodes),
            )
        )
    return out
