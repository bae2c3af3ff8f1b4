"""Writing triples out: streamed Turtle with only the prefixes used, N-Triples, JSON-LD,
RDF/XML (each deterministic), and an rdflib graph for users."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from .iris import PREFIXES, RDF, XSD
from .items import _LANG_STRING, _STRING, Item, item_of, to_oxigraph

if TYPE_CHECKING:
    import rdflib


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
