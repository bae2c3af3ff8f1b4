"""The Python API: every CLI command is one call here, and notebooks call it directly."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConsistencyError, GraphError, PlangraphError
from .files import write_atomic
from .model import Corpus, Plan

if TYPE_CHECKING:
    import pyoxigraph as ox
    import rdflib

    from .validate import Report

Inputs = Sequence[str | os.PathLike[str]] | None
DEFAULT_OUT = Path("out")
GRAPH_NAME = "plangraph.ttl"
EXPORT_FORMATS = ("ttl", "nt", "jsonld", "xml")
_SUFFIX = {"ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "xml": ".rdf"}


def read(inputs: Inputs = None) -> tuple[Plan, ...]:
    """Read plans from files or folders; None reads the bundled seed plans."""
    from .read import read_plans

    return read_plans(inputs)


def build_corpus(inputs: Inputs = None, *, strict: bool = False) -> Corpus:
    """Read and extract: the plans, every fact found in them, and the consistency warnings."""
    from .extract import extract
    from .read import check_counts

    plans = read(inputs)
    warnings = [problem for plan in plans for problem in check_counts(plan)]
    if strict and warnings:
        raise ConsistencyError(warnings[0])
    return Corpus(plans, extract(plans), tuple(warnings))


def build_graph(inputs: Inputs = None) -> rdflib.Graph:
    """The knowledge graph of the plans as an rdflib graph (in memory)."""
    from .graph import build_graph as to_graph

    return to_graph(build_corpus(inputs))


@dataclass(frozen=True, slots=True)
class BuildResult:
    path: Path
    plans: int
    sections: int
    tasks: int
    sentences: int
    targets: int
    places: int
    triples: int
    seconds: float
    warnings: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        return (
            f"{self.plans} plans, {self.sections} sections, {self.tasks} tasks, "
            f"{self.sentences} sentences, {self.targets} targets, {self.places} places, "
            f"{self.triples} triples in {self.seconds:.2f} s -> {self.path}"
        )


def build(
    inputs: Inputs = None,
    outdir: str | os.PathLike[str] = DEFAULT_OUT,
    *,
    strict: bool = False,
) -> BuildResult:
    """Build the graph and write ``OUTDIR/plangraph.ttl`` atomically."""
    from .graph import corpus_triples, to_turtle

    started = time.perf_counter()
    corpus = build_corpus(inputs, strict=strict)
    triples = corpus_triples(corpus)
    path = write_atomic(Path(outdir) / GRAPH_NAME, to_turtle(triples))
    plans = corpus.plans
    return BuildResult(
        path=path,
        plans=len(plans),
        sections=sum(len(p.sections) for p in plans),
        tasks=sum(len(p.tasks) for p in plans),
        sentences=sum(len(p.sentences) for p in plans),
        targets=len(corpus.extraction.targets),
        places=len(corpus.extraction.places),
        triples=len(triples),
        seconds=time.perf_counter() - started,
        warnings=corpus.warnings,
    )


def ensure_graph(path: str | os.PathLike[str] | None = None) -> tuple[Path, BuildResult | None]:
    """The graph file to read: ``path`` as given, or the default one, built if missing."""
    if path is not None:
        given = Path(path)
        if not given.is_file():
            raise GraphError(f"{given}: no such graph file; run 'plangraph build' first")
        return given, None
    default = DEFAULT_OUT / GRAPH_NAME
    if default.is_file():
        return default, None
    result = build(None, DEFAULT_OUT)
    return result.path, result


def load_graph(path: str | os.PathLike[str] | None = None) -> rdflib.Graph:
    """The graph file as an rdflib graph whose SPARQL runs on Oxigraph."""
    from .store import load_graph as load

    return load(ensure_graph(path)[0])


def load_store(path: str | os.PathLike[str] | None = None) -> ox.Store:
    from .store import load_store as load

    return load(ensure_graph(path)[0])


def export(
    fmt: str,
    output: str | os.PathLike[str] | None = None,
    graph: str | os.PathLike[str] | None = None,
) -> tuple[Path | None, bytes]:
    """Serialize the graph as ttl, nt, jsonld or xml; write it to ``output`` if given."""
    import pyoxigraph as ox

    from .graph import natural_key, serialize

    if fmt not in EXPORT_FORMATS:
        raise PlangraphError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    store = load_store(graph)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store]
    triples.sort(key=lambda t: (natural_key(str(t.subject)), str(t.predicate), str(t.object)))
    data = serialize(triples, fmt)
    if output is None:
        return None, data
    return write_atomic(output, data), data


def stats(graph: str | os.PathLike[str] | None = None) -> dict[str, int]:
    """Counts of the main kinds of node in the graph, and of triples."""
    store = load_store(graph)
    counts: dict[str, int] = {"triples": len(store)}
    query = """
        PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
          VALUES ?class { pg:Region pg:Plan pg:Section pg:Task pg:Sentence pg:Target
                          pg:Indicator pg:Place pg:Agency pg:Theme pg:Mention }
          ?s a ?class } GROUP BY ?class"""
    for row in store.query(query):  # type: ignore[union-attr]
        name = row["class"].value.rsplit("#", 1)[-1]
        counts[name] = int(row["n"].value)
    order = ["Region", "Plan", "Section", "Task", "Sentence", "Target", "Indicator", "Place"]
    order += ["Agency", "Theme", "Mention", "triples"]
    return {key: counts.get(key, 0) for key in order}


def validate(graph: str | os.PathLike[str] | None = None) -> Report:
    """SHACL-validate the graph file against the bundled shapes."""
    from .graph import to_rdflib
    from .validate import validate_graph

    store = load_store(graph)
    import pyoxigraph as ox

    data = to_rdflib(ox.Triple(q.subject, q.predicate, q.object) for q in store)
    return validate_graph(data)
