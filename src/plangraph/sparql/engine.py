"""Running a query on Oxigraph (pages of rows, kept answers of kept stores), and the graph
files opened once per process."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from .. import answers
from ..errors import QueryError
from ..graph import PREFIXES
from ..results import QueryResult, _json_term
from . import derived, pairs
from .params import Binding
from .text import portable_text, query_form

# --------------------------------------------------------------------------- running


def run(
    store: ox.Store,
    text: str,
    bindings: Mapping[str, Binding] | None = None,
    source: str = "query",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run one read-only query on a pyoxigraph store, parameters bound as VALUES.

    With ``limit`` (or an ``offset``) a SELECT returns one page of its rows, and ``total``
    says how many there are in all: the engine's solutions are counted as they stream by,
    and only the page's are converted (about 1 µs a row instead of 10–60).
    """
    bound = portable_text(text, bindings or {}, source)
    started = time.perf_counter()
    kept = answers.answers_file(store)
    if kept is not None and answers.keeps(bound) and query_form(bound) == "SELECT":
        fast = _fast_answer(store, kept, text, bindings or {}, source, limit, max(offset, 0))
        if fast is not None:
            return fast
        facets = derived.facets_of(source, text)
        return _kept_answer(store, kept, bound, source, limit, max(offset, 0), facets)
    try:
        result = store.query(bound, prefixes=PREFIXES)
        if isinstance(result, ox.QueryBoolean):
            data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
            return QueryResult(
                "ask", [], data, boolean=bool(result), seconds=time.perf_counter() - started
            )
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            if limit is None and offset <= 0:
                data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
                return QueryResult("select", variables, data, seconds=time.perf_counter() - started)
            data, total = _page(result, variables, max(offset, 0), limit)
            return QueryResult(
                "select",
                variables,
                data,
                seconds=time.perf_counter() - started,
                total=total,
                offset=max(offset, 0),
            )
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
        return QueryResult(
            "graph",
            ["subject", "predicate", "object"],
            data,
            seconds=time.perf_counter() - started,
        )
    except SyntaxError as error:
        raise QueryError(f"invalid SPARQL: {_one_line(error)}", source=source) from None
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(f"query failed: {_one_line(error)}", source=source) from None


def _fast_answer(
    store: ox.Store,
    kept: Path,
    text: str,
    bindings: Mapping[str, Binding],
    source: str,
    limit: int | None,
    offset: int,
) -> QueryResult | None:
    """A named query's scoped answer read from what the kept store keeps beside it (a wider
    kept answer, the task-pair table), or None to evaluate it."""
    found = derived.page(store, kept, text, bindings, source, limit, offset)
    if found is None:
        found = pairs.page(store, kept, text, bindings, source, limit, offset)
    return found


def _kept_answer(
    store: ox.Store,
    kept: Path,
    bound: str,
    source: str,
    limit: int | None,
    offset: int,
    facets: tuple[str, ...] = (),
) -> QueryResult:
    """A SELECT on a kept store: the page from the kept answer, else the answer computed,
    kept (when it took a while) and paged."""
    started = time.perf_counter()
    key = answers.key(store, bound)
    found = answers.page(kept, key, offset, limit)
    if found is None:
        try:
            result = store.query(bound, prefixes=PREFIXES)
            assert isinstance(result, ox.QuerySolutions)
            variables = [v.value for v in result.variables]
            data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
        except SyntaxError as error:
            raise QueryError(f"invalid SPARQL: {_one_line(error)}", source=source) from None
        except (OSError, RuntimeError, ValueError) as error:
            raise QueryError(f"query failed: {_one_line(error)}", source=source) from None
        rows = [
            json.dumps(row, ensure_ascii=False, separators=(",", ":"))
            for row in json.loads(data)["results"]["bindings"]
        ]
        if time.perf_counter() - started >= answers.MIN_SECONDS:
            answers.keep(kept, key, variables, rows, facets)
        end = None if limit is None else offset + limit
        found = variables, rows[offset:end], len(rows)
    variables, rows, total = found
    return QueryResult.page(variables, rows, total, offset, limit, time.perf_counter() - started)


def _page(
    solutions: ox.QuerySolutions, variables: list[str], offset: int, limit: int | None
) -> tuple[bytes, int]:
    """SPARQL JSON for rows ``offset`` … ``offset + limit`` of the solutions, and their count."""
    end = None if limit is None else offset + limit
    rows = []
    total = 0
    for solution in solutions:
        if total >= offset and (end is None or total < end):
            rows.append(
                {
                    name: _json_term(solution[name])
                    for name in variables
                    if solution[name] is not None
                }
            )
        total += 1
    document = {"head": {"vars": variables}, "results": {"bindings": rows}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8"), total


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


# --------------------------------------------------------------------------- stores

_STORES: dict[tuple[str, int, int], ox.Store] = {}


def cached_store(path: str | os.PathLike[str]) -> ox.Store:
    """The graph file opened in Oxigraph, kept in this process while the file is unchanged
    (notebooks); large graphs are also kept on disk between runs (``store.open_store``)."""
    from ..store import open_store

    file = Path(path)
    try:
        info = file.stat()
    except OSError:
        return open_store(file)  # raises the GraphError that names the problem
    key = (str(file.resolve()), info.st_mtime_ns, info.st_size)
    store = _STORES.get(key)
    if store is None:
        store = open_store(file)
        _STORES.clear()
        _STORES[key] = store
    return store
