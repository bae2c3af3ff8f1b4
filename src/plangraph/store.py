"""Loading a written graph for the later stages: pyoxigraph for speed, rdflib for users."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import GraphError

if TYPE_CHECKING:
    import rdflib

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise GraphError(
            f"{path}: unknown graph format {path.suffix!r}; expected one of "
            + ", ".join(sorted(_FORMATS))
        ) from None


def load_store(path: str | os.PathLike[str]) -> ox.Store:
    """An in-memory Oxigraph store holding the graph file (Turtle, N-Triples, …)."""
    file = Path(path)
    if not file.is_file():
        raise GraphError(f"{file}: no such graph file; run 'plangraph build' first")
    store = ox.Store()
    try:
        store.bulk_load(path=str(file), format=rdf_format(file))
    except SyntaxError as error:
        raise GraphError(f"{file}: not a valid RDF graph: {error}") from None
    except OSError as error:
        raise GraphError(f"{file}: cannot read: {error.strerror or error}") from None
    return store


def load_graph(path: str | os.PathLike[str]) -> rdflib.Graph:
    """An rdflib graph over the file; queries on it run on Oxigraph (oxrdflib)."""
    import rdflib

    from .graph import PREFIXES

    file = Path(path)
    store = load_store(file)
    graph = rdflib.Graph(store="Oxigraph", bind_namespaces="none")
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    assert data is not None
    graph.parse(data=data, format="ox-ntriples")
    for name, ns in PREFIXES.items():
        graph.bind(name, ns)
    return graph
