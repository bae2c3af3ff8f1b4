"""A progress bar on the terminal for long work (``plangraph build``), silent elsewhere."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

STAGES = {
    "read": "reading plans",
    "extract": "extracting, writing",
    "analyse": "analysing",
    "write": "merging Turtle",
}


class TerminalProgress:
    """``progress(stage, done, total)`` as one click progress bar per stage, on stderr.

    Only draws when stderr is a terminal (never in pipes, logs or tests).
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: ProgressBar[int] | None = None
        self._stage = ""
        self._done = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        bar = self._bar
        if stage != self._stage or bar is None:
            self.close()
            self._stage, self._done = stage, 0
            label = f"{STAGES.get(stage, stage):<20}"
            bar = self._bar = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
