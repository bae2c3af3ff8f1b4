"""Answers kept beside a kept store (``answers.py``): the same rows, in the same order, with
the same totals as the engine gives; read back instead of evaluated; gone with the store
when the graph changes; never required."""

from __future__ import annotations

import importlib
import json
import sqlite3
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pytest

from plangraph import answers, api
from plangraph import store as st
from plangraph.sparql import named_queries

PARAMS: dict[str, dict[str, str]] = {"search-tasks": {"text": "湿地"}}
QUICK = "SELECT ?id WHERE { ?p pg:identifier ?id } ORDER BY ?id"


@pytest.fixture
def kept(graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ox.Store:
    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)  # keep even the seed's graph
    monkeypatch.setattr(answers, "MIN_SECONDS", 0.0)  # keep even the quick answers
    monkeypatch.setattr(st, "WARM", False)  # nothing answered ahead (test_warmup.py)
    return st.open_store(graph)


def _run(name: str, store: ox.Store, **paging: int) -> tuple[list[dict[str, object]], int | None]:
    # sparql.run directly: api.query would answer search-tasks from the full-text index
    from plangraph.sparql import get_query, named_bindings, run

    named = get_query(name)
    bindings = named_bindings(named, PARAMS.get(name, {}))
    found = run(store, named.text, bindings, named.source, **paging)  # type: ignore[arg-type]
    return found.rows, found.total


def test_every_named_query_answers_the_same_from_kept_answers(
    kept: ox.Store, seed_store: ox.Store
) -> None:
    path = answers.answers_file(kept)
    assert path is not None and path.parent == next(path.parent.parent.iterdir())
    for name in named_queries():
        expected, _ = _run(name, seed_store)
        assert expected, name
        for _ in range(2):  # computed and kept, then read back
            assert _run(name, kept) == (expected, None), name
            page = _run(name, kept, limit=3, offset=2)
            assert page == (expected[2:5], len(expected)), name
            assert _run(name, kept, limit=50, offset=len(expected)) == ([], len(expected))
    with sqlite3.connect(path) as connection:
        kept_answers = connection.execute("SELECT COUNT(*) FROM answer").fetchone()[0]
    assert kept_answers == len(named_queries())


def test_a_kept_answer_is_read_back_not_evaluated(kept: ox.Store) -> None:
    first = api.query(QUICK, kept, limit=2)
    assert [r["id"] for r in first.rows] == ["gba-2025", "jjj-2025"] and first.total == 3
    path = answers.answers_file(kept)
    assert path is not None
    marker = json.dumps({"id": {"type": "literal", "value": "read back"}}).encode()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE row SET binding = ? WHERE n = 1", (zlib.compress(marker),))
    again = api.query(QUICK, kept, limit=2)
    assert [r["id"] for r in again.rows] == ["gba-2025", "read back"] and again.total == 3
    # another text (another parameter value, here another LIMIT) is another answer
    other = api.query(QUICK + " LIMIT 2", kept)
    assert [r["id"] for r in other.rows] == ["gba-2025", "jjj-2025"]


def test_answers_go_with_the_store_when_the_graph_changes(graph: Path, kept: ox.Store) -> None:
    assert api.query(QUICK, kept).total is None
    assert len(api.query(QUICK, kept)) == 3
    with graph.open("a", encoding="utf-8") as out:
        out.write(
            "\n<https://w3id.org/plangraph/id/plan/zz-2030> "
            '<https://w3id.org/plangraph/ontology#identifier> "zz-2030" .\n'
        )
    fresh = st.open_store(graph)
    found = api.query(QUICK, fresh, limit=10)
    assert [r["id"] for r in found.rows][-1] == "zz-2030" and found.total == 4
    # the store object opened before the change keeps to its own graph's answers
    assert answers.answers_file(kept) == answers.answers_file(fresh)
    assert answers.key(kept, QUICK) != answers.key(fresh, QUICK)


def test_volatile_queries_and_other_stores_are_never_kept(
    kept: ox.Store, seed_store: ox.Store
) -> None:
    assert not answers.keeps("SELECT (NOW() AS ?t) WHERE {}")
    assert not answers.keeps("SELECT (rand() AS ?r) WHERE {}")
    assert not answers.keeps("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    assert answers.keeps(QUICK)
    api.query("SELECT (STRUUID() AS ?u) WHERE {}", kept)
    path = answers.answers_file(kept)
    assert path is not None and not path.exists()
    assert answers.answers_file(seed_store) is None  # a store the user made: never kept


def test_a_damaged_answers_file_only_means_computing_again(kept: ox.Store) -> None:
    path = answers.answers_file(kept)
    assert path is not None
    path.write_bytes(b"not an SQLite database" * 100)
    found = api.query(QUICK, kept, limit=1)
    assert [r["id"] for r in found.rows] == ["gba-2025"] and found.total == 3


def _benchmark(name: str) -> ModuleType:
    folder = Path(__file__).resolve().parent.parent / "benchmarks"
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))


def test_the_cli_benchmark_times_every_named_query(seed_graph_file: Path) -> None:
    cli_queries = _benchmark("cli_queries")
    runs = cli_queries.runs_for("yrd-2025")
    assert {label.split()[0] for label, _ in runs} == set(named_queries())
    assert ("targets plan={plan}", ["targets", "-p", "plan=yrd-2025"]) in runs
    found = cli_queries.time_queries(seed_graph_file, "yrd-2025", runs=1, only={"overview"})
    assert list(found) == ["overview"]
    assert found["overview"]["footer"] == "(3 rows)" and found["overview"]["first"] > 0
    assert found["overview"]["help"] > 0


def test_the_cli_benchmark_picks_frequent_values_and_gives_a_verdict(
    seed_graph_file: Path,
) -> None:
    cli_queries = _benchmark("cli_queries")
    frequent = cli_queries.frequent_params(seed_graph_file)
    # read from the seed: 香港 is the place its tasks name most, 2030 its latest target year
    assert frequent["tasks-naming-place"] == [{"place": "香港"}]
    assert frequent["targets-due-by"] == [{"year": "2030"}]
    assert frequent["shared-themes"][1] == {"strength": "main"}
    runs = dict(cli_queries.runs_for("yrd-2025", frequent))
    assert runs["tasks-naming-place place=香港"] == ["tasks-naming-place", "-p", "place=香港"]
    assert cli_queries.verdict_of(0.1, 0.2) == "ok"
    assert cli_queries.verdict_of(0.4, 0.2) == "first over 300 ms"
