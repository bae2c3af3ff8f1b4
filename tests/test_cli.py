"""The command line: build, export, stats, version, help, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from plangraph import __version__
from plangraph.cli import cli


def test_build_writes_the_graph_and_a_summary(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "3 plans, 21 sections, 66 tasks" in result.output
    graph = rdflib.Graph().parse(tmp_path / "plangraph.ttl", format="turtle")
    assert len(graph) > 1000
    assert not list(tmp_path.glob(".plangraph.ttl.*")), "temporary file left behind"


@pytest.mark.parametrize(("fmt", "parser"), [("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")])
def test_export_formats_parse_back(
    runner: CliRunner, tmp_path: Path, seed_graph_file: Path, fmt: str, parser: str
) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(
        cli, ["export", "--format", fmt, "-o", str(out), "--graph", str(seed_graph_file)]
    )
    assert result.exit_code == 0, result.output
    reference = rdflib.Graph().parse(seed_graph_file, format="turtle")
    if fmt == "jsonld":  # rdflib's JSON-LD parser warns about its own deprecations
        assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)
        parsed = list(ox.parse(path=str(out), format=ox.RdfFormat.JSON_LD))
        assert len(set(map(str, parsed))) == len(reference)
    else:
        assert isomorphic(rdflib.Graph().parse(out, format=parser), reference)


def test_export_is_byte_identical_on_rerun(
    runner: CliRunner, tmp_path: Path, seed_graph_file: Path
) -> None:
    first = runner.invoke(cli, ["export", "--format", "ttl", "--graph", str(seed_graph_file)])
    second = runner.invoke(cli, ["export", "--format", "ttl", "--graph", str(seed_graph_file)])
    assert first.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes
    assert first.stdout_bytes == seed_graph_file.read_bytes()


def test_stats_counts_the_seed(runner: CliRunner, seed_graph_file: Path) -> None:
    result = runner.invoke(cli, ["stats", "--graph", str(seed_graph_file)])
    assert result.exit_code == 0, result.output
    counts = dict(line.split() for line in result.output.splitlines())
    assert counts["Region"] == "3"
    assert counts["Plan"] == "3"
    assert counts["Section"] == "21"
    assert counts["Task"] == "66"
    assert int(counts["Sentence"]) > 300


def test_commands_build_the_default_graph_when_missing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 0, result.output
    assert "built it from the bundled plans" in result.output
    assert (tmp_path / "out" / "plangraph.ttl").is_file()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.output.strip() == f"plangraph, version {__version__}"


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    for name in cli.commands:  # type: ignore[attr-defined]
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("一段没有章节的文字。".encode(), "no recognisable plan"),
    ],
)
def test_bad_input_is_one_line_exit_1(
    runner: CliRunner, tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert expected in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}")
    assert "Traceback" not in result.output
    assert not out.exists()


def test_missing_input_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_a_failed_build_keeps_the_previous_graph(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["build", "-o", str(tmp_path)]).exit_code == 0
    before = (tmp_path / "plangraph.ttl").read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert runner.invoke(cli, ["build", str(bad), "-o", str(tmp_path)]).exit_code == 1
    assert (tmp_path / "plangraph.ttl").read_bytes() == before


def test_strict_turns_count_mismatches_into_errors(
    runner: CliRunner, tmp_path: Path, seed_text: str
) -> None:
    text = seed_text.replace("6方面、22项主要任务", "6方面、23项主要任务", 1)
    path = tmp_path / "plans-2025.txt"
    path.write_text(text, encoding="utf-8")
    loose = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "a")])
    assert loose.exit_code == 0
    assert "states 23 tasks but 22 were found" in loose.output
    strict = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "b"), "--strict"])
    assert strict.exit_code == 1
    assert "京津冀美丽中国先行区建设行动方案" in strict.output
    assert not (tmp_path / "b").exists()


def test_unknown_graph_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["stats", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1
    assert "no such graph file" in result.output


def test_public_api_names_stay_callable_after_every_submodule_is_imported() -> None:
    """A submodule named like an API function would replace it on the package."""
    import importlib
    import pkgutil

    import plangraph

    for module in pkgutil.walk_packages(plangraph.__path__, "plangraph."):
        if module.name != "plangraph.__main__":
            importlib.import_module(module.name)
    for name in plangraph.__all__:
        assert callable(getattr(plangraph, name)), name
