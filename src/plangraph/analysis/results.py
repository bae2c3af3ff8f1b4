"""Analysis results as RDF: typed nodes under ``https://w3id.org/plangraph/id/analysis/``.

So that SPARQL can ask what the analyses found::

    SELECT ?from ?to ?score WHERE {
      ?link a pg:Linkage ; pg:linkKind pg:TextLink ;
            pg:fromTask ?from ; pg:toTask ?to ; pg:score ?score }
    ORDER BY DESC(?score)

Classes: pg:ThemeSharing, pg:RegionSimilarity, pg:Linkage (pg:linkKind one of pg:ThemeLink,
pg:PlaceLink, pg:IndicatorLink, pg:TextLink, pg:OutsidePlaceLink), pg:TextReuse (with a
pg:ReuseLocation per place it occurs: pg:inPlan, pg:inUnit, pg:task, pg:start, pg:end and
pg:text, like any stretch of a plan), pg:TargetComparison, pg:CentralityScore and
pg:Community; all are declared in the analysis section of ontology/plangraph.ttl.  Scores
are xsd:decimal rounded to 4 places.  IRIs are readable and stable for the same corpus.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, cast
from urllib.parse import quote

import pyoxigraph as ox

from ..graph import (
    ANALYSIS_GRAPH,
    ID,
    PG,
    RDF,
    RDFS,
    XSD,
    Item,
    canonical_items,
    object_key,
    to_oxigraph,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from . import Analysis
    from .linkage import Linkage
    from .reuse import ReusePassage

ANALYSIS = ID + "analysis/"

LINK_KIND = {
    "theme": PG + "ThemeLink",
    "place": PG + "PlaceLink",
    "indicator": PG + "IndicatorLink",
    "text": PG + "TextLink",
    "outside-place": PG + "OutsidePlaceLink",
}

_INTEGER = ox.NamedNode(XSD + "integer")
_DECIMAL = ox.NamedNode(XSD + "decimal")
_BOOLEAN = ox.NamedNode(XSD + "boolean")
_INTEGER_IRI, _DECIMAL_IRI, _BOOLEAN_IRI = _INTEGER.value, _DECIMAL.value, _BOOLEAN.value
_FOUR = Decimal("0.0001")


def _slug(text: str) -> str:
    return quote(text, safe="-._~")


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _task_path(iri: str) -> str:
    """``…/plan/jjj-2025/task/19`` -> ``jjj-2025/19``."""
    plan, _, key = iri.partition("/plan/")[2].partition("/task/")
    return f"{plan}/{key}" if key else _slug(_local(iri))


def decimal_literal(value: float) -> ox.Literal:
    """An xsd:decimal rounded to 4 places, in the XSD 1.1 canonical form that Oxigraph also
    writes (0.405, 1, 0), so the graph survives a round trip through any store unchanged."""
    return ox.Literal(decimal_text(value), datatype=_DECIMAL)


@lru_cache(maxsize=65_536)
def decimal_text(value: float) -> str:
    """The lexical form of :func:`decimal_literal` (cached: scores repeat; values that are
    equal, such as 0.0 and -0.0 or 1 and 1.0, have the same form)."""
    text = format(Decimal(repr(value)).quantize(_FOUR, rounding=ROUND_HALF_EVEN), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


class _Out:
    """Collects result triples as plain items (:data:`plangraph.graph.Item`)."""

    def __init__(self) -> None:
        self.items: list[Item] = []

    def iri(self, s: str, p: str, o: str) -> None:
        self.items.append((s, p, (o,)))

    def a(self, s: str, cls: str) -> None:
        self.iri(s, RDF + "type", cls)

    def lit(self, s: str, p: str, o: ox.Literal) -> None:
        self.items.append((s, p, object_key(o)))

    def integer(self, s: str, p: str, value: int) -> None:
        self.items.append((s, p, (str(value), _INTEGER_IRI, "")))

    def decimal(self, s: str, p: str, value: float) -> None:
        self.items.append((s, p, (decimal_text(value), _DECIMAL_IRI, "")))

    def boolean(self, s: str, p: str, value: bool) -> None:
        self.items.append((s, p, ("true" if value else "false", _BOOLEAN_IRI, "")))

    def zh(self, s: str, p: str, text: str) -> None:
        self.items.append((s, p, (text, RDF + "langString", "zh")))

    def string(self, s: str, p: str, text: str) -> None:
        self.items.append((s, p, (text, XSD + "string", "")))


def analysis_items(result: Analysis) -> list[Item]:
    """Every result of ``result`` as plain items (unsorted; the writer sorts them)."""
    out = _Out()
    _themes(out, result)
    _linkages(out, result)
    _reuse(out, result)
    _targets(out, result)
    _centrality(out, result)
    _crosswalk(out, result)
    _distinctive(out, result)
    return out.items


def analysis_groups(result: Analysis) -> Iterator[list[Item]]:
    """The same items in groups whose subjects share a path (one plan's linkages of one
    kind, one passage and its locations, the rest), so that a writer can sort and write
    them a group at a time."""
    for source in group_sources(result):
        yield group_items(result, source)


# what one group is made of: the rest ("rest", ()), one plan's linkages of one kind
# ("links", links) or the passages of one node ("reuse", passages)
GroupSource = tuple[str, tuple["Linkage", ...] | tuple["ReusePassage", ...]]


def group_sources(result: Analysis) -> list[GroupSource]:
    """What each of :func:`analysis_groups` is made of, in order (cheap: no items made),
    so that processes can each make their share of the groups (:func:`group_items`)."""
    return [
        ("rest", ()),
        *link_sources(result.linkages.links),
        *reuse_sources(result.reuse.passages),
    ]


def link_sources(links: Iterable[Linkage]) -> list[GroupSource]:
    """The groups of linkages: one plan's linkages of one kind, in the order found."""
    linkages: dict[tuple[str, str], list[Linkage]] = defaultdict(list)
    for link in links:
        linkages[link.kind, link.from_plan].append(link)
    return [("links", tuple(group)) for group in linkages.values()]


