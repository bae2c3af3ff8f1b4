"""Normalizing, done once: every later offset indexes the text this module produces."""

from __future__ import annotations

from dataclasses import dataclass

from ..vocab import HALF_WIDTH, INVISIBLE, OTHER_SPACES, cn_number
from .cells import join_cell_lines
from .loose_tables import join_loose_tables

__all__ = ["Document", "cn_number", "normalize"]

_TRANSLATION: dict[int, int | None] = {**HALF_WIDTH, **OTHER_SPACES, **INVISIBLE}


@dataclass(frozen=True, slots=True)
class Document:
    """A normalized file: its non-empty lines and the source line number of each."""

    source: str
    lines: tuple[str, ...]
    line_numbers: tuple[int, ...]


def normalize(text: str, source: str) -> Document:
    """Normalize once: full-width ASCII forms to ASCII, odd spaces to spaces, CRLF/CR to LF,
    lines stripped of indentation, empty lines dropped.  Chinese punctuation (，is the only
    exception: it becomes ``,``) such as 、。“”《》— is kept as printed.  A table row (TAB
    between cells) keeps its TABs, at its ends too, so that empty cells stay in place; a
    table pasted one cell per line is joined into such rows (``cells.py``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATION)
    lines: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" \t\f\v")
        if "\t" in line:  # a table row: keep its empty first and last cells
            line = raw.strip(" \f\v")
        if line:
            lines.append(line)
            numbers.append(number)
    lines, numbers = join_cell_lines(lines, numbers)  # a table pasted one cell per line
    lines, numbers = join_loose_tables(lines, numbers)  # …or run together without TABs
    return Document(source, tuple(lines), tuple(numbers))
