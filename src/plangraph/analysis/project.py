"""SPARQL projections: what the analyses read from a pyoxigraph Store.

The RDF stays the source of truth.  Each query here selects one kind of node or edge; the
rows become small frozen records (:class:`GraphData`), sorted by IRI in natural order so
that every analysis built on them is deterministic.  :func:`task_graph` turns them into the
NetworkX task–theme–place graph.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..graph import PG, RDFS, SKOS, natural_key

if TYPE_CHECKING:
    import networkx as nx

PREFIXES = {"pg": PG, "rdfs": RDFS, "skos": SKOS}
THEME_SCHEME_FILE = ("ontology", "themes.ttl")


# --------------------------------------------------------------------------- records


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

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or _local_name(iri)

    def label_en(self, iri: str) -> str:
        return self.labels_en.get(iri) or self.label(iri)

    @property
    def regions(self) -> tuple[str, ...]:
        """Region IRIs in the order their first plan appears (source file, line)."""
        return tuple(dict.fromkeys(p.region for p in self.plans))


def _local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@functools.lru_cache(maxsize=200_000)
def iri_key(iri: str) -> tuple[str | int, ...]:
    """The sort key used for IRIs everywhere in the analyses (task/2 before task/10)."""
    return natural_key(iri)


# --------------------------------------------------------------------------- queries


def _rows(store: ox.Store, query: str) -> Iterable[ox.QuerySolution]:
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _value(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _int(term: Any, default: int = 0) -> int:
    try:
        return int(term.value) if term is not None else default
    except ValueError:
        return default


def _decimal(term: Any) -> Decimal | None:
    if term is None:
        return None
    try:
        return Decimal(term.value)
    except InvalidOperation:
        return None


def _year(term: Any) -> int | None:
    if term is None:
        return None
    digits = str(term.value)[:4]
    return int(digits) if digits.isdigit() else None


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

_THEMES = """
SELECT DISTINCT ?theme WHERE { { ?theme a pg:Theme } UNION { ?task pg:hasTheme ?theme } }"""

_TASK_PLACES = """
SELECT ?task ?place WHERE { ?task a pg:Task ; pg:mentions ?place . ?place a pg:Place }"""

_TASK_INDICATORS = """
SELECT ?task ?indicator WHERE { ?task a pg:Task ; pg:hasTarget ?target .
                                ?target pg:indicator ?indicator }"""

_TARGETS = """
SELECT ?target ?plan ?owner ?indicator ?value ?unit ?noun ?comparator ?direction ?base ?year
       ?scope ?quote ?aspirational WHERE {
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

_LABELS = """
SELECT ?node ?label WHERE {
  VALUES ?p { rdfs:label skos:prefLabel }
  ?node ?p ?label .
  FILTER(isLiteral(?label))
}"""


def load(store: ox.Store) -> GraphData:
    """Read the nodes and edges the analyses use from ``store``."""
    labels_zh: dict[str, str] = {}
    labels_en: dict[str, str] = {}
    labels_other: dict[str, str] = {}
    for row in _rows(store, _LABELS):
        _keep_label(row["node"], row["label"], labels_zh, labels_en, labels_other)
    _theme_scheme_labels(store, labels_zh, labels_en, labels_other)
    labels = {**labels_other, **labels_en, **labels_zh}

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
        aspirational = row["aspirational"]
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
        place_mentions=tuple(
            sorted(
                mentions,
                key=lambda m: (
                    iri_key(m.plan),
                    m.start,
                    iri_key(m.owner),
                    iri_key(m.place),
                    m.quote,
                ),
            )
        ),
        region_members={
            k: tuple(sorted(v, key=natural_key))
            for k, v in sorted(members.items(), key=lambda kv: natural_key(kv[0]))
        },
        labels=labels,
        labels_en=labels_en,
        plan_by_iri=plans,
        task_by_iri={t.iri: t for t in ordered_tasks},
    )


def _pairs(store: ox.Store, query: str, left: str, right: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, query):
        found[str(row[left].value)].add(str(row[right].value))
    return {
        k: tuple(sorted(v, key=natural_key))
        for k, v in sorted(found.items(), key=lambda kv: natural_key(kv[0]))
    }


def _keep_label(
    node: Any,
    label: Any,
    zh: dict[str, str],
    en: dict[str, str],
    other: dict[str, str],
) -> None:
    if not isinstance(node, ox.NamedNode) or not isinstance(label, ox.Literal):
        return
    language = (label.language or "").lower()
    table = zh if language.startswith("zh") else en if language.startswith("en") else other
    iri, text = node.value, label.value
    # keep the smallest label per language so that several labels give a stable choice
    if iri not in table or (len(text), text) < (len(table[iri]), table[iri]):
        table[iri] = text


def _theme_scheme_labels(
    store: ox.Store,
    zh: dict[str, str],
    en: dict[str, str],
    other: dict[str, str],
) -> None:
    """Theme labels from the bundled SKOS scheme when the graph itself lacks them."""
    themes = {str(r["theme"].value) for r in _rows(store, _THEMES)}
    if all(theme in zh for theme in themes):
        return
    from ..resources import resource

    scheme = resource(*THEME_SCHEME_FILE)
    if not scheme.is_file():
        return
    extra = ox.Store()
    extra.load(scheme.read_bytes(), format=ox.RdfFormat.TURTLE)
    for row in _rows(extra, _LABELS):
        if isinstance(row["node"], ox.NamedNode) and row["node"].value in themes:
            _keep_label(row["node"], row["label"], zh, en, other)


# --------------------------------------------------------------------------- networkx


def task_graph(data: GraphData) -> nx.Graph:
    """The task–theme–place graph: tasks linked to the themes they carry and places they name.

    Nodes are IRIs with attributes ``kind`` (task, theme, place), ``label`` and ``plan``
    (tasks); nodes and edges are added in sorted order so that Louvain with a fixed seed
    gives the same communities on every run.
    """
    import networkx as nx

    graph = nx.Graph()
    edges: list[tuple[str, str]] = []
    for task in data.tasks:
        edges.extend((task.iri, theme) for theme in data.task_themes.get(task.iri, ()))
        edges.extend((task.iri, place) for place in data.task_places.get(task.iri, ()))
    linked = {n for edge in edges for n in edge}
    kinds: dict[str, str] = {}
    for task in data.tasks:
        if task.iri in linked:
            kinds[task.iri] = "task"
    for task_iri, themes in data.task_themes.items():
        if task_iri in kinds:
            kinds.update((theme, "theme") for theme in themes)
    for task_iri, places in data.task_places.items():
        if task_iri in kinds:
            kinds.update((place, "place") for place in places)
    plan_of = {t.iri: t.plan for t in data.tasks}
    for node in sorted(kinds, key=natural_key):
        attributes: dict[str, str] = {"kind": kinds[node], "label": data.label(node)}
        if node in plan_of:
            attributes["plan"] = plan_of[node]
        graph.add_node(node, **attributes)
    for a, b in sorted(edges, key=lambda e: (natural_key(e[0]), natural_key(e[1]))):
        graph.add_edge(a, b, weight=1.0)
    return graph
