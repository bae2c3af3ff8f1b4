"""Answers kept beside an on-disk store: a SELECT's rows, computed once per graph file.

A kept store (``store.kept_store``) holds a large graph between runs; evaluating an
unscoped listing on it still costs seconds (``targets`` on 1,000 plans reads 20,000
targets, ``shared-themes`` 80,000 rows), and a user pages through it with ``--offset``.
So the first evaluation of a query text on the store keeps its rows, in order, in an SQLite
file inside the store's folder (``answers.sqlite``, each row's SPARQL JSON compressed with
zlib, 2.4x smaller): later runs of the same text, any page
of it, read those rows by number in a few milliseconds, with the total.  The file goes with
the store: when the graph file changes the store is loaded anew into a fresh folder, so an
answer can never outlive the graph it was computed from.

An answer kept for a query that has narrower questions (one theme, one place, the
targets due by a year: ``sparql/derived.py``) also keeps one column's value per row, indexed
(``facet``), so that the narrower question's rows are found by that index, in order, with
their count (``facet_page``).

The key is the exact text that runs (parameters bound as ``VALUES``, see
``sparql.portable_text``), the SHA-256 of the graph file, the engine's version and this
module's schema.  Queries whose
answer can change between runs on the same graph (``NOW()``, ``RAND()``, ``UUID()``,
``STRUUID()``, ``BNODE()``, ``SERVICE``) are never kept, nor answers that came quickly
(``MIN_SECONDS``) or are very large (``MAX_ROWS``).  Any trouble with the file (read-only
folder, a lock held too long, a damaged file) only means the answer is computed again.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import zlib
from pathlib import Path

import pyoxigraph as ox

__all__ = [
    "FILE_NAME",
    "Page",
    "answers_file",
    "facet_page",
    "graph_of",
    "keep",
    "keeps",
    "key",
    "page",
    "register",
]

FILE_NAME = "answers.sqlite"
SCHEMA = 3  # 3: facets
MIN_SECONDS = 0.05  # answers quicker than this are computed again each time
MAX_ROWS = 2_000_000
_WRITING = threading.Lock()  # one writer at a time in this process (warmup.py runs two)
WRITING_LOCK = threading.Lock()  # one builder of a table beside a store at a time
_VOLATILE = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)

# id(store) -> (the store, its answers file, the SHA-256 of the graph it holds); the store
# is held so that its id cannot be reused by another store while the entry exists
# (pyoxigraph stores take no weak reference); the last few stores opened are remembered
_KEPT: dict[int, tuple[ox.Store, Path, str]] = {}
REMEMBERED = 8

Page = tuple[list[str], list[str], int]  # variables, the page's rows as JSON, total rows


def register(store: ox.Store, folder: Path, graph: str) -> None:
    """Keep the answers of queries on ``store`` in ``folder`` (the store's own folder);
    ``graph`` is the SHA-256 of the graph file it holds, part of every answer's key, so that
    a store object left open after its graph changed never reads or writes the new one's."""
    _KEPT.pop(id(store), None)
    while len(_KEPT) >= REMEMBERED:
        del _KEPT[next(iter(_KEPT))]
    _KEPT[id(store)] = (store, folder / FILE_NAME, graph)


def _entry(store: ox.Store) -> tuple[ox.Store, Path, str] | None:
    entry = _KEPT.get(id(store))
    return entry if entry is not None and entry[0] is store else None


def graph_of(store: ox.Store) -> str | None:
    """The SHA-256 of the graph file a kept store holds; None for any other store."""
    entry = _entry(store)
    return None if entry is None else entry[2]


def answers_file(store: ox.Store) -> Path | None:
    """The answers file of a kept store; None for any other store."""
    entry = _entry(store)
    return None if entry is None else entry[1]


def keeps(text: str) -> bool:
    """Whether the answer of this query text may be kept: the same on every run."""
    return _VOLATILE.search(text) is None


def key(store: ox.Store, text: str) -> str:
    """The key of a query text's answer on a kept store."""
    entry = _entry(store)
    graph = "" if entry is None else entry[2]
    return hashlib.sha256(f"{SCHEMA}\n{ox.__version__}\n{graph}\n{text}".encode()).hexdigest()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=1.0, isolation_level=None)
    connection.execute(
        "CREATE TABLE IF NOT EXISTS answer (key TEXT PRIMARY KEY, variables TEXT NOT NULL, "
        "total INTEGER NOT NULL)"
    )
    connection.execute(
        "CREATE TABLE IF NOT EXISTS row (key TEXT NOT NULL, n INTEGER NOT NULL, "
        "binding BLOB NOT NULL, PRIMARY KEY (key, n)) WITHOUT ROWID"
    )
    # a facet: the value of one column in each row of a kept answer, so that the rows of a
    # narrower question (one theme, targets due by a year) are found by index, in order
    connection.execute(
        "CREATE TABLE IF NOT EXISTS facet (key TEXT NOT NULL, name TEXT NOT NULL, "
        "value TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, name, value, n)) "
        "WITHOUT ROWID"
    )
    return connection


