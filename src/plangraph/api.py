"""The Python API: every CLI command is one call here, and notebooks call it directly."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConsistencyError, GraphError, PlangraphError
from .files import write_atomic
from .model import Corpus, Plan

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyoxigraph as ox
    import rdflib

    from .analysis import Analysis
    from .server import PushOptions, PushResult, ServerInfo
    from .shacl import Report
    from .sparql import Binding, NamedQuery, QueryResult

Inputs = Sequence[str | os.PathLike[str]] | None
DEFAULT_OUT = Path("out")
GRAPH_NAME = "plangraph.ttl"
EXPORT_FORMATS = ("ttl", "nt", "jsonld", "xml")
_SUFFIX = {"ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "xml": ".rdf"}


def read_plans(inputs: Inputs = None) -> tuple[Plan, ...]:
    """Read plans from files or folders; None reads the bundled seed plans."""
    from .read import read_plans

    return read_plans(inputs)


def build_corpus(inputs: Inputs = None, *, strict: bool = False) -> Corpus:
    """Read and extract: the plans, every fact found in them, and the consistency warnings."""
    from .extract import extract
    from .read import check_counts, reading_caveats, unread_pictures

    plans = read_plans(inputs)
    warnings = [problem for plan in plans for problem in check_counts(plan)]
    if strict and warnings:
        raise ConsistencyError(warnings[0])
    notices = [n for plan in plans for n in (*reading_caveats(plan), *unread_pictures(plan))]
    return Corpus(plans, extract(plans), (*warnings, *notices))


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
    analysis: bool = True,
    workers: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildResult:
    """Build the graph and write ``OUTDIR/plangraph.ttl`` atomically.

    With ``analysis`` (the default) the results of :func:`plangraph.analysis.analyze` are
    written into the same graph as typed nodes under ``…/id/analysis/``, so SPARQL sees them.
    Plans are extracted in ``workers`` processes (default: the cores, at most four) and
    written plan by plan; the file is byte-identical for any number of workers.
    ``progress(stage, done, total)`` hears of the stages read, extract, analyse and write.
    """
    from .pipeline import build_to, default_workers, read_inputs
    from .read import check_counts, reading_caveats, unread_pictures

    started = time.perf_counter()
    report = progress or (lambda stage, done, total: None)
    report("read", 0, 1)
    workers = default_workers() if workers is None else workers
    read = [read_inputs(inputs, workers)]
    report("read", 1, 1)
    plans = read[0]
    warnings = tuple(problem for plan in plans for problem in check_counts(plan))
    if strict and warnings:
        raise ConsistencyError(warnings[0])
    warnings += tuple(n for plan in plans for n in (*reading_caveats(plan), *unread_pictures(plan)))
    count = len(plans)
    sections = sum(len(p.sections) for p in plans)
    tasks = sum(len(p.tasks) for p in plans)
    sentences = sum(len(p.sentences) for p in plans)
    del plans  # handed over below, not kept here: a large build lets them go early
    built = build_to(
        read.pop(),
        warnings,
        Path(outdir) / GRAPH_NAME,
        analysis=analysis,
        workers=workers,
        progress=report,
    )
    return BuildResult(
        path=Path(outdir) / GRAPH_NAME,
        plans=count,
        sections=sections,
        tasks=tasks,
        sentences=sentences,
        targets=built.targets,
        places=built.places,
        triples=built.triples,
        seconds=time.perf_counter() - started,
        warnings=warnings,
    )


def ensure_graph(path: str | os.PathLike[str] | None = None) -> tuple[Path, BuildResult | None]:
    """The graph file to read: ``path`` as given, or the default one, built if missing."""
    if path is not None:
        given = Path(path)
        if not given.is_file():
            from .store import not_a_graph_file

            raise GraphError(not_a_graph_file(given))
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

    from .graph import canonical, serialize

    if fmt not in EXPORT_FORMATS:
        raise PlangraphError(f"unknown format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    store = load_store(graph)
    data = serialize(canonical(ox.Triple(q.subject, q.predicate, q.object) for q in store), fmt)
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
                          pg:Indicator pg:Place pg:Agency pg:Theme pg:Mention pg:ThemeMatch }
          ?s a ?class } GROUP BY ?class"""
    for row in store.query(query):  # type: ignore[union-attr]
        name = row["class"].value.rsplit("#", 1)[-1]
        counts[name] = int(row["n"].value)
    order = ["Region", "Plan", "Section", "Task", "Sentence", "Target", "Indicator", "Place"]
    order += ["Agency", "Theme", "Mention", "ThemeMatch", "triples"]
    return {key: counts.get(key, 0) for key in order}