def reuse_sources(found: Iterable[ReusePassage]) -> list[GroupSource]:
    """The groups of reused passages: those of one node (one passage, rarely more)."""
    passages: dict[tuple[str, int, int], list[ReusePassage]] = defaultdict(list)
    for passage in found:
        first = passage.locations[0]
        passages[first.plan, first.start, first.end].append(passage)
    return [("reuse", tuple(group)) for group in passages.values()]


def group_items(result: Analysis | None, source: GroupSource) -> list[Item]:
    """The items of one group (see :func:`group_sources`); only the rest needs ``result``."""
    out = _Out()
    kind, members = source
    if kind == "rest":
        assert result is not None
        _themes(out, result)
        _targets(out, result)
        _centrality(out, result)
        _crosswalk(out, result)
        _distinctive(out, result)
    elif kind == "links":
        _linkage_nodes(out, cast("tuple[Linkage, ...]", members))
    else:
        _reuse_nodes(out, cast("tuple[ReusePassage, ...]", members))
    return out.items


def analysis_triples(result: Analysis) -> list[ox.Triple]:
    """Every result of ``result`` as triples, sorted and without duplicates."""
    return list(to_oxigraph(canonical_items(analysis_items(result))))


def analysis_quads(result: Analysis, graph: str = ANALYSIS_GRAPH) -> list[ox.Quad]:
    """The same triples in the named graph ``id/analysis`` (for a store, TriG or N-Quads)."""
    name = ox.NamedNode(graph)
    return [ox.Quad(t.subject, t.predicate, t.object, name) for t in analysis_triples(result)]


