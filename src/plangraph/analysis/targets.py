"""Target comparison: every indicator that two or more plans target, side by side."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .project import GraphData, iri_key


@dataclass(frozen=True, slots=True)
class TargetRow:
    target: str
    plan: str
    region: str
    region_label: str
    value: Decimal | None
    unit: str | None  # a QUDT unit IRI, pg:PercentagePoint or pg:Count
    count_noun: str | None  # 家, 个 … for pg:Count
    comparator: str | None  # pg:AtMost …
    direction: str | None  # pg:Decrease …
    base_year: int | None
    target_year: int | None
    scope: str | None  # a Place IRI
    quote: str
    owner: str  # the Plan, Section or Task that sets it
    change: bool = False  # the value is the size of a change (↓ 3%), not a level


@dataclass(frozen=True, slots=True)
class TargetComparison:
    indicator: str
    label: str
    label_en: str
    plans: int  # how many plans target it
    rows: tuple[TargetRow, ...]  # in plan order, then by target IRI

    @property
    def score(self) -> float:
        return float(self.plans)

    def values(self, year: int | None = None) -> dict[str, Decimal]:
        """Region label -> value, optionally only the targets for ``year``."""
        return {
            row.region_label: row.value
            for row in self.rows
            if row.value is not None and (year is None or row.target_year == year)
        }


def compare_targets(data: GraphData, *, min_plans: int = 2) -> tuple[TargetComparison, ...]:
    plan_rank = {p.iri: i for i, p in enumerate(data.plans)}
    by_indicator: dict[str, list[TargetRow]] = defaultdict(list)
    for target in data.targets:
        plan = data.plan_by_iri.get(target.plan)
        if plan is None:
            continue
        by_indicator[target.indicator].append(
            TargetRow(
                target=target.iri,
                plan=plan.iri,
                region=plan.region,
                region_label=plan.region_label,
                value=target.value,
                unit=target.unit,
                count_noun=target.count_noun,
                comparator=target.comparator,
                direction=target.direction,
                base_year=target.base_year,
                target_year=target.target_year,
                scope=target.scope,
                quote=target.quote,
                owner=target.owner,
                change=target.change,
            )
        )
    out = []
    for indicator, rows in by_indicator.items():
        plans = {row.plan for row in rows}
        if len(plans) < min_plans:
            continue
        rows.sort(key=lambda r: (plan_rank[r.plan], iri_key(r.target)))
        out.append(
            TargetComparison(
                indicator=indicator,
                label=data.label(indicator),
                label_en=data.label_en(indicator),
                plans=len(plans),
                rows=tuple(rows),
            )
        )
    out.sort(key=lambda c: (-c.plans, iri_key(c.indicator)))
    return tuple(out)
