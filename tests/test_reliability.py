"""Reliability: atomic outputs, provenance invariants on generated corpora, clear errors."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench_corpus import generator
from click.testing import CliRunner

from plangraph import files
from plangraph.cli import cli
from plangraph.errors import PlangraphError, ReadError
from plangraph.read import read_plans

PROVENANCE = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
SELECT ?fact ?quote ?qs ?qe ?sentence ?st ?ss ?se ?plantext WHERE {
  ?fact pg:source ?s ; pg:quote ?quote ; pg:start ?qs ; pg:end ?qe .
  ?s pg:text ?sentence ; pg:start ?ss ; pg:end ?se ; pg:inPlan ?p .
  ?p pg:text ?plantext .
  BIND(?s AS ?st)
}"""


def check_provenance(graph_file: Path) -> int:
    """Every quote lies inside its source sentence, and offsets slice the plan text."""
    from plangraph.store import load_store

    store = load_store(graph_file)
    checked = 0
    for row in store.query(PROVENANCE):  # type: ignore[union-attr]
        plan_text = row["plantext"].value
        quote, sentence = row["quote"].value, row["sentence"].value
        qs, qe = int(row["qs"].value), int(row["qe"].value)
        ss, se = int(row["ss"].value), int(row["se"].value)
        assert plan_text[ss:se] == sentence
        assert plan_text[qs:qe] == quote
        assert ss <= qs <= qe <= se, (quote, sentence)
        checked += 1
    sentences = """PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?t ?s ?e ?pt WHERE { ?x a pg:Sentence ; pg:text ?t ; pg:start ?s ; pg:end ?e ;
        pg:inPlan/pg:text ?pt }"""
    for row in store.query(sentences):  # type: ignore[union-attr]
        assert row["pt"].value[int(row["s"].value) : int(row["e"].value)] == row["t"].value
    return checked


def test_provenance_invariant_on_the_seed(seed_graph_file: Path) -> None:
    assert check_provenance(seed_graph_file) > 400


def test_provenance_invariant_on_a_generated_corpus(tmp_path: Path) -> None:
    from plangraph.api import build

    paths = generator().generate(12, tmp_path / "plans", seed=3)
    assert len(paths) >= 1
    result = build([tmp_path / "plans"], tmp_path / "out")
    assert result.plans == 12
    assert check_provenance(result.path) > 12 * 50


def test_generated_corpus_conforms_to_the_shapes(tmp_path: Path) -> None:
    from plangraph.api import build, validate

    generator().generate(4, tmp_path / "plans", seed=11)
    result = build([tmp_path / "plans"], tmp_path / "out")
    report = validate(result.path)
    assert report.conforms, [str(v) for v in report.violations[:5]]


def test_interrupted_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plangraph.ttl"
    target.write_bytes(b"previous")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, b"new content that never lands")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plangraph.ttl"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_killed_build_leaves_the_previous_graph_intact(tmp_path: Path) -> None:
    generator().generate(150, tmp_path / "plans", seed=5)
    out = tmp_path / "out"
    out.mkdir()
    previous = b"@prefix pg: <https://w3id.org/plangraph/ontology#> .\n"
    (out / "plangraph.ttl").write_bytes(previous)
    process = subprocess.Popen(
        [sys.executable, "-m", "plangraph", "build", str(tmp_path / "plans"), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # killed while its workers extract (once it has forked them), or after a second
    deadline = time.monotonic() + 30
    time.sleep(1.0)
    while not _children(process.pid) and process.poll() is None:
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
    workers = _children(process.pid)
    if process.poll() is not None:
        pytest.skip("the build finished before it could be killed")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert (out / "plangraph.ttl").read_bytes() == previous
    leftovers = [p.name for p in out.iterdir() if p.name != "plangraph.ttl"]
    assert all(name.startswith(".plangraph.ttl.") for name in leftovers)
    # nor are its workers left behind, waiting for work and holding their memory
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_unreadable_file_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("某方案", encoding="utf-8")
    original = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ReadError, match="cannot read: Permission denied"):
        read_plans([path])


def test_directory_given_as_graph_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["stats", "--graph", str(tmp_path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_corrupt_graph_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> this is not turtle", encoding="utf-8")
    result = runner.invoke(cli, ["stats", "--graph", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not a valid RDF graph")
    assert len(result.output.strip().splitlines()) == 1


def test_errors_are_plangraph_errors() -> None:
    assert issubclass(ReadError, PlangraphError)


def test_injection_payload_is_only_a_literal(seed_graph_file: Path) -> None:
    from plangraph.api import query
    from plangraph.store import load_store

    payload = '"} ; DROP ALL ; {'
    before = len(load_store(seed_graph_file))
    found = query("search-tasks", seed_graph_file, text=payload)
    assert found.rows == []
    echoed = query("SELECT ?v WHERE { BIND(?x AS ?v) }", seed_graph_file, x=payload)
    assert [row["v"] for row in echoed.rows] == [payload]
    assert len(load_store(seed_graph_file)) == before


def test_update_is_refused(runner: CliRunner, seed_graph_file: Path) -> None:
    result = runner.invoke(cli, ["query", "-e", "DROP ALL", "--graph", str(seed_graph_file)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
