"""Key findings: a short "what differs" list generated from the other analyses.

Four kinds, each finding with the quotes it rests on:

- ``target``: the same indicator with different values, years or scopes in different plans
  (from the target comparison);
- ``distinctive``: the commitments one plan alone makes (its most distinctive terms that no
  other plan uses), and those it shares with one other plan only;
- ``unique-task``: tasks with no counterpart in any other plan (from the crosswalk);
- ``theme``: themes that only one region has a task on (its main matter), while the others
  at most mention them (from the theme strengths);
- ``outside-place``: places a plan names outside its own region (from the linkages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .. import display
from .project import GraphData

if TYPE_CHECKING:
    from .crosswalk import Crosswalk
    from .distinctive import DistinctiveAnalysis
    from .linkage import LinkageAnalysis
    from .targets import TargetComparison, TargetRow
    from .themes import ThemeAnalysis

FindingKind = Literal["target", "distinctive", "unique-task", "theme", "outside-place"]
TERMS_PER_PLAN = 6  # distinctive terms named per plan in a finding


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    text: str  # one line for people
    plans: tuple[str, ...]
    quotes: tuple[str, ...]  # the exact words it rests on
    nodes: tuple[str, ...] = ()  # IRIs of the targets, tasks or places it is about


def _value(row: TargetRow) -> str:
    sign = display.comparator(row.comparator)
    if row.value is None:
        return display.direction(row.direction)
    value = row.value
    number = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    unit = row.count_noun if row.unit and row.unit.endswith("#Count") else display.unit(row.unit)
    spacer = "" if not unit or unit == "%" or "\u4e00" <= unit[0] <= "\u9fff" else " "
    return " ".join(p for p in (sign, f"{number}{spacer}{unit or ''}") if p)


def _plan_name(data: GraphData, plan: str) -> str:
    node = data.plan_by_iri.get(plan)
    return (node.region_label or node.id) if node else plan


def target_findings(data: GraphData, targets: Sequence[TargetComparison]) -> list[Finding]:
    out = []
    for comparison in targets:
        rows = [r for r in comparison.rows if r.value is not None]
        if len({r.plan for r in rows}) < 2:
            continue
        shapes = {(r.value, r.unit, r.target_year, r.scope) for r in rows}
        if len(shapes) < 2:
            continue
        parts = []
        for r in rows:
            where = f" ({data.label(r.scope)})" if r.scope else ""
            year = f", {r.target_year}" if r.target_year else ""
            parts.append(f"{_plan_name(data, r.plan)}{where} {_value(r)}{year}")
        out.append(
            Finding(
                kind="target",
                text=f"{comparison.label}: " + "; ".join(parts),
                plans=tuple(dict.fromkeys(r.plan for r in rows)),
                quotes=tuple(r.quote for r in rows),
                nodes=tuple(r.target for r in rows),
            )
        )
    return out


def distinctive_findings(data: GraphData, distinctive: DistinctiveAnalysis) -> list[Finding]:
    out = []
    for plan in data.plans:
        for sharing in ("only", "one-other"):
            terms = distinctive.of_plan(plan.iri, sharing)[:TERMS_PER_PLAN]
            if not terms:
                continue
            name = _plan_name(data, plan.iri)
            if sharing == "only":
                text = f"Only {name}: " + "、".join(t.term for t in terms)
                plans: tuple[str, ...] = (plan.iri,)
            else:
                text = f"{name} and one other: " + "、".join(
                    f"{t.term} (+{_plan_name(data, t.shared_with[0])})" for t in terms
                )
                plans = (plan.iri,)
            out.append(
                Finding(
                    kind="distinctive",
                    text=text,
                    plans=plans,
                    quotes=tuple(t.quotes[0].text for t in terms),
                    nodes=tuple(t.quotes[0].sentence for t in terms),
                )
            )
    return out


def unique_task_findings(data: GraphData, crosswalk: Crosswalk) -> list[Finding]:
    out = []
    for plan in data.plans:
        tasks = crosswalk.unique.get(plan.iri, ())
        if not tasks:
            continue
        names = [f"({data.task_by_iri[t].key}) {data.task_by_iri[t].label}" for t in tasks]
        out.append(
            Finding(
                kind="unique-task",
                text=f"{_plan_name(data, plan.iri)} alone has: " + "; ".join(names),
                plans=(plan.iri,),
                quotes=tuple(data.task_by_iri[t].label for t in tasks),
                nodes=tuple(tasks),
            )
        )
    return out


def theme_findings(data: GraphData, themes: ThemeAnalysis) -> list[Finding]:
    """Per region, the themes that only it has a task on, and how the others treat them."""
    if len(themes.regions) < 2:
        return []
    region_label = {p.region: p.region_label or p.id for p in data.plans}
    out = []
    for region in themes.regions:
        alone = [t for t in themes.themes if t.main_regions == (region,) and not t.broad]
        if not alone:
            continue
        parts = []
        for t in alone:
            mentioned = [region_label.get(r, r) for r in t.regions if r != region]
            parts.append(
                data.label(t.theme)
                + (f" (mentioned by {'、'.join(mentioned)})" if mentioned else "")
            )
        tasks = [
            x
            for t in alone
            for x in t.main_tasks
            if data.plan_by_iri[data.task_by_iri[x].plan].region == region
        ]
        out.append(
            Finding(
                kind="theme",
                text=f"Only {region_label.get(region, region)} has a task on: " + "; ".join(parts),
                plans=tuple(dict.fromkeys(data.task_by_iri[x].plan for x in tasks)),
                quotes=tuple(data.task_by_iri[x].label for x in tasks),
                nodes=tuple(tasks),
            )
        )
    return out


def outside_place_findings(data: GraphData, linkages: LinkageAnalysis) -> list[Finding]:
    out = []
    for link in linkages.of_kind("outside-place"):
        out.append(
            Finding(
                kind="outside-place",
                text=f"{_plan_name(data, link.from_plan)} names {data.label(link.place or '')}, "
                "outside its region",
                plans=(link.from_plan,),
                quotes=link.evidence_text,
                nodes=(link.place or "",),
            )
        )
    return out


def key_findings(
    data: GraphData,
    targets: Sequence[TargetComparison],
    distinctive: DistinctiveAnalysis,
    crosswalk: Crosswalk,
    linkages: LinkageAnalysis,
    themes: ThemeAnalysis | None = None,
) -> tuple[Finding, ...]:
    """What differs between the plans, in the order a reader asks: targets, commitments,
    tasks, themes, places."""
    return (
        *target_findings(data, targets),
        *distinctive_findings(data, distinctive),
        *unique_task_findings(data, crosswalk),
        *(theme_findings(data, themes) if themes is not None else ()),
        *outside_place_findings(data, linkages),
    )
