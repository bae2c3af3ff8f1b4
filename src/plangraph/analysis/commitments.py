"""Key findings of what one plan alone commits to: its distinctive terms (``distinctive``)
and its dated commitments without a figure (``commitment``); see
:mod:`plangraph.analysis.findings`, which lists them among the others."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Literal

from .. import resources
from .findings import Finding, _plan_name
from .project import GraphData, TargetNode

if TYPE_CHECKING:
    from .distinctive import DistinctiveAnalysis, DistinctiveTerm, Quote

TERMS_PER_PLAN = 6  # distinctive terms named per plan in a finding

_DEADLINE = re.compile(r"到20\d\d年|20\d\d年(?:年?底)?前|20\d\d年起")


def _commitment(term: DistinctiveTerm) -> Quote:
    """The quote that shows a term as a commitment: a sentence with a deadline first, then
    one that is no row of a table (tab-separated cells), then the first."""
    return min(
        term.quotes,
        key=lambda q: ("\t" in q.text, not _DEADLINE.search(q.text), q.start),
    )


def distinctive_findings(data: GraphData, distinctive: DistinctiveAnalysis) -> list[Finding]:
    out = []
    kinds: tuple[Literal["only", "one-other"], ...] = (
        ("only", "one-other") if len(data.plans) >= 3 else ("only",)  # of two plans: both
    )
    for plan in data.plans:
        for sharing in kinds:
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
                    quotes=tuple(_commitment(t).text for t in terms),
                    nodes=tuple(_commitment(t).sentence for t in terms),
                )
            )
    return out


COMMITMENTS_PER_PLAN = 4  # commitments without a figure named per plan


@functools.cache
def _listed_indicators() -> frozenset[str]:
    """The local names of the indicators of the bundled table (``data/indicators.tsv``):
    measures people name alike in every plan (二氧化碳排放达峰, 重度污染天气), not wordings
    minted from one sentence."""
    return frozenset(row["id"] for row in resources.table("data", "indicators.tsv"))


def commitment_findings(data: GraphData, distinctive: DistinctiveAnalysis) -> list[Finding]:
    """Per plan, its dated commitments without a figure that no other plan makes, at most
    :data:`COMMITMENTS_PER_PLAN`, from two sources taken in turn: those on a listed indicator
    no other plan targets (粤港澳: 二氧化碳排放总量基本达峰, 2027; the others commit to carbon
    intensity only), and those whose words hold one of the plan's distinctive terms found by
    contrast ("only here"), the most distinctive first (长三角: 区域内长江干流段、新安江水质稳定
    保持Ⅱ类, 2027; 山东: 2500吨/日及以下的水泥熟料生产线全部整合退出, 2025)."""
    if len(data.plans) < 2:
        return []
    dated: dict[str, list[tuple[int, TargetNode]]] = {}
    targeted: dict[str, set[str]] = {}  # indicator -> plans that target it
    for order, t in enumerate(data.targets):
        targeted.setdefault(t.indicator, set()).add(t.plan)
        if t.value is None and t.target_year is not None:
            dated.setdefault(t.plan, []).append((order, t))
    listed = _listed_indicators()
    out = []
    for plan in data.plans:
        only = {t.term: t.score for t in distinctive.of_plan(plan.iri, "only")}
        measures: dict[str, TargetNode] = {}  # a listed indicator no other plan targets
        worded: list[tuple[float, int, TargetNode]] = []  # … or the plan's own words
        for order, t in dated.get(plan.iri, []):
            alone = targeted[t.indicator] == {plan.iri}
            if alone and t.indicator.rstrip("/").rsplit("/", 1)[-1] in listed:
                measures.setdefault(t.indicator, t)  # once per indicator
                continue
            score = max((only[w] for w in only if w in t.quote), default=None)
            if score is not None:
                worded.append((-score, order, t))
        # the two sources taken in turn, each quote once
        firsts = [list(measures.values()), [t for *_, t in sorted(worded, key=lambda x: x[:2])]]
        chosen: list[TargetNode] = []
        for k in range(max(map(len, firsts))):
            for source in firsts:
                if k < len(source) and source[k].quote not in {c.quote for c in chosen}:
                    chosen.append(source[k])
        chosen = chosen[:COMMITMENTS_PER_PLAN]
        if not chosen:
            continue
        parts = [t.quote + (f" ({t.target_year})" if t.target_year else "") for t in chosen]
        out.append(
            Finding(
                kind="commitment",
                text=f"Only {_plan_name(data, plan.iri)} commits to: " + "; ".join(parts),
                plans=(plan.iri,),
                quotes=tuple(t.quote for t in chosen),
                nodes=tuple(t.iri for t in chosen),
            )
        )
    return out
