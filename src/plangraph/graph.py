"""Stage 3: the model as RDF.  The only module that mints IRIs.

Triples are built as pyoxigraph terms (fast), sorted, and written as Turtle by Oxigraph's
serializer, so that the same corpus always gives byte-identical files.  Users get an
rdflib :class:`rdflib.Graph` from :func:`build_graph` or :func:`plangraph.store.load_graph`.
"""

from __future__ import annotations

import gc
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import quote

import pyoxigraph as ox

from .model import (
    COMPARATOR_SIGN,
    Corpus,
    Extraction,
    Mention,
    Owner,
    Place,
    Plan,
    Quote,
    Recurrence,
    Section,
    Sentence,
    Target,
    Task,
    Unit,
    UnitCode,
    UnitKind,
)

if TYPE_CHECKING:
    import rdflib

PG = "https://w3id.org/plangraph/ontology#"
ID = "https://w3id.org/plangraph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
OWL = "http://www.w3.org/2002/07/owl#"
UNIT = "http://qudt.org/vocab/unit/"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"  # W3C WGS84 geo: geo:lat, geo:long
ANALYSIS_GRAPH = ID + "analysis"

PREFIXES = {
    "pg": PG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "org": ORG,
    "unit": UNIT,
    "geo": GEO,
}

_TYPE = ox.NamedNode(RDF + "type")
_XSD_INTEGER = ox.NamedNode(XSD + "integer")
_XSD_DECIMAL = ox.NamedNode(XSD + "decimal")
_XSD_GYEAR = ox.NamedNode(XSD + "gYear")
_XSD_BOOLEAN = ox.NamedNode(XSD + "boolean")

Term = ox.NamedNode | ox.Literal


# --------------------------------------------------------------------------- IRIs


_SAFE = re.compile(r"[A-Za-z0-9._~-]*")


def _slug(text: str) -> str:
    return text if _SAFE.fullmatch(text) else quote(text, safe="-._~")


def region_iri(region_id: str) -> str:
    return f"{ID}region/{_slug(region_id)}"


def plan_iri(plan_id: str) -> str:
    return f"{ID}plan/{_slug(plan_id)}"


def section_iri(plan_id: str, ordinal: int) -> str:
    return f"{plan_iri(plan_id)}/section/{ordinal}"


def task_iri(plan_id: str, key: str) -> str:
    return f"{plan_iri(plan_id)}/task/{_slug(key)}"


def sentence_iri(plan_id: str, index: int) -> str:
    return f"{plan_iri(plan_id)}/sentence/{index}"


def target_iri(plan_id: str, index: int) -> str:
    return f"{plan_iri(plan_id)}/target/{index}"


def unit_iri(plan_id: str, kind: str) -> str:
    return f"{plan_iri(plan_id)}/{kind}"


def mention_iri(plan_id: str, index: int) -> str:
    return f"{plan_iri(plan_id)}/mention/{index}"


def indicator_iri(slug: str) -> str:
    return f"{ID}indicator/{_slug(slug)}"


def place_iri(slug: str) -> str:
    return f"{ID}place/{_slug(slug)}"


def area_category_iri(label: str) -> str:
    """A kind of area (重点区域, 县城, 城市建成区) or an area the gazetteer lacks, by name:
    under the places' path (an area, though no one place), in a segment of its own."""
    from plangraph.extract.targets import slugify

    return f"{ID}place/category/{_slug(slugify(label))}"


def agency_iri(slug: str) -> str:
    return f"{ID}agency/{_slug(slug)}"


def theme_iri(slug: str) -> str:
    return f"{ID}theme/{_slug(slug)}"


def owner_iri(plan_id: str, owner: Owner) -> str:
    if owner.kind == "plan":
        return plan_iri(plan_id)
    if owner.kind == "task":
        return task_iri(plan_id, owner.key)
    if owner.kind == "section":
        return section_iri(plan_id, int(owner.key))
    return unit_iri(plan_id, owner.kind)


def unit_term(code: UnitCode) -> str:
    """``qudt:PERCENT`` -> the QUDT unit IRI; ``pg:Count`` -> a plangraph term."""
    prefix, _, name = code.partition(":")
    if prefix == "qudt":
        return UNIT + name
    if prefix == "pg":
        return PG + name
    raise ValueError(f"unknown unit code {code!r}; expected qudt:NAME or pg:NAME")


# --------------------------------------------------------------------------- triples


