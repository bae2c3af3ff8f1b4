"""Word .docx files: paragraphs and tables in document order, one paragraph a line.

The file is a zip archive; before python-docx opens it, every member's declared size and
the actual size of the XML parts are checked against caps, so that a zip bomb is refused
instead of filling memory.  A table row is one line of TAB-separated cells: a cell merged
across columns gives its text once and empty cells for the columns it spans; a cell merged
down from the row above is empty.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ReadError

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
    lines = list(_blocks(document.element.body))
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


def _blocks(body: Any) -> Iterator[str]:
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_text(child)
        elif child.tag == f"{_W}tbl":
            yield from _table(child)
        elif child.tag == f"{_W}sdt":  # a content control wrapping blocks
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


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
