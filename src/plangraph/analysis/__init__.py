"""Stage 4: analyses over the graph, with NetworkX and numpy, and their results as RDF.

Every analysis reads a pyoxigraph Store through SPARQL projections (:mod:`.project`); the
RDF stays the source of truth.  Results are frozen dataclasses in a deterministic order
(score descending, then IRI) and go back into the graph as typed nodes under
``https://w3id.org/plangraph/id/analysis/`` (:func:`analysis_triples`)::

    from plangraph.store import load_store
    from plangraph.analysis import analyze, analysis_triples, to_markdown

    result = analyze(load_store("out/plangraph.ttl"))
    print(to_markdown(result))
    triples = analysis_triples(result)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .centrality import (
    CentralityAnalysis,
    Community,
    NodeCentrality,
    analyze_centrality,
    betweenness,
)
from .crosswalk import Alignment, Crosswalk, CrosswalkRow, analyze_crosswalk
from .distinctive import (
    DistinctiveAnalysis,
    DistinctiveTerm,
    SentenceNode,
    analyze_distinctive,
    plan_sentences,
    sentences,
)
from .findings import Finding, key_findings
from .linkage import Linkage, LinkageAnalysis, analyze_linkages, text_linkages
from .markdown import to_markdown
from .project import GraphData, load, task_graph
from .render import to_json
from .results import analysis_groups, analysis_items, analysis_quads, analysis_triples
from .reuse import Location, ReuseAnalysis, ReusePassage, analyze_reuse
from .targets import TargetComparison, TargetRow, compare_targets
from .themes import RegionSimilarity, ThemeAnalysis, ThemeSharing, analyze_themes

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import pyoxigraph as ox

__all__ = [
    "Alignment",
    "Analysis",
    "CentralityAnalysis",
    "Community",
    "Crosswalk",
    "CrosswalkRow",
    "DistinctiveAnalysis",
    "DistinctiveTerm",
    "Finding",
    "GraphData",
    "Linkage",
    "LinkageAnalysis",
    "Location",
    "NodeCentrality",
    "RegionSimilarity",
    "ReuseAnalysis",
    "ReusePassage",
    "TargetComparison",
    "TargetRow",
    "ThemeAnalysis",
    "ThemeSharing",
    "analysis_groups",
    "analysis_items",
    "analysis_quads",
    "analysis_triples",
    "analyze",
    "analyze_data",
    "plan_sentences",
    "to_json",
    "to_markdown",
]


@dataclass(frozen=True)
class Analysis:
    """Everything :func:`analyze` found, plus the projected graph data it read."""

    data: GraphData = field(repr=False, compare=False)
    themes: ThemeAnalysis
    linkages: LinkageAnalysis
    reuse: ReuseAnalysis
    targets: tuple[TargetComparison, ...]
    centrality: CentralityAnalysis
    crosswalk: Crosswalk
    distinctive: DistinctiveAnalysis
    findings: tuple[Finding, ...]
    seconds: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    # what ``analyze_data(then=…)`` made of a result in the process that found it, by name
    made: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def analyze(store: ox.Store, *, max_plans: int = 3) -> Analysis:
    """Run every analysis on the graph in ``store``.

    ``max_plans`` bounds the other plans each task is linked to (every other plan for the
    seed's three); timings per step are in :attr:`Analysis.seconds` (never in the outputs).
    """
    started = time.perf_counter()
    data = load(store)
    return analyze_data(
        data,
        max_plans=max_plans,
        loaded=time.perf_counter() - started,
        sentences=sentences(store, data),
    )


STAGES = ("themes", "linkages", "reuse", "targets", "centrality", "crosswalk", "distinctive")


def analyze_data(
    data: GraphData,
    *,
    max_plans: int = 3,
    loaded: float = 0.0,
    progress: Callable[[str, int, int], None] | None = None,
    workers: int = 1,
    light: bool = False,
    sentences: Sequence[SentenceNode] = (),
    compare: bool = True,
    then: Callable[[str, Any], Any] | None = None,
    meanwhile: Callable[[Any, Callable[[], bool]], Any] | None = None,
) -> Analysis:
    """Run every analysis on records already read (:func:`load`, or from the corpus while
    building); ``progress("analyse", done, total)`` is called after each of :data:`STAGES`.
    With ``workers`` > 1 the text linkages and the text reuse run in forked processes beside
    the other analyses (the same results).  ``light`` leaves out the two character-level
    analyses, text reuse and text linkages (the build's default beyond
    :data:`plangraph.pipeline.LIGHT_ABOVE` plans, where they need the most memory).
    ``compare`` runs the task crosswalk and the distinctive terms (over ``sentences``, the
    sentences inside tasks): comparisons meant for a handful of plans, which the build leaves
    out beyond :data:`plangraph.pipeline.COMPARE_UP_TO` plans.  ``then(name, result)`` is
    called in each forked process on what it found (``text``: the text linkages,
    ``reuse``), and what it returns is kept in :attr:`Analysis.made` (the build writes the
    results' Turtle there).  ``meanwhile(reuse, waiting)`` is called in this process if it
    would otherwise wait for the forked text linkages, with the text reuse found and a
    function telling whether it still waits; what it returns is kept in :attr:`Analysis.made`
    as ``reuse-runs`` (the build writes some of the reuse's Turtle there)."""
    seconds: dict[str, float] = {"project": loaded}
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        seconds[name] = now - started
        started = now
        if progress is not None:
            progress("analyse", len(seconds) - 1, len(STAGES))

    if progress is not None:
        progress("analyse", 0, len(STAGES))
    # the betweenness and then the text matching (the costliest) in one forked process, the
    # rest meanwhile here, the text reuse before waiting for the text links: as quick as a
    # second fork for the reuse (its CPU and the other analyses' together match the fork's)
    # and a process fewer beside the main one (measured on 1,000 plans of 16 MB: the
    # build's peak over all processes 1.9 GB instead of 2.1; the betweenness there, the
    # main process's centrality 8.5 -> 6.3 s of CPU)
    names = () if light else ("between", "text")
    with _Beside(data, workers, names, max_plans, then) as beside:
        themes = analyze_themes(data)
        lap("themes")
        centrality = analyze_centrality(
            data,
            between=(lambda: beside.result("between")) if beside.forked else None,
            graph=beside.graph,
        )
        lap("centrality")
        targets = compare_targets(data)
        lap("targets")
        reuse = ReuseAnalysis((), 8, 3, 10) if light else beside.result("reuse")
        lap("reuse")
        linkages = analyze_linkages(
            data,
            max_plans=max_plans,
            text=not light,
            text_links=None if light else lambda: beside.result("text", reuse, meanwhile),
        )
        lap("linkages")
    if compare:
        crosswalk = analyze_crosswalk(data)
        lap("crosswalk")
        distinctive = analyze_distinctive(data, sentences)
        lap("distinctive")
    else:
        crosswalk = Crosswalk(alignments=(), rows=(), unique={}, exact=True)
        distinctive = DistinctiveAnalysis(terms=())
        lap("crosswalk")
        lap("distinctive")
    findings = key_findings(data, targets, distinctive, crosswalk, linkages, themes)
    return Analysis(
        data,
        themes,
        linkages,
        reuse,
        targets,
        centrality,
        crosswalk,
        distinctive,
        findings,
        seconds,
        beside.made,
    )


# what the forked process inherits: the data, max_plans, then, and the task graph if made
_SHARED: tuple[GraphData, int, Callable[[str, Any], Any] | None, Any] | None = None


def _run_beside(name: str) -> tuple[Any, Any]:
    """In a forked process: the result, and what ``then`` made of it."""
    assert _SHARED is not None
    data, max_plans, then, graph = _SHARED
    found = _run(name, data, max_plans, graph)
    return found, None if then is None or name not in _WRITTEN else then(name, found)


# the analyses run beside whose results the forked process writes itself (``then``); the
# betweenness only goes back to the centrality
_WRITTEN = ("text", "reuse")


def _run(name: str, data: GraphData, max_plans: int, graph: Any = None) -> Any:
    if name == "text":
        return text_linkages(data, max_plans=max_plans)
    if name == "between":
        return betweenness(data, graph)
    return analyze_reuse(data)


class _Beside:
    """Runs the ``names`` analyses (``text``: the text linkages, ``reuse``, ``between``: the
    betweenness) one after the other in a forked process while the caller works
    (``workers`` > 1 where fork exists), or in this process when asked for their result;
    there ``then`` makes something of the text linkages' and the reuse's results.  What the
    parent holds is frozen out of the collector's sight first, so that neither process's
    collections copy its pages."""

    def __init__(
        self,
        data: GraphData,
        workers: int,
        names: tuple[str, ...],
        max_plans: int,
        then: Callable[[str, Any], Any] | None = None,
    ) -> None:
        self.data, self.workers, self.names, self.max_plans = data, workers, names, max_plans
        self.then = then
        self.made: dict[str, Any] = {}
        self.futures: dict[str, Any] = {}
        self.pool: Any = None
        self.graph: Any = None  # the task graph, made once for both processes when forked
        self.thaw = False

    @property
    def forked(self) -> bool:
        return self.pool is not None

    def __enter__(self) -> _Beside:
        import gc
        import multiprocessing

        if self.names and self.workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            from concurrent.futures import ProcessPoolExecutor

            from ..workers import follow_parent

            global _SHARED
            if "between" in self.names:
                # made here once, before the fork, rather than in each process (on 1,000
                # plans about a second of CPU each time, 2.0 s under the profiler)
                self.graph = task_graph(self.data)
            _SHARED = (self.data, self.max_plans, self.then, self.graph)
            self.thaw = gc.get_freeze_count() == 0  # unless the caller froze them already
            gc.freeze()
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=follow_parent
            )
            for name in self.names:
                self.futures[name] = self.pool.submit(_run_beside, name)
        return self

    def result(
        self,
        name: str,
        reuse: ReuseAnalysis | None = None,
        meanwhile: Callable[[Any, Callable[[], bool]], Any] | None = None,
    ) -> Any:
        """The result of ``name``; while it is not ready, ``meanwhile(reuse, waiting)``
        (if given) does what it can in this process, and what it returns is kept in
        :attr:`made` as ``reuse-runs``."""
        if name in self.futures:
            future = self.futures[name]
            if meanwhile is not None and reuse is not None and not future.done():
                self.made["reuse-runs"] = meanwhile(reuse, lambda: not future.done())
            found, made = future.result()
            if made is not None:
                self.made[name] = made
            return found
        return _run(name, self.data, self.max_plans)

    def __exit__(self, *exc: object) -> None:
        import gc

        global _SHARED
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.thaw:
            gc.unfreeze()
        _SHARED = None