def _themes(out: _Out, result: Analysis) -> None:
    for sharing in result.themes.themes:
        s = f"{ANALYSIS}theme-sharing/{_slug(_local(sharing.theme))}"
        out.a(s, PG + "ThemeSharing")
        out.iri(s, PG + "theme", sharing.theme)
        out.string(s, PG + "sharing", sharing.sharing)
        out.integer(s, PG + "regionCount", len(sharing.regions))
        out.integer(s, PG + "taskCount", len(sharing.tasks))
        for region in sharing.regions:
            out.iri(s, PG + "sharedBy", region)
        for task in sharing.tasks:
            out.iri(s, PG + "carriedBy", task)
        for region in sharing.main_regions:
            out.iri(s, PG + "mainIn", region)
        for task in sharing.main_tasks:
            out.iri(s, PG + "mainMatterOf", task)
        out.decimal(s, PG + "specificity", sharing.specificity)
        out.boolean(s, PG + "tooBroad", sharing.broad)
    for sim in result.themes.similarity:
        s = f"{ANALYSIS}region-similarity/{_slug(_local(sim.a))}--{_slug(_local(sim.b))}"
        out.a(s, PG + "RegionSimilarity")
        out.iri(s, PG + "fromRegion", sim.a)
        out.iri(s, PG + "toRegion", sim.b)
        out.decimal(s, PG + "jaccard", sim.jaccard)
        out.decimal(s, PG + "weightedJaccard", sim.weighted)
        out.decimal(s, PG + "score", sim.weighted)
        for theme in sim.shared:
            out.iri(s, PG + "evidence", theme)


def _linkages(out: _Out, result: Analysis) -> None:
    _linkage_nodes(out, result.linkages.links)


def _linkage_nodes(out: _Out, links: Iterable[Linkage]) -> None:
    for link in links:
        if link.kind == "outside-place":
            assert link.place is not None
            s = (
                f"{ANALYSIS}linkage/outside-place/{_slug(_local(link.from_plan))}/"
                f"{_slug(_local(link.place))}"
            )
        else:
            assert link.from_task is not None and link.to_task is not None
            s = (
                f"{ANALYSIS}linkage/{link.kind}/{_task_path(link.from_task)}/"
                f"{_task_path(link.to_task)}"
            )
        out.a(s, PG + "Linkage")
        out.iri(s, PG + "linkKind", LINK_KIND[link.kind])
        out.decimal(s, PG + "score", link.score)
        out.iri(s, PG + "fromPlan", link.from_plan)
        if link.from_task:
            out.iri(s, PG + "fromTask", link.from_task)
        if link.to_plan:
            out.iri(s, PG + "toPlan", link.to_plan)
        if link.to_task:
            out.iri(s, PG + "toTask", link.to_task)
        if link.place:
            out.iri(s, PG + "place", link.place)
        for evidence in link.evidence:
            out.iri(s, PG + "evidence", evidence)
        for text in link.evidence_text:
            out.zh(s, PG + "evidenceText", text)


def _reuse(out: _Out, result: Analysis) -> None:
    _reuse_nodes(out, result.reuse.passages)


def _reuse_nodes(out: _Out, passages: Iterable[ReusePassage]) -> None:
    for passage in passages:
        first = passage.locations[0]
        s = f"{ANALYSIS}reuse/{_slug(_local(first.plan))}/{first.start}-{first.end}"
        out.a(s, PG + "TextReuse")
        out.zh(s, PG + "sharedText", passage.text)
        out.integer(s, PG + "planCount", passage.plans)
        out.decimal(s, PG + "score", passage.identity)
        out.boolean(s, PG + "boilerplate", passage.boilerplate)
        if passage.reason:
            out.string(s, PG + "boilerplateReason", passage.reason)
        for index, loc in enumerate(passage.locations, start=1):
            node = f"{s}/location/{index}"
            out.iri(s, PG + "hasLocation", node)
            out.a(node, PG + "ReuseLocation")
            out.iri(node, PG + "inPlan", loc.plan)
            out.iri(node, PG + "inUnit", loc.unit)
            if loc.unit_kind == "task":
                out.iri(node, PG + "task", loc.unit)
            out.integer(node, PG + "start", loc.start)
            out.integer(node, PG + "end", loc.end)
            out.zh(node, PG + "text", loc.text)


