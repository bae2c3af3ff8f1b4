"""The analysis as text: Markdown for people, JSON for programs (both deterministic).

:class:`Names` gives the short display names the Markdown and the HTML report share.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import display, model
from ..graph import PG
from .linkage import TASK_KINDS
from .project import GraphData

if TYPE_CHECKING:
    from . import Analysis
    from .linkage import Linkage
    from .reuse import Location
    from .targets import TargetRow

UNIT_SIGN = {
    "http://qudt.org/vocab/unit/MicroGM-PER-M3": "µg/m³",
    "http://qudt.org/vocab/unit/PERCENT": "%",
    PG + "PercentagePoint": "pp",
    PG + "Count": "",
}
COMPARATOR_SIGN = {PG + name: sign for name, sign in model.COMPARATOR_SIGN.items()}
KIND_TITLE = {
    "theme": "Tasks sharing themes",
    "place": "Tasks naming the same places",
    "indicator": "Tasks targeting the same indicator",
    "text": "Most similar task text (character 2–3-gram TF-IDF cosine)",
    "outside-place": "Places named outside the plan's own region",
}


def local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class Names:
    """Short display names: a plan by its region when each region has one plan."""

    def __init__(self, data: GraphData) -> None:
        self.data = data
        per_region: dict[str, int] = {}
        for plan in data.plans:
            per_region[plan.region] = per_region.get(plan.region, 0) + 1
        self._plans = {
            p.iri: p.region_label if per_region[p.region] == 1 and p.region_label else p.id
            for p in data.plans
        }

    def plan(self, iri: str) -> str:
        return self._plans.get(iri) or local_name(iri)

    def region(self, iri: str) -> str:
        for plan in self.data.plans:
            if plan.region == iri:
                return plan.region_label or local_name(iri)
        return self.data.label(iri)

    def task(self, iri: str) -> str:
        task = self.data.task_by_iri.get(iri)
        if task is None:
            return self.node(iri)
        return f"{self.plan(task.plan)} ({task.key}) {task.label}"

    def node(self, iri: str) -> str:
        if iri in self.data.task_by_iri:
            return self.task(iri)
        if iri in self.data.plan_by_iri:
            return self.plan(iri)
        return self.data.label(iri)

    def theme(self, iri: str) -> str:
        zh, en = self.data.label(iri), self.data.label_en(iri)
        return zh if zh == en else f"{zh} ({en})"

    def unit_of(self, location: Location) -> str:
        if location.unit_kind == "task":
            return f"task {location.task_key}"
        return location.unit_kind or "text"


def value_text(row: TargetRow) -> str:
    """``≤ 33 µg/m³``, ``≥ 700 家``, ``↓`` for a target without a number."""
    sign = COMPARATOR_SIGN.get(row.comparator or "", "")
    if row.value is None:
        return local_name(row.direction) if row.direction else ""
    unit = display.unit(row.unit)
    if row.unit == PG + "Count" or (not unit and row.count_noun):
        unit = row.count_noun or ""
    value = row.value
    number = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    spacer = "" if not unit or unit == "%" or "\u4e00" <= unit[0] <= "\u9fff" else " "
    return " ".join(part for part in (sign, f"{number}{spacer}{unit}") if part)


# --------------------------------------------------------------------------- JSON


def to_dict(result: Analysis) -> dict[str, Any]:
    data = result.data
    return {
        "plans": [
            {
                "plan": p.iri,
                "id": p.id,
                "label": p.label,
                "region": p.region,
                "regionLabel": p.region_label,
                "tasks": sum(1 for t in data.tasks if t.plan == p.iri),
            }
            for p in data.plans
        ],
        "themes": [
            {
                "theme": t.theme,
                "label": t.label,
                "labelEn": t.label_en,
                "sharing": t.sharing,
                "broad": t.broad,
                "specificity": _round(t.specificity),
                "regions": list(t.regions),
                "strengths": list(t.strengths),
                "plans": list(t.plans),
                "tasks": list(t.tasks),
                "mainTasks": list(t.main_tasks),
            }
            for t in result.themes.themes
        ],
        "regionSimilarity": [
            {
                "a": s.a,
                "b": s.b,
                "jaccard": _round(s.jaccard),
                "weightedJaccard": _round(s.weighted),
                "sharedThemes": list(s.shared),
            }
            for s in result.themes.similarity
        ],
        "linkages": {
            "exact": result.linkages.exact,
            "links": [_link(link) for link in result.linkages.links],
        },
        "reuse": {
            "shingle": result.reuse.shingle,
            "window": result.reuse.window,
            "minLength": result.reuse.min_length,
            "passages": [
                {
                    "text": p.text,
                    "plans": p.plans,
                    "identity": _round(p.identity),
                    "boilerplate": p.boilerplate,
                    "reason": p.reason,
                    "locations": [
                        {
                            "plan": loc.plan,
                            "unit": loc.unit,
                            "unitKind": loc.unit_kind,
                            "task": loc.task_key,
                            "start": loc.start,
                            "end": loc.end,
                            "text": loc.text,
                        }
                        for loc in p.locations
                    ],
                }
                for p in result.reuse.passages
            ],
        },
        "targets": [
            {
                "indicator": c.indicator,
                "label": c.label,
                "labelEn": c.label_en,
                "plans": c.plans,
                "rows": [
                    {
                        "target": r.target,
                        "plan": r.plan,
                        "region": r.region,
                        "regionLabel": r.region_label,
                        "value": _decimal(r.value),
                        "unit": r.unit,
                        "countNoun": r.count_noun,
                        "comparator": r.comparator,
                        "direction": r.direction,
                        "baseYear": r.base_year,
                        "targetYear": r.target_year,
                        "scope": r.scope,
                        "quote": r.quote,
                        "owner": r.owner,
                    }
                    for r in c.rows
                ],
            }
            for c in result.targets
        ],
        "centrality": {
            "graphNodes": result.centrality.graph_nodes,
            "graphEdges": result.centrality.graph_edges,
            "exactBetweenness": result.centrality.exact_betweenness,
            "modularity": _round(result.centrality.modularity),
            "nodes": [
                {
                    "node": n.node,
                    "kind": n.kind,
                    "label": n.label,
                    "degree": n.degree,
                    "degreeCentrality": _round(n.degree_centrality),
                    "betweenness": _round(n.betweenness),
                }
                for n in result.centrality.nodes
            ],
        },
        "findings": [
            {
                "kind": f.kind,
                "text": f.text,
                "plans": list(f.plans),
                "quotes": list(f.quotes),
                "nodes": list(f.nodes),
            }
            for f in result.findings
        ],
        "crosswalk": {
            "exact": result.crosswalk.exact,
            "weights": dict(result.crosswalk.weights),
            "alignments": [
                {
                    "a": x.a,
                    "b": x.b,
                    "planA": x.plan_a,
                    "planB": x.plan_b,
                    "grade": x.grade,
                    "score": _round(x.score),
                    "signals": [_round(v) for v in x.signals],
                    "sharedTerms": list(x.shared_terms),
                    "sharedThemes": list(x.shared_themes),
                    "sharedIndicators": list(x.shared_indicators),
                    "sharedPlaces": list(x.shared_places),
                }
                for x in result.crosswalk.alignments
            ],
            "rows": [list(row.tasks) for row in result.crosswalk.rows],
            "unique": {k: list(v) for k, v in result.crosswalk.unique.items()},
        },
        "distinctive": [
            {
                "term": t.term,
                "plan": t.plan,
                "sharing": t.sharing,
                "score": _round(t.score),
                "count": t.count,
                "sharedWith": list(t.shared_with),
                "quotes": [
                    {"sentence": q.sentence, "text": q.text, "start": q.start, "end": q.end}
                    for q in t.quotes
                ],
            }
            for t in result.distinctive.terms
        ],
        "communities": [
            {
                "index": c.index,
                "size": c.size,
                "tasks": c.tasks,
                "plans": list(c.plans),
                "topThemes": list(c.top_themes),
                "topPlaces": list(c.top_places),
                "members": list(c.members),
            }
            for c in result.centrality.communities
        ],
    }


def _link(link: Linkage) -> dict[str, Any]:
    return {
        "kind": link.kind,
        "score": _round(link.score),
        "fromPlan": link.from_plan,
        "fromTask": link.from_task,
        "toPlan": link.to_plan,
        "toTask": link.to_task,
        "place": link.place,
        "evidence": list(link.evidence),
        "evidenceText": list(link.evidence_text),
    }


def _round(value: float) -> float:
    return round(float(value), 6)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def to_json(result: Analysis) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --------------------------------------------------------------------------- Markdown


def _cell(text: object) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    lines.append("")
    return lines


def _more(total: int, shown: int) -> list[str]:
    return [f"… and {total - shown} more (see `--format json`).", ""] if total > shown else []


STRENGTH_MARK = {"main": "●", "mentioned": "○", None: "–"}
THEME_COLUMNS = 6  # up to this many regions get a column each in the theme tables


def _themes_md(result: Analysis, names: Names) -> list[str]:
    """The theme tables: per region, whether a task has the theme as its main matter (●),
    only mentions it (○) or no task addresses it (–), with the number of its tasks."""
    data, regions = result.data, result.themes.regions
    region_of = {t.iri: data.plan_by_iri[t.plan].region for t in data.tasks}
    columns = len(regions) <= THEME_COLUMNS
    lines = [
        "## Shared themes",
        "",
        "● the main matter of a task · ○ mentioned (a sentence about it) · – not addressed.",
        "",
    ]
    groups = (
        ("all", f"Shared by all {len(regions)} regions"),
        ("several", "Shared by several regions"),
        ("one", "Unique to one region"),
        ("broad", "Too broad to tell plans apart"),
    )
    total = max(len(data.tasks), 1)
    for sharing, title in groups:
        found = (
            result.themes.broad() if sharing == "broad" else result.themes.by_sharing(sharing)  # type: ignore[arg-type]
        )
        if sharing == "broad" and not found:
            continue
        lines += [f"### {title} ({len(found)})", ""]
        if not found:
            lines += ["None.", ""]
            continue
        if columns:
            header = ["Theme", *(names.region(r) for r in regions), "Tasks"]
        else:
            header = ["Theme", "Regions (● main, ○ mentioned)", "Tasks"]
        rows = []
        for t in found:
            per_region = {r: sum(1 for x in t.tasks if region_of[x] == r) for r in t.regions}
            tasks = f"{len(t.tasks)} ({len(t.tasks) / total:.0%})" if t.broad else len(t.tasks)
            if columns:
                cells = [
                    f"{STRENGTH_MARK[t.strength(r)]} {per_region[r]}"
                    if r in per_region
                    else STRENGTH_MARK[None]
                    for r in regions
                ]
            else:
                cells = [
                    ", ".join(
                        f"{names.region(r)} {STRENGTH_MARK[t.strength(r)]}" for r in t.regions
                    )
                ]
            rows.append((names.theme(t.theme), *cells, tasks))
        lines += _table(header, rows)
    return lines


def to_markdown(result: Analysis, *, limit: int = 10) -> str:
    """The analysis as Markdown; long lists stop after ``limit`` rows (JSON has them all)."""
    data = result.data
    names = Names(data)
    regions = result.themes.regions
    lines = [
        "# plangraph analysis",
        "",
        f"{len(data.plans)} plans, {len(regions)} regions, {len(data.tasks)} tasks.",
        "",
    ]

    lines += _findings_md(result)
    lines += _crosswalk_md(result, names)
    lines += _distinctive_md(result, names)

    lines += _themes_md(result, names)

    lines += ["### Region similarity over themes", ""]
    lines += _table(
        ["Region", "Region", "Jaccard", "Weighted Jaccard", "Shared themes"],
        (
            (
                names.region(s.a),
                names.region(s.b),
                f"{s.jaccard:.3f}",
                f"{s.weighted:.3f}",
                len(s.shared),
            )
            for s in result.themes.similarity[:limit]
        ),
    )
    lines += _more(len(result.themes.similarity), limit)

    lines += ["## Cross-region linkages", ""]
    for kind in TASK_KINDS:
        links = result.linkages.of_kind(kind)
        lines += [f"### {KIND_TITLE[kind]} ({len(links)})", ""]
        if not links:
            lines += ["None.", ""]
            continue
        lines += _table(
            ["Score", "Task", "Best match in another plan", "Evidence"],
            (
                (
                    f"{link.score:.3f}",
                    names.task(link.from_task or ""),
                    names.task(link.to_task or ""),
                    _evidence(link, names),
                )
                for link in links[:limit]
            ),
        )
        lines += _more(len(links), limit)
    outside = result.linkages.of_kind("outside-place")
    lines += [f"### {KIND_TITLE['outside-place']} ({len(outside)})", ""]
    if outside:
        lines += _table(
            ["Plan", "Place", "Named in", "Quote"],
            (
                (
                    names.plan(link.from_plan),
                    names.node(link.place or ""),
                    ", ".join(names.node(e) for e in link.evidence),
                    " / ".join(link.evidence_text),
                )
                for link in outside
            ),
        )
    else:
        lines += ["None.", ""]

    passages = result.reuse.passages
    lines += [f"## Text reuse ({len(passages)} passages)", ""]
    lines += [
        f"Shingles of {result.reuse.shingle} characters, winnowing window "
        f"{result.reuse.window}, passages of {result.reuse.min_length} characters or more.",
        "",
    ]
    if passages:
        shown = passages[: max(limit, 3 * limit)]
        lines += _table(
            ["Plans", "Boilerplate", "Shared text", "Locations"],
            (
                (
                    p.plans,
                    p.reason or "",
                    p.text,
                    "; ".join(
                        f"{names.plan(loc.plan)} {names.unit_of(loc)} [{loc.start}:{loc.end}]"
                        for loc in p.locations[:limit]
                    )
                    + (f"; … {len(p.locations) - limit} more" if len(p.locations) > limit else ""),
                )
                for p in shown
            ),
        )
        lines += _more(len(passages), len(shown))

    lines += [f"## Target comparison ({len(result.targets)} indicators)", ""]
    for comparison in result.targets:
        lines += [f"### {comparison.label} ({comparison.label_en})", ""]
        rows = comparison.rows[: 3 * limit]
        lines += _table(
            ["Region", "Value", "Base year", "Target year", "Scope", "Quote"],
            (
                (
                    names.plan(r.plan),
                    value_text(r),
                    r.base_year or "",
                    r.target_year or "",
                    names.node(r.scope) if r.scope else "",
                    r.quote,
                )
                for r in rows
            ),
        )
        lines += _more(len(comparison.rows), len(rows))

    c = result.centrality
    lines += [
        "## Centrality",
        "",
        f"Task–theme–place graph: {c.graph_nodes} nodes, {c.graph_edges} edges; betweenness "
        + ("exact." if c.exact_betweenness else "estimated from sampled sources (seed 0)."),
        "",
    ]
    for node_kind in ("place", "theme", "task"):
        top = c.top(node_kind)
        lines += [f"### Most connected {node_kind}s", ""]
        if not top:
            lines += ["None.", ""]
            continue
        lines += _table(
            ["Node", "Degree", "Degree centrality", "Betweenness"],
            (
                (
                    names.node(n.node),
                    n.degree,
                    f"{n.degree_centrality:.3f}",
                    f"{n.betweenness:.3f}",
                )
                for n in top
            ),
        )
    lines += [
        f"## Communities (Louvain, seed 0; modularity {c.modularity:.3f})",
        "",
    ]
    if c.communities:
        lines += _table(
            ["#", "Nodes", "Tasks", "Plans", "Top themes", "Top places"],
            (
                (
                    com.index,
                    com.size,
                    com.tasks,
                    ", ".join(names.plan(p) for p in com.plans),
                    ", ".join(data.label(t) for t in com.top_themes),
                    ", ".join(data.label(p) for p in com.top_places),
                )
                for com in c.communities[: 2 * limit]
            ),
        )
        lines += _more(len(c.communities), 2 * limit)
    else:
        lines += ["None.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _evidence(link: Linkage, names: Names) -> str:
    if link.kind == "text":
        return " / ".join(link.evidence_text)
    return ", ".join(names.node(e) for e in link.evidence)


GRADE_TITLE = {"same": "same matter", "partial": "partial overlap"}


def _findings_md(result: Analysis) -> list[str]:
    lines = ["## What differs", ""]
    if not result.findings:
        return [*lines, "Nothing found.", ""]
    for f in result.findings:
        quotes = " / ".join(f"「{q}」" for q in f.quotes[:3] if q)
        lines.append(f"- {_cell(f.text)}" + (f" — {quotes}" if quotes else ""))
    return [*lines, ""]


def _crosswalk_md(result: Analysis, names: Names, limit: int = 40) -> list[str]:
    data, cw = result.data, result.crosswalk
    lines = [
        "## Task crosswalk",
        "",
        "Counterpart tasks across plans, one calibrated score (text, themes, indicators, "
        "places, position); rows chain the same-matter pairs.",
        "",
    ]
    plans = list(data.plans)
    if len(plans) < 2:
        return [*lines, "One plan: nothing to align.", ""]
    if len(plans) <= 6:
        header = [names.plan(p.iri) for p in plans]
        body = []
        for row in cw.rows[:limit]:
            cells = []
            for plan in plans:
                mine = [t for t in row.tasks if data.task_by_iri[t].plan == plan.iri]
                cells.append(
                    "; ".join(
                        f"({data.task_by_iri[t].key}) {data.task_by_iri[t].label}" for t in mine
                    )
                    or "—"
                )
            body.append(cells)
        lines += [f"### Aligned rows ({len(cw.rows)})", ""]
        lines += _table(header, body) if body else ["None.", ""]
        lines += _more(len(cw.rows), min(len(cw.rows), limit))
    lines += [f"### Counterpart pairs ({len(cw.alignments)})", ""]
    lines += _table(
        ["Grade", "Score", "Task", "Counterpart", "Shared"],
        (
            (
                GRADE_TITLE[x.grade],
                f"{x.score:.3f}",
                names.task(x.a),
                names.task(x.b),
                " / ".join(x.shared_terms),
            )
            for x in cw.alignments[:limit]
        ),
    )
    lines += _more(len(cw.alignments), min(len(cw.alignments), limit))
    lines += ["### Tasks without a counterpart", ""]
    found = [(p, t) for p in plans for t in cw.unique.get(p.iri, ())]
    lines += (
        _table(["Plan", "Task"], ((names.plan(p.iri), names.task(t)) for p, t in found))
        if found
        else ["None.", ""]
    )
    return lines


def _distinctive_md(result: Analysis, names: Names, limit: int = 12) -> list[str]:
    lines = [
        "## Distinctive commitments",
        "",
        "Terms one plan uses that the others do not (log-odds ratio with an informative "
        "Dirichlet prior, z-score).",
        "",
    ]
    any_found = False
    for plan in result.data.plans:
        for sharing, title in (("only", "only here"), ("one-other", "here and in one other")):
            terms = result.distinctive.of_plan(plan.iri, sharing)[:limit]  # type: ignore[arg-type]
            if not terms:
                continue
            any_found = True
            lines += [f"### {names.plan(plan.iri)}: {title}", ""]
            lines += _table(
                ["Term", "z", "Uses", "Also in", "Quote"],
                (
                    (
                        t.term,
                        f"{t.score:.2f}",
                        t.count,
                        ", ".join(names.plan(p) for p in t.shared_with),
                        t.quotes[0].text,
                    )
                    for t in terms
                ),
            )
    return lines if any_found else [*lines, "None.", ""]