def page(path: Path, answer: str, offset: int, limit: int | None) -> Page | None:
    """Rows ``offset`` … ``offset + limit`` of a kept answer, or None when it is not kept."""
    if not path.is_file():
        return None
    try:
        connection = _connect(path)
        try:
            found = connection.execute(
                "SELECT variables, total FROM answer WHERE key = ?", (answer,)
            ).fetchone()
            if found is None:
                return None
            end = found[1] if limit is None else offset + limit
            rows = [
                zlib.decompress(binding).decode("utf-8")
                for (binding,) in connection.execute(
                    "SELECT binding FROM row WHERE key = ? AND n >= ? AND n < ? ORDER BY n",
                    (answer, offset, end),
                )
            ]
            return json.loads(found[0]), rows, int(found[1])
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError, zlib.error):
        return None


def facet_page(
    path: Path,
    answer: str,
    name: str,
    values: list[str] | None,
    offset: int,
    limit: int | None,
    *,
    at_most: str | None = None,
) -> Page | None:
    """Rows ``offset`` … ``offset + limit`` among the rows of a kept answer whose column
    ``name`` holds one of ``values`` (or, with ``at_most``, a value of the same length that
    sorts at most there: four-digit years), in the answer's order, with their count; None
    when the answer or its facet is not kept."""
    if not path.is_file():
        return None
    if values is None and at_most is None:
        raise ValueError("facet_page: give values or at_most")
    try:
        connection = _connect(path)
        try:
            found = connection.execute(
                "SELECT variables FROM answer WHERE key = ?", (answer,)
            ).fetchone()
            if found is None:
                return None
            kept_facet = connection.execute(  # the marker row written with the facet
                "SELECT 1 FROM facet WHERE key = ? AND name = ? AND n = -1", (answer, name)
            ).fetchone()
            if kept_facet is None:
                return None
            if at_most is not None:
                where = "value <= ? AND LENGTH(value) = ?"
                arguments: tuple[object, ...] = (at_most, len(at_most))
            else:
                assert values is not None
                where = f"value IN ({','.join('?' * len(values))})"
                arguments = tuple(values)
            chosen = f"SELECT n FROM facet WHERE key = ? AND name = ? AND n >= 0 AND {where}"
            (count,) = connection.execute(
                f"SELECT COUNT(*) FROM ({chosen})", (answer, name, *arguments)
            ).fetchone()
            page_clause = f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
            rows = [
                zlib.decompress(binding).decode("utf-8")
                for (binding,) in connection.execute(
                    f"SELECT r.binding FROM ({chosen} ORDER BY n{page_clause}) f "
                    "JOIN row r ON r.key = ? AND r.n = f.n ORDER BY f.n",
                    (answer, name, *arguments, answer),
                )
            ]
            return json.loads(found[0]), rows, int(count)
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError, zlib.error):
        return None


def keep(
    path: Path,
    answer: str,
    variables: list[str],
    rows: list[str],
    facets: tuple[str, ...] = (),
) -> bool:
    """Keep an answer's rows (SPARQL JSON bindings, in order), with the values of the
    ``facets`` columns indexed; False when it could not be."""
    if len(rows) > MAX_ROWS:
        return False
    with _WRITING:
        return _write(path, answer, variables, rows, facets)


def _facet_rows(
    answer: str, rows: list[str], facets: tuple[str, ...]
) -> list[tuple[str, str, str, int]]:
    found = [(answer, name, "", -1) for name in facets]  # says the facet is kept
    for n, binding in enumerate(rows):
        terms = json.loads(binding)
        for name in facets:
            term = terms.get(name)
            if term is not None:
                found.append((answer, name, str(term["value"]), n))
    return found


def _write(
    path: Path, answer: str, variables: list[str], rows: list[str], facets: tuple[str, ...] = ()
) -> bool:
    try:
        connection = _connect(path)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("DELETE FROM row WHERE key = ?", (answer,))
            connection.execute("DELETE FROM facet WHERE key = ?", (answer,))
            connection.executemany(
                "INSERT OR IGNORE INTO facet (key, name, value, n) VALUES (?, ?, ?, ?)",
                _facet_rows(answer, rows, facets),
            )
            connection.executemany(
                "INSERT INTO row (key, n, binding) VALUES (?, ?, ?)",
                (
                    (answer, n, zlib.compress(binding.encode("utf-8"), 6))
                    for n, binding in enumerate(rows)
                ),
            )
            connection.execute(
                "INSERT OR REPLACE INTO answer (key, variables, total) VALUES (?, ?, ?)",
                (answer, json.dumps(variables), len(rows)),
            )
            connection.execute("COMMIT")
            return True
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        return False
