"""The records the analyses read (plans, tasks, spans, targets, places, mentions), in one
:class:`GraphData` read once from the store by :func:`load`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from ..graph import natural_key
from .sparql import (
    Strength,
    _decimal,
    _int,
    _local_name,
    _rows,
    _value,
    _year,
    iri_key,
    read_labels,
    read_theme_strength,
)


@dataclass(frozen=True, slots=True)
class PlanNode:
    iri: str
    id: str
    label: str
    region: str  # the Region IRI, or the plan's own IRI when the graph has no pg:coversRegion
    region_label: str
    text: str


@dataclass(frozen=True, slots=True)
class TaskNode:
    iri: str
    plan: str
    key: str
    ordinal: int
    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A structural unit (section, preface, preamble, closing, task) and its offsets."""

    iri: str
    plan: str
    kind: str  # "task", "section", "preface", "preamble", "closing"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TargetNode:
    iri: str
    plan: str
    owner: str  # the Plan, Task, Section or unit that pg:hasTarget it
    indicator: str
    value: Decimal | None
    unit: str | None
    count_noun: str | None
    comparator: str | None
    direction: str | None
    base_year: int | None
    target_year: int | None
    scope: str | None
    quote: str
    aspirational: bool
    change: bool = False  # the value is the size of a change (pg:isChange), not a level


@dataclass(frozen=True, slots=True)
class PlaceNode:
    iri: str
    label: str
    kinds: tuple[str, ...]  # local names of its pg: classes
    located_in: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    plan: str
    owner: str  # the Task (or other unit) the mention belongs to
    place: str
    quote: str
    start: int = -1  # offsets of the quote into the plan's text, -1 when unknown
    end: int = -1


Key = tuple[str | int, ...]


def mention_order(mention: PlaceMention) -> tuple[Key, int, Key, Key, str]:
    """The one order of place mentions, read from a store (:func:`load`) or from the model
    (:mod:`plangraph.analysis.corpus`): by plan, offset, owner, place and quote."""
    return (
        iri_key(mention.plan),
        mention.start,
        iri_key(mention.owner),
        iri_key(mention.place),
        mention.quote,
    )


@dataclass(frozen=True, slots=True)
class GraphData:
    """Everything the analyses need, read once from the store."""

    plans: tuple[PlanNode, ...]
    tasks: tuple[TaskNode, ...]
    spans: tuple[Span, ...]
    task_themes: Mapping[str, tuple[str, ...]]
    task_places: Mapping[str, tuple[str, ...]]
    task_indicators: Mapping[str, tuple[str, ...]]
    targets: tuple[TargetNode, ...]
    places: Mapping[str, PlaceNode]
    place_mentions: tuple[PlaceMention, ...]
    region_members: Mapping[str, tuple[str, ...]]
    labels: Mapping[str, str]  # IRI -> display label (Chinese first)
    labels_en: Mapping[str, str]  # IRI -> English label where the graph has one
    plan_by_iri: Mapping[str, PlanNode]
    task_by_iri: Mapping[str, TaskNode]
    task_main_themes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # main matter
    # (task, theme) -> "main" or "mentioned", where the graph says how strongly a task
    # addresses a theme (empty for graphs that only say pg:hasTheme)
    theme_strength: Mapping[tuple[str, str], Strength] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or _local_name(iri)

    def label_en(self, iri: str) -> str:
        return self.labels_en.get(iri) or self.label(iri)

    @property
    def regions(self) -> tuple[str, ...]:
        """Region IRIs in the order their first plan appears (source file, line)."""
        return tuple(dict.fromkeys(p.region for p in self.plans))


_PLANS = """
SELECT ?plan ?id ?label ?text ?region ?regionLabel ?file ?line WHERE {
  ?plan a pg:Plan .
  OPTIONAL { ?plan pg:identifier ?id }
  OPTIONAL { ?plan pg:sourceFile ?file }
  OPTIONAL { ?plan pg:sourceLine ?line }
  OPTIONAL { ?plan rdfs:label ?label }
  OPTIONAL { ?plan pg:text ?text }
  OPTIONAL { ?plan pg:coversRegion ?region
             OPTIONAL { ?region rdfs:label ?regionLabel
                        FILTER(langMatches(lang(?regionLabel), "zh")) } }
}"""

