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
from typing import TYPE_CHECKING

from .centrality import CentralityAnalysis, Community, NodeCentrality, analyze_centrality
from .crosswalk import Alignment, Crosswalk, CrosswalkRow, analyze_crosswalk
from .distinctive import DistinctiveAnalysis, DistinctiveTerm, analyze_distinctive, sentences
from .findings import Finding, key_findings
from .linkage import Linkage, LinkageAnalysis, analyze_linkages
from .project import GraphData, load
from .render import to_json, to_markdown
from .results import analysis_quads, analysis_triples
from .reuse import Location, ReuseAnalysis, ReusePassage, analyze_reuse
from .targets import TargetComparison, TargetRow, compare_targets
from .themes import RegionSimilarity, ThemeAnalysis, ThemeSharing, analyze_themes

if TYPE_CHECKING:
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
    "analysis_quads",
    "analysis_triples",
    "analyze",
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


def analyze(store: ox.Store, *, max_plans: int = 3) -> Analysis:
    """Run every analysis on the graph in ``store``.

    ``max_plans`` bounds the other plans each task is linked to (every other plan for the
    seed's three); timings per step are in :attr:`Analysis.seconds` (never in the outputs).
    """
    seconds: dict[str, float] = {}
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        seconds[name] = now - started
        started = now

    data = load(store)
    lap("project")
    themes = analyze_themes(data)
    lap("themes")
    linkages = analyze_linkages(data, max_plans=max_plans)
    lap("linkages")
    reuse = analyze_reuse(data)
    lap("reuse")
    targets = compare_targets(data)
    lap("targets")
    centrality = analyze_centrality(data)
    lap("centrality")
    crosswalk = analyze_crosswalk(data)
    lap("crosswalk")
    distinctive = analyze_distinctive(data, sentences(store, data))
    lap("distinctive")
    findings = key_findings(data, targets, distinctive, crosswalk, linkages)
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
    )