# A triple as plain Python values: (subject IRI, predicate IRI, object), the object being
# (IRI,) for a node or (text, datatype IRI, language) for a literal.  Plain tuples sort,
# compare and deduplicate without copying the plans' text into new strings, and become
# pyoxigraph terms only while they are written.
Obj = tuple[str] | tuple[str, str, str]
Item = tuple[str, str, Obj]

_STRING = XSD + "string"
_LANG_STRING = RDF + "langString"


class _Triples:
    """Collects triples with small helpers for the literal kinds the ontology uses."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self._strings: dict[str, str] = {}

    def _intern(self, text: str) -> str:
        # IRIs are minted again for every triple; keep one copy of each
        return self._strings.setdefault(text, text)

    def iri(self, s: str, p: str, o: str) -> None:
        self.items.append((self._intern(s), p, (self._intern(o),)))

    def a(self, s: str, *classes: str) -> None:
        for cls in classes:
            self.iri(s, RDF + "type", cls)

    def zh(self, s: str, p: str, text: str) -> None:
        self.items.append((self._intern(s), p, (text, _LANG_STRING, "zh")))

    def en(self, s: str, p: str, text: str) -> None:
        self.items.append((self._intern(s), p, (text, _LANG_STRING, "en")))

    def string(self, s: str, p: str, text: str) -> None:
        self.items.append((self._intern(s), p, (text, _STRING, "")))

    def integer(self, s: str, p: str, value: int) -> None:
        self.items.append((self._intern(s), p, (str(value), XSD + "integer", "")))

    def decimal(self, s: str, p: str, value: Decimal) -> None:
        # the XSD 1.1 canonical form (7.3, 33), which Oxigraph keeps on a round trip
        text = format(value.normalize(), "f")
        self.items.append((self._intern(s), p, (text, XSD + "decimal", "")))

    def year(self, s: str, p: str, value: int) -> None:
        self.items.append((self._intern(s), p, (f"{value:04d}", XSD + "gYear", "")))

    def date(self, s: str, p: str, value: str) -> None:
        """An ISO date, xsd:date (2021-09-28) or, month-only, xsd:gYearMonth (2022-05)."""
        kind = "date" if len(value) == 10 else "gYearMonth" if len(value) == 7 else "gYear"
        self.items.append((self._intern(s), p, (value, XSD + kind, "")))

    def boolean(self, s: str, p: str, value: bool) -> None:
        literal = "true" if value else "false"
        self.items.append((self._intern(s), p, (literal, XSD + "boolean", "")))


def object_key(term: object) -> Obj:
    """A pyoxigraph object term as a plain tuple (blank nodes and quoted triples refused)."""
    if isinstance(term, ox.NamedNode):
        return (term.value,)
    if isinstance(term, ox.Literal):
        return (term.value, term.datatype.value, term.language or "")
    raise ValueError(f"plangraph graphs hold IRIs and literals only, not {term!r}")


def item_of(triple: ox.Triple | ox.Quad) -> Item:
    subject = triple.subject
    if not isinstance(subject, ox.NamedNode):
        raise ValueError(f"plangraph graphs have IRI subjects only, not {subject!r}")
    return (subject.value, triple.predicate.value, object_key(triple.object))


def canonical_items(items: Iterable[Item]) -> list[Item]:
    """Deduplicated items in the one stable order every writer uses: by subject (task/2
    before task/10), rdf:type first, then by predicate and object."""
    type_p = RDF + "type"
    # group by subject (linear), sort the subjects once, then each subject's few triples:
    # the sorting is over the subjects and many small groups, not over millions of items
    by_subject: dict[str, set[Item]] = defaultdict(set)
    for item in items:
        by_subject[item[0]].add(item)
    predicates = sorted({item[1] for group in by_subject.values() for item in group})
    predicates.sort(key=lambda p: p != type_p)
    predicate_rank = {predicate: rank for rank, predicate in enumerate(predicates)}
    ordered: list[Item] = []
    for subject in sorted(by_subject, key=natural_key):
        ordered.extend(sorted(by_subject[subject], key=lambda i: (predicate_rank[i[1]], i[2])))
    return ordered


def to_oxigraph(items: Iterable[Item]) -> Iterator[ox.Triple]:
    """The items as pyoxigraph triples, made one at a time."""
    nodes: dict[str, ox.NamedNode] = {}

    def node(iri: str) -> ox.NamedNode:
        found = nodes.get(iri)
        if found is None:
            found = nodes[iri] = ox.NamedNode(iri)
        return found

    for s, p, o in items:
        if len(o) == 1:
            obj: Term = node(o[0])
        else:
            text, datatype, language = o
            if language:
                obj = ox.Literal(text, language=language)
            elif datatype == _STRING:
                obj = ox.Literal(text)
            else:
                obj = ox.Literal(text, datatype=node(datatype))
        yield ox.Triple(node(s), node(p), obj)


def canonical(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """Deduplicated triples in the canonical order (see :func:`canonical_items`)."""
    return list(to_oxigraph(canonical_items(item_of(t) for t in triples)))


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[str | int, ...]:
    """Sort key that puts task/2 before task/10."""
    parts = _DIGITS.split(text)
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


def corpus_items(corpus: Corpus, extra: Iterable[ox.Triple] = ()) -> list[Item]:
    """Every triple of the corpus graph as plain items, canonical order, no duplicates."""
    # millions of small tuples and no cycles among them: the cyclic garbage collector would
    # rescan them again and again and make the build grow faster than the corpus
    collecting = gc.isenabled()
    gc.disable()
    try:
        t = _Triples()
        for plan in corpus.plans:
            _plan(t, plan)
        _extraction(t, corpus)
        _summaries(t, corpus)
        if corpus.extraction.theme_mentions:
            _theme_scheme(t)
        t.items.extend(item_of(triple) for triple in extra)
        return canonical_items(t.items)
    finally:
        if collecting:
            gc.enable()


PLAN_BASE = ID + "plan/"


class _SharedOnly(list[Item]):
    """Keeps the triples whose subject is not a plan's own node (plan/…): the shared nodes."""

    def append(self, item: Item) -> None:
        if not item[0].startswith(PLAN_BASE):
            super().append(item)


