"""The analysis as JSON for programs (deterministic, every result with its IRIs), and what
the Markdown (:mod:`.markdown`) and the HTML report share: :class:`Names` (short display
names), the unit and comparator signs, the linkage kind titles and :func:`value_text`.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .. import display, model
from ..graph import PG
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
    arrow = display.direction(row.direction) if row.change and row.direction else ""
    if arrow in ("↑", "↓"):  # 下降3%以上: "↓ ≥ 3%", how much it changes, not how high
        sign = "" if sign == "=" else sign
    else:
        arrow = ""
    return " ".join(part for part in (arrow, sign, f"{number}{spacer}{unit}") if part)


# --------------------------------------------------------------------------- JSON


def to_dict(result: Analysis) -> dict[str, Any]:
    data = result.data
    tasks = Counter(t.plan for t in data.tasks)
    return {
        "plans": [
            {
                "plan": p.iri,
                "id": p.id,
                "label": p.label,
                "region": p.region,
                "regionLabel": p.region_label,
                "tasks": tasks[p.iri],
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
