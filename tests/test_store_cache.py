"""Large graphs are kept as an on-disk Oxigraph store between runs (``store.open_store``):
loaded once, reused while the file is unchanged, reloaded when it changes, never required."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

import plangraph
from plangraph import store as st

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(found: ox.Store) -> int:
    return int(plangraph.query(COUNT, found).rows[0]["n"])


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANGRAPH_CACHE", str(folder))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)  # keep even the seed's graph
    monkeypatch.setattr(st, "WARM", False)  # no answers or search index ahead (test_warmup.py)
    return folder


def test_a_kept_store_answers_as_the_file_does(graph: Path, cache: Path) -> None:
    in_memory = count(st.load_store(graph))
    kept = st.open_store(graph)
    assert count(kept) == in_memory > 10_000
    [location] = [p for p in cache.iterdir()]
    assert (location / st.STAMP).is_file()
    with pytest.raises(RuntimeError, match="read-write"):  # read-only: nothing changes it
        kept.add(ox.Quad(ox.NamedNode("http://x"), ox.NamedNode("http://y"), ox.Literal("z")))
    names = {row["name"] for row in plangraph.query("tasks-naming-place", kept).rows}
    assert names == {"太浦河"}


def test_it_is_reused_while_the_file_is_unchanged(
    graph: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = count(st.open_store(graph))

    def no_reload(*args: object) -> None:
        raise AssertionError("reloaded an unchanged graph")

    monkeypatch.setattr(st, "_load_in_process", no_reload)
    assert count(st.open_store(graph)) == expected
    # a new modification time with the same content: the stamp is refreshed, no reload
    info = graph.stat()
    os.utime(graph, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    assert count(st.open_store(graph)) == expected


def test_it_is_reloaded_when_the_file_changes(graph: Path, cache: Path) -> None:
    before = count(st.open_store(graph))
    with graph.open("a", encoding="utf-8") as out:
        out.write('\n<http://example.org/a> <http://example.org/b> "c" .\n')
    assert count(st.open_store(graph)) == before + 1
    assert [p.name for p in cache.iterdir() if ".loading" in p.name] == []


def test_small_graphs_and_cache_off_stay_in_memory(
    graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANGRAPH_CACHE", str(folder))
    assert graph.stat().st_size < st.CACHE_MIN_BYTES
    assert count(st.open_store(graph)) > 0 and not folder.exists()
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)
    monkeypatch.setenv("PLANGRAPH_CACHE", "off")
    assert st.cache_folder() is None
    assert count(st.open_store(graph)) > 0 and not folder.exists()


def test_an_unwritable_cache_falls_back_to_memory(
    graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("PLANGRAPH_CACHE", str(blocker))
    monkeypatch.setattr(st, "CACHE_MIN_BYTES", 0)
    assert count(st.open_store(graph)) == count(st.load_store(graph))


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANGRAPH_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert st.cache_folder() == tmp_path / "plangraph"
    monkeypatch.setenv("PLANGRAPH_CACHE", str(tmp_path / "elsewhere"))
    assert st.cache_folder() == tmp_path / "elsewhere"
