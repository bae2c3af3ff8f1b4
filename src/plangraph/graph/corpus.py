"""The whole graph of a corpus, or one plan's part of it and the shared nodes apart (the
streaming build writes each plan's triples as a sorted run)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..model import Corpus, Extraction, Plan
from .facts import _extraction, _theme_scheme
from .formats import to_rdflib
from .iris import ID, plan_iri
from .items import Item, _Triples, canonical_items, item_of, to_oxigraph
from .printed import as_printed
from .structure import _plan
from .summaries import _summaries

if TYPE_CHECKING:
    import rdflib


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
        items = as_printed(t.items, corpus.plans)
        items.extend(item_of(triple) for triple in extra)
        return canonical_items(items)
    finally:
        if collecting:
            gc.enable()


PLAN_BASE = ID + "plan/"


class _SharedOnly(list[Item]):
    """Keeps the triples whose subject is not a plan's own node (plan/…): the shared nodes."""

    def append(self, item: Item) -> None:
        if not item[0].startswith(PLAN_BASE):
            super().append(item)

    def extend(self, items: Iterable[Item]) -> None:
        super().extend(item for item in items if not item[0].startswith(PLAN_BASE))


def shared_items(corpus: Corpus) -> list[Item]:
    """The triples about shared nodes (regions, places, agencies, indicators, themes and the
    theme scheme), deduplicated, in canonical order; :func:`plan_items` gives the rest."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        t = _Triples()
        t.items = _SharedOnly()
        _extraction(t, corpus, plan_facts=False)
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
        return canonical_items(as_printed(local, (plan,))), other
    finally:
        if collecting:
            gc.enable()


def corpus_triples(corpus: Corpus, extra: Iterable[ox.Triple] = ()) -> list[ox.Triple]:
    """Every triple of the corpus graph, sorted and without duplicates."""
    return list(to_oxigraph(corpus_items(corpus, extra)))


def build_graph(corpus: Corpus) -> rdflib.Graph:
    """The corpus as an rdflib graph."""
    return to_rdflib(corpus_triples(corpus))
