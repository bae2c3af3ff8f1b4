"""``plangraph query`` on a graph loaded into a kept store for the first time shows its
answer first and answers the named listings ahead afterwards (``store.answer_ahead``)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from plangraph import answers, cli, search
from plangraph import store as st
from plangraph.sparql import get_query, named_bindings, portable_text, run


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANGRAPH_CACHE", str(folder))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)  # keep even the seed's graph
    monkeypatch.setattr(answers, "MIN_SECONDS", 0.0)  # keep even the quick answers
    return folder


def test_the_answer_comes_before_the_listings_answered_ahead(
    graph: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    shown = cli.print_result
    warm = st._warm

    def printing(*args: object, **kwargs: object) -> None:
        events.append("answer")
        shown(*args, **kwargs)  # type: ignore[arg-type]

    def warming(store: ox.Store, file: Path) -> None:
        events.append("ahead")
        warm(store, file)

    monkeypatch.setattr(cli, "print_result", printing)
    monkeypatch.setattr(st, "_warm", warming)
    result = CliRunner().invoke(
        cli.cli, ["query", "overview", "--format", "json", "--graph", str(graph)]
    )
    assert result.exit_code == 0, result.output
    assert events == ["answer", "ahead"]
    assert json.loads(result.output)["results"]["bindings"]
    assert not st.DEFER_WARM and not st._DEFERRED
    # the listings were answered ahead all the same: kept with the engine's rows
    store = st.open_store(graph)  # the kept store, loaded already: nothing more to do
    assert not st._DEFERRED
    named = get_query("targets")
    text = portable_text(named.text, named_bindings(named, {}), named.source)
    kept = answers.answers_file(store)
    assert kept is not None
    page = answers.page(kept, answers.key(store, text), 0, None)
    assert page is not None
    expected = run(store, named.text, named_bindings(named, {}), named.source)
    assert [json.loads(row) for row in page[1]] == expected.bindings
    index = search.index_path(graph)
    assert index is not None and index.is_file()
    # a second query loads nothing and answers nothing ahead
    events.clear()
    again = CliRunner().invoke(cli.cli, ["query", "overview", "--graph", str(graph)])
    assert again.exit_code == 0 and events == ["answer"]


def test_the_listings_are_answered_ahead_even_when_the_query_fails(
    graph: Path, cache: Path
) -> None:
    result = CliRunner().invoke(cli.cli, ["query", "-e", "SELECT * WHERE {", "--graph", str(graph)])
    assert result.exit_code == 1
    index = search.index_path(graph)
    assert index is not None and index.is_file()
    assert not st._DEFERRED


def test_the_api_answers_ahead_while_opening(graph: Path, cache: Path) -> None:
    store = st.open_store(graph)
    kept = answers.answers_file(store)
    assert kept is not None and kept.is_file()
    assert not st._DEFERRED
