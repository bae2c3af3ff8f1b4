"""Normalizing, done once: every later offset indexes the text this module produces."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import HALF_WIDTH, INVISIBLE, OTHER_SPACES, cn_number
from .cells import join_cell_lines
from .loose_tables import join_loose_tables
from .script import as_read, to_simplified, without_readings

__all__ = ["Document", "cn_number", "normalize"]

_TRANSLATION: dict[int, int | None] = {**HALF_WIDTH, **OTHER_SPACES, **INVISIBLE}
#: The same mapping as characters, and the characters it changes as one class: ``str.translate``
#: looks every character of a Chinese text up one by one (seconds for a few MB), a regular
#: expression skips the ones it does not change.
_REPLACEMENT = {chr(k): "" if v is None else chr(v) for k, v in _TRANSLATION.items()}
_TRANSLATED = re.compile("[" + "".join(map(re.escape, _REPLACEMENT)) + "]")


@dataclass(frozen=True, slots=True)
class Document:
    """A normalized file: its non-empty lines and the source line number of each."""

    source: str
    lines: tuple[str, ...]
    line_numbers: tuple[int, ...]
    # a text printed in traditional characters is read in simplified ones, one with pinyin
    # readings after its characters without them (``script.py``): each line as read (before
    # table cells are joined) with the line as printed
    printed: tuple[tuple[str, str], ...] = ()


def normalize(text: str, source: str) -> Document:
    """Normalize once: full-width ASCII forms to ASCII, odd spaces to spaces, CRLF/CR to LF,
    lines stripped of indentation, empty lines dropped.  Chinese punctuation (，is the only
    exception: it becomes ``,``) such as 、。“”《》— is kept as printed.  A table row (TAB
    between cells) keeps its TABs, at its ends too, so that empty cells stay in place; a
    table pasted one cell per line, or run together without TABs, is joined into such rows
    (``cells.py``, ``loose_tables.py``).  A text printed
    in traditional characters is converted to simplified ones, character for character,
    and each line as printed kept beside (:attr:`Document.printed`); pinyin readings
    printed after characters (区(qū)域) are dropped, and corner brackets (「」『』) read as
    curved quotes; the lines as printed are kept beside."""
    text = _translate(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines, numbers = _lines(text)
    printed: tuple[tuple[str, str], ...] = ()
    read = as_read(text)  # 区(qū)域: a mirror's pinyin after characters; 「十四五」 as “十四五”
    simplified = to_simplified(read)
    if simplified is not None or read != text:
        # the same lines: spaces are not converted, a reading follows a character
        converted, same = _lines(simplified or read)
        if same == numbers and all(map(_same_length, converted, lines)):
            printed = tuple(zip(converted, lines, strict=True))
            lines = converted
    joined, numbers = join_cell_lines(lines, numbers)  # a table pasted one cell per line
    joined, numbers = join_loose_tables(joined, numbers)  # …or run together without TABs
    return Document(source, tuple(joined), tuple(numbers), printed)


def _translate(text: str) -> str:
    """``text`` with :data:`_TRANSLATION` applied."""
    return _TRANSLATED.sub(lambda match: _REPLACEMENT[match[0]], text)


def _same_length(read: str, printed: str) -> bool:
    return len(read) == len(without_readings(printed))


def _lines(text: str) -> tuple[list[str], list[int]]:
    lines: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip(" \t\f\v")
        if "\t" in line:  # a table row: keep its empty first and last cells
            line = raw.strip(" \f\v")
        if line:
            lines.append(line)
            numbers.append(number)
    return lines, numbers
