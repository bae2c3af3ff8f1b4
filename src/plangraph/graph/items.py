"""Triples as plain tuples (:data:`Item`), the collector the writers fill, and the one
canonical order every writer sorts them into; pyoxigraph terms made only while writing."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

import pyoxigraph as ox

from .iris import RDF, XSD

_TYPE = ox.NamedNode(RDF + "type")
_XSD_INTEGER = ox.NamedNode(XSD + "integer")
_XSD_DECIMAL = ox.NamedNode(XSD + "decimal")
_XSD_GYEAR = ox.NamedNode(XSD + "gYear")
_XSD_BOOLEAN = ox.NamedNode(XSD + "boolean")

Term = ox.NamedNode | ox.Literal


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
        # IRIs are minted again for every triple: one copy of each is kept (interned by
        # ``self._strings.setdefault(iri, iri)``, inline: a call fewer per triple)
        self._strings: dict[str, str] = {}

    def iri(self, s: str, p: str, o: str) -> None:
        one = self._strings.setdefault
        self.items.append((one(s, s), p, (one(o, o),)))

    def a(self, s: str, *classes: str) -> None:
        for cls in classes:
            self.iri(s, RDF + "type", cls)

    def zh(self, s: str, p: str, text: str) -> None:
        self.items.append((self._strings.setdefault(s, s), p, (text, _LANG_STRING, "zh")))

    def en(self, s: str, p: str, text: str) -> None:
        self.items.append((self._strings.setdefault(s, s), p, (text, _LANG_STRING, "en")))

    def tagged(self, s: str, p: str, text: str, language: str) -> None:
        """A string in ``language`` (lower case, as Oxigraph writes tags: zh-hant)."""
        self.items.append((self._strings.setdefault(s, s), p, (text, _LANG_STRING, language)))

    def string(self, s: str, p: str, text: str) -> None:
        self.items.append((self._strings.setdefault(s, s), p, (text, _STRING, "")))

    def integer(self, s: str, p: str, value: int) -> None:
        self.items.append((self._strings.setdefault(s, s), p, (str(value), XSD + "integer", "")))

    def decimal(self, s: str, p: str, value: Decimal) -> None:
        # the XSD 1.1 canonical form (7.3, 33), which Oxigraph keeps on a round trip
        text = format(value.normalize(), "f")
        self.items.append((self._strings.setdefault(s, s), p, (text, XSD + "decimal", "")))

    def year(self, s: str, p: str, value: int) -> None:
        self.items.append((self._strings.setdefault(s, s), p, (f"{value:04d}", XSD + "gYear", "")))

    def date(self, s: str, p: str, value: str) -> None:
        """An ISO date, xsd:date (2021-09-28) or, month-only, xsd:gYearMonth (2022-05)."""
        kind = "date" if len(value) == 10 else "gYearMonth" if len(value) == 7 else "gYear"
        self.items.append((self._strings.setdefault(s, s), p, (value, XSD + kind, "")))

    def boolean(self, s: str, p: str, value: bool) -> None:
        literal = "true" if value else "false"
        self.items.append((self._strings.setdefault(s, s), p, (literal, XSD + "boolean", "")))


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
    # the sorting is over the subjects and many small groups, not over millions of items.
    # A subject's triples differ only after the subject, so their own (tuple) order is by
    # predicate then object; rdf:type is then moved first (the items sort without a key
    # function: measured 3x faster than by a rank of the predicates)
    by_subject: dict[str, set[Item]] = defaultdict(set)
    for item in items:
        by_subject[item[0]].add(item)
    ordered: list[Item] = []
    extend = ordered.extend
    for subject in sorted(by_subject, key=natural_key):
        group = sorted(by_subject[subject])
        if group[0][1] != type_p and group[-1][1] >= type_p:
            start = bisect_left(group, (subject, type_p))
            stop = start
            while stop < len(group) and group[stop][1] == type_p:
                stop += 1
            if stop > start:
                group = [*group[start:stop], *group[:start], *group[stop:]]
        extend(group)
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
    parts: list[str | int] = list(_DIGITS.split(text))
    parts[1::2] = map(int, parts[1::2])  # the digit runs: every other part
    return tuple(parts)
