"""Stage 3: the model as RDF.  The only package that mints IRIs (:mod:`.iris`).

Triples are built as pyoxigraph terms (fast), sorted, and written as Turtle by Oxigraph's
serializer, so that the same corpus always gives byte-identical files.  Users get an
rdflib :class:`rdflib.Graph` from :func:`build_graph` or :func:`plangraph.store.load_graph`.

The modules, in the order the triples are made: :mod:`.iris` (namespaces and IRIs),
:mod:`.items` (triples as plain tuples, the canonical order), :mod:`.structure` (a plan's
sections, tasks and sentences), :mod:`.facts` (regions, places, agencies, targets, mentions),
:mod:`.summaries` (counts and place uses derived from the facts), :mod:`.corpus` (the whole
graph, or one plan's part) and :mod:`.formats` (Turtle, N-Triples, JSON-LD, RDF/XML, rdflib).
Everything is imported from here, ``plangraph.graph``, as before the split.
"""

from __future__ import annotations

from .corpus import (
    PLAN_BASE,
    build_graph,
    corpus_items,
    corpus_triples,
    plan_extraction,
    plan_items,
    shared_items,
)
from .facts import _RECURRENCE as _RECURRENCE  # the tests check it against the ontology
from .facts import (
    THEME_STRENGTHS,
    place_label,
    target_label,
    written_names,
    written_with_parents,
)
from .formats import item_prefixes, serialize, to_rdflib, to_turtle, write_turtle
from .iris import (
    ANALYSIS_GRAPH,
    DCTERMS,
    GEO,
    ID,
    ORG,
    OWL,
    PG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SKOS,
    UNIT,
    XSD,
    agency_iri,
    area_category_iri,
    indicator_iri,
    mention_iri,
    owner_iri,
    place_iri,
    plan_iri,
    region_iri,
    section_iri,
    sentence_iri,
    target_iri,
    task_iri,
    theme_iri,
    unit_iri,
    unit_term,
)
from .items import (
    Item,
    Obj,
    Term,
    canonical,
    canonical_items,
    item_of,
    natural_key,
    object_key,
    to_oxigraph,
)
from .structure import _file_name as _file_name  # the analysis names source files alike

__all__ = [
    "ANALYSIS_GRAPH",
    "DCTERMS",
    "GEO",
    "ID",
    "ORG",
    "OWL",
    "PG",
    "PLAN_BASE",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "THEME_STRENGTHS",
    "UNIT",
    "XSD",
    "Item",
    "Obj",
    "Term",
    "agency_iri",
    "area_category_iri",
    "build_graph",
    "canonical",
    "canonical_items",
    "corpus_items",
    "corpus_triples",
    "indicator_iri",
    "item_of",
    "item_prefixes",
    "mention_iri",
    "natural_key",
    "object_key",
    "owner_iri",
    "place_iri",
    "place_label",
    "plan_extraction",
    "plan_iri",
    "plan_items",
    "region_iri",
    "section_iri",
    "sentence_iri",
    "serialize",
    "shared_items",
    "target_iri",
    "target_label",
    "task_iri",
    "theme_iri",
    "to_oxigraph",
    "to_rdflib",
    "to_turtle",
    "unit_iri",
    "unit_term",
    "write_turtle",
    "written_names",
    "written_with_parents",
]