def validate(graph: str | os.PathLike[str] | None = None) -> Report:
    """SHACL-validate the graph file against the bundled shapes."""
    from .graph import to_rdflib
    from .shacl import validate_graph

    store = load_store(graph)
    import pyoxigraph as ox

    data = to_rdflib(ox.Triple(q.subject, q.predicate, q.object) for q in store)
    return validate_graph(data)


# --------------------------------------------------------------------------- query, serve, push


def list_queries() -> list[NamedQuery]:
    """The bundled named queries (``plangraph query --list``), in name order."""
    from .sparql import named_queries

    return list(named_queries().values())


def query(
    name_or_sparql: str,
    graph: str | os.PathLike[str] | ox.Store | rdflib.Graph | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    bindings: Mapping[str, object] | None = None,
    **params: object,
) -> QueryResult:
    """Run a named query, a ``.rq`` file or SPARQL text on the graph (Oxigraph engine).

    ``graph`` is a graph file (default: out/plangraph.ttl, built if missing), a pyoxigraph
    Store or an rdflib Graph.  ``params`` bind the query's variables as RDF terms: a named
    query's declared parameters by their kind, otherwise ``?name`` as a literal
    (``bindings`` does the same for variables named like this function's arguments,
    ``?limit`` or ``?graph``).  With
    ``limit`` (and ``offset``) a SELECT returns that page of its rows, and the result's
    ``total`` says how many rows there are in all.

        >>> plangraph.query("tasks-naming-place", place="太浦河").rows
        >>> plangraph.query("targets", limit=50).total
    """
    from .sparql import run

    params = {**(bindings or {}), **params}
    if name_or_sparql == "search-tasks" and (graph is None or isinstance(graph, str | os.PathLike)):
        # the same answer from the full-text index kept beside the store
        unknown = set(params) - {"text"}
        if not unknown:
            return search_tasks(str(params.get("text", "")), graph, limit=limit, offset=offset)
    source, text, bindings = _prepared(name_or_sparql, params)
    return run(_query_store(graph), text, bindings, source, limit=limit, offset=offset)


