"""Session-scoped fixtures: the seed text, the parsed plans, the corpus, the graph, a runner;
and one Chromium per test module for the browser tests (``browser``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import chromium
from click.testing import CliRunner

from plangraph.model import Corpus, Plan

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"


@pytest.fixture(scope="session", autouse=True)
def _private_store_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Stores kept for large graphs go to a temporary folder, never the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANGRAPH_CACHE", str(tmp_path_factory.mktemp("store-cache")))
        yield


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def plans() -> tuple[Plan, ...]:
    from plangraph.read import read_plans

    return read_plans()


@pytest.fixture(scope="session")
def plan_by_region(plans: tuple[Plan, ...]) -> dict[str, Plan]:
    return {plan.region: plan for plan in plans}


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    from plangraph.api import build_corpus

    return build_corpus()


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The graph file that ``plangraph build`` writes for the bundled plans."""
    from plangraph.api import build

    return build(None, tmp_path_factory.mktemp("graph")).path


@pytest.fixture
def graph(seed_graph_file: Path, tmp_path: Path) -> Path:
    """A copy of the seed's graph file in a folder of its own, for tests that keep a store,
    answers or an index beside it (a module may define its own ``graph``)."""
    import shutil

    copy = tmp_path / "graph" / "plangraph.ttl"
    copy.parent.mkdir()
    shutil.copyfile(seed_graph_file, copy)
    return copy


@pytest.fixture(scope="session")
def seed_turtle(seed_graph_file: Path) -> bytes:
    return seed_graph_file.read_bytes()


@pytest.fixture(scope="session")
def seed_store(seed_graph_file: Path):  # type: ignore[no-untyped-def]
    from plangraph.store import load_store

    return load_store(seed_graph_file)


@pytest.fixture(scope="session")
def seed_graph(seed_graph_file: Path):  # type: ignore[no-untyped-def]
    import rdflib

    graph = rdflib.Graph()
    graph.parse(seed_graph_file, format="turtle")
    return graph


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, network blocked page by page (``browser_helpers.open_page``), one
    per test module; skips with the reason where Chromium is missing."""
    yield from chromium()
