"""Normalizing, done once: every later offset indexes the text this module produces."""

from __future__ import annotations

from dataclasses import dataclass

_CN_DIGITS = "〇零一二三四五六七八九十百"

_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_WIDTH.update({0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None})  # type: ignore[dict-item]
_TRANSLATION: dict[int, int | None] = dict(_WIDTH)


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
    between cells) keeps its TABs, at its ends too, so that empty cells stay in place."""
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
    return Document(source, tuple(lines), tuple(numbers))


def cn_number(text: str) -> int:
    """A number written in Chinese numerals (十七 -> 17) or digits."""
    if text.isdigit():
        return int(text)
    import cn2an  # imported lazily: it is slow to import and only needed while reading

    return int(cn2an.cn2an(text, "strict"))
