"""The Turtle runs of linkages and reused passages written straight from the results.

A 1,000-plan build writes about 250,000 linkages (2.5 million triples) and 40,000 reused
passages with their locations.  The general way
(:func:`plangraph.analysis.results.group_items`, then
:func:`~plangraph.graph.canonical_items` and :func:`plangraph.turtle.make_run`) makes a
tuple per triple, sorts every subject's triples and formats each term on its own.  A
linkage's node, a passage's and a location's have a fixed shape (their predicates always
in the same order), so each block is formatted here in one go, with the same terms as
:mod:`plangraph.turtle` writes: the same bytes, subjects, lengths, prefixes and triple
count.  Where a group is not of that shape (two linkages or two passages with one node) or
holds a term the writer is not sure of, :func:`linkage_run` and :func:`reuse_run` return
None and the caller takes the general way.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .analysis.linkage import Linkage
from .analysis.results import (
    ANALYSIS,
    LINK_KIND,
    _local,
    _slug,
    _task_path,
    decimal_text,
    group_items,
)
from .analysis.reuse import ReusePassage
from .graph import XSD, canonical_items, natural_key
from .turtle import _ESCAPES, _NEEDS_ESCAPE, Run, _literal, _term, make_run

if TYPE_CHECKING:
    from .analysis import Analysis
    from .analysis.results import GroupSource

_DECIMAL = XSD + "decimal"
_HEAD = " a pg:Linkage"  # the type, as the writer puts it (rdf:type is written ``a``)
_PG = "pg"  # the prefix of the predicates and of pg:Linkage


def group_runs(found: Analysis | None, sources: Sequence[GroupSource]) -> list[Run]:
    """The runs of the groups ``sources`` (:func:`~plangraph.analysis.results.group_sources`)
    of ``found``: straight from the results where they can be, the general way otherwise.
    The cyclic collector is paused meanwhile (many small objects, no cycles)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        runs = []
        for kind, members in sources:
            run = None
            if kind == "links":
                run = linkage_run(cast("tuple[Linkage, ...]", members))
            elif kind == "reuse":
                run = reuse_run(cast("tuple[ReusePassage, ...]", members))
            if run is None:
                run = make_run(canonical_items(group_items(found, (kind, members))))
            runs.append(run)
        return runs
    finally:
        if collecting:
            gc.enable()


def linkage_run(links: Sequence[Linkage]) -> Run | None:
    """The run of one group of linkages (one plan's, of one kind), as
    :func:`plangraph.turtle.make_run` writes their items in canonical order; None when it
    must be left to it."""
    if not links:
        return None
    keyed = []
    for link in links:
        if link.kind == "outside-place":
            if link.place is None:
                return None
            s = (
                f"{ANALYSIS}linkage/outside-place/{_slug(_local(link.from_plan))}/"
                f"{_slug(_local(link.place))}"
            )
        else:
            if link.from_task is None or link.to_task is None:
                return None
            s = (
                f"{ANALYSIS}linkage/{link.kind}/{_task_path(link.from_task)}/"
                f"{_task_path(link.to_task)}"
            )
        keyed.append((natural_key(s), s, link))
    keyed.sort(key=lambda k: k[0])  # stable: as the subjects sort there
    names: set[str | None] = {_PG}
    blocks = []
    previous = None
    for _, s, link in keyed:
        if s == previous:
            return None  # two linkages, one node: their triples merge there
        previous = s
        block = _block(s, link, names)
        if block is None:
            return None
        blocks.append((s, *block))
    return _run(blocks, names)


def _run(blocks: list[tuple[str, str, int]], names: set[str | None]) -> Run:
    """The run of subjects' blocks (subject, Turtle, triples) in order."""
    encoded = [text.encode() for _, text, _ in blocks]
    return Run(
        tuple(s for s, _, _ in blocks),
        tuple(map(len, encoded)),
        b"".join(encoded),
        frozenset(name for name in names if name is not None),
        sum(count for _, _, count in blocks),
    )


