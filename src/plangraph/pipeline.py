"""The build as a stream: read, extract and write plan by plan, on several processes.

Plans are read in fixed chunks of :data:`READ_CHUNK` files (in a process pool when
``workers`` > 1, :func:`read_inputs`; their ids made unique over all of them after), then
extracted in fixed chunks of :data:`CHUNK` plans (in a process pool when ``workers`` > 1,
whose forked workers inherit the plans and are sent only each chunk's range).  Each
chunk's worker also writes each plan's own triples as one canonical Turtle run
(:mod:`plangraph.turtle`) and sends back the bytes; the main process spools them to disk and
merges the chunks' extractions (first occurrence wins, in plan order).  The analyses then
run with the cyclic collector paused and what extraction made frozen: the text linkages in
a forked process, which also writes their runs into a spool file of its own (only an index
comes back), the other analyses (the text reuse first) meanwhile in the main process, whose
results are written as runs by forked workers, each making its share of the groups from the
results it inherits (:mod:`plangraph.analysis_runs`).  :func:`plangraph.turtle.merge_runs`
puts every run's subjects in canonical order, whatever the order the runs were spooled in.
The chunks and the groups are the same whatever the number of workers, so the output is
byte-identical for any ``workers``.
"""

from __future__ import annotations

import functools
import gc
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar, cast

from .analysis_runs import made_beside, made_elsewhere, result_runs, reuse_meanwhile
from .model import Agency, Corpus, Extraction, Place, Plan, Region
from .workers import forks, pool_map

if TYPE_CHECKING:
    from .analysis import Analysis
    from .errors import PlangraphError
    from .graph import Item
    from .prewrite import Prewrite
    from .turtle import Run, Spool

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 8  # plans per extraction chunk: fixed, so that any number of workers agrees
# beyond this many plans the default analysis is light: no text reuse, no text linkages
# (measured: 10,000 plans with them peak at 9.2 GB, in the n-gram matching and alignment)
LIGHT_ABOVE = 2000
# the task crosswalk and the distinctive terms compare plans with each other: meant for the
# handful of plans an analyst sets side by side, they are left out of larger builds
# (``plangraph analyze`` runs them on any graph)
COMPARE_UP_TO = 100
# the analyses run in forked processes beside the main one up to this many plans; beyond,
# in the main process: a fork keeps its own copy of every page of the main process's heap
# that either of them changes afterwards (reference counts), and a corpus's heap is GBs
# (measured: 10,000 plans, light analysis, two forks beside a 3.7 GB main process: 9.1 GB
# in all)
BESIDE_UP_TO = 2000

# extraction workers inherit the plans (forked) up to this many plans; beyond, each chunk's
# plans are sent to them pickled: a worker that reads inherited plans touches their
# reference counts, and so copies the pages they lie on, and a large corpus's plans are GBs
# (measured: 10,000 plans of 16 MB per 1,000, inherited: 8.9 GB over all processes)
INHERIT_UP_TO = 2000

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
    """Extract one chunk of plans and write each plan's own triples as a Turtle run.

    The cyclic garbage collector is paused meanwhile: a chunk makes hundreds of thousands
    of small objects and no cycles worth collecting, and each of the collector's passes
    would walk every object alive (measured: 15 % of the extraction's time)."""
    from .extract import extract
    from .graph import plan_extraction, plan_items
    from .turtle import make_run

    collecting = gc.isenabled()
    gc.disable()
    try:
        extraction = extract(plans)
        runs = []
        others: list[Item] = []
        for plan in plans:
            local, other = plan_items(plan, plan_extraction(extraction, plan.id))
            runs.append(make_run(local))
            others.extend(other)
        return ChunkResult(extraction, tuple(runs), tuple(others))
    finally:
        if collecting:
            gc.enable()


