"""The command line on hostile input: one line, exit status 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from plangraph.cli import cli
from plangraph.errors import ReadError
from plangraph.read import read_plans


def _paths(command: click.Command) -> list[tuple[str, click.Path]]:
    return [
        (f"{command.name} {param.name}", param.type)
        for param in command.params
        if isinstance(param.type, click.Path)
    ]


def test_no_path_parameter_asks_click_to_check_readability() -> None:
    """click's own check exits 2 with four lines; plangraph's readers say it in one, exit 1."""
    assert isinstance(cli, click.Group)
    paths = [pair for command in cli.commands.values() for pair in _paths(command)]
    assert len(paths) > 10
    assert [name for name, kind in paths if kind.readable] == []


def test_a_symlink_loop_says_so(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(ReadError) as info:
        read_plans([first])
    assert str(info.value) == f"{first}: cannot open: Too many levels of symbolic links"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line(seed_graph_file: Path) -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "plangraph", "export", "--format", "nt"]
    command += ["--graph", str(seed_graph_file)]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 1
    assert done.stderr.decode() == "Error: <stdout>: cannot write: No space left on device\n"


def test_a_file_name_with_a_newline_or_escape_stays_on_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    path = tmp_path / "new\nline\x1b[31m.txt"
    path.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"Error: {tmp_path}/new\\nline\\x1b[31m.txt: no recognisable")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", "--bogus"], "Error: No such option '--bogus'; see 'plangraph build --help'\n"),
        (["--bogus"], "Error: No such option '--bogus'; see 'plangraph --help'\n"),
        (["nosuch"], "Error: No such command 'nosuch'; see 'plangraph --help'\n"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], expected: str) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, args, prog_name="plangraph")
    assert (result.exit_code, result.output) == (2, expected)


def test_targets_offers_no_graph_format_and_a_device_is_no_graph(tmp_path: Path) -> None:
    from click.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(cli, ["targets", "-f", "ttl"], prog_name="plangraph")
    assert result.exit_code == 2
    assert "'ttl' is not one of 'table', 'csv', 'tsv', 'json', 'xml'" in result.output
    result = runner.invoke(cli, ["stats", "--graph", "/dev/null"], prog_name="plangraph")
    assert (result.exit_code, result.output) == (
        1,
        "Error: /dev/null: not a regular file; expected a graph file (Turtle, N-Triples, …)\n",
    )


def test_targets_of_an_unknown_plan_says_which_there_are(seed_graph_file: Path) -> None:
    from click.testing import CliRunner

    args = ["targets", "--plan", "nosuch", "--graph", str(seed_graph_file)]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.output) == (
        1,
        f"Error: --plan nosuch: no such plan in {seed_graph_file}; "
        "expected one of gba-2025, jjj-2025, yrd-2025\n",
    )
