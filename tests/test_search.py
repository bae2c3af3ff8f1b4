"""Full-text search (search.py): the FTS5 trigram index gives search-tasks' rows exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from plangraph import api
from plangraph.cli import cli
from plangraph.errors import QueryError
from plangraph.search import index_path, search
from plangraph.sparql import get_query, named_bindings, run


def sparql_rows(store: ox.Store, text: str) -> list[dict[str, dict[str, str]]]:
    named = get_query("search-tasks")
    return run(store, named.text, named_bindings(named, {"text": text}), named.source).bindings


@pytest.fixture()
def graph(seed_graph_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "plangraph.ttl"
    shutil.copyfile(seed_graph_file, copy)
    return copy


NEEDLES = [
    "湿地",
    "无废城市",
    "太浦河",
    "VOCs",
    "vocs",
    "pm2.5",
    "水",
    "5G",
    "%",
    "_",
    "生态环境质量",
]


@pytest.mark.parametrize("needle", NEEDLES)
def test_the_index_answers_as_the_sparql_query(
    graph: Path, seed_store: ox.Store, needle: str
) -> None:
    assert search(graph, needle).bindings == sparql_rows(seed_store, needle)


def test_every_substring_of_a_task_sentence_is_found(graph: Path, seed_store: ox.Store) -> None:
    sentence = sparql_rows(seed_store, "太浦河")[0]["sentence"]["value"]
    for size in (1, 2, 3, 5):
        for start in range(0, len(sentence) - size, 7):
            needle = sentence[start : start + size]
            if needle.strip():
                assert search(graph, needle).bindings == sparql_rows(seed_store, needle), needle


def test_known_answers(graph: Path) -> None:
    found = search(graph, "太浦河")
    assert [(r["plan_id"], r["task"]) for r in found.rows] == [("yrd-2025", 5), ("yrd-2025", 21)]
    page = search(graph, "水", limit=10, offset=5)
    every = search(graph, "水")
    assert page.total == len(every) == 51 and page.rows == every.rows[5:15]
    with pytest.raises(QueryError, match="expected some text"):
        search(graph, "  ")


def test_the_index_is_kept_and_rebuilt_when_the_graph_changes(graph: Path) -> None:
    kept = index_path(graph)
    assert kept is not None
    search(graph, "湿地")
    assert kept.is_file()
    before = kept.stat().st_mtime_ns
    search(graph, "湿地")
    assert kept.stat().st_mtime_ns == before  # reused
    text = graph.read_text(encoding="utf-8")
    graph.write_text(text.replace("太浦河", "太浦江"), encoding="utf-8")
    assert len(search(graph, "太浦江")) == 2 and len(search(graph, "太浦河")) == 0


def test_an_abandoned_half_built_index_is_removed(graph: Path) -> None:
    kept = index_path(graph)
    assert kept is not None
    kept.parent.mkdir(parents=True, exist_ok=True)
    abandoned = kept.with_name(f"{kept.name}.building-999999999")  # no such process
    abandoned.write_bytes(b"")
    search(graph, "湿地")
    assert not abandoned.exists()


def test_without_a_cache_the_index_is_built_in_memory(
    graph: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANGRAPH_CACHE", "off")
    assert index_path(graph) is None
    assert len(search(graph, "无废城市")) == 7


def test_the_cli_and_api_use_the_index(graph: Path) -> None:
    assert (
        api.search_tasks("无废城市", graph).rows
        == api.query("search-tasks", graph, text="无废城市").rows
    )
    out = CliRunner().invoke(
        cli, ["query", "search-tasks", "-p", "text=无废城市", "-f", "table", "--graph", str(graph)]
    )
    assert out.exit_code == 0 and out.output.endswith("(7 rows)\n"), out.output