def _targets(out: _Out, result: Analysis) -> None:
    for comparison in result.targets:
        s = f"{ANALYSIS}target-comparison/{_slug(_local(comparison.indicator))}"
        out.a(s, PG + "TargetComparison")
        out.iri(s, PG + "comparesIndicator", comparison.indicator)
        out.integer(s, PG + "planCount", comparison.plans)
        for row in comparison.rows:
            out.iri(s, PG + "comparesTarget", row.target)


def _centrality(out: _Out, result: Analysis) -> None:
    ranks: dict[str, int] = {}
    for node in result.centrality.nodes:
        ranks[node.kind] = ranks.get(node.kind, 0) + 1
        s = f"{ANALYSIS}centrality/{node.kind}/{ranks[node.kind]}"
        out.a(s, PG + "CentralityScore")
        out.iri(s, PG + "node", node.node)
        out.string(s, PG + "nodeKind", node.kind)
        out.integer(s, PG + "rank", ranks[node.kind])
        out.integer(s, PG + "degree", node.degree)
        out.decimal(s, PG + "degreeCentrality", node.degree_centrality)
        out.decimal(s, PG + "betweenness", node.betweenness)
        out.decimal(s, PG + "score", node.degree_centrality)
    for community in result.centrality.communities:
        s = f"{ANALYSIS}community/{community.index}"
        out.a(s, PG + "Community")
        out.lit(s, RDFS + "label", ox.Literal(f"Community {community.index}", language="en"))
        out.integer(s, PG + "size", community.size)
        out.integer(s, PG + "taskCount", community.tasks)
        for member in community.members:
            out.iri(s, PG + "member", member)
        for plan in community.plans:
            out.iri(s, PG + "involvesPlan", plan)
        for theme in community.top_themes:
            out.iri(s, PG + "topTheme", theme)
        for place in community.top_places:
            out.iri(s, PG + "topPlace", place)


GRADE = {"same": PG + "SameMatter", "partial": PG + "PartialOverlap"}


def _crosswalk(out: _Out, result: Analysis) -> None:
    for x in result.crosswalk.alignments:
        s = f"{ANALYSIS}alignment/{_task_path(x.a)}/{_task_path(x.b)}"
        out.a(s, PG + "Alignment")
        out.iri(s, PG + "alignedTask", x.a)
        out.iri(s, PG + "alignedTask", x.b)
        out.iri(s, PG + "alignmentGrade", GRADE[x.grade])
        out.decimal(s, PG + "score", x.score)
        for term in x.shared_terms:
            out.zh(s, PG + "sharedTerm", term)
        for theme in x.shared_themes:
            out.iri(s, PG + "sharedTheme", theme)
        for indicator in x.shared_indicators:
            out.iri(s, PG + "sharedIndicator", indicator)
        for place in x.shared_places:
            out.iri(s, PG + "sharedPlace", place)
    for row in result.crosswalk.rows:
        s = f"{ANALYSIS}crosswalk-row/{_task_path(row.tasks[0])}"
        out.a(s, PG + "CrosswalkRow")
        for task in row.tasks:
            out.iri(s, PG + "rowTask", task)


def _distinctive(out: _Out, result: Analysis) -> None:
    for t in result.distinctive.terms:
        s = f"{ANALYSIS}distinctive/{_slug(_local(t.plan))}/{_slug(t.term)}"
        out.a(s, PG + "DistinctiveTerm")
        out.zh(s, PG + "term", t.term)
        out.iri(s, PG + "inPlan", t.plan)
        out.decimal(s, PG + "score", t.probability)  # Φ(z): in [0, 1] like every pg:score
        out.integer(s, PG + "occurrenceCount", t.count)
        for plan in t.shared_with:
            out.iri(s, PG + "sharedWith", plan)
        first = t.quotes[0]
        out.iri(s, PG + "source", first.sentence)
        out.zh(s, PG + "quote", t.term)  # the exact characters at start..end of the plan text
        out.integer(s, PG + "start", first.start)
        out.integer(s, PG + "end", first.end)
