"""The analyses' input straight from the model, for the build.

:func:`plangraph.analysis.project.load` reads :class:`GraphData` from a store with SPARQL;
during ``plangraph build`` the same records are made here from the corpus being written,
with the IRIs :mod:`plangraph.graph` mints, so that a 10,000-plan build never loads its own
graph into a store.  A test checks that both give the same records for the seed.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from decimal import Decimal

import pyoxigraph as ox

from ..graph import (
    PG,
    RDFS,
    SKOS,
    _file_name,
    agency_iri,
    area_category_iri,
    indicator_iri,
    natural_key,
    owner_iri,
    place_iri,
    place_label,
    plan_iri,
    region_iri,
    section_iri,
    target_iri,
    target_label,
    task_iri,
    theme_iri,
    unit_iri,
    unit_term,
    written_names,
)
from ..model import Corpus
from ..projection.records import mention_order
from ..projection.sparql import Strength
from .project import (
    GraphData,
    PlaceMention,
    PlaceNode,
    PlanNode,
    Span,
    TargetNode,
    TaskNode,
    _local_name,
    iri_key,
)

_UNIT_LABEL = {"preface": "发布说明", "preamble": "前言", "closing": "组织实施"}


class _Labels:
    """The smallest label per language, as :func:`project.load` keeps them."""

    def __init__(self) -> None:
        self.zh: dict[str, str] = {}
        self.en: dict[str, str] = {}
        self.other: dict[str, str] = {}

    def add(self, iri: str, text: str, language: str = "zh") -> None:
        language = language.lower()
        table = (
            self.zh
            if language.startswith("zh")
            else self.en
            if language.startswith("en")
            else self.other
        )
        if iri not in table or (len(text), text) < (len(table[iri]), table[iri]):
            table[iri] = text

    def merged(self) -> dict[str, str]:
        return {**self.other, **self.en, **self.zh}


def _scheme_labels(labels: _Labels) -> None:
    from ..resources import read_text

    wanted = {RDFS + "label", SKOS + "prefLabel"}
    for triple in ox.parse(read_text("ontology", "themes.ttl"), format=ox.RdfFormat.TURTLE):
        obj = triple.object
        if (
            triple.predicate.value in wanted
            and isinstance(triple.subject, ox.NamedNode)
            and isinstance(obj, ox.Literal)
        ):
            labels.add(triple.subject.value, obj.value, obj.language or "")


def from_corpus(corpus: Corpus) -> GraphData:
    """The records :func:`project.load` would read from the corpus's graph."""
    ex = corpus.extraction
    # each IRI once in memory however many records name it (measured: 10,000 plans'
    # records made a new string for every mention's plan, owner, theme and place)
    one = sys.intern
    labels = _Labels()
    region_of: dict[str, str] = {}
    for region in ex.regions:
        r = region_iri(region.id)
        labels.add(r, region.name)
        labels.add(r, region.name_en, "en")
        for plan_id in region.plans:
            previous = region_of.get(plan_id)
            if previous is None or r < previous:
                region_of[plan_id] = r
    written = written_names(ex.place_mentions)
    for place in ex.places:
        labels.add(place_iri(place.id), place_label(place, written.get(place.id, Counter())))
        labels.add(place_iri(place.id), place.name_en, "en")
    for agency in ex.agencies:
        labels.add(agency_iri(agency.id), agency.name)
        labels.add(agency_iri(agency.id), agency.name_en, "en")
    for target in ex.targets:
        labels.add(one(target_iri(target.plan, target.index)), target_label(target))
        labels.add(one(indicator_iri(target.indicator.id)), target.indicator.label_zh)
        if target.scope_text and not target.scope:
            labels.add(area_category_iri(target.scope_text), target.scope_text)
        labels.add(indicator_iri(target.indicator.id), target.indicator.label_en, "en")
    if ex.theme_mentions:
        _scheme_labels(labels)

    plans: dict[str, PlanNode] = {}
    order: dict[str, tuple[str, int]] = {}
    tasks: list[TaskNode] = []
    spans: list[Span] = []
    for plan in corpus.plans:
        p = one(plan_iri(plan.id))
        labels.add(p, plan.title)
        order[p] = (_file_name(plan.source), plan.line)
        covered = region_of.get(plan.id)
        plans[p] = PlanNode(
            iri=p,
            id=plan.id,
            label=plan.title,
            region=covered or p,
            region_label=labels.zh.get(covered, _local_name(covered)) if covered else plan.title,
            text=plan.text,
        )
        for unit in (plan.preface, plan.preamble, plan.closing):
            if unit is not None:
                u = unit_iri(plan.id, unit.kind)
                labels.add(u, _UNIT_LABEL[unit.kind])
                spans.append(Span(u, p, unit.kind, unit.start, unit.end))
        for section in plan.sections:
            s = section_iri(plan.id, section.ordinal)
            labels.add(s, section.title)
            spans.append(Span(s, p, "section", section.start, section.end))
        for task in plan.all_tasks:
            k = one(task_iri(plan.id, task.key))
            labels.add(k, task.title)
            spans.append(Span(k, p, "task", task.start, task.end))
            tasks.append(
                TaskNode(
                    k, p, _local_name(k), task.ordinal, task.title, task.text, task.start, task.end
                )
            )

    task_themes: dict[str, set[str]] = defaultdict(set)
    task_main_themes: dict[str, set[str]] = defaultdict(set)
    strength: dict[tuple[str, str], Strength] = {}
    for mention in ex.theme_mentions:
        if mention.owner.kind == "task":
            key = (one(owner_iri(mention.plan, mention.owner)), one(theme_iri(mention.target)))
            task_themes[key[0]].add(key[1])
            if strength.get(key) != "main":
                strength[key] = "main" if mention.strength == "main" else "mentioned"
            if mention.strength == "main":
                task_main_themes[key[0]].add(key[1])
    place_nodes = {place_iri(place.id) for place in ex.places}
    task_places: dict[str, set[str]] = defaultdict(set)
    mentions: set[PlaceMention] = set()
    for mention in ex.place_mentions:
        named = one(place_iri(mention.target))
        if named not in place_nodes:
            continue
        owner = one(owner_iri(mention.plan, mention.owner))
        if mention.owner.kind == "task":
            task_places[owner].add(named)
        quote = mention.quote
        mentions.add(
            PlaceMention(
                one(plan_iri(mention.plan)), owner, named, quote.text, quote.start, quote.end
            )
        )
    task_indicators: dict[str, set[str]] = defaultdict(set)
    targets: dict[str, TargetNode] = {}
    for target in ex.targets:
        g = one(target_iri(target.plan, target.index))
        owner = one(owner_iri(target.plan, target.owner))
        indicator = one(indicator_iri(target.indicator.id))
        if target.owner.kind == "task":
            task_indicators[owner].add(indicator)
        value = target.value
        targets[g] = TargetNode(
            iri=g,
            plan=one(plan_iri(target.plan)),
            owner=owner,
            indicator=indicator,
            value=None if value is None else Decimal(format(value.normalize(), "f")),
            unit=one(unit_term(target.unit)) if target.unit else None,
            count_noun=target.count_noun or None,
            comparator=PG + target.comparator if target.comparator else None,
            direction=PG + target.direction if target.direction else None,
            base_year=target.base_year or None,
            target_year=target.target_year or None,
            scope=one(place_iri(target.scope))
            if target.scope
            else one(area_category_iri(target.scope_text))
            if target.scope_text
            else None,  # a kind of area is the scope too, as the graph writes it
            quote=target.quote.text,
            aspirational=target.aspirational,
            change=target.change and target.value is not None,
        )
    merged = labels.merged()
    places = {
        place_iri(place.id): PlaceNode(
            iri=place_iri(place.id),
            label=merged.get(place_iri(place.id), _local_name(place_iri(place.id))),
            kinds=tuple(sorted({place.kind} - {"Place"})),
            located_in=tuple(
                sorted(
                    {place_iri(outer) for outer in (place.parent, place.province) if outer},
                    key=natural_key,
                )
            ),
        )
        for place in ex.places
    }
    members = {
        region_iri(region.id): tuple(
            sorted((place_iri(m) for m in region.members), key=natural_key)
        )
        for region in ex.regions
        if region.members
    }
    rank = {k: i for i, k in enumerate(sorted(plans, key=lambda k: (order[k], natural_key(k))))}
    tasks.sort(key=lambda t: (rank.get(t.plan, len(rank)), t.start, iri_key(t.iri)))
    return GraphData(
        plans=tuple(plans[k] for k in sorted(plans, key=lambda k: (order[k], natural_key(k)))),
        tasks=tuple(tasks),
        spans=tuple(
            sorted(set(spans), key=lambda s: (iri_key(s.plan), s.start, -s.end, iri_key(s.iri)))
        ),
        task_themes=_sorted_sets(task_themes),
        task_main_themes=_sorted_sets(task_main_themes),
        theme_strength=dict(
            sorted(strength.items(), key=lambda kv: (natural_key(kv[0][0]), kv[0][1]))
        ),
        task_places=_sorted_sets(task_places),
        task_indicators=_sorted_sets(task_indicators),
        targets=tuple(targets[k] for k in sorted(targets, key=natural_key)),
        places={k: places[k] for k in sorted(places, key=natural_key)},
        place_mentions=tuple(sorted(mentions, key=mention_order)),
        region_members={k: members[k] for k in sorted(members, key=natural_key)},
        labels=merged,
        labels_en=labels.en,
        plan_by_iri=plans,
        task_by_iri={t.iri: t for t in tasks},
    )


def _sorted_sets(found: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    return {
        k: tuple(sorted(v, key=natural_key))
        for k, v in sorted(found.items(), key=lambda kv: natural_key(kv[0]))
    }
