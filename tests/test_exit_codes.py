"""The exit status a script can rely on: 0 ok, 1 error, 2 usage, 3 does not conform.

Each code is checked twice: through click's CliRunner, and as a real process
(``python -m plangraph``), whose exit status is what a shell script sees.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.errors import EXIT_CODES, EXIT_ERROR, EXIT_NOT_CONFORMING, EXIT_OK, EXIT_USAGE

# one Plan node with none of the properties the shapes require of a plan
NOT_CONFORMING = (
    "@prefix pg: <https://w3id.org/plangraph/ontology#> .\n"
    "<https://w3id.org/plangraph/id/plan/x> a pg:Plan .\n"
)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, seed_graph_file: Path) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("exit")
    broken = folder / "broken.ttl"
    broken.write_text(NOT_CONFORMING, encoding="utf-8")
    return {
        "ok": (["stats", "--graph", str(seed_graph_file)], EXIT_OK, "Plan"),
        "missing graph": (
            ["stats", "--graph", str(folder / "none.ttl")],
            EXIT_ERROR,
            f"Error: {folder / 'none.ttl'}: no such graph file; run 'plangraph build' first",
        ),
        "missing plan file": (
            ["build", str(folder / "nope.txt"), "-o", str(folder / "out")],
            EXIT_ERROR,
            "no such file or folder",
        ),
        "unknown option": (["stats", "--no-such-option"], EXIT_USAGE, "No such option"),
        "malformed KEY=VALUE": (
            ["query", "targets", "-p", "novalue"],
            EXIT_USAGE,
            "'novalue': expected KEY=VALUE",
        ),
        "does not conform": (
            ["validate", "--graph", str(broken)],
            EXIT_NOT_CONFORMING,
            f"Error: {broken}: does not conform: 15 violation(s) listed above",
        ),
    }


NAMES = [
    "ok",
    "missing graph",
    "missing plan file",
    "unknown option",
    "malformed KEY=VALUE",
    "does not conform",
]


@pytest.mark.parametrize("name", NAMES)
def test_exit_status_through_the_runner(
    runner: CliRunner, cases: dict[str, tuple[list[str], int, str]], name: str
) -> None:
    args, code, text = cases[name]
    result = runner.invoke(cli, args)
    assert result.exit_code == code, result.output
    assert text in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", NAMES)
def test_exit_status_of_the_process(
    cases: dict[str, tuple[list[str], int, str]], name: str, tmp_path: Path
) -> None:
    args, code, text = cases[name]
    done = subprocess.run(
        [sys.executable, "-m", "plangraph", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == code, done.stderr
    assert text in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    if code not in (EXIT_OK, EXIT_USAGE):
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("Error: ")


def test_validate_lists_the_violations_before_exit_3(
    runner: CliRunner, cases: dict[str, tuple[list[str], int, str]]
) -> None:
    args, _, _ = cases["does not conform"]
    result = runner.invoke(cli, args)
    lines = result.stdout.splitlines()
    assert len(lines) == 15
    assert (
        "Violation: <https://w3id.org/plangraph/id/plan/x> pg:coversRegion: a Plan needs "
        "exactly one pg:coversRegion, a pg:Region" in lines
    )
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"]])
def test_help_documents_the_exit_codes(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    table = [line.strip() for line in result.output.split("Exit status:")[1].splitlines()]
    assert table[1:] == [f"{code}  {meaning}" for code, meaning in EXIT_CODES.items()]
    assert "3  the graph does not conform to the SHACL shapes (validate)" in table
