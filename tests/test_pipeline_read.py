"""Reading and extracting on several processes: the same plans, ids, errors and bytes as
in one, whether the workers inherit the plans or are sent them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bench_corpus import generator

from plangraph.errors import ReadError
from plangraph.pipeline import READ_CHUNK, read_inputs
from plangraph.read import read_plans


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More files than two reading chunks, and a copy of one (its id made unique)."""
    found = tmp_path_factory.mktemp("plans")
    paths = generator().generate(2 * READ_CHUNK + 3, found, seed=3)
    shutil.copy(paths[0], found / "zz-copy.txt")
    return found


def test_reading_on_two_processes_gives_the_same_plans(folder: Path) -> None:
    one = read_plans([folder])
    two = read_inputs([folder], workers=2)
    assert len(two) == 2 * READ_CHUNK + 4
    assert two == one
    ids = [plan.id for plan in two]
    assert len(set(ids)) == len(ids)
    # the copy (last chunk) and its original (first chunk) were told apart over all chunks
    assert two[-1].text == two[0].text
    assert ids[-1] != ids[0]


def test_the_first_unreadable_file_raises_as_in_one_process(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "plans"
    shutil.copytree(folder, bad)
    (bad / "0020-empty.txt").write_bytes(b"")  # in the second chunk
    (bad / "0030-empty.txt").write_bytes(b"")
    with pytest.raises(ReadError) as one:
        read_plans([bad])
    with pytest.raises(ReadError) as two:
        read_inputs([bad], workers=2)
    assert type(two.value) is type(one.value)
    assert str(two.value) == str(one.value)
    assert two.value.source is not None and two.value.source.endswith("0020-empty.txt")


def test_inherited_and_pickled_plans_give_the_same_bytes(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plangraph import api, pipeline

    inherited = api.build([folder], tmp_path / "inherited", workers=2, analysis=False)
    monkeypatch.setattr(pipeline, "INHERIT_UP_TO", 0)  # as for a corpus of 10,000 plans
    pickled = api.build([folder], tmp_path / "pickled", workers=2, analysis=False)
    assert inherited.triples == pickled.triples > 0
    assert inherited.path.read_bytes() == pickled.path.read_bytes()


def test_a_large_build_that_lets_its_plans_go_writes_the_same_bytes(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from plangraph import analysis, api, pipeline
    from plangraph.model import Plan

    kept = api.build([folder], tmp_path / "kept", workers=2)
    # as for a corpus of 10,000 plans: the analysis in this process, and the plans and
    # their extraction let go once the analysis has its input
    monkeypatch.setattr(pipeline, "BESIDE_UP_TO", 0)
    analyze_data = analysis.analyze_data
    alive: list[str] = []

    def watched(*args: object, **options: object) -> object:
        gc.unfreeze()  # the build froze what it made: in sight again for get_objects
        alive.extend(o.source for o in gc.get_objects() if type(o) is Plan)
        gc.freeze()
        return analyze_data(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(analysis, "analyze_data", watched)
    gc.collect()  # what the first build left in cycles (it paused the collector)
    let_go = api.build([folder], tmp_path / "let-go", workers=2)
    assert not [source for source in alive if folder.name in source]  # none while analysing
    assert kept.triples == let_go.triples > 0
    assert kept.path.read_bytes() == let_go.path.read_bytes()
