"""Loading a written graph for the later stages: pyoxigraph for speed, rdflib for users."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import answers
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


def not_a_graph_file(file: Path) -> str:
    if file.exists():  # a folder, a pipe, a device
        return f"{file}: not a regular file; expected a graph file (Turtle, N-Triples, …)"
    return f"{file}: no such graph file; run 'plangraph build' first"


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise GraphError(
            f"{path}: unknown graph format {path.suffix!r}; expected one of "
            + ", ".join(sorted(_FORMATS))
        ) from None


# what the entities an RDF/XML file declares may expand to, all their uses together
MAX_ENTITY_EXPANSION = 10_000_000
_ENTITY = re.compile(rb"""<!ENTITY\s+(?:%\s+)?([^\s"'>]+)\s+(["'])(.*?)\2""", re.DOTALL)
_REFERENCE = re.compile(rb"[&%]([^\s;&%<>\"']+);")


def check_entities(file: Path, data: bytes | None = None) -> None:
    """Refuse an RDF/XML graph whose entities expand past :data:`MAX_ENTITY_EXPANSION`
    characters ("billion laughs": nested entities), before Oxigraph expands them."""
    if rdf_format(file) != ox.RdfFormat.RDF_XML:
        return
    try:
        data = file.read_bytes() if data is None else data
    except OSError as error:
        raise GraphError(f"{file}: cannot read: {error.strerror or error}") from None
    if b"<!ENTITY" not in data:
        return
    values = {match[1]: match[3] for match in _ENTITY.finditer(data)}
    sizes: dict[bytes, int] = {}

    def size(name: bytes) -> int:
        if name not in sizes:
            sizes[name] = MAX_ENTITY_EXPANSION + 1  # a cycle counts as too large
            value = values.get(name, b"")
            inner = list(_REFERENCE.finditer(value))
            own = len(value) - sum(len(ref[0]) for ref in inner)
            sizes[name] = min(own + sum(size(ref[1]) for ref in inner), MAX_ENTITY_EXPANSION + 1)
        return sizes[name]

    body = data[data.rfind(b"]>") + 2 :] if b"]>" in data else data
    try:
        total = sum(size(ref[1]) for ref in _REFERENCE.finditer(body) if ref[1] in values)
    except RecursionError:  # a chain of thousands of entities
        total = MAX_ENTITY_EXPANSION + 1
    if total > MAX_ENTITY_EXPANSION:
        raise GraphError(
            f"{file}: the RDF/XML's entities expand to over {MAX_ENTITY_EXPANSION:,} characters "
            "(nested entities, a 'billion laughs'?); expected an RDF/XML graph"
        )


def load_store(path: str | os.PathLike[str]) -> ox.Store:
    """An in-memory Oxigraph store holding the graph file (Turtle, N-Triples, …)."""
    file = Path(path)
    if not file.is_file():
        raise GraphError(not_a_graph_file(file))
    check_entities(file)
    store = ox.Store()
    try:
        store.bulk_load(path=str(file), format=rdf_format(file))
    except SyntaxError as error:
        raise GraphError(f"{file}: not a valid RDF graph: {error}") from None
    except OSError as error:
        raise GraphError(f"{file}: cannot read: {error.strerror or error}") from None
    return store


# graphs at least this large are kept as an Oxigraph store on disk between runs: loading
# the Turtle of 1,000 plans (200 MB) takes 7 s, opening the kept store a few milliseconds
CACHE_MIN_BYTES = 16 * 1024 * 1024
# a freshly loaded kept store also answers the named listings ahead (warmup.py), unless
# $PLANGRAPH_WARM is "off"
WARM = True
STAMP = "plangraph-source.json"  # inside a store folder: the graph file it holds


def cache_folder() -> Path | None:
    """Where kept stores live: $PLANGRAPH_CACHE ("off" to keep none), else the user cache."""
    setting = os.environ.get("PLANGRAPH_CACHE", "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "plangraph"


def open_store(path: str | os.PathLike[str]) -> ox.Store:
    """A store to query the graph file with: in memory for small graphs; for large ones a
    read-only Oxigraph store kept on disk (see ``cache_folder``), loaded once and reused while
    the file is unchanged.  Falls back to memory when the cache cannot be written."""
    file = Path(path)
    if not file.is_file():
        raise GraphError(not_a_graph_file(file))
    folder = cache_folder()
    if folder is None or file.stat().st_size < CACHE_MIN_BYTES:
        return load_store(file)
    try:
        return kept_store(file, folder)
    except OSError:
        return load_store(file)


def kept_store(file: Path, folder: Path) -> ox.Store:
    """The graph file as a read-only store under ``folder`` (one per file path)."""
    resolved = file.resolve()
    location = folder / hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:20]
    loaded = refresh_store(resolved, location, _load_in_process)
    store = ox.Store.read_only(str(location))
    try:
        digest = str(json.loads((location / STAMP).read_text(encoding="utf-8"))["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return store  # no stamp to tell its graph by: answers are computed each time
    answers.register(store, location, digest)  # answers computed on it are kept beside it
    if loaded and WARM and os.environ.get("PLANGRAPH_WARM", "").strip().lower() != "off":
        if DEFER_WARM:
            _DEFERRED.append((store, file))
        else:
            _warm(store, file)
    return store


# set by ``plangraph query``: a freshly loaded kept store answers the named listings ahead
# after the command has given its own answer (:func:`answer_ahead`), not before; the first
# answer on 1,000 plans then comes after the load and that one query, not after the
# answers to every listing (measured: 75 s before)
DEFER_WARM = False
_DEFERRED: list[tuple[ox.Store, Path]] = []


def answer_ahead() -> None:
    """Answer the named listings ahead on the stores loaded since :data:`DEFER_WARM` was
    set (nothing when there are none: the store was loaded earlier, or warm-up is off)."""
    while _DEFERRED:
        store, file = _DEFERRED.pop(0)
        _warm(store, file)


def _warm(store: ox.Store, file: Path) -> None:
    from .warmup import warm

    if sys.stderr.isatty():  # a minute or two on 1,000 plans: say what happens
        print(
            f"plangraph: answering the named listings of {file.name} ahead, once "
            "(PLANGRAPH_WARM=off skips it)…",
            file=sys.stderr,
        )
    warm(store, file)  # the named listings' default answers, the search index


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def refresh_store(graph: Path, location: Path, load: Callable[[Path, Path], None]) -> bool:
    """Make ``location`` an Oxigraph store holding exactly ``graph``; True if (re)loaded.

    A stamp inside the store records the file's size, modification time and SHA-256: the
    same size and time reuse the store at once, a new time over the same content only
    refreshes the stamp.  Otherwise ``load(graph, folder)`` fills a new store beside the old
    one, which is swapped in, so an interrupted load never leaves a half-filled store.
    """
    try:
        info = graph.stat()
        seen = {"graph": str(graph), "size": info.st_size, "mtime_ns": info.st_mtime_ns}
        try:
            stamp = json.loads((location / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stamp = None
        if isinstance(stamp, dict) and all(stamp.get(k) == v for k, v in seen.items()):
            return False
        digest = file_digest(graph)
    except OSError as error:
        raise GraphError(f"{graph}: cannot read: {error.strerror or error}") from None
    if isinstance(stamp, dict) and stamp.get("sha256") == digest:
        _write_stamp(location / STAMP, {**seen, "sha256": digest})
        return False
    loading = location.with_name(f"{location.name}.loading-{os.getpid()}")
    shutil.rmtree(loading, ignore_errors=True)
    loading.mkdir(parents=True)
    try:
        load(graph, loading)
        _write_stamp(loading / STAMP, {**seen, "sha256": digest})
        shutil.rmtree(location, ignore_errors=True)
        loading.rename(location)
    finally:
        shutil.rmtree(loading, ignore_errors=True)
    return True


def _write_stamp(path: Path, stamp: dict[str, object]) -> None:
    from .files import write_atomic

    write_atomic(path, (json.dumps(stamp, indent=1) + "\n").encode("utf-8"))


def _load_in_process(file: Path, folder: Path) -> None:
    check_entities(file)
    store = ox.Store(str(folder))
    try:
        store.bulk_load(path=str(file), format=rdf_format(file))
    except SyntaxError as error:
        raise GraphError(f"{file}: not a valid RDF graph: {error}") from None
    # compacting the bulk-loaded files makes each index lookup of later queries 3-4x faster
    store.optimize()
    store.flush()
    del store
    gc.collect()  # pyoxigraph releases the store's files when the object goes


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
