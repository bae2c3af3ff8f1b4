"""A freshly loaded kept store answers the named listings ahead (``warmup.py``): the kept
rows are the engine's, in its order, read back on the first run; the search index is
ready; quadratic and parameter-bound queries are left to be asked."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph import answers, api, search, warmup
from plangraph import store as st
from plangraph.sparql import get_query, named_bindings, named_queries, portable_text, run


@pytest.fixture
def kept(graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ox.Store:
    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)  # keep even the seed's graph
    monkeypatch.setattr(answers, "MIN_SECONDS", 0.0)  # keep even the quick answers
    return st.open_store(graph)  # loaded now: warmed up


def _kept_rows(store: ox.Store, name: str) -> list[dict[str, object]] | None:
    named = get_query(name)
    text = portable_text(named.text, named_bindings(named, {}), named.source)
    path = answers.answers_file(store)
    assert path is not None
    found = answers.page(path, answers.key(store, text), 0, None)
    return None if found is None else [json.loads(row) for row in found[1]]


def test_every_listing_without_parameters_is_kept_with_the_engines_rows(
    kept: ox.Store, seed_store: ox.Store
) -> None:
    asked = set(warmup.QUADRATIC)
    names = [name for name, _ in warmup.default_jobs(kept)]
    assert sorted(names) == sorted(set(named_queries()) - asked - {"search-tasks"})
    assert [name for name, _ in warmup.default_jobs(kept, Path("g.ttl"))][-1] == "search-tasks"
    for name in names:
        named = get_query(name)
        expected = run(seed_store, named.text, named_bindings(named, {}), named.source)
        assert expected.rows, name
        rows = _kept_rows(kept, name)
        assert rows is not None, name
        assert rows == expected.bindings, name
        # and the first run through the API reads that page, with the total
        page = api.query(name, kept, limit=2, offset=1)
        assert page.rows == expected.rows[1:3] and page.total == len(expected.rows), name


def test_the_first_run_reads_the_kept_answer(kept: ox.Store) -> None:
    path = answers.answers_file(kept)
    assert path is not None
    named = get_query("targets")
    key = answers.key(kept, portable_text(named.text, named_bindings(named, {}), named.source))
    marker = json.dumps({"indicator": {"type": "literal", "value": "read back"}}).encode()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE row SET binding = ? WHERE key = ? AND n = 0", (zlib.compress(marker), key)
        )
    assert api.query("targets", kept, limit=1).rows[0]["indicator"] == "read back"


def test_the_search_index_is_built(graph: Path, kept: ox.Store) -> None:
    path = search.index_path(graph)
    assert path is not None and path.is_file()
    found = api.search_tasks("湿地", graph)
    assert found.rows and all("湿地" in str(row["sentence"]) for row in found.rows)


def test_a_failing_answer_is_skipped(
    graph: Path,
    seed_store: ox.Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def jobs(store: ox.Store, graph: Path | None = None) -> list[tuple[str, object]]:
        def fails() -> object:
            raise OSError("disk full")

        return [("overview", fails), ("overview", lambda: None)]

    monkeypatch.setattr(warmup, "default_jobs", jobs)
    assert warmup.warm(seed_store, graph) == ["overview"]
    assert "overview not answered ahead: disk full" in capsys.readouterr().err


def test_nothing_is_answered_ahead_when_turned_off(
    graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANGRAPH_WARM", "off")
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)
    monkeypatch.setattr(answers, "MIN_SECONDS", 0.0)
    store = st.open_store(graph)
    path = answers.answers_file(store)
    assert path is not None and not path.exists()
    index = search.index_path(graph)
    assert index is not None and not index.exists()