_TASKS = """
SELECT ?task ?plan ?ordinal ?label ?text ?start ?end WHERE {
  ?task a pg:Task ; pg:inPlan ?plan .
  OPTIONAL { ?task pg:ordinal ?ordinal }
  OPTIONAL { ?task rdfs:label ?label }
  OPTIONAL { ?task pg:text ?text }
  OPTIONAL { ?task pg:start ?start }
  OPTIONAL { ?task pg:end ?end }
}"""

_SPANS = """
SELECT ?unit ?plan ?class ?start ?end WHERE {
  VALUES ?class { pg:Section pg:Preface pg:Preamble pg:Closing pg:Task }
  ?unit a ?class ; pg:inPlan ?plan ; pg:start ?start ; pg:end ?end .
}"""

_TASK_THEMES = "SELECT ?task ?theme WHERE { ?task a pg:Task ; pg:hasTheme ?theme }"
_TASK_MAIN_THEMES = "SELECT ?task ?theme WHERE { ?task a pg:Task ; pg:hasMainTheme ?theme }"

_TASK_PLACES = """
SELECT ?task ?place WHERE { ?task a pg:Task ; pg:mentions ?place . ?place a pg:Place }"""

_TASK_INDICATORS = """
SELECT ?task ?indicator WHERE { ?task a pg:Task ; pg:hasTarget ?target .
                                ?target pg:indicator ?indicator }"""

_TARGETS = """
SELECT ?target ?plan ?owner ?indicator ?value ?unit ?noun ?comparator ?direction ?base ?year
       ?scope ?quote ?aspirational ?change WHERE {
  ?target a pg:Target ; pg:inPlan ?plan ; pg:indicator ?indicator .
  OPTIONAL { ?owner pg:hasTarget ?target }
  OPTIONAL { ?target pg:value ?value }
  OPTIONAL { ?target pg:unit ?unit }
  OPTIONAL { ?target pg:countNoun ?noun }
  OPTIONAL { ?target pg:comparator ?comparator }
  OPTIONAL { ?target pg:direction ?direction }
  OPTIONAL { ?target pg:baseYear ?base }
  OPTIONAL { ?target pg:targetYear ?year }
  OPTIONAL { ?target pg:scope ?scope }
  OPTIONAL { ?target pg:quote ?quote }
  OPTIONAL { ?target pg:aspirational ?aspirational }
  OPTIONAL { ?target pg:isChange ?change }
}"""

_PLACES = """
SELECT ?place ?class ?within WHERE {
  ?place a pg:Place .
  OPTIONAL { ?place a ?class FILTER(STRSTARTS(STR(?class), STR(pg:))) }
  OPTIONAL { ?place pg:locatedIn ?within }
}"""

_PLACE_MENTIONS = """
SELECT ?plan ?owner ?place ?quote ?start ?end WHERE {
  ?mention pg:mentionOf ?place ; pg:inPlan ?plan ; pg:about ?owner .
  ?place a pg:Place .
  OPTIONAL { ?mention pg:quote ?quote }
  OPTIONAL { ?mention pg:start ?start ; pg:end ?end }
}"""

_OWNER_MENTIONS = """
SELECT ?plan ?owner ?place WHERE {
  ?owner pg:mentions ?place ; pg:inPlan ?plan . ?place a pg:Place .
  FILTER NOT EXISTS { ?owner a pg:Sentence }
}"""

_REGION_MEMBERS = "SELECT ?region ?place WHERE { ?region a pg:Region ; pg:includes ?place }"