def shared_items(corpus: Corpus) -> list[Item]:
    """The triples about shared nodes (regions, places, agencies, indicators, themes and the
    theme scheme), deduplicated, in canonical order; :func:`plan_items` gives the rest."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        t = _Triples()
        t.items = _SharedOnly()
        _extraction(t, corpus)
        _summaries(t, corpus)
        if corpus.extraction.theme_mentions:
            _theme_scheme(t)
        return canonical_items(t.items)
    finally:
        if collecting:
            gc.enable()


def plan_extraction(extraction: Extraction, plan_id: str) -> Extraction:
    """What ``extraction`` found in one plan (shared places and agencies left out)."""
    return Extraction(
        targets=tuple(x for x in extraction.targets if x.plan == plan_id),
        place_mentions=tuple(m for m in extraction.place_mentions if m.plan == plan_id),
        agency_mentions=tuple(m for m in extraction.agency_mentions if m.plan == plan_id),
        responsibilities=tuple(d for d in extraction.responsibilities if d.plan == plan_id),
        theme_mentions=tuple(m for m in extraction.theme_mentions if m.plan == plan_id),
        issued_by=tuple(pair for pair in extraction.issued_by if pair[0] == plan_id),
        approved_by=tuple(pair for pair in extraction.approved_by if pair[0] == plan_id),
        regions=tuple(
            replace(region, plans=(plan_id,))
            for region in extraction.regions
            if plan_id in region.plans
        ),
    )


def plan_items(plan: Plan, extraction: Extraction) -> tuple[list[Item], list[Item]]:
    """One plan's own triples (subjects under its IRI) in canonical order, given what was
    extracted from it (:func:`plan_extraction`); and any triples about shared nodes that
    :func:`_plan` wrote (those the extraction writes come from :func:`shared_items`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        own = plan_iri(plan.id)
        inside = own + "/"
        structure = _Triples()
        _plan(structure, plan)
        facts = _Triples()
        facts._strings = structure._strings
        one = Corpus((plan,), extraction)
        _extraction(facts, one)
        _summaries(facts, one)
        local = [i for i in structure.items if i[0] == own or i[0].startswith(inside)]
        local += [i for i in facts.items if i[0] == own or i[0].startswith(inside)]
        other = [i for i in structure.items if not (i[0] == own or i[0].startswith(inside))]
        return canonical_items(local), other
    finally:
        if collecting:
            gc.enable()


def corpus_triples(corpus: Corpus, extra: Iterable[ox.Triple] = ()) -> list[ox.Triple]:
    """Every triple of the corpus graph, sorted and without duplicates."""
    return list(to_oxigraph(corpus_items(corpus, extra)))


def _theme_scheme(t: _Triples) -> None:
    """The SKOS theme scheme (ontology/themes.ttl) travels with the graph that uses it."""
    from .resources import read_text

    for triple in ox.parse(read_text("ontology", "themes.ttl"), format=ox.RdfFormat.TURTLE):
        t.items.append(item_of(triple))


def _plan(t: _Triples, plan: Plan) -> None:
    p = plan_iri(plan.id)
    t.a(p, PG + "Plan")
    t.zh(p, RDFS + "label", plan.title)
    t.zh(p, DCTERMS + "title", plan.title)
    t.zh(p, PG + "text", plan.text)
    t.string(p, PG + "identifier", plan.id)
    t.string(p, PG + "numbering", plan.numbering)
    t.string(p, PG + "sourceFile", _file_name(plan.source))
    t.string(p, DCTERMS + "source", _file_name(plan.source))
    t.string(p, DCTERMS + "format", plan.media_type)
    t.integer(p, PG + "sourceLine", plan.line)
    t.boolean(p, PG + "abridged", plan.abridged)
    for page in plan.picture_pages:
        t.integer(p, PG + "picturePage", page)
    if plan.issued is not None:
        t.date(p, DCTERMS + "issued", plan.issued)
    elif plan.year is not None:
        t.year(p, DCTERMS + "issued", plan.year)
    if plan.document_number:
        t.string(p, PG + "documentNumber", plan.document_number)
    if plan.note:
        t.zh(p, PG + "editorialNote", plan.note)
    if plan.stated_sections is not None:
        t.integer(p, PG + "statedSectionCount", plan.stated_sections)
    if plan.stated_tasks is not None:
        t.integer(p, PG + "statedTaskCount", plan.stated_tasks)
    for unit in (plan.preface, plan.preamble, plan.closing):
        if unit is not None:
            _unit(t, plan, unit)
    for section in plan.sections:
        _section(t, plan, section)


def _file_name(source: str) -> str:
    return re.split(r"[\\/]", source)[-1]


def _span(t: _Triples, s: str, plan: Plan, start: int, end: int) -> None:
    t.iri(s, PG + "inPlan", plan_iri(plan.id))
    t.integer(s, PG + "start", start)
    t.integer(s, PG + "end", end)


def _sentences(t: _Triples, owner: str, plan: Plan, sentences: Iterable[Sentence]) -> None:
    for sentence in sentences:
        s = sentence_iri(plan.id, sentence.index)
        t.iri(owner, PG + "hasSentence", s)
        t.a(s, PG + "Sentence")
        t.zh(s, PG + "text", sentence.text)
        t.integer(s, PG + "ordinal", sentence.index)
        t.iri(s, PG + "partOf", owner)
        _span(t, s, plan, sentence.start, sentence.end)


_UNIT_CLASS: dict[UnitKind, str] = {
    "preface": "Preface",
    "preamble": "Preamble",
    "closing": "Closing",
}
_UNIT_LINK: dict[UnitKind, str] = {
    "preface": "hasPreface",
    "preamble": "hasPreamble",
    "closing": "hasClosing",
}
_UNIT_LABEL: dict[UnitKind, str] = {
    "preface": "发布说明",
    "preamble": "前言",
    "closing": "组织实施",
}


def _unit(t: _Triples, plan: Plan, unit: Unit) -> None:
    u = unit_iri(plan.id, unit.kind)
    t.iri(plan_iri(plan.id), PG + _UNIT_LINK[unit.kind], u)
    t.a(u, PG + _UNIT_CLASS[unit.kind])
    t.zh(u, RDFS + "label", _UNIT_LABEL[unit.kind])
    t.zh(u, PG + "text", unit.text)
    _span(t, u, plan, unit.start, unit.end)
    _sentences(t, u, plan, unit.sentences)


def _section(t: _Triples, plan: Plan, section: Section) -> None:
    s = section_iri(plan.id, section.ordinal)
    t.iri(plan_iri(plan.id), PG + "hasSection", s)
    t.a(s, PG + "Section")
    t.integer(s, PG + "ordinal", section.ordinal)
    t.zh(s, RDFS + "label", section.title)
    t.zh(s, PG + "text", plan.text[section.start : section.end])
    t.integer(s, PG + "sourceLine", section.line)
    _span(t, s, plan, section.start, section.end)
    _sentences(t, s, plan, section.sentences)
    for task in section.tasks:
        _task(t, plan, s, task)


def _task(t: _Triples, plan: Plan, section: str, task: Task, parent: str | None = None) -> None:
    """A task of ``section``; with ``parent``, a numbered unit printed inside that task (1.
    under (一), 一、 under 第一节): a pg:Task that its task pg:hasTask, in the same section,
    whose sentences stay with the top-level task."""
    k = task_iri(plan.id, task.key)
    t.iri(parent or section, PG + "hasTask", k)
    t.iri(k, PG + "inSection", section)
    t.a(k, PG + "Task")
    t.integer(k, PG + "ordinal", task.ordinal)
    t.zh(k, RDFS + "label", task.title)
    t.zh(k, PG + "text", task.text)
    t.integer(k, PG + "sourceLine", task.line)
    _span(t, k, plan, task.start, task.end)
    if parent is None:
        _sentences(t, k, plan, task.sentences)
    for nested in task.subtasks:
        _task(t, plan, section, nested, parent=k)


# --------------------------------------------------------------------------- extraction

_UNIT_SIGN: dict[UnitCode, str] = {
    "qudt:MicroGM-PER-M3": "微克/立方米",
    "qudt:PERCENT": "%",
    "pg:PercentagePoint": "个百分点",
}


#: A recurrence of the model -> the local name of its pg:Recurrence individual.
_RECURRENCE: dict[Recurrence, str] = {"annual": "Annual"}


def target_label(target: Target) -> str:
    """A short human label: 细颗粒物(PM2.5)年均浓度 ≤ 33微克/立方米 (2027)."""
    label = target.indicator.label_zh
    if target.value is not None:
        sign = COMPARATOR_SIGN[target.comparator] if target.comparator else ""
        printed = target.count_noun or ""
        unit = _UNIT_SIGN.get(target.unit, printed) if target.unit else printed
        label += f" {sign} {target.value}{unit}".replace("  ", " ")
    elif target.direction:
        label += f" ({target.direction})"
    if target.target_year:
        label += f" ({target.target_year})"
    return label


def _extraction(t: _Triples, corpus: Corpus) -> None:
    ex: Extraction = corpus.extraction
    for region in ex.regions:
        r = region_iri(region.id)
        t.a(r, PG + "Region")
        t.zh(r, RDFS + "label", region.name)
        t.en(r, RDFS + "label", region.name_en)
        for member in region.members:
            t.iri(r, PG + "includes", place_iri(member))
        for plan_id in region.plans:
            t.iri(plan_iri(plan_id), PG + "coversRegion", r)
    written = written_names(ex.place_mentions)
    compounds = written_with_parents(ex.place_mentions, ex.places)
    for place in ex.places:
        pl = place_iri(place.id)
        label = place_label(place, written.get(place.id, Counter()))
        t.a(pl, PG + "Place", PG + place.kind)
        t.zh(pl, RDFS + "label", label)
        t.en(pl, RDFS + "label", place.name_en)
        t.string(pl, PG + "placeSource", place.source)
        for alias in dict.fromkeys((place.name, *place.aliases, *compounds.get(place.id, ()))):
            if alias != label:
                t.zh(pl, SKOS + "altLabel", alias)
        # the division it lies directly in, and its province too: one step reaches the
        # province, pg:locatedIn+ walks the chain (district -> city -> province)
        for outer in dict.fromkeys(p for p in (place.parent, place.province) if p):
            t.iri(pl, PG + "locatedIn", place_iri(outer))
        if place.code:
            t.string(pl, PG + "divisionCode", place.code)
        if place.lat and place.lon:
            t.decimal(pl, GEO + "lat", Decimal(place.lat))
            t.decimal(pl, GEO + "long", Decimal(place.lon))
    for agency in ex.agencies:
        ag = agency_iri(agency.id)
        t.a(ag, PG + "Agency", ORG + "Organization")
        t.zh(ag, RDFS + "label", agency.name)
        t.en(ag, RDFS + "label", agency.name_en)
        t.string(ag, PG + "agencyKind", agency.kind)
        for short in agency.short_names:
            t.zh(ag, SKOS + "altLabel", short)
    for plan_id, agency_id in ex.issued_by:
        t.iri(plan_iri(plan_id), PG + "issuedBy", agency_iri(agency_id))
    for plan_id, agency_id in ex.approved_by:
        t.iri(plan_iri(plan_id), PG + "approvedBy", agency_iri(agency_id))
    for target in ex.targets:
        _target(t, target)
    counters: dict[str, int] = {}
    for kind, mentions in (
        ("place", ex.place_mentions),
        ("agency", ex.agency_mentions),
        ("theme", ex.theme_mentions),
    ):
        for mention in mentions:
            counters[mention.plan] = counters.get(mention.plan, 0) + 1
            _mention(t, mention, counters[mention.plan], kind)
    for duty in ex.responsibilities:
        actor = place_iri(duty.actor) if duty.actor_is_place else agency_iri(duty.actor)
        owner = owner_iri(duty.plan, duty.owner)
        t.iri(owner, PG + "responsible", actor)


def written_names(mentions: Iterable[Mention]) -> dict[str, Counter[str]]:
    """How the plans write each place: the names its gazetteer mentions quote."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.how == "gazetteer" and len(mention.quote.text) >= 2:
            written[mention.target][mention.quote.text] += 1
    return written


# the levels a division is written under: a child follows its parent directly (徐州市贾汪区)
_LEVELS = {"Province": 0, "City": 1, "District": 2, "Town": 3}


def written_with_parents(
    mentions: Iterable[Mention], places: Iterable[Place]
) -> dict[str, list[str]]:
    """Each division as the plans write it after the divisions it lies in: 徐州市贾汪区,
    江苏省徐州市贾汪区, 东营市利津县, 东营利津 (in order of first writing).

    The parent is a place named right before the child in the same sentence, of a higher
    level, and among the child's ancestors (a town found by its head, which has no parent in
    the dataset, follows any division of a higher level)."""
    by_id = {p.id: p for p in places}

    def chain(place: Place) -> list[str]:
        out: list[str] = []
        step: Place | None = place
        while step is not None and (up := step.parent or step.province) and up not in out:
            out.append(up)
            step = by_id.get(up)
        return out

    ending: dict[tuple[str, int, int], Mention] = {}  # (plan, sentence, end) -> mention
    ordered = sorted(
        (m for m in mentions if m.how not in ("part", "compound") and m.target in by_id),
        key=lambda m: (m.plan, m.quote.sentence, m.quote.start, -m.quote.end, m.target),
    )
    found: dict[str, list[str]] = {}
    for mention in ordered:
        child = by_id[mention.target]
        level = _LEVELS.get(child.kind)
        ancestors = chain(child)
        text, start = mention.quote.text, mention.quote.start
        while level is not None:
            before = ending.get((mention.plan, mention.quote.sentence, start))
            if before is None:
                break
            parent = by_id[before.target]
            upper = _LEVELS.get(parent.kind)
            if upper is None or upper >= level:
                break
            if parent.id not in ancestors and not (child.source == "pattern" and not child.parent):
                break
            text, start, level = before.quote.text + text, before.quote.start, upper
            names = found.setdefault(child.id, [])
            if text not in names:
                names.append(text)
        ending.setdefault((mention.plan, mention.quote.sentence, mention.quote.end), mention)
    return found


def place_label(place: Place, written: Counter[str]) -> str:
    """A place's Chinese label: its canonical name, unless the plans only ever write it by
    another of its names (长江三角洲 for 长三角, 京杭运河 for 京杭大运河); then the name they
    write most often (the canonical one stays an alternative label).  A form that starts
    with the canonical name or begins it (徐州市 for 徐州, 利津 for 利津县) writes it."""
    name = place.name
    if not written or any(f.startswith(name) or name.startswith(f) for f in written):
        return name
    others = [f for f in written if f in place.aliases]
    if not others:
        return name
    return min(others, key=lambda f: (-written[f], f))


def _target(t: _Triples, target: Target) -> None:
    g = target_iri(target.plan, target.index)
    t.a(g, PG + "Target")
    t.iri(owner_iri(target.plan, target.owner), PG + "hasTarget", g)
    t.iri(g, PG + "inPlan", plan_iri(target.plan))
    t.zh(g, RDFS + "label", target_label(target))
    ind = indicator_iri(target.indicator.id)
    t.iri(g, PG + "indicator", ind)
    t.a(ind, PG + "Indicator")
    t.zh(ind, RDFS + "label", target.indicator.label_zh)
    t.en(ind, RDFS + "label", target.indicator.label_en)
    if target.value is not None:
        t.decimal(g, PG + "value", target.value)
    if target.unit:
        t.iri(g, PG + "unit", unit_term(target.unit))
    if target.count_noun:
        t.zh(g, PG + "countNoun", target.count_noun)
    if target.comparator:
        t.iri(g, PG + "comparator", PG + target.comparator)
    if target.direction:
        t.iri(g, PG + "direction", PG + target.direction)
    if target.target_year:
        t.year(g, PG + "targetYear", target.target_year)
    if target.base_year:
        t.year(g, PG + "baseYear", target.base_year)
    if target.scope:
        t.iri(g, PG + "scope", place_iri(target.scope))
    elif target.scope_text:
        # a kind of area, not a place: the scope all the same (80% in 重点区域 is no
        # target of the whole region)
        area = area_category_iri(target.scope_text)
        t.iri(g, PG + "scope", area)
        t.a(area, PG + "AreaCategory")
        t.zh(area, RDFS + "label", target.scope_text)
    t.boolean(g, PG + "aspirational", target.aspirational)
    if target.recurrence:
        t.iri(g, PG + "recurrence", PG + _RECURRENCE[target.recurrence])
    if target.base_value is not None:
        t.decimal(g, PG + "baseValue", target.base_value)
    if target.binding is not None:
        t.boolean(g, PG + "binding", target.binding)
    if target.scope_text:
        t.zh(g, PG + "scopeText", target.scope_text)
    if target.state:
        t.iri(g, PG + "state", PG + target.state)
    if target.start_year:
        t.year(g, PG + "startYear", target.start_year)
    _quote(t, g, target.plan, target.quote)


def _quote(t: _Triples, s: str, plan_id: str, quote_: Quote) -> None:
    t.iri(s, PG + "source", sentence_iri(plan_id, quote_.sentence))
    t.zh(s, PG + "quote", quote_.text)
    t.integer(s, PG + "start", quote_.start)
    t.integer(s, PG + "end", quote_.end)


def _summaries(t: _Triples, corpus: Corpus) -> None:
    """Summary facts derived from the ones above, so that questions about the whole corpus
    need not recount millions of triples: each plan's counts (pg:taskCount …) and the
    themes each region addresses (pg:addressesTheme: a task of a plan covering it has
    the theme), the indicators it sets (pg:setsIndicator: a target of a plan covering it
    measures the indicator) and each plan's and each region's use of each place named
    (pg:PlaceUse: how many mentions, in how many tasks).  Validation recomputes them from
    the facts they summarize."""
    ex = corpus.extraction
    targets = Counter(target.plan for target in ex.targets)
    agencies: dict[str, set[str]] = defaultdict(set)
    themes: dict[str, set[str]] = defaultdict(set)
    uses: Counter[tuple[str, str]] = Counter()  # (plan, place): mentions
    use_tasks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in ex.place_mentions:
        uses[mention.plan, mention.target] += 1
        if mention.owner.kind == "task":
            use_tasks[mention.plan, mention.target].add(mention.owner.key)
    for mention in ex.agency_mentions:
        agencies[mention.plan].add(mention.target)
    for mention in ex.theme_mentions:
        if mention.owner.kind == "task":
            themes[mention.plan].add(mention.target)
    places = Counter(plan_id for plan_id, _ in uses)  # distinct places per plan
    for plan in corpus.plans:
        p = plan_iri(plan.id)
        t.integer(p, PG + "sectionCount", len(plan.sections))
        t.integer(p, PG + "taskCount", len(plan.tasks))
        t.integer(p, PG + "sentenceCount", len(plan.sentences))
        t.integer(p, PG + "targetCount", targets[plan.id])
        t.integer(p, PG + "placeCount", places[plan.id])
        t.integer(p, PG + "agencyCount", len(agencies[plan.id]))
        t.integer(p, PG + "themeCount", len(themes[plan.id]))
    region_of = {plan_id: region.id for region in ex.regions for plan_id in region.plans}
    region_uses: Counter[tuple[str, str]] = Counter()
    region_tasks: Counter[tuple[str, str]] = Counter()
    for (plan_id, place_id), count in uses.items():
        tasks = len(use_tasks[plan_id, place_id])
        _place_use(t, plan_iri(plan_id), place_id, count, tasks)
        if plan_id in region_of:
            region_uses[region_of[plan_id], place_id] += count
            region_tasks[region_of[plan_id], place_id] += tasks  # a task is in one plan
    for (region_id, place_id), count in region_uses.items():
        tasks = region_tasks[region_id, place_id]
        _place_use(t, region_iri(region_id), place_id, count, tasks)
    indicators: dict[str, set[str]] = defaultdict(set)
    for target in ex.targets:
        indicators[target.plan].add(target.indicator.id)
    for region in ex.regions:
        r = region_iri(region.id)
        for slug in sorted(set().union(*(indicators[plan_id] for plan_id in region.plans))):
            t.iri(r, PG + "setsIndicator", indicator_iri(slug))
        for theme in sorted(set().union(*(themes[plan_id] for plan_id in region.plans))):
            t.iri(r, PG + "addressesTheme", theme_iri(theme))


def _place_use(t: _Triples, owner: str, place_id: str, mentions: int, tasks: int) -> None:
    """How often a plan, or the plans of a region, name a place, and in how many tasks."""
    u = f"{owner}/place/{_slug(place_id)}"
    t.iri(owner, PG + "placeUse", u)
    t.a(u, PG + "PlaceUse")
    t.iri(u, PG + "place", place_iri(place_id))
    t.integer(u, PG + "mentionCount", mentions)
    t.integer(u, PG + "taskCount", tasks)


THEME_STRENGTHS = {"main": "MainTheme", "mentioned": "MentionedTheme"}  # pg:ThemeStrength


def _mention(t: _Triples, mention: Mention, index: int, kind: str) -> None:
    m = mention_iri(mention.plan, index)
    sentence = sentence_iri(mention.plan, mention.quote.sentence)
    owner = owner_iri(mention.plan, mention.owner)
    if kind == "theme":
        target = theme_iri(mention.target)
        if mention.owner.kind == "task":
            t.iri(owner, PG + "hasTheme", target)
            if mention.strength == "main":
                t.iri(owner, PG + "hasMainTheme", target)
        t.a(m, PG + "ThemeMatch")
        if mention.strength in THEME_STRENGTHS:
            t.iri(m, PG + "themeStrength", PG + THEME_STRENGTHS[mention.strength])
    else:
        target = place_iri(mention.target) if kind == "place" else agency_iri(mention.target)
        t.iri(sentence, PG + "mentions", target)
        t.iri(owner, PG + "mentions", target)
        t.a(m, PG + "Mention")
    t.iri(m, PG + "mentionOf", target)
    t.iri(m, PG + "inPlan", plan_iri(mention.plan))
    t.iri(m, PG + "about", owner)
    if mention.how:
        t.string(m, PG + "matchedBy", mention.how)
    _quote(t, m, mention.plan, mention.quote)


# --------------------------------------------------------------------------- output


def write_turtle(items: list[Item], output: BinaryIO) -> None:
    """Stream the items as Turtle into ``output``, binding only the prefixes they use."""
    ox.serialize(
        to_oxigraph(items), output, format=ox.RdfFormat.TURTLE, prefixes=item_prefixes(items)
    )


def item_prefixes(items: Iterable[Item]) -> dict[str, str]:
    """The prefixes the Turtle will use: rdf:type is written ``a``, integers and booleans
    bare, decimals bare when they have a point, and language strings with ``@``."""
    bare_decimal = XSD + "decimal"
    silent = {XSD + "integer", XSD + "boolean", _STRING, _LANG_STRING}
    type_p = RDF + "type"
    iris: set[str] = set()
    for s, p, o in items:
        iris.add(s)
        if p != type_p:
            iris.add(p)
        if len(o) == 1:
            iris.add(o[0])
        elif o[1] not in silent and not (o[1] == bare_decimal and "." in o[0]):
            iris.add(o[1])
    namespaces = {_namespace(iri) for iri in iris}
    return {name: ns for name, ns in PREFIXES.items() if ns in namespaces}


def to_turtle(triples: Iterable[ox.Triple]) -> bytes:
    """Turtle with only the prefixes the triples use, byte-identical for the same triples."""
    buffer = io.BytesIO()
    write_turtle([item_of(t) for t in triples], buffer)
    return buffer.getvalue()


def _used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    namespaces = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                namespaces.add(_namespace(term.value))
            elif isinstance(term, ox.Literal):
                namespaces.add(_namespace(term.datatype.value))
    return {name: ns for name, ns in PREFIXES.items() if ns in namespaces}


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def serialize(triples: list[ox.Triple], fmt: str) -> bytes:
    """Serialize as ``ttl``, ``nt``, ``jsonld`` or ``xml`` (deterministic for all four)."""
    if fmt == "ttl":
        return to_turtle(triples)
    if fmt == "nt":
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        assert body is not None
        return body
    if fmt == "xml":
        body = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=_used_prefixes(triples))
        assert body is not None
        return body
    if fmt == "jsonld":
        body = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
        assert body is not None
        return body
    raise ValueError(f"unknown format {fmt!r}; expected ttl, nt, jsonld or xml")


def to_rdflib(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """An rdflib graph (in memory) holding the triples, with the plangraph prefixes bound."""
    import rdflib

    graph = rdflib.Graph(bind_namespaces="none")
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    for name, ns in PREFIXES.items():
        graph.bind(name, ns)
    return graph


def build_graph(corpus: Corpus) -> rdflib.Graph:
    """The corpus as an rdflib graph."""
    return to_rdflib(corpus_triples(corpus))
