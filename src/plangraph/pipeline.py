"""The build as a stream: read, extract and write plan by plan, on several processes.

Plans are read in order, then extracted in fixed chunks of :data:`CHUNK` plans (in a process
pool when ``workers`` > 1).  Each chunk's worker also writes each plan's own triples as one
canonical Turtle run (:mod:`plangraph.turtle`) and sends back the bytes; the main process
spools them to disk and merges the chunks' extractions (first occurrence wins, in plan
order).  The shared nodes and the analysis results are written from the merged corpus, and
:func:`plangraph.turtle.merge_runs` puts everything in canonical order.  The chunks are the
same whatever the number of workers, so the output is byte-identical for any ``workers``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Agency, Corpus, Extraction, Place, Plan, Region

if TYPE_CHECKING:
    from .analysis import Analysis
    from .graph import Item
    from .turtle import Run

CHUNK = 8  # plans per extraction chunk: fixed, so that any number of workers agrees
# beyond this many plans the default analysis is light: no text reuse, no text linkages
# (measured: 10,000 plans with them peak at 9.2 GB, in the n-gram matching and alignment)
LIGHT_ABOVE = 2000
# the task crosswalk and the distinctive terms compare plans with each other: meant for the
# handful of plans an analyst sets side by side, they are left out of larger builds
# (``plangraph analyze`` runs them on any graph)
COMPARE_UP_TO = 100

# progress(stage, done, total): called as work advances (stage: read, extract, analyse, write)
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True, slots=True)
class ChunkResult:
    extraction: Extraction
    runs: tuple[Run, ...]  # one per plan of the chunk, in order
    others: tuple[Item, ...]  # shared-node triples written with the plans' structure


def work(plans: tuple[Plan, ...]) -> ChunkResult:
    """Extract one chunk of plans and write each plan's own triples as a Turtle run."""
    from .extract import extract
    from .graph import plan_extraction, plan_items
    from .turtle import make_run

    extraction = extract(plans)
    runs = []
    others: list[Item] = []
    for plan in plans:
        local, other = plan_items(plan, plan_extraction(extraction, plan.id))
        runs.append(make_run(local))
        others.extend(other)
    return ChunkResult(extraction, tuple(runs), tuple(others))


def default_workers() -> int:
    """Both cores of a two-core machine; at most four."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(4, count or 1))


def _chunks(plans: Sequence[Plan]) -> list[tuple[Plan, ...]]:
    return [tuple(plans[i : i + CHUNK]) for i in range(0, len(plans), CHUNK)]


def _results(chunks: list[tuple[Plan, ...]], workers: int) -> Iterator[ChunkResult]:
    if workers <= 1 or len(chunks) <= 1:
        yield from map(work, chunks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where there is one (Linux): no re-import of the caller's __main__, and the build
    # has not started any Oxigraph thread yet; spawn elsewhere
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(work, chunks, chunksize=1)


def merge_extractions(parts: Sequence[Extraction]) -> Extraction:
    """The chunks' extractions as one: facts in plan order, shared nodes first-found."""
    places: dict[str, Place] = {}
    agencies: dict[str, Agency] = {}
    regions: dict[str, Region] = {}
    region_plans: dict[str, list[str]] = {}
    for part in parts:
        for place in part.places:
            places.setdefault(place.id, place)
        for agency in part.agencies:
            agencies.setdefault(agency.id, agency)
        for region in part.regions:
            regions.setdefault(region.id, region)
            region_plans.setdefault(region.id, []).extend(region.plans)
    return Extraction(
        targets=tuple(x for part in parts for x in part.targets),
        places=tuple(places[k] for k in sorted(places)),
        place_mentions=tuple(x for part in parts for x in part.place_mentions),
        agencies=tuple(agencies[k] for k in sorted(agencies)),
        agency_mentions=tuple(x for part in parts for x in part.agency_mentions),
        responsibilities=tuple(x for part in parts for x in part.responsibilities),
        theme_mentions=tuple(x for part in parts for x in part.theme_mentions),
        issued_by=tuple(x for part in parts for x in part.issued_by),
        approved_by=tuple(x for part in parts for x in part.approved_by),
        regions=tuple(replace(regions[k], plans=tuple(region_plans[k])) for k in sorted(regions)),
    )


@dataclass(frozen=True, slots=True)
class Built:
    corpus: Corpus
    triples: int
    analysis: Analysis | None


def build_to(
    plans: tuple[Plan, ...],
    warnings: tuple[str, ...],
    output: Path,
    *,
    analysis: bool = True,
    workers: int = 1,
    progress: Progress = _quiet,
    light: bool | None = None,
) -> Built:
    """Extract ``plans``, analyse them and write the canonical Turtle to ``output``
    atomically; the spool lives beside ``output`` and is removed in any case.  ``light``
    (default: more than :data:`LIGHT_ABOVE` plans) leaves text reuse and text linkages out."""
    from .files import write_atomic_with
    from .graph import canonical_items, shared_items
    from .turtle import Spool, make_run, merge_runs

    output.parent.mkdir(parents=True, exist_ok=True)
    spool = Spool(output.parent)
    try:
        chunks = _chunks(plans)
        parts: list[Extraction] = []
        others: set[Item] = set()
        triples = 0
        done = 0
        progress("extract", 0, len(plans))
        for chunk, result in zip(chunks, _results(chunks, workers), strict=True):
            parts.append(result.extraction)
            others.update(result.others)
            for run in result.runs:
                spool.add(run)
                triples += run.triples
            done += len(chunk)
            progress("extract", done, len(plans))
        corpus = Corpus(plans, merge_extractions(parts), warnings)
        del parts
        found: Analysis | None = None
        if analysis:
            from .analysis import analysis_groups, analyze_data, plan_sentences
            from .analysis.corpus import from_corpus

            data = from_corpus(corpus)
            compare = len(plans) <= COMPARE_UP_TO
            found = analyze_data(
                data,
                progress=progress,
                workers=workers,
                light=len(plans) > LIGHT_ABOVE if light is None else light,
                sentences=plan_sentences(plans, data) if compare else (),
                compare=compare,
            )
            for group in analysis_groups(found):
                result_run = make_run(canonical_items(group))
                spool.add(result_run)
                triples += result_run.triples
        shared = shared_items(corpus)
        if others:
            shared = canonical_items([*shared, *others])
        run = make_run(shared)
        triples += run.triples
        progress("write", 0, 1)
        write_atomic_with(output, lambda out: merge_runs(spool, run, out))
        progress("write", 1, 1)
        return Built(corpus, triples, found)
    finally:
        spool.close()