def load(store: ox.Store) -> GraphData:
    """Read the nodes and edges the analyses use from ``store``."""
    names = read_labels(store)
    labels = names.merged()

    plans: dict[str, PlanNode] = {}
    order: dict[str, tuple[str, int]] = {}
    for row in _rows(store, _PLANS):
        iri = str(row["plan"].value)
        order[iri] = (_value(row["file"]) or "", _int(row["line"]))
        region = _value(row["region"])
        previous = plans.get(iri)
        if previous is not None and (region is None or previous.region <= region):
            continue
        plans[iri] = PlanNode(
            iri=iri,
            id=_value(row["id"]) or _local_name(iri),
            label=_value(row["label"]) or _local_name(iri),
            region=region or iri,
            region_label=_value(row["regionLabel"])
            or (labels.get(region, _local_name(region)) if region else _value(row["label"]) or ""),
            text=_value(row["text"]) or "",
        )

    tasks: dict[str, TaskNode] = {}
    for row in _rows(store, _TASKS):
        iri = str(row["task"].value)
        if iri in tasks:
            continue
        tasks[iri] = TaskNode(
            iri=iri,
            plan=str(row["plan"].value),
            key=_local_name(iri),
            ordinal=_int(row["ordinal"]),
            label=_value(row["label"]) or "",
            text=_value(row["text"]) or "",
            start=_int(row["start"], -1),
            end=_int(row["end"], -1),
        )

    spans = sorted(
        {
            Span(
                iri=str(row["unit"].value),
                plan=str(row["plan"].value),
                kind=str(row["class"].value).rsplit("#", 1)[-1].lower(),
                start=_int(row["start"]),
                end=_int(row["end"]),
            )
            for row in _rows(store, _SPANS)
        },
        key=lambda s: (iri_key(s.plan), s.start, -s.end, iri_key(s.iri)),
    )

    targets: dict[str, TargetNode] = {}
    for row in _rows(store, _TARGETS):
        iri = str(row["target"].value)
        owner = _value(row["owner"]) or str(row["plan"].value)
        previous_target = targets.get(iri)
        if previous_target is not None and previous_target.owner <= owner:
            continue
        aspirational, change = row["aspirational"], row["change"]
        targets[iri] = TargetNode(
            iri=iri,
            plan=str(row["plan"].value),
            owner=owner,
            indicator=str(row["indicator"].value),
            value=_decimal(row["value"]),
            unit=_value(row["unit"]),
            count_noun=_value(row["noun"]),
            comparator=_value(row["comparator"]),
            direction=_value(row["direction"]),
            base_year=_year(row["base"]),
            target_year=_year(row["year"]),
            scope=_value(row["scope"]),
            quote=_value(row["quote"]) or "",
            aspirational=aspirational is not None and aspirational.value == "true",
            change=change is not None and change.value == "true",
        )

    place_classes: dict[str, set[str]] = defaultdict(set)
    place_within: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _PLACES):
        iri = str(row["place"].value)
        place_classes.setdefault(iri, set())
        if row["class"] is not None:
            name = str(row["class"].value).rsplit("#", 1)[-1]
            if name != "Place":
                place_classes[iri].add(name)
        if row["within"] is not None:
            place_within[iri].add(str(row["within"].value))
    places = {
        iri: PlaceNode(
            iri=iri,
            label=labels.get(iri, _local_name(iri)),
            kinds=tuple(sorted(place_classes[iri])),
            located_in=tuple(sorted(place_within.get(iri, ()), key=natural_key)),
        )
        for iri in sorted(place_classes, key=natural_key)
    }

    mentions: set[PlaceMention] = set()
    for row in _rows(store, _PLACE_MENTIONS):
        mentions.add(
            PlaceMention(
                plan=str(row["plan"].value),
                owner=str(row["owner"].value),
                place=str(row["place"].value),
                quote=_value(row["quote"]) or "",
                start=_int(row["start"], -1),
                end=_int(row["end"], -1),
            )
        )
    if not mentions:  # graphs without mention nodes still say what each unit mentions
        for row in _rows(store, _OWNER_MENTIONS):
            mentions.add(
                PlaceMention(
                    plan=str(row["plan"].value),
                    owner=str(row["owner"].value),
                    place=str(row["place"].value),
                    quote="",
                )
            )

    members: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, _REGION_MEMBERS):
        members[str(row["region"].value)].add(str(row["place"].value))

    rank = {k: i for i, k in enumerate(sorted(plans, key=lambda k: (order[k], natural_key(k))))}
    ordered_tasks = sorted(
        tasks.values(), key=lambda t: (rank.get(t.plan, len(rank)), t.start, iri_key(t.iri))
    )
    return GraphData(
        plans=tuple(plans[k] for k in sorted(plans, key=lambda k: (order[k], natural_key(k)))),
        tasks=tuple(ordered_tasks),
        spans=tuple(spans),
        task_themes=_pairs(store, _TASK_THEMES, "task", "theme"),
        task_main_themes=_pairs(store, _TASK_MAIN_THEMES, "task", "theme"),
        task_places=_pairs(store, _TASK_PLACES, "task", "place"),
        task_indicators=_pairs(store, _TASK_INDICATORS, "task", "indicator"),
        targets=tuple(targets[k] for k in sorted(targets, key=natural_key)),
        places=places,
        place_mentions=tuple(sorted(mentions, key=mention_order)),
        region_members={
            k: tuple(sorted(v, key=natural_key))
            for k, v in sorted(members.items(), key=lambda kv: natural_key(kv[0]))
        },
        labels=labels,
        labels_en=dict(names.en),
        plan_by_iri=plans,
        task_by_iri={t.iri: t for t in ordered_tasks},
        theme_strength=read_theme_strength(store),
    )


