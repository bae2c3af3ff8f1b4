"""Full-text search over the task sentences, with an SQLite FTS5 index beside the kept store.

The index holds one row per sentence of a numbered task (its text, offsets, task and plan)
in an FTS5 table with the trigram tokenizer, which finds any substring of three or more
characters in Chinese as well as in Latin text (case-insensitively) without a word
segmenter.  Shorter queries (水, 5G) are phrases in a second, contentless FTS5 table that
holds one token per character; short ones with punctuation scan the texts with LIKE.  The
index lives in the store cache (``store.cache_folder``: ``$PLANGRAPH_CACHE`` or
~/.cache/plangraph), one file per graph file, stamped with the graph's size, time and
SHA-256 and rebuilt when the graph changes; with the cache off it is built in memory for the
one search.

The answers are those of the named query ``search-tasks`` (same columns, rows and order).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import GraphError, QueryError
from .sparql import QueryResult

__all__ = ["VARIABLES", "index_path", "open_index", "search"]

VARIABLES = ["region", "plan_id", "task", "title", "sentence", "start", "end"]
SCHEMA_VERSION = 3
_SENTENCES = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?region ?plan_id ?task ?title ?sentence ?start ?end ?s
WHERE {
  ?t a pg:Task ;
     pg:hasSentence ?s ;
     pg:ordinal ?task ;
     rdfs:label ?title ;
     pg:inPlan ?p .
  ?s pg:text ?sentence ;
     pg:start ?start ;
     pg:end ?end .
  ?p pg:identifier ?plan_id .
  OPTIONAL { ?p pg:coversRegion/rdfs:label ?region FILTER (LANG(?region) = "zh") }
}
"""


def index_path(graph: Path) -> Path | None:
    """Where the index of this graph file is kept (None when the cache is off)."""
    from .store import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    key = hashlib.sha256(str(graph.resolve()).encode("utf-8")).hexdigest()[:20]
    return folder / f"{key}.search.sqlite"


def _stamp(graph: Path, digest: str | None = None) -> dict[str, Any]:
    from .store import file_digest

    info = graph.stat()
    return {
        "version": SCHEMA_VERSION,
        "graph": str(graph.resolve()),
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "sha256": digest or file_digest(graph),
    }


def open_index(graph: Path, store: ox.Store | None = None) -> sqlite3.Connection:
    """The index of the graph file, (re)built first if missing or stale."""
    if not graph.is_file():
        raise GraphError("no such graph file; run 'plangraph build' first", source=graph)
    path = index_path(graph)
    if path is not None:
        try:
            found = _current(path, graph)
            if found is not None:
                return found
            return _build(graph, path, store)
        except (OSError, sqlite3.Error):
            pass  # an unwritable cache: build in memory
    return _build(graph, None, store)


def _current(path: Path, graph: Path) -> sqlite3.Connection | None:
    """The kept index if it was built from this very graph file, else None."""
    if not path.is_file():
        return None
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (text,) = connection.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        stamp = json.loads(text)
        info = graph.stat()
        quick = {"version": SCHEMA_VERSION, "graph": str(graph.resolve())}
        quick |= {"size": info.st_size, "mtime_ns": info.st_mtime_ns}
        if all(stamp.get(k) == v for k, v in quick.items()):
            return connection
        from .store import file_digest

        if stamp.get("sha256") == file_digest(graph) and stamp.get("version") == SCHEMA_VERSION:
            connection.close()
            return _restamp(path, graph, stamp["sha256"])
    except (sqlite3.Error, TypeError, ValueError):
        pass
    connection.close()
    return None


def _restamp(path: Path, graph: Path, digest: str) -> sqlite3.Connection:
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'stamp'", (json.dumps(_stamp(graph, digest)),)
        )
    connection.close()
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _build(graph: Path, path: Path | None, store: ox.Store | None) -> sqlite3.Connection:
    """Fill a new index from the graph; written beside the old one and swapped in."""
    if store is None:
        from .sparql import cached_store

        store = cached_store(graph)
    stamp = _stamp(graph)
    if path is None:
        connection = sqlite3.connect(":memory:")
        _fill(connection, store, stamp)
        return connection
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(path)
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(building)
        try:
            _fill(connection, store, stamp)
        finally:
            connection.close()
        building.replace(path)
    finally:
        building.unlink(missing_ok=True)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _remove_abandoned(path: Path) -> None:
    """Half-built indexes left by processes that were killed while building."""
    for stale in path.parent.glob(f"{path.name}.building-*"):
        pid = stale.name.rsplit("-", 1)[-1]
        try:
            os.kill(int(pid), 0)
        except ValueError:
            continue
        except ProcessLookupError:
            stale.unlink(missing_ok=True)
        except OSError:
            continue


