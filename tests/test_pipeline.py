"""The streaming build: the same bytes as one canonical list, for any number of workers."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pyoxigraph as ox
import pytest
from bench_corpus import generator
from click.testing import CliRunner

from plangraph import api
from plangraph.analysis import analysis_triples, analyze
from plangraph.analysis.corpus import from_corpus
from plangraph.analysis.project import GraphData, load
from plangraph.cli import cli
from plangraph.graph import canonical_items, corpus_items, plan_iri, to_oxigraph, write_turtle
from plangraph.model import Corpus
from plangraph.pipeline import CHUNK, merge_extractions
from plangraph.turtle import make_run

ROOT = Path(__file__).resolve().parent.parent


def one_list(inputs: list[Path] | None, analysis: bool) -> bytes:
    """The graph written the simple way: every triple in one canonical list, one writer."""
    from plangraph.extract import extract
    from plangraph.read import read_plans

    plans = read_plans(inputs)
    chunks = [plans[i : i + CHUNK] for i in range(0, len(plans), CHUNK)]
    corpus = Corpus(plans, merge_extractions([extract(chunk) for chunk in chunks]))
    items = corpus_items(corpus)
    if analysis:
        store = ox.Store()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(items))
        items = corpus_items(corpus, extra=analysis_triples(analyze(store)))
    out = io.BytesIO()
    write_turtle(items, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 generated plans (three chunks) and a copy of the first: plan ids x and x-2, whose
    subjects interleave in the canonical order (x < x-2 < x/section/1)."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = generator().generate(20, folder, seed=5)
    shutil.copy(paths[0], folder / "zz-copy.txt")
    return folder


def test_seed_build_equals_one_canonical_list(seed_turtle: bytes) -> None:
    assert seed_turtle == one_list(None, analysis=True)


def test_interleaved_plan_ids_are_merged_in_order(corpus_folder: Path, tmp_path: Path) -> None:
    result = api.build([corpus_folder], tmp_path, workers=1, analysis=False)
    text = result.path.read_bytes()
    assert text == one_list([corpus_folder], analysis=False)
    ids = [line for line in text.decode().splitlines() if line.startswith(f"<{plan_iri('')}")]
    assert any(line.split()[0].endswith("-2>") for line in ids)  # the copy is there


def test_workers_and_hash_seeds_give_identical_bytes(corpus_folder: Path, tmp_path: Path) -> None:
    one = api.build([corpus_folder], tmp_path / "one", workers=1)
    two = api.build([corpus_folder], tmp_path / "two", workers=2)
    assert one.triples == two.triples
    # the forked analyses' spool files are gone with the build
    assert [p.name for p in (tmp_path / "two").iterdir()] == ["plangraph.ttl"]
    first = one.path.read_bytes()
    assert first == two.path.read_bytes()
    assert first == one_list([corpus_folder], analysis=True)
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / f"hash{seed}"
        command = [sys.executable, "-m", "plangraph", "build", str(corpus_folder), "-o", str(out)]
        subprocess.run([*command, "--workers", "2", "--quiet"], check=True, env=env)
        assert (out / "plangraph.ttl").read_bytes() == first


def test_runs_are_cut_at_subjects(corpus: Corpus) -> None:
    items = canonical_items(corpus_items(corpus))
    run = make_run(items)
    assert run.triples == len(items)
    assert len(run.subjects) == len(run.lengths) == len({s for s, _, _ in items})
    offset = 0
    for subject, length in zip(run.subjects, run.lengths, strict=True):
        block = run.body[offset : offset + length].decode("utf-8")
        assert block.startswith(f"<{subject}>") or block.split()[0].count(":") == 1
        assert block.endswith(" .\n")
        offset += length
    assert offset == len(run.body)


def test_analysis_input_from_the_corpus_equals_the_store_projection(
    corpus: Corpus, seed_store: ox.Store
) -> None:
    direct, projected = from_corpus(corpus), load(seed_store)
    for field in fields(GraphData):
        if field.name in ("labels", "labels_en"):
            continue  # the store also holds the analysis results' labels (Community 1 …)
        assert getattr(direct, field.name) == getattr(projected, field.name), field.name
    for iri, label in direct.labels.items():
        assert projected.labels[iri] == label
    assert {k: v for k, v in projected.labels.items() if "/analysis/" not in k} == direct.labels


def test_build_quiet_and_workers_options(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "-o", str(tmp_path), "--quiet", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 plans" in result.output and "\r" not in result.output  # no bar off a terminal
    refused = runner.invoke(cli, ["build", "-o", str(tmp_path), "--workers", "0"])
    assert refused.exit_code == 2


def test_light_analysis_leaves_out_text_reuse_and_text_links(
    corpus_folder: Path, tmp_path: Path
) -> None:
    from plangraph.pipeline import LIGHT_ABOVE, build_to
    from plangraph.read import read_plans

    assert LIGHT_ABOVE >= 1000  # the 1,000-plan default keeps every analysis
    plans = read_plans([corpus_folder])
    full = build_to(plans, (), tmp_path / "full.ttl", light=False)
    light = build_to(plans, (), tmp_path / "light.ttl", light=True)
    assert full.analysis and light.analysis
    assert full.analysis.reuse.passages and not light.analysis.reuse.passages
    assert full.analysis.linkages.of_kind("text") and not light.analysis.linkages.of_kind("text")
    assert light.analysis.linkages.of_kind("theme") == full.analysis.linkages.of_kind("theme")
    text = (tmp_path / "light.ttl").read_text(encoding="utf-8")
    assert "pg:TextReuse" not in text and "pg:TextLink" not in text and "pg:ThemeLink" in text


REAL = ROOT.parent / "shared" / "real-plans"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-plans is missing")
def test_analysis_input_of_a_plan_with_nested_tasks_equals_the_store_projection() -> None:
    # 呼和浩特's 第X节 sections hold numbered items 1. 2. …, which are tasks of their own
    # (pg:Task pg:hasTask pg:Task): the build's analysis must see them as the store does
    corpus = api.build_corpus([REAL / "hohhot-eco-environment-14fyp.txt"])
    assert any(task.subtasks for plan in corpus.plans for task in plan.tasks)
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(corpus_items(corpus))
    )
    direct, projected = from_corpus(corpus), load(store)
    assert len(direct.tasks) == len(projected.tasks) > len(corpus.plans[0].tasks)
    for field in fields(GraphData):
        if field.name not in ("labels", "labels_en"):
            assert getattr(direct, field.name) == getattr(projected, field.name), field.name


def test_shared_items_leave_out_only_plan_facts() -> None:
    """shared_items no longer writes the mentions it used to drop: the same shared triples."""
    from plangraph.graph import corpus as graph_corpus
    from plangraph.graph import facts, items, summaries

    corpus = api.build_corpus()
    everything = items._Triples()
    everything.items = graph_corpus._SharedOnly()
    facts._extraction(everything, corpus)
    summaries._summaries(everything, corpus)
    facts._theme_scheme(everything)
    expected = canonical_items(everything.items)
    assert len(expected) > 1000
    assert graph_corpus.shared_items(corpus) == expected


def test_analysis_runs_in_the_pool_equal_those_made_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from plangraph import analysis_runs as runs
    from plangraph.analysis import analysis_groups, analyze_data
    from plangraph.analysis.results import group_sources

    corpus = api.build_corpus()
    found = analyze_data(from_corpus(corpus))
    groups = list(analysis_groups(found))
    monkeypatch.setattr(runs, "ANALYSIS_BATCH", 300)
    assert len(list(runs._batches(groups))) > 4
    alone = list(runs.analysis_runs(groups, workers=1))
    pooled = list(runs.analysis_runs(iter(groups), workers=2))
    assert alone == pooled
    assert alone == [make_run(canonical_items(group)) for group in groups]
    # each forked worker making its own share of the groups: the same runs, in order
    assert len(runs._source_batches(group_sources(found))) > 4
    assert list(runs.result_runs(found, workers=2)) == alone
    assert list(runs.result_runs(found, workers=1)) == alone


def test_runs_made_ahead_and_the_prewritten_half_give_identical_bytes(
    corpus_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some of the reuse's runs made by the main process while it waits for the text
    linkages (here: one batch of a few groups), the extracted half of the Turtle merged in
    a fork meanwhile (never falling back to one merge): the bytes of one process."""
    from plangraph import analysis_runs, pipeline, turtle

    one = api.build([corpus_folder], tmp_path / "one", workers=1)
    made: list[int] = []

    def one_batch(folder: Path, prefix: str, found: object, waiting: object) -> object:
        calls = iter([True])
        spooled, done = meanwhile(folder, prefix, found, lambda: next(calls, False))
        made.append(done)
        return spooled, done

    def no_merge(*args: object) -> None:
        raise AssertionError("the prewritten half was not used")

    meanwhile = pipeline.reuse_meanwhile
    monkeypatch.setattr(pipeline, "reuse_meanwhile", one_batch)
    monkeypatch.setattr(analysis_runs, "ANALYSIS_BATCH", 200)
    monkeypatch.setattr(turtle, "merge_runs", no_merge)
    two = api.build([corpus_folder], tmp_path / "two", workers=2)
    assert two.path.read_bytes() == one.path.read_bytes()
    assert two.triples == one.triples
    assert [p.name for p in (tmp_path / "two").iterdir()] == ["plangraph.ttl"]
    assert made and 0 < made[0] < len(one_list_reuse_groups(two.path))


def one_list_reuse_groups(path: Path) -> list[bytes]:
    """The reused passages' nodes in a graph file (one line each)."""
    return [
        line
        for line in path.read_bytes().splitlines()
        if line.startswith(b"<https://w3id.org/plangraph/id/analysis/reuse/")
    ]


def test_one_plan_builds_with_its_analysis(runner: CliRunner, tmp_path: Path) -> None:
    # one plan alone shares no passage with another: the analysis has nothing to pair, and
    # says so instead of failing (the seed's 京津冀 plan, its own file)
    seed = Path(api.__file__).parent / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"
    lines = seed.read_text(encoding="utf-8").splitlines()
    start = lines.index("京津冀美丽中国先行区建设行动方案")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].endswith("行动方案"))
    plan = tmp_path / "jjj.txt"
    plan.write_text("\n".join(lines[start:end]) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(plan), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 plans" in result.output
    assert "pg:TextReuse" not in (tmp_path / "out" / "plangraph.ttl").read_text(encoding="utf-8")