def default_workers() -> int:
    """Both cores of a two-core machine; at most four."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(4, count or 1))


def _chunks(plans: Sequence[Plan]) -> list[tuple[Plan, ...]]:
    return [tuple(plans[i : i + CHUNK]) for i in range(0, len(plans), CHUNK)]


_PLANS: tuple[Plan, ...] = ()  # what forked extraction workers inherit


def _work_range(job: tuple[int, int]) -> ChunkResult:
    return work(_PLANS[job[0] : job[1]])


def _results(chunks: list[tuple[Plan, ...]], workers: int) -> Iterator[ChunkResult]:
    import multiprocessing

    global _PLANS
    if workers <= 1 or len(chunks) <= 1:
        yield from map(work, chunks)
        return
    plans = sum(map(len, chunks))
    if "fork" not in multiprocessing.get_all_start_methods() or plans > INHERIT_UP_TO:
        yield from pool_map(work, chunks, workers)
        return
    # forked workers inherit the plans: only each chunk's range is sent, not its plans
    # pickled (measured: 1.7 s of CPU on 1,000 plans, 0.6 s of it in this process; the
    # same peak memory over all processes, 958 MB instead of 992, extraction alone)
    _PLANS = tuple(plan for chunk in chunks for plan in chunk)
    ranges, start = [], 0
    for chunk in chunks:
        ranges.append((start, start + len(chunk)))
        start += len(chunk)
    try:
        yield from pool_map(_work_range, ranges, workers)
    finally:
        _PLANS = ()


READ_CHUNK = 16  # files per reading job


def read_inputs(
    inputs: Sequence[str | os.PathLike[str]] | None, workers: int = 1
) -> tuple[Plan, ...]:
    """:func:`plangraph.read.read_plans` on ``workers`` processes: the files read in
    chunks of :data:`READ_CHUNK`, in order, then the plans' ids made unique over all of
    them, as there; the same plans, and the first unreadable file (in input order) raises
    the same error."""
    from .read import _expand, read_plans
    from .read.release import _unique_ids

    if inputs is None or workers <= 1:
        return read_plans(inputs)
    files = list(_expand(inputs))
    if len(files) <= READ_CHUNK:
        return read_plans(files)
    jobs = [tuple(files[i : i + READ_CHUNK]) for i in range(0, len(files), READ_CHUNK)]
    plans: list[Plan] = []
    for read in pool_map(_read_files, jobs, workers):
        if isinstance(read, _Unread):
            raise read.error()
        plans.extend(read)
    return _unique_ids(plans)


@dataclass(frozen=True, slots=True)
class _Unread:
    """A reading error as data: a :class:`PlangraphError` whose ``__init__`` takes other
    arguments than its message does not survive pickling."""

    kind: type[PlangraphError]
    detail: str
    source: str | None
    line: int | None

    def error(self) -> PlangraphError:
        from .errors import PlangraphError

        error = self.kind.__new__(self.kind)
        PlangraphError.__init__(error, self.detail, source=self.source, line=self.line)
        return error


def _read_files(files: tuple[Path, ...]) -> list[Plan] | _Unread:
    from .errors import PlangraphError
    from .read import read_file

    plans: list[Plan] = []
    for path in files:
        try:
            plans.extend(read_file(path))
        except PlangraphError as error:
            return _Unread(type(error), error.detail, error.source, error.line)
    return plans


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


def _warm_analysis_input() -> None:
    """Load what making the analysis input loads on first use (the pinyin of an area's
    name: about a second), so that the main process does it while the workers extract."""
    from .graph import area_category_iri

    area_category_iri("重点区域")


def _extract(
    plans: tuple[Plan, ...],
    workers: int,
    spool: Spool,
    others: set[Item],
    analysis: bool,
    progress: Progress,
) -> tuple[list[Extraction], int]:
    """Extract ``plans`` chunk by chunk, spooling each plan's run and gathering the
    shared-node triples in ``others``: the chunks' extractions and the triples spooled.
    (A function of its own, so that no chunk of plans outlives it.)"""
    parts: list[Extraction] = []
    triples = done = 0
    progress("extract", 0, len(plans))
    chunks = _chunks(plans)
    for chunk, result in zip(chunks, _results(chunks, workers), strict=True):
        if analysis and not parts and workers > 1:
            _warm_analysis_input()  # while the workers extract
        parts.append(result.extraction)
        others.update(result.others)
        for run in result.runs:
            spool.add(run)
            triples += run.triples
        done += len(chunk)
        progress("extract", done, len(plans))
    return parts, triples


@dataclass(frozen=True, slots=True)
class Built:
    triples: int
    analysis: Analysis | None
    targets: int  # targets extracted
    places: int  # distinct places named


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
    (default: more than :data:`LIGHT_ABOVE` plans) leaves text reuse and text linkages out.
    Beyond :data:`BESIDE_UP_TO` plans the plans and what was extracted from them are let go
    once the analysis has its input (hand ``plans`` over without keeping them, for that)."""
    from .errors import WriteError
    from .files import write_atomic_with
    from .graph import canonical_items, shared_items
    from .turtle import Spool, make_run, merge_around, merge_runs

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        spool = Spool(output.parent)
    except OSError as error:
        raise WriteError(
            f"cannot write into the output folder: {error.strerror or error}",
            source=output.parent,
        ) from None
    prewrite: Prewrite | None = None  # before anything can fail: the cleanup asks for it
    beside = f".{output.name}.{os.getpid()}-"  # the spools of forked analyses (hidden)
    # the cyclic collector is paused for the build (it makes millions of objects and no
    # cycles worth collecting; each full pass would walk the whole corpus: measured 10 % of
    # the analysis), and what is made before the analysis is frozen out of its sight
    collecting = gc.isenabled()
    gc.disable()
    try:
        others: set[Item] = set()
        parts, triples = _extract(plans, workers, spool, others, analysis, progress)
        extraction = merge_extractions(parts)
        del parts
        corpus = Corpus(plans, extraction, warnings)
        count, targets, places = len(plans), len(extraction.targets), len(extraction.places)
        gc.freeze()
        found: Analysis | None = None
        shared: list[Item] | None = None
        if analysis and workers > 1 and count <= BESIDE_UP_TO and forks():
            # the extracted half of the Turtle merged in a fork while the analysis runs
            from .prewrite import start

            prewrite = start(spool, corpus, others, output.parent, beside)
        if analysis:
            from .analysis import analyze_data, plan_sentences
            from .analysis.corpus import from_corpus
            from .analysis.results import group_sources

            data = from_corpus(corpus)
            compare = count <= COMPARE_UP_TO
            sentences = plan_sentences(plans, data) if compare else ()
            if count > BESIDE_UP_TO:
                # a corpus this large: its shared nodes now, then the plans and their
                # extraction let go, the analysis keeping only the texts it reads
                # (measured: 10,000 plans of 16 MB per 1,000, the main process's peak 6.3 GB
                # -> 4.4 GB; over all processes 6.6 GB, against 8.9 GB measured before)
                shared = shared_items(corpus)
                del corpus, extraction
                plans = ()
            found = analyze_data(
                data,
                progress=progress,
                workers=workers if count <= BESIDE_UP_TO else 1,
                light=count > LIGHT_ABOVE if light is None else light,
                sentences=sentences,
                compare=compare,
                then=functools.partial(made_beside, output.parent, beside),
                meanwhile=functools.partial(reuse_meanwhile, output.parent, beside),
            )
            # the runs the forked analyses spooled, then those of the rest (the merge puts
            # every subject in its place whatever the order of the runs)
            made = list(found.made)
            ahead = 0  # the reuse groups whose runs the main process made while it waited
            for name in made:
                spooled = found.made.pop(name)
                if name == "reuse-runs":
                    spooled, ahead = spooled
                spool.adopt(spooled)
                triples += spooled.triples
            sources = [s for s in group_sources(found) if not made_elsewhere(s, made)]
            if ahead:
                made_ahead = set([i for i, s in enumerate(sources) if s[0] == "reuse"][:ahead])
                sources = [s for i, s in enumerate(sources) if i not in made_ahead]
            runs = result_runs(found, workers, sources)
            first = next(runs, None)  # the workers are at it: the shared nodes meanwhile
            if shared is None and prewrite is None:
                shared = shared_items(corpus)
            for result_run in itertools.chain(() if first is None else (first,), runs):
                spool.add(result_run)
                triples += result_run.triples
        else:
            shared = shared_items(corpus)
        split = None if prewrite is None else prewrite.result()

        def shared_run() -> Run:
            items = shared_items(corpus) if shared is None else shared
            return make_run(canonical_items([*items, *others]) if others else items)

        run = shared_run() if split is None else None  # the prewrite's (the same) otherwise
        triples += split.triples if split is not None else cast("Run", run).triples

        def merged(out: BinaryIO) -> None:
            if split is None or not merge_around(spool, split, out):
                merge_runs(spool, run or shared_run(), out)

        progress("write", 0, 1)
        write_atomic_with(output, merged)
        progress("write", 1, 1)
        return Built(triples, found, targets, places)
    except OSError as error:  # the spool's disk full, the folder taken away …
        raise WriteError(
            f"cannot write the build's files: {error.strerror or error}", source=output.parent
        ) from None
    finally:
        if prewrite is not None:
            prewrite.close()
        spool.close()
        for left in output.parent.glob(f"{beside}*.spool"):  # a forked analysis's, not adopted
            left.unlink(missing_ok=True)
        gc.unfreeze()
        if collecting:
            gc.enable()
