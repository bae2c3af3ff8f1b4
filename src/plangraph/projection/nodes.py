"""What the graph drawings read: the nodes and edges of every class they draw.

One query per kind of node or edge, run by :func:`~plangraph.projection.sparql.select` (all
graphs as one, so that the pg:Linkage results kept in the named graph ``id/analysis`` are
seen with the rest); every node is named by
:func:`~plangraph.projection.sparql.read_labels`, the same rule as the analyses and the
report.  Every mapping is filled in a sorted order, so that the views built on it are the
same on every run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..graph import ID, PG, natural_key
from .sparql import local_name, read_labels, select

#: the classes drawn in the views, most specific first (a node gets the first that fits)
CLASSES = (
    "Linkage",
    "Region",
    "Plan",
    "Section",
    "Task",
    "Target",
    "Indicator",
    "Theme",
    "Agency",
    "AreaCategory",
    "Place",
)
#: edges read between the nodes of those classes
RELATIONS = (
    "coversRegion",
    "hasSection",
    "hasTask",
    "hasTarget",
    "hasTheme",
    "mentions",
    "responsible",
    "issuedBy",
    "approvedBy",
    "includes",
    "locatedIn",
    "scope",
    "indicator",
)
_GENERAL_PLACE_KINDS = {"Place", "AdministrativeArea", "Area"}


@dataclass(slots=True)
class Node:
    """One node of the graph as the views see it."""

    iri: str
    cls: str
    zh: str = ""
    en: str = ""
    kind: str = ""  # the pg:Place subclass of a place
    plan: str = ""  # the plan IRI of sections, tasks and targets
    section: str = ""  # the section IRI of tasks
    ordinal: int = 0
    text: str = ""  # pg:text: the task or section itself, the plan's title …
    quote: str = ""  # pg:quote of a target, or of the first mention of a shared node
    sentence: str = ""  # the source sentence of that quote
    mentions: int = 0  # how many mentions the graph records of a shared node
    facts: list[tuple[str, str]] = field(default_factory=list)  # more tooltip lines


@dataclass(frozen=True, slots=True)
class Link:
    """A cross-region linkage between two tasks, from the analysis or derived here."""

    source: str
    target: str
    kind: str
    score: float
    evidence: tuple[str, ...] = ()
    iri: str = ""


@dataclass(slots=True)
class GraphData:
    nodes: dict[str, Node]
    edges: dict[tuple[str, str], set[str]]  # (subject, object) -> relation local names
    plan_regions: dict[str, tuple[str, ...]]  # plan IRI -> region IRIs
    linkages: list[Link]  # from pg:Linkage nodes; empty when the graph has none
    store: ox.Store | None = field(default=None, repr=False)
    _cache: dict[str, tuple[dict[str, list[str]], dict[str, list[str]]]] = field(
        default_factory=dict, repr=False
    )

    def of_class(self, cls: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.cls == cls]

    def regions_of(self, iri: str) -> tuple[str, ...]:
        """The regions a plan, section, task or target belongs to (through its plan)."""
        node = self.nodes.get(iri)
        if node is None:
            return ()
        if node.cls == "Region":
            return (iri,)
        if node.cls == "Plan":
            return self.plan_regions.get(iri, ())
        return self.plan_regions.get(node.plan, ()) if node.plan else ()

    def out(self, subject: str, relation: str) -> list[str]:
        """Objects of ``subject relation ?o`` among the nodes, in sorted order."""
        return self._index(relation)[0].get(subject, [])

    def into(self, obj: str, relation: str) -> list[str]:
        """Subjects of ``?s relation obj`` among the nodes, in sorted order."""
        return self._index(relation)[1].get(obj, [])

    def _index(self, relation: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        found = self._cache.get(relation)
        if found is None:
            forward: dict[str, list[str]] = defaultdict(list)
            backward: dict[str, list[str]] = defaultdict(list)
            for (s, o), rels in self.edges.items():
                if relation in rels:
                    forward[s].append(o)
                    backward[o].append(s)
            found = self._cache[relation] = (forward, backward)
        return found


def short_id(iri: str) -> str:
    """The node id used in the page: the IRI without the plangraph instance base."""
    if iri.startswith(ID):
        return iri[len(ID) :]
    if iri.startswith(PG):
        return "pg:" + iri[len(PG) :]
    return iri


# --------------------------------------------------------------------------- queries


def _rows(store: ox.Store, query: str) -> Iterator[ox.QuerySolution]:
    return select(store, query)


def _str(term: Any) -> str:
    return "" if term is None else str(term.value)


def _int(term: Any) -> int:
    try:
        return int(term.value) if term is not None else 0
    except ValueError:
        return 0


# themes are typed in ontology/themes.ttl, not always in the graph file: what a task
# pg:hasTheme is a theme
_TYPES = """
SELECT ?s ?type WHERE {{
  {{ VALUES ?type {{ {classes} }} ?s a ?type }}
  UNION {{ ?task pg:hasTheme ?s . BIND(pg:Theme AS ?type) }}
  FILTER(isIRI(?s))
}}"""

_PLACE_KINDS = """
SELECT ?s ?kind WHERE {
  ?s a pg:Place , ?kind . FILTER(STRSTARTS(STR(?kind), STR(pg:)))
}"""

_PLANS = """
SELECT ?s ?id ?year ?text WHERE {
  ?s a pg:Plan .
  OPTIONAL { ?s pg:identifier ?id }
  OPTIONAL { ?s dcterms:issued ?year }
}"""

_UNITS = """
SELECT ?s ?plan ?section ?ordinal ?text WHERE {
  VALUES ?type { pg:Section pg:Task }
  ?s a ?type .
  OPTIONAL { ?s pg:inPlan ?plan }
  OPTIONAL { ?s pg:inSection ?section }
  OPTIONAL { ?s pg:ordinal ?ordinal }
  OPTIONAL { ?s pg:text ?text }
}"""

_TARGETS = """
SELECT ?s ?plan ?quote ?sentence ?value ?unit ?noun ?comparator ?direction ?year WHERE {
  ?s a pg:Target .
  OPTIONAL { ?s pg:inPlan ?plan }
  OPTIONAL { ?s pg:quote ?quote }
  OPTIONAL { ?s pg:source ?source . ?source pg:text ?sentence }
  OPTIONAL { ?s pg:value ?value }
  OPTIONAL { ?s pg:unit ?unit }
  OPTIONAL { ?s pg:countNoun ?noun }
  OPTIONAL { ?s pg:comparator ?comparator }
  OPTIONAL { ?s pg:direction ?direction }
  OPTIONAL { ?s pg:targetYear ?year }
}"""

_EDGES = """
SELECT ?s ?p ?o WHERE {{
  VALUES ?p {{ {relations} }}
  ?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o))
}}"""

# the first piece of evidence for a shared node: mention nodes (graph/facts.py) and theme
# annotations (pg:task / pg:theme / pg:matchedTerm in docs/design.md)
_EVIDENCE = """
SELECT ?e ?quote ?sentence ?plan ?start WHERE {
  { ?m pg:mentionOf ?e . OPTIONAL { ?m pg:quote ?quote } }
  UNION
  { ?m pg:theme ?e . OPTIONAL { ?m pg:matchedTerm ?quote } }
  OPTIONAL { ?m pg:source ?source . ?source pg:text ?sentence }
  OPTIONAL { ?m pg:inPlan ?plan }
  OPTIONAL { ?m pg:start ?start }
}"""

_LINKAGES = """
SELECT ?l ?p ?v WHERE {
  ?l a pg:Linkage ; ?p ?v .
}"""


def load(store: ox.Store) -> GraphData:
    """Read every node, label and edge the views draw from ``store``."""
    nodes = _nodes(store)
    _labels(store, nodes)
    for row in _rows(store, _PLACE_KINDS):
        node = nodes.get(_str(row["s"]))
        kind = local_name(_str(row["kind"]))
        specific = kind not in _GENERAL_PLACE_KINDS
        if node is not None and node.cls == "Place" and specific and kind < (node.kind or "~"):
            node.kind = kind
    _plans(store, nodes)
    _units(store, nodes)
    _targets(store, nodes)
    edges = _edges(store, nodes)
    _evidence(store, nodes)
    plan_regions: dict[str, set[str]] = defaultdict(set)
    for (s, o), rels in edges.items():
        if "coversRegion" in rels:
            plan_regions[s].add(o)
    for node in nodes.values():  # tasks and sections whose plan link is only structural
        if node.cls == "Task" and not node.plan and node.section in nodes:
            node.plan = nodes[node.section].plan
    return GraphData(
        nodes=nodes,
        edges=edges,
        plan_regions={k: tuple(sorted(v, key=natural_key)) for k, v in plan_regions.items()},
        linkages=_linkages(store, nodes),
        store=store,
    )


def _nodes(store: ox.Store) -> dict[str, Node]:
    rank = {cls: i for i, cls in enumerate(CLASSES)}
    classes = " ".join(f"pg:{cls}" for cls in CLASSES)
    found: dict[str, str] = {}
    for row in _rows(store, _TYPES.format(classes=classes)):
        iri, cls = _str(row["s"]), local_name(_str(row["type"]))
        if iri not in found or rank[cls] < rank[found[iri]]:
            found[iri] = cls
    return {iri: Node(iri, found[iri]) for iri in sorted(found, key=natural_key)}


def _labels(store: ox.Store, nodes: dict[str, Node]) -> None:
    names = read_labels(store)
    for iri, node in nodes.items():
        node.zh = names.zh.get(iri) or names.other.get(iri, "")
        node.en = names.en.get(iri, "")


def _plans(store: ox.Store, nodes: dict[str, Node]) -> None:
    for row in _rows(store, _PLANS):
        node = nodes[_str(row["s"])]
        node.plan = node.iri
        node.text = node.zh
        if row["id"] is not None:
            node.facts.append(("id", _str(row["id"])))
        if row["year"] is not None:
            node.facts.append(("年份 year", _str(row["year"])[:4]))


def _units(store: ox.Store, nodes: dict[str, Node]) -> None:
    for row in sorted(_rows(store, _UNITS), key=lambda r: natural_key(_str(r["s"]))):
        node = nodes[_str(row["s"])]
        node.plan = node.plan or _str(row["plan"])
        node.section = node.section or _str(row["section"])
        node.ordinal = node.ordinal or _int(row["ordinal"])
        node.text = node.text or _str(row["text"])


def measure(value: str, unit: str, noun: str, comparator: str) -> str:
    """A target's value as people write it: ``≤ 33 µg/m³``, ``≥ 80%``, ``= 3.2个百分点``,
    ``≥ 1个`` (units and comparators through :mod:`plangraph.display`)."""
    from .. import display

    if not value:
        return ""
    word = noun if unit.endswith("#Count") or local_name(unit) == "Count" else display.unit(unit)
    spacer = "" if not word or word == "%" or "\u4e00" <= word[0] <= "\u9fff" else " "
    return " ".join(p for p in (display.comparator(comparator), f"{value}{spacer}{word}") if p)


def _targets(store: ox.Store, nodes: dict[str, Node]) -> None:
    seen: set[str] = set()
    rows = sorted(
        _rows(store, _TARGETS),
        key=lambda r: tuple(_str(r[v]) for v in ("s", "quote", "sentence", "value", "year")),
    )
    for row in rows:
        iri = _str(row["s"])
        if iri in seen:
            continue
        seen.add(iri)
        node = nodes[iri]
        node.plan = _str(row["plan"])
        node.quote = _str(row["quote"])
        node.sentence = _str(row["sentence"])
        value, year = _str(row["value"]), _str(row["year"])[:4]
        shown = measure(value, _str(row["unit"]), _str(row["noun"]), _str(row["comparator"]))
        direction = local_name(_str(row["direction"])) if row["direction"] is not None else ""
        node.facts.append(("指标值 value", shown or direction or "—"))
        if year:
            node.facts.append(("目标年 year", year))
        node.en = " ".join(p for p in (shown or direction, f"({year})" if year else "") if p)


def _edges(store: ox.Store, nodes: dict[str, Node]) -> dict[tuple[str, str], set[str]]:
    relations = " ".join(f"pg:{r}" for r in RELATIONS)
    edges: dict[tuple[str, str], set[str]] = {}
    for row in _rows(store, _EDGES.format(relations=relations)):
        s, o = _str(row["s"]), _str(row["o"])
        if s in nodes and o in nodes and s != o:
            edges.setdefault((s, o), set()).add(local_name(_str(row["p"])))
    return {
        k: edges[k] for k in sorted(edges, key=lambda e: (natural_key(e[0]), natural_key(e[1])))
    }


def _evidence(store: ox.Store, nodes: dict[str, Node]) -> None:
    best: dict[str, tuple[tuple[Any, ...], str, str]] = {}
    counts: dict[str, int] = defaultdict(int)
    for row in _rows(store, _EVIDENCE):
        iri = _str(row["e"])
        if iri not in nodes:
            continue
        counts[iri] += 1
        quote, sentence = _str(row["quote"]), _str(row["sentence"])
        key = (natural_key(_str(row["plan"])), _int(row["start"]), quote, sentence)
        if iri not in best or key < best[iri][0]:
            best[iri] = (key, quote, sentence)
    for iri, (_, quote, sentence) in best.items():
        node = nodes[iri]
        if not node.quote:
            node.quote, node.sentence = quote, sentence
        node.mentions = counts[iri]


def _linkages(store: ox.Store, nodes: dict[str, Node]) -> list[Link]:
    """pg:Linkage nodes (the analysis results), in IRI order."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(store, _LINKAGES):
        prop, text = local_name(_str(row["p"])), _str(row["v"])
        if prop == "evidence" and text in nodes:  # shared themes, places, indicators
            text = _name(nodes[text])
        found[_str(row["l"])][prop].append(text)
    links = []
    for iri in sorted(found, key=natural_key):
        props = {k: sorted(v) for k, v in found[iri].items()}
        link = make_link(
            kind=(props.get("linkKind") or ["linkage"])[0],
            score=(props.get("score") or ["0"])[0],
            ends=(props.get("fromTask") or props.get("fromPlan") or [""])[0],
            other=(props.get("toTask") or props.get("place") or props.get("toPlan") or [""])[0],
            evidence=[*props.get("evidence", []), *props.get("evidenceText", [])],
            nodes=nodes,
            iri=iri,
        )
        if link is not None:
            links.append(link)
    return links


def make_link(
    *,
    kind: str,
    score: str | float,
    ends: str,
    other: str,
    evidence: list[str],
    nodes: dict[str, Node],
    iri: str = "",
) -> Link | None:
    """A Link between two known nodes, or None when an end is not in the graph."""
    if ends not in nodes or other not in nodes:
        return None
    try:
        value = float(score)
    except ValueError:
        value = 0.0
    name = local_name(kind)
    name = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", name.removesuffix("Link") or name).lower()
    return Link(ends, other, name, value, tuple(evidence), iri)


def _name(node: Node) -> str:
    return node.zh or node.en or local_name(node.iri)
