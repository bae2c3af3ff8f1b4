"""Word .docx files: paragraphs and tables in document order, one paragraph a line.

The file is a zip archive; before python-docx opens it, every member's declared size and
the actual size of the XML parts are checked against caps, so that a zip bomb is refused
instead of filling memory.  A table row is one line of TAB-separated cells: a cell merged
across columns gives its text once and empty cells for the columns it spans; a cell merged
down from the row above is empty.  Numbers that Word draws itself (automatic list numbering
such as 一、 or （一）) are written out in front of their paragraphs, as printed.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..vocab import DIGITS

MAX_DOCX_BYTES = 100_000_000  # the file itself (images included)
MAX_XML_BYTES = 50_000_000  # word/document.xml and the other XML parts, uncompressed
MAX_TOTAL_BYTES = 400_000_000  # every member, uncompressed
MAX_RATIO = 200  # uncompressed / compressed for any sizeable member

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract(path: Path, source: str) -> str:
    """The text of a .docx, one paragraph a line, table rows as TAB-separated cells."""
    _check_archive(path, source)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(source, f"a damaged .docx ({error}); expected a Word document") from None
    except Exception as error:  # lxml's XMLSyntaxError and kin: a corrupt part
        if type(error).__module__.startswith(("lxml", "docx")):
            raise ReadError(
                source, f"a damaged .docx ({error}); expected a Word document"
            ) from None
        raise
    numbering = _Numbering(document)
    lines = list(_blocks(document.element.body, numbering))
    if not any(line.strip() for line in lines):
        raise ReadError(source, "the Word document holds no text; expected a plan")
    return "\n".join(lines)


def _check_archive(path: Path, source: str) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_DOCX_BYTES:
            raise ReadError(
                source,
                f"the .docx is {size / 1e6:.0f} MB; "
                f"expected under {MAX_DOCX_BYTES // 1_000_000} MB",
            )
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(member.file_size for member in members)
            if total > MAX_TOTAL_BYTES:
                raise ReadError(
                    source,
                    f"the .docx declares {total / 1e6:.0f} MB uncompressed (a zip bomb?); "
                    f"expected under {MAX_TOTAL_BYTES // 1_000_000} MB",
                )
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > 1_000_000 and ratio > MAX_RATIO:
                    raise ReadError(
                        source,
                        f"{member.filename} in the .docx expands {ratio:.0f}-fold (a zip bomb?); "
                        "refusing to unpack it",
                    )
                if member.filename.endswith((".xml", ".rels")):
                    _check_member(archive, member, source)
    except (zipfile.BadZipFile, EOFError) as error:
        raise ReadError(
            source, f"a damaged or truncated .docx ({error}); expected a Word document"
        ) from None
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, source: str) -> None:
    """Decompress one XML part in chunks, stopping at the cap (declared sizes can lie)."""
    if member.file_size > MAX_XML_BYTES:
        raise ReadError(
            source,
            f"{member.filename} in the .docx is {member.file_size / 1e6:.0f} MB; expected "
            f"under {MAX_XML_BYTES // 1_000_000} MB",
        )
    read = 0
    try:
        with archive.open(member) as handle:
            while chunk := handle.read(1 << 20):
                read += len(chunk)
                if read > MAX_XML_BYTES:
                    raise ReadError(
                        source,
                        f"{member.filename} in the .docx unpacks to over "
                        f"{MAX_XML_BYTES // 1_000_000} MB (a zip bomb?); refusing it",
                    )
    except zipfile.BadZipFile as error:
        raise ReadError(
            source, f"{member.filename} in the .docx is damaged ({error}); expected a Word document"
        ) from None


def _blocks(body: Any, numbering: _Numbering) -> Iterator[str]:
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            text = _paragraph_text(child)
            yield numbering.label(child) + text if text else text
        elif child.tag == f"{_W}tbl":
            yield from _table(child)
        elif child.tag == f"{_W}sdt":  # a content control wrapping blocks
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, numbering)


def _chinese(number: int) -> str:
    """一 … 九十九 as counted in Chinese (Word's chineseCounting)."""
    if number < 10:
        return DIGITS[number]
    tens, ones = divmod(number, 10)
    if number < 100:
        return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")
    return str(number)


def number_label(number: int, kind: str) -> str:
    """``number`` written in Word's number format ``kind`` (chineseCounting: 十二)."""
    if kind in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return _chinese(number)
    if kind == "ideographDigital":
        return "".join(DIGITS[int(d)] for d in str(number))
    if kind == "decimalEnclosedCircleChinese" or kind == "decimalEnclosedCircle":
        return chr(0x2460 + number - 1) if 1 <= number <= 20 else str(number)
    if kind in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (number - 1) % 26)
        return letter if kind == "upperLetter" else letter.lower()
    if kind in ("upperRoman", "lowerRoman"):
        roman = _roman(number)
        return roman if kind == "upperRoman" else roman.lower()
    if kind in ("none", "bullet"):
        return ""
    return str(number)  # decimal, decimalZero, decimalFullWidth …


