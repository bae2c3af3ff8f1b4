"""The analysis results as Turtle runs, on several processes.

The analyses' groups of triples (:func:`plangraph.analysis.results.group_sources`) are cut
into batches of about :data:`ANALYSIS_BATCH` triples; forked workers each make the runs of
their batches from the results they inherit (:func:`result_runs`), so that nothing but the
Turtle crosses between processes.  The text linkages and the text reuse can be written beside
the other analyses, in the forked process that found them (:func:`made_beside`) or in the main
process while it waits (:func:`reuse_meanwhile`).  The batches are the same whatever the
number of workers, so the runs are too.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .workers import pool_map

if TYPE_CHECKING:
    from .analysis import Analysis, Linkage, ReuseAnalysis
    from .analysis.results import GroupSource
    from .graph import Item
    from .turtle import Run, Spooled

# analysis results are written as runs in batches of about this many triples
ANALYSIS_BATCH = 20_000


def analysis_runs(groups: Iterable[list[Item]], workers: int = 1) -> Iterator[Run]:
    """The analysis results' groups of triples (``analysis_groups``) as sorted Turtle runs,
    in the groups' order; on ``workers`` processes when there is more than one batch."""
    batches = _batches(groups)
    first = next(batches, None)
    second = next(batches, None)
    if first is None:
        return
    if workers <= 1 or second is None:
        yield from _group_runs(first)
        for batch in batches if second is None else (second, *batches):
            yield from _group_runs(batch)
        return
    for runs in pool_map(_group_runs, itertools.chain((first, second), batches), workers):
        yield from runs


_FOUND: tuple[Analysis, list[GroupSource]] | None = None  # what forked workers inherit


def result_runs(
    found: Analysis, workers: int = 1, sources: list[GroupSource] | None = None
) -> Iterator[Run]:
    """The runs of :func:`analysis_runs` for the groups of ``found`` (``analysis_groups``,
    or those of ``sources`` only), each worker making its own share of the groups from the
    results it inherits by fork (nothing but the Turtle crosses between processes); in
    order, the same runs."""
    import multiprocessing

    from .analysis.results import group_items, group_sources

    global _FOUND
    if sources is None:
        sources = group_sources(found)
    jobs = _source_batches(sources)
    if workers <= 1 or len(jobs) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from analysis_runs((group_items(found, source) for source in sources), 1)
        return
    _FOUND = (found, sources)
    try:
        for runs in pool_map(_source_runs, jobs, workers):
            yield from runs
    finally:
        _FOUND = None


def made_beside(folder: Path, prefix: str, name: str, found: object) -> Spooled:
    """In the forked process that found them (``analyze_data(then=…)``): the Turtle runs of
    the text linkages (``text``) or of the text reuse (``reuse``), spooled into a file of
    their own in ``folder`` for the main process to adopt; only the file's index comes
    back, and the main process is left the other results' share."""
    from .analysis.results import link_sources, reuse_sources
    from .turtle import Spool

    if name == "text":
        links, _ = cast("tuple[list[Linkage], bool]", found)
        sources = link_sources(links)
    else:
        sources = reuse_sources(cast("ReuseAnalysis", found).passages)
    spool = Spool(folder, prefix)
    for batch in _source_ranges(sources):
        for run in _sources_runs(None, batch):
            spool.add(run)
    return spool.handed()  # the file stays for the main process, which removes it


def reuse_meanwhile(
    folder: Path, prefix: str, found: ReuseAnalysis, waiting: Callable[[], bool]
) -> tuple[Spooled, int]:
    """In the main process while it waits for the forked text linkages (``analyze_data(
    meanwhile=…)``): the Turtle runs of the text reuse's first groups, a batch at a time
    while it still waits, spooled into a file of their own in ``folder``; the file's index
    and how many groups (:func:`~plangraph.analysis.results.reuse_sources`, in order) it
    holds.  The write stage's workers make the others' runs: the same runs, in less time
    (measured on 1,000 plans: the main process waited about 4 s for the text linkages)."""
    from .analysis.results import reuse_sources
    from .turtle import Spool

    sources = reuse_sources(found.passages)
    spool = Spool(folder, prefix)
    done = 0
    for batch in _source_ranges(sources):
        if not waiting():
            break
        for run in _sources_runs(None, batch):
            spool.add(run)
        done += len(batch)
    return spool.release(), done


def made_elsewhere(source: GroupSource, made: Iterable[str]) -> bool:
    kind, members = source
    if kind == "reuse":
        return "reuse" in made
    return kind == "links" and "text" in made and cast("Linkage", members[0]).kind == "text"


def _source_ranges(sources: list[GroupSource]) -> Iterator[list[GroupSource]]:
    for start, stop in _source_batches(sources):
        yield sources[start:stop]


def _sources_runs(found: Analysis | None, sources: list[GroupSource]) -> list[Run]:
    from .analysis_turtle import group_runs

    return group_runs(found, sources)


def _source_batches(sources: Sequence[GroupSource]) -> list[tuple[int, int]]:
    """Ranges of groups of about :data:`ANALYSIS_BATCH` triples (a linkage is about ten)."""
    ranges: list[tuple[int, int]] = []
    start, size = 0, 0
    for index, (kind, members) in enumerate(sources):
        size += ANALYSIS_BATCH if kind == "rest" else 10 * len(members)
        if size >= ANALYSIS_BATCH:
            ranges.append((start, index + 1))
            start, size = index + 1, 0
    if start < len(sources):
        ranges.append((start, len(sources)))
    return ranges


def _source_runs(job: tuple[int, int]) -> list[Run]:
    assert _FOUND is not None
    found, sources = _FOUND
    return _sources_runs(found, sources[job[0] : job[1]])


def _batches(groups: Iterable[list[Item]]) -> Iterator[list[list[Item]]]:
    batch: list[list[Item]] = []
    size = 0
    for group in groups:
        batch.append(group)
        size += len(group)
        if size >= ANALYSIS_BATCH:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _group_runs(groups: list[list[Item]]) -> list[Run]:
    from .graph import canonical_items
    from .turtle import make_run

    collecting = gc.isenabled()
    gc.disable()
    try:
        return [make_run(canonical_items(group)) for group in groups]
    finally:
        if collecting:
            gc.enable()
