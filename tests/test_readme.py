"""The README stays true: its two commands, every CLI command with its help text, and every
output it shows, regenerated from the commands by ``make cog`` (``scripts/readme_cog.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plangraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


def test_every_shown_output_is_generated() -> None:
    """No console or Python example is pasted by hand: each is the output of a cog block."""
    pasted: list[str] = []
    generated = False
    for number, line in enumerate(README.splitlines(), start=1):
        if line.endswith("]]] -->"):
            generated = True
        elif line.startswith("<!-- [[[end]]]"):
            generated = False
        elif line.startswith(("```console", "```python")) and not generated:
            pasted.append(f"README.md:{number}: {line}")
    assert not pasted, "\n".join(pasted)


def test_the_shown_output_is_what_the_commands_print() -> None:
    """Run every command the README shows; its output must be the one shown (else make cog)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_cog.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
