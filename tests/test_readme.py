"""The README stays true: its two commands, and every CLI command with its help text."""

from __future__ import annotations

from pathlib import Path

from plangraph.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_come_first() -> None:
    first_block = README.split("```", 2)[1]
    assert "make build" in first_block and "make test" in first_block


def test_every_command_appears_with_its_help_text() -> None:
    for name, command in sorted(cli.commands.items()):  # type: ignore[attr-defined]
        assert f"`plangraph {name}" in README, name
        summary = (command.help or "").split("\n")[0]
        assert summary and summary in README, f"{name}: {summary!r} is not in the README"


def test_placeholders_are_filled() -> None:
    assert "_TABLE" not in README