def _roman(number: int) -> str:
    parts = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):  # fmt: skip
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


class _Numbering:
    """Word's automatic numbering: the label each numbered paragraph shows (一、, （一）, 1.)."""

    def __init__(self, document: Any) -> None:
        # numId -> ilvl -> (format, text such as "（%2）", start, restarts after a higher level)
        self.levels: dict[str, dict[int, tuple[str, str, int, bool]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            abstract: dict[str, dict[int, tuple[str, str, int, bool]]] = {}
            for node in root.iterchildren(f"{_W}abstractNum"):
                levels = {}
                for level in node.iterchildren(f"{_W}lvl"):
                    levels[int(level.get(f"{_W}ilvl", "0"))] = (
                        _val(level, "numFmt") or "decimal",
                        _val(level, "lvlText") or "",
                        int(_val(level, "start") or "1"),
                        _val(level, "lvlRestart") != "0",
                    )
                abstract[node.get(f"{_W}abstractNumId", "")] = levels
            for node in root.iterchildren(f"{_W}num"):
                ref = node.find(f"{_W}abstractNumId")
                key = ref.get(f"{_W}val", "") if ref is not None else ""
                self.abstract_of[node.get(f"{_W}numId", "")] = key
                self.levels[node.get(f"{_W}numId", "")] = abstract.get(key, {})
        for style in document.styles.element.iterchildren(f"{_W}style"):
            self.styles[style.get(f"{_W}styleId", "")] = style

    def label(self, paragraph: Any) -> str:
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            if levels.get(deeper, ("", "", 1, True))[3]:
                del counters[deeper]  # a higher level restarts the lower ones
        kind, text, _, _ = levels[ilvl]
        if kind == "bullet":
            return ""
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels.get(k, ("decimal", "", 1, True))[2])
                text = text.replace(f"%{k + 1}", number_label(value, levels.get(k, (kind,))[0]))
        return text

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        properties = paragraph.find(f"{_W}pPr")
        style_id = None
        for _ in range(6):  # the paragraph, then its style and the styles it is based on
            if properties is not None:
                num_pr = properties.find(f"{_W}numPr")
                if num_pr is not None:
                    num_id = _val(num_pr, "numId")
                    if not num_id or num_id == "0":
                        return None
                    return num_id, int(_val(num_pr, "ilvl") or "0")
                style_id = _val(properties, "pStyle") if style_id is None else style_id
            style = self.styles.get(style_id or "")
            if style is None:
                return None
            properties = style.find(f"{_W}pPr")
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val") if based is not None else ""
        return None


def _val(node: Any, name: str) -> str | None:
    child = node.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None


def _paragraph_text(paragraph: Any) -> str:
    """The visible text of a w:p: runs, tabs as spaces, breaks as spaces; no deleted text."""
    parts: list[str] = []
    for element in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}delText"):
        if element.tag == f"{_W}t":
            parts.append(element.text or "")
        elif element.tag != f"{_W}delText":
            parts.append(" ")
    return "".join(parts).strip()


def _table(table: Any) -> Iterator[str]:
    for row in table.iterchildren(f"{_W}tr"):
        cells: list[str] = []
        for cell in row.iterchildren(f"{_W}tc"):
            properties = cell.find(f"{_W}tcPr")
            span = 1
            continued = False
            if properties is not None:
                grid = properties.find(f"{_W}gridSpan")
                if grid is not None and (grid.get(f"{_W}val") or "").isdigit():
                    span = max(1, min(int(grid.get(f"{_W}val")), 64))
                merge = properties.find(f"{_W}vMerge")
                continued = merge is not None and merge.get(f"{_W}val") != "restart"
            text = "" if continued else _cell_text(cell)
            cells.append(text)
            cells.extend([""] * (span - 1))
        if any(cells):
            yield "\t".join(cells)


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs (and nested tables) joined by spaces, on one line."""
    texts: list[str] = []
    for child in cell.iterchildren():
        if child.tag == f"{_W}p":
            texts.append(_paragraph_text(child))
        elif child.tag == f"{_W}tbl":
            texts.extend(line.replace("\t", " ") for line in _table(child))
    return " ".join(text for text in texts if text).replace("\t", " ")
