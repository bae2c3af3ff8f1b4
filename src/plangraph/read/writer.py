"""The writer of a plan's normalized text: lines in, offsets and sentences out."""

from __future__ import annotations

import re

from ..model import Sentence, Unit, UnitKind

#: 。；！？ (and ; ! ?), closing quotes kept with them; also a full stop printed as a point
#: between words (断面．全市: a PDF's text layer, read as a half-width point), never one after a
#: digit (1.地表水) or in Latin text.
_SENTENCE_END = re.compile(
    r"[。;；!?！？]+[”’」』)]*|(?<=[\u4e00-\u9fff”)])\.(?= ?[\u4e00-\u9fff“(\d])"
)

#: a sentence longer than this is cut at its last clause mark (，、：, a space) in the second
#: half of this many characters, else at the length itself: the extractors' work grows faster
#: than a sentence's length (a line of 80 kB without a stop took 6 s, one of 1 MB never
#: ended), and the longest real sentence read so far has 573 characters
MAX_SENTENCE = 1000
_CLAUSE_MARKS = "，,、：: "


class Writer:
    """Builds a plan's normalized text line by line and hands out sentence offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.next_index = 1

    def add_line(self, line: str) -> int:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(line)
        self.length += len(line)
        return start

    def sentences(self, text: str, offset: int) -> tuple[Sentence, ...]:
        found = []
        for start, end in split_sentences(text):
            found.append(Sentence(self.next_index, offset + start, offset + end, text[start:end]))
            self.next_index += 1
        return tuple(found)

    def add_lines(self, lines: list[str]) -> tuple[int, list[Sentence]]:
        """Write ``lines``: where the first starts, and their sentences."""
        start = None
        sentences: list[Sentence] = []
        for line in lines:
            offset = self.add_line(line)
            start = offset if start is None else start
            sentences.extend(self.sentences(line, offset))
        assert start is not None
        return start, sentences


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in one line: at 。；！？ (and ; ! ?), closing quotes kept with them."""
    spans = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((position, match.end()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    result = []
    for start, end in spans:
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            result.extend(_cut(text, start, end) if end - start > MAX_SENTENCE else [(start, end)])
    return result


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An over-long span cut into pieces of at most :data:`MAX_SENTENCE` characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS)
        cut = limit if cut < 0 else cut + 1
        stop = cut
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        pieces.append((start, stop))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        pieces.append((start, end))
    return [(a, b) for a, b in pieces if a < b]


def unit(kind: UnitKind, writer: Writer, start: int, sentences: list[Sentence]) -> Unit:
    text = "".join(writer.parts)[start : writer.length]
    return Unit(kind, start, writer.length, text, tuple(sentences))


def lines_unit(kind: UnitKind, writer: Writer, lines: list[str]) -> Unit:
    start, sentences = writer.add_lines(lines)
    return unit(kind, writer, start, sentences)