def reuse_run(passages: Sequence[ReusePassage]) -> Run | None:
    """The run of one group of reused passages (those of one node), as
    :func:`plangraph.turtle.make_run` writes their items in canonical order; None when it
    must be left to it (more than one passage: their triples merge)."""
    if len(passages) != 1:
        return None
    passage = passages[0]
    first = passage.locations[0]
    s = f"{ANALYSIS}reuse/{_slug(_local(first.plan))}/{first.start}-{first.end}"
    names: set[str | None] = {_PG}
    nodes = [f"{s}/location/{index}" for index in range(1, len(passage.locations) + 1)]
    head = [
        f"<{s}> a pg:TextReuse ;\n\tpg:boilerplate {'true' if passage.boilerplate else 'false'}"
    ]
    if passage.reason:
        head.append(f" ;\n\tpg:boilerplateReason {_string(passage.reason)}")
    if nodes:
        head.append(" ;\n\tpg:hasLocation " + " , ".join(f"<{n}>" for n in sorted(nodes)))
    written_score = _score(passage.identity, names)
    if written_score is None:
        return None
    head.append(f" ;\n\tpg:planCount {passage.plans} ;\n\tpg:score {written_score}")
    head.append(f" ;\n\tpg:sharedText {_zh(passage.text)} .\n")
    blocks = [(s, "".join(head), 5 + bool(passage.reason) + len(nodes))]
    for node, loc in zip(nodes, passage.locations, strict=True):
        plan, unit = _iri(loc.plan, names), _iri(loc.unit, names)
        if plan is None or unit is None:
            return None
        task = f" ;\n\tpg:task {unit}" if loc.unit_kind == "task" else ""
        blocks.append(
            (
                node,
                f"<{node}> a pg:ReuseLocation ;\n\tpg:end {loc.end} ;\n\tpg:inPlan {plan}"
                f" ;\n\tpg:inUnit {unit} ;\n\tpg:start {loc.start}{task}"
                f" ;\n\tpg:text {_zh(loc.text)} .\n",
                6 + bool(task),
            )
        )
    keys = {node: natural_key(node) for node, _, _ in blocks}
    blocks.sort(key=lambda block: keys[block[0]])  # stable: as the subjects sort there
    return _run(blocks, names)


def _iri(iri: str, names: set[str | None]) -> str | None:
    written, space = _term(iri)
    names.add(space)
    return written


def _score(value: float, names: set[str | None]) -> str | None:
    """A score as its xsd:decimal literal (the datatype's prefix noted where a whole number
    needs it written out), or None where the general writer must write it."""
    score = decimal_text(value)
    written = _literal(score, _DECIMAL, "")
    if written is not None and "." not in score:
        names.add(_term(_DECIMAL)[1])
    return written


def _string(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is not None:
        text = text.translate(_ESCAPES)
    return f'"{text}"'


def _zh(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is not None:
        text = text.translate(_ESCAPES)
    return f'"{text}"@zh'


def _block(s: str, link: Linkage, names: set[str | None]) -> tuple[str, int] | None:
    """The Turtle of one linkage's node and its triple count."""
    parts = [f"<{s}>{_HEAD}"]  # the graph's own IRIs are written whole
    count = 1
    evidence = sorted(set(link.evidence))
    if evidence:
        objects = [_iri(e, names) for e in evidence]
        if None in objects:
            return None
        parts.append(" ;\n\tpg:evidence " + " , ".join(map(str, objects)))
        count += len(objects)
    texts = sorted(set(link.evidence_text))
    if texts:
        parts.append(" ;\n\tpg:evidenceText " + " , ".join(map(_zh, texts)))
        count += len(texts)
    ones = [("fromPlan", link.from_plan)]
    if link.from_task:
        ones.append(("fromTask", link.from_task))
    ones.append(("linkKind", LINK_KIND[link.kind]))
    if link.place:
        ones.append(("place", link.place))
    for predicate, value in ones:
        written = _iri(value, names)
        if written is None:
            return None
        parts.append(f" ;\n\tpg:{predicate} {written}")
        count += 1
    written_score = _score(link.score, names)
    if written_score is None:
        return None
    parts.append(f" ;\n\tpg:score {written_score}")
    count += 1
    for predicate, other in (("toPlan", link.to_plan), ("toTask", link.to_task)):
        if other:
            written = _iri(other, names)
            if written is None:
                return None
            parts.append(f" ;\n\tpg:{predicate} {written}")
            count += 1
    parts.append(" .\n")
    return "".join(parts), count
