"""The command line: build, export, stats, version, help, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import click
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


@pytest.mark.parametrize("command", ["analyze", "stats", "validate", "export"])
def test_a_usage_error_builds_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """``plangraph analyze out2/plangraph.ttl`` (the graph given without --graph) is refused
    before the default graph is built: the command line is checked first."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, [command, "elsewhere/plangraph.ttl"])
    assert result.exit_code == 2
    assert "unexpected extra argument (elsewhere/plangraph.ttl)" in result.output
    assert "built it" not in result.output
    assert not (tmp_path / "out").exists()


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


# --------------------------------------------------------------------------- the shared options


def test_key_value_parameters_split_at_the_first_equals_sign() -> None:
    from plangraph.cli_options import KEY_VALUE

    assert KEY_VALUE.convert(" place =太浦河", None, None) == ("place", "太浦河")
    assert KEY_VALUE.convert("q=a=b", None, None) == ("q", "a=b")
    assert KEY_VALUE.convert("empty=", None, None) == ("empty", "")
    assert KEY_VALUE.convert(("year", "2027"), None, None) == ("year", "2027")
    for bad in ("novalue", "=value", " =x"):
        with pytest.raises(click.BadParameter, match="expected KEY=VALUE"):
            KEY_VALUE.convert(bad, None, None)


def test_a_command_that_needs_no_graph_builds_none(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shown = runner.invoke(cli, ["query", "targets-due-by", "-p", "year=2030", "--show-sparql"])
    assert shown.exit_code == 0, shown.output
    assert "VALUES ?year" in shown.output
    assert runner.invoke(cli, ["query", "--list"]).exit_code == 0
    assert runner.invoke(cli, ["query"]).exit_code == 2
    assert runner.invoke(cli, ["stats", "--bogus"]).exit_code == 2
    assert not (tmp_path / "out").exists()


def test_the_default_graph_is_built_once_and_said_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = runner.invoke(cli, ["targets", "--plan", "gba-2025", "-f", "csv"])
    assert first.exit_code == 0, first.output
    note = "note: out/plangraph.ttl was missing; built it from the bundled plans\n"
    assert first.stderr == note
    assert first.stdout.startswith("region,plan_id,in,indicator,value,unit,comparator,")
    assert ",建成“无废城市”数量,2,个,Exactly," in first.stdout  # 力争建成2个“无废城市”
    again = runner.invoke(cli, ["targets", "--plan", "gba-2025", "-f", "csv"])
    assert again.stderr == "" and again.stdout == first.stdout


def test_targets_and_query_share_the_output_formats(
    runner: CliRunner, seed_graph_file: Path
) -> None:
    graph = ["--graph", str(seed_graph_file)]
    xml = runner.invoke(cli, ["targets", "--plan", "gba-2025", "-f", "xml", *graph])
    assert xml.exit_code == 0, xml.output
    assert xml.stdout.startswith('<?xml version="1.0"?><sparql')
    same = runner.invoke(cli, ["query", "targets", "-p", "plan=gba-2025", "-f", "xml", *graph])
    assert same.stdout == xml.stdout
    turtle = runner.invoke(cli, ["targets", "-f", "ttl", *graph])  # rows only: not offered
    assert turtle.exit_code == 2
    assert "'ttl' is not one of 'table', 'csv', 'tsv', 'json', 'xml'" in turtle.output
    # each command keeps its own default cell width: 40 for targets, 60 for query
    widths = {
        name: next(p.default for p in cli.commands[name].params if p.name == "width")  # type: ignore[attr-defined]
        for name in ("targets", "query")
    }
    assert widths == {"targets": 40, "query": 60}


def test_parameters_named_like_the_api_arguments_bind_variables(
    runner: CliRunner, seed_graph_file: Path
) -> None:
    """-p limit=3 once collided with api.query's own limit argument (a traceback)."""
    sparql = "SELECT ?limit ?graph ?bindings WHERE {}"
    args = ["query", "-e", sparql, "-p", "limit=3", "-p", "graph=g", "-p", "bindings=b"]
    result = runner.invoke(cli, [*args, "-f", "csv", "--graph", str(seed_graph_file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["limit,graph,bindings", "3,g,b"]
    shown = runner.invoke(
        cli, ["query", "-e", "SELECT ?name_or_sparql {}", "-p", "name_or_sparql=x", "--show-sparql"]
    )
    assert shown.stdout == 'SELECT ?name_or_sparql { VALUES ?name_or_sparql { "x" } }\n'
    assert runner.invoke(cli, [*args, "--show-sparql"]).stdout == (
        'SELECT ?limit ?graph ?bindings WHERE { VALUES ?limit { "3" } VALUES ?graph { "g" } '
        'VALUES ?bindings { "b" } }\n'
    )