def _pairs(store: ox.Store, query: str, left: str, right: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, query):
        found[str(row[left].value)].add(str(row[right].value))
    return {
        k: tuple(sorted(v, key=natural_key))
        for k, v in sorted(found.items(), key=lambda kv: natural_key(kv[0]))
    }


# --------------------------------------------------------------------------- stored results


@dataclass(frozen=True, slots=True)
class StoredAlignment:
    """A pg:Alignment read back from the graph (``a`` in the plan listed first)."""

    a: str
    b: str
    plan_a: str
    plan_b: str
    grade: str  # "same" (pg:SameMatter) or "partial" (pg:PartialOverlap)
    score: float


@dataclass(frozen=True, slots=True)
class StoredRow:
    tasks: tuple[str, ...]  # in plan order, then text order


@dataclass(frozen=True)
class StoredCrosswalk:
    """The task crosswalk as the graph holds it: the contract users' queries rely on
    (pg:Alignment with pg:alignedTask, pg:alignmentGrade, pg:score) and pg:CrosswalkRow."""

    alignments: tuple[StoredAlignment, ...]  # by plan pair, then score descending
    rows: tuple[StoredRow, ...]  # by the relative position of their first task
    unique: Mapping[str, tuple[str, ...]]  # plan -> tasks in no alignment


_ALIGNMENTS = """
SELECT ?x ?task ?grade ?score WHERE {
  ?x a pg:Alignment ; pg:alignedTask ?task .
  OPTIONAL { ?x pg:alignmentGrade ?grade }
  OPTIONAL { ?x pg:score ?score }
}"""

_CROSSWALK_ROWS = "SELECT ?row ?task WHERE { ?row a pg:CrosswalkRow ; pg:rowTask ?task }"

_GRADES = {"SameMatter": "same", "PartialOverlap": "partial"}


def read_crosswalk(store: ox.Store, data: GraphData) -> StoredCrosswalk | None:
    """The crosswalk the build wrote into the graph, or None when it holds none."""
    order = {t.iri: i for i, t in enumerate(data.tasks)}
    rank = {p.iri: i for i, p in enumerate(data.plans)}
    found: dict[str, dict[str, Any]] = defaultdict(lambda: {"tasks": set()})
    for row in _rows(store, _ALIGNMENTS):
        item = found[str(row["x"].value)]
        item["tasks"].add(str(row["task"].value))
        if row["grade"] is not None:
            item["grade"] = _GRADES.get(_local_name(str(row["grade"].value)), "partial")
        if row["score"] is not None:
            item["score"] = float(row["score"].value)
    alignments = []
    for item in found.values():
        tasks = sorted(
            (t for t in item["tasks"] if t in data.task_by_iri),
            key=lambda t: (rank.get(data.task_by_iri[t].plan, len(rank)), order[t]),
        )
        if len(tasks) != 2:
            continue
        a, b = tasks
        alignments.append(
            StoredAlignment(
                a,
                b,
                data.task_by_iri[a].plan,
                data.task_by_iri[b].plan,
                item.get("grade", "partial"),
                item.get("score", 0.0),
            )
        )
    if not alignments:
        return None
    alignments.sort(
        key=lambda x: (
            rank[x.plan_a],
            rank[x.plan_b],
            -round(x.score, 4),
            iri_key(x.a),
            iri_key(x.b),
        )
    )
    members: dict[str, list[str]] = defaultdict(list)
    for row in _rows(store, _CROSSWALK_ROWS):
        member = str(row["task"].value)
        if member in order:
            members[str(row["row"].value)].append(member)
    per_plan: dict[str, list[str]] = defaultdict(list)
    for task in data.tasks:
        per_plan[task.plan].append(task.iri)
    position = {
        iri: (k / (len(tasks) - 1) if len(tasks) > 1 else 0.5)
        for tasks in per_plan.values()
        for k, iri in enumerate(tasks)
    }
    rows = sorted(
        (StoredRow(tuple(sorted(set(tasks), key=order.__getitem__))) for tasks in members.values()),
        key=lambda r: (position[r.tasks[0]], order[r.tasks[0]]),
    )
    linked = {x.a for x in alignments} | {x.b for x in alignments}
    unique = {
        p.iri: tuple(t for t in per_plan.get(p.iri, ()) if t not in linked) for p in data.plans
    }
    return StoredCrosswalk(tuple(alignments), tuple(rows), unique)