def search_tasks(
    text: str,
    graph: str | os.PathLike[str] | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """The task sentences that contain ``text`` (Chinese or Latin, any length; Latin letters
    case-insensitively), from an SQLite FTS5 trigram index kept beside the store and rebuilt
    when the graph file changes.  The rows are those of the named query ``search-tasks``.

        >>> plangraph.search_tasks("无废城市").rows
    """
    from .search import search as find

    return find(ensure_graph(graph)[0], text, limit=limit, offset=offset)


def query_text(
    name_or_sparql: str, /, bindings: Mapping[str, object] | None = None, **params: object
) -> str:
    """The exact SPARQL that :func:`query` runs, parameters bound as ``VALUES`` and the
    implicit prefixes declared: standalone text for another store's query form
    (``plangraph query NAME --show-sparql``)."""
    from .sparql import portable_text

    source, text, terms = _prepared(name_or_sparql, {**(bindings or {}), **params})
    return portable_text(text, terms, source)


def _prepared(
    name_or_sparql: str, params: dict[str, object]
) -> tuple[str, str, dict[str, Binding]]:
    from .sparql import named_bindings, resolve, to_term

    source, text, named = resolve(name_or_sparql)
    bindings: dict[str, Binding]
    if named is not None:
        bindings = named_bindings(named, params)
    else:
        bindings = {name: to_term(name, value) for name, value in params.items()}
    return source, text, bindings


def _query_store(graph: str | os.PathLike[str] | ox.Store | rdflib.Graph | None) -> ox.Store:
    import pyoxigraph as ox

    if isinstance(graph, ox.Store):
        return graph
    if graph is None or isinstance(graph, str | os.PathLike):
        from .sparql import cached_store

        return cached_store(ensure_graph(graph)[0])
    import rdflib

    if isinstance(graph, rdflib.Graph):
        fmt = "ox-nt" if type(graph.store).__name__ == "OxigraphStore" else "nt"
        store = ox.Store()
        store.bulk_load(graph.serialize(format=fmt, encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        return store
    raise PlangraphError(
        f"cannot query a {type(graph).__name__}; expected a graph file path, a pyoxigraph "
        "Store or an rdflib Graph"
    )


def serve(
    graph: str | os.PathLike[str] | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    store: str | os.PathLike[str] | None = None,
    on_ready: Callable[[ServerInfo], None] | None = None,
) -> int:
    """Serve the graph over the SPARQL 1.1 Protocol with Oxigraph until interrupted.

    Loads the graph into a persistent Oxigraph store (``out/oxigraph`` by default, reused
    while the graph file is unchanged), runs ``oxigraph serve-read-only`` (``serve`` when
    ``writable``) and returns its exit status, 0 after Ctrl-C.
    """
    from .server import serve as run_server

    path, _ = ensure_graph(graph)
    folder = Path(store) if store is not None else DEFAULT_OUT / "oxigraph"
    return run_server(path, folder, host=host, port=port, writable=writable, on_ready=on_ready)


def push(
    url: str,
    graph: str | os.PathLike[str] | None = None,
    options: PushOptions | None = None,
) -> PushResult:
    """Send the graph to a SPARQL 1.1 Graph Store Protocol endpoint (PUT, or POST to append).

    ``options`` (:class:`plangraph.server.PushOptions`) name the target graph, the user and
    password (logged in with HTTP Digest or Basic, whichever the server asks for) and the
    timeouts::

        >>> login = plangraph.PushOptions(user="admin", password="…")
        >>> plangraph.push("http://localhost:3030/plans/data", options=login).summary()
    """
    from .server import PushOptions
    from .server import push as send

    path, _ = ensure_graph(graph)
    return send(url, path, options or PushOptions())


def write_views(
    outdir: str | os.PathLike[str] = DEFAULT_OUT / "views",
    graph: str | os.PathLike[str] | None = None,
    view: str | None = None,
    region: str | None = None,
    theme: str | None = None,
    per_plan: bool | None = None,
) -> list[Path]:
    """Write the interactive HTML views and their ``index.html`` into ``outdir``.

    ``view`` names one view (crosswalk, theme-matrix, overview, region-theme, linkages,
    places, plans or plan-<id>); ``region`` and ``theme`` (id or label) narrow what is
    drawn; ``per_plan``
    draws a page per plan (default: only for corpora of up to 20 plans).  Returns the
    paths written, the index last (the libraries go once into ``lib/`` beside them).
    """
    from .viz import INDEX, write_views

    written = write_views(
        load_store(graph), outdir, view=view, region=region, theme=theme, per_plan=per_plan
    )
    return [item.path for item in written] + [Path(outdir) / INDEX]


# --------------------------------------------------------------------------- analyze, report


def analyze(graph: str | os.PathLike[str] | None = None) -> Analysis:
    """Shared themes, cross-region linkages, text reuse, target comparison, centrality and
    communities of the graph (default: out/plangraph.ttl, built if missing).

    ``plangraph.analysis.analysis_triples(result)`` gives the results as RDF.
    """
    from .analysis import analyze as run

    return run(load_store(graph))


def write_report(
    output: str | os.PathLike[str] = DEFAULT_OUT / "report.html",
    graph: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the analysis as one self-contained HTML page (default ``out/report.html``)
    that links to the interactive views in ``views/`` beside it; returns its path."""
    from .report import write_report as write

    return write(analyze(graph), output)