def _fill(connection: sqlite3.Connection, store: ox.Store, stamp: dict[str, Any]) -> None:
    solutions = store.query(_SENTENCES)
    assert isinstance(solutions, ox.QuerySolutions)

    from .results import _json_term

    def rows() -> Any:
        for s in solutions:
            terms = {name: _json_term(s[name]) for name in VARIABLES if s[name] is not None}
            yield (
                s["plan_id"].value,
                int(s["start"].value),
                s["sentence"].value,
                s["s"].value,
                json.dumps(terms, ensure_ascii=False),
            )

    # rows in the answer's order (plan, offset, sentence IRI), so that rowid order is it
    ordered = sorted(rows(), key=lambda row: (row[0], row[1], row[3]))
    with connection:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        # narrow: what a search scans; wide: what it returns
        connection.execute("CREATE TABLE sentence (id INTEGER PRIMARY KEY, text TEXT)")
        connection.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY, terms TEXT)")
        connection.executemany(
            "INSERT INTO sentence (id, text) VALUES (?, ?)",
            ((number, row[2]) for number, row in enumerate(ordered, start=1)),
        )
        connection.executemany(
            "INSERT INTO answer (id, terms) VALUES (?, ?)",
            ((number, row[4]) for number, row in enumerate(ordered, start=1)),
        )
        connection.execute(
            "CREATE VIRTUAL TABLE sentence_text USING fts5(text, content='sentence', "
            "content_rowid='id', tokenize='trigram')"
        )
        connection.execute("INSERT INTO sentence_text (sentence_text) VALUES ('rebuild')")
        # one token per character (contentless): a phrase of one or two characters finds the
        # queries too short for a trigram
        connection.execute(
            "CREATE VIRTUAL TABLE sentence_chars USING fts5(chars, content='', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
        connection.executemany(
            "INSERT INTO sentence_chars (rowid, chars) VALUES (?, ?)",
            ((number, _characters(row[2])) for number, row in enumerate(ordered, start=1)),
        )
        connection.execute("INSERT INTO meta VALUES ('stamp', ?)", (json.dumps(stamp),))


_OTHER = "zz"  # stands for any character that is not a letter or digit (never one character)


def _characters(text: str) -> str:
    """The text as space-separated one-character tokens, lower case; others as ``zz``."""
    return " ".join(char.lower() if char.isalnum() else _OTHER for char in text)


def search(
    graph: Path,
    text: str,
    *,
    store: ox.Store | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """The task sentences containing ``text`` (case-insensitive for Latin letters), in plan
    and document order, as a ``search-tasks`` result; ``limit``/``offset`` give a page."""
    needle = text.strip()
    if not needle:
        raise QueryError("search: expected some text to look for")
    started = time.perf_counter()
    connection = open_index(graph, store)
    try:
        if len(needle) >= 3:
            matching = "SELECT rowid AS id FROM sentence_text WHERE sentence_text MATCH ?"
            argument = '"' + needle.replace('"', '""') + '"'
        elif all(char.isalnum() for char in needle):  # a phrase of single characters
            matching = "SELECT rowid AS id FROM sentence_chars WHERE sentence_chars MATCH ?"
            argument = '"' + " ".join(needle.lower()) + '"'
        else:  # a short needle with punctuation: scan (still only the sentence texts)
            matching = "SELECT id FROM sentence WHERE text LIKE ? ESCAPE '\\'"
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            argument = f"%{escaped}%"
        total = None
        page = ""
        if limit is not None or offset > 0:
            (total,) = connection.execute(
                f"SELECT COUNT(*) FROM ({matching})", (argument,)
            ).fetchone()
            page = f" LIMIT {int(limit) if limit is not None else -1} OFFSET {max(int(offset), 0)}"
        found = connection.execute(
            f"SELECT a.terms FROM ({matching}) m JOIN answer a ON a.id = m.id ORDER BY m.id{page}",
            (argument,),
        ).fetchall()
    finally:
        connection.close()
    bindings = [json.loads(terms) for (terms,) in found]
    document = {"head": {"vars": VARIABLES}, "results": {"bindings": bindings}}
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return QueryResult(
        "select",
        list(VARIABLES),
        data,
        seconds=time.perf_counter() - started,
        total=total,
        offset=max(offset, 0),
    )
