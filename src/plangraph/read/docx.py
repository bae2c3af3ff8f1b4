"""Word .docx files: paragraphs and tables in document order, one paragraph a line.

The file is a zip archive; before python-docx opens it, every member's declared size and
the actual size of the XML parts are checked against caps, so that a zip bomb is refused
instead of filling memory.  A table row is one line of TAB-separated cells: a cell merged
across columns gives its text once and empty cells for the columns it spans; a cell merged
down from the row above is empty.  Numbers that Word draws itself (automatic list numbering
such as 一、 or （一）, also in a table's 序号 column) are written out in front of their
paragraphs, as printed (read/docx_numbering.py).  Text is taken as printed: deleted,
moved-away and hidden text (w:vanish, on a run or through its style) is left out, and a
paragraph whose mark is hidden runs on into the next.  A text box's paragraphs
(w:txbxContent, in a drawing or a VML shape) are written as lines after the paragraph it is
anchored in, as the .doc reader does.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ReadError
from .docx_numbering import Numbering
from .numbers import number_label

__all__ = ["extract", "number_label"]

MAX_DOCX_BYTES = 100_000_000  # the file itself (images included)
MAX_XML_BYTES = 50_000_000  # word/document.xml and the other XML parts, uncompressed
MAX_TOTAL_BYTES = 400_000_000  # every member, uncompressed
MAX_RATIO = 200  # uncompressed / compressed for any sizeable member
# tags in all XML parts together: each parsed element costs lxml ~130 bytes (3 M: ~400 MB); a
# long plan, a run per character, has ~1.5 M; a flood of "<a/>" under the byte caps, 12 M a part
MAX_XML_TAGS = 3_000_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# left out with all they hold: properties, deleted and moved-away text, a field's code, and
# the VML copy of a drawing that Word saves for older readers next to the drawing itself
_SKIPPED = frozenset(
    {f"{_W}{name}" for name in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText")}
    | {_FALLBACK}
)
_BLANKS = frozenset(f"{_W}{name}" for name in ("tab", "br", "cr", "ptab"))
_OFF = ("0", "false", "off")
_HEX = re.compile(r"[0-9A-Fa-f]{1,6}\Z")


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
    lines = list(_Reader(document).blocks(document.element.body))
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
            tags = 0
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > 1_000_000 and ratio > MAX_RATIO:
                    raise ReadError(
                        source,
                        f"{member.filename} in the .docx expands {ratio:.0f}-fold (a zip bomb?); "
                        "refusing to unpack it",
                    )
                if member.filename.endswith((".xml", ".rels")):
                    tags += _check_member(archive, member, source, MAX_XML_TAGS - tags)
    except (zipfile.BadZipFile, EOFError) as error:
        raise ReadError(
            source, f"a damaged or truncated .docx ({error}); expected a Word document"
        ) from None
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None


def _check_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, source: str, tags_left: int
) -> int:
    """Decompress one XML part in chunks, stopping at the caps (declared sizes can lie): its
    bytes, and its tags (``<``) past ``tags_left``; the tags it holds."""
    if member.file_size > MAX_XML_BYTES:
        raise ReadError(
            source,
            f"{member.filename} in the .docx is {member.file_size / 1e6:.0f} MB; expected "
            f"under {MAX_XML_BYTES // 1_000_000} MB",
        )
    read = tags = 0
    try:
        with archive.open(member) as handle:
            while chunk := handle.read(1 << 20):
                read += len(chunk)
                tags += chunk.count(b"<")
                if read > MAX_XML_BYTES:
                    raise ReadError(
                        source,
                        f"{member.filename} in the .docx unpacks to over "
                        f"{MAX_XML_BYTES // 1_000_000} MB (a zip bomb?); refusing it",
                    )
                if tags > tags_left:
                    raise ReadError(
                        source,
                        f"the .docx's XML parts hold over {MAX_XML_TAGS:,} tags ({member.filename} "
                        "passed it; an XML flood?); expected a Word document of a plan",
                    )
    except zipfile.BadZipFile as error:
        raise ReadError(
            source, f"{member.filename} in the .docx is damaged ({error}); expected a Word document"
        ) from None
    return tags


class _Reader:
    """Lines of a document's body in order: paragraphs with their list labels, table rows, and
    the lines of a text box after the paragraph it is anchored in."""

    def __init__(self, document: Any) -> None:
        self.numbering = Numbering(document)
        self.styles = {
            style.get(f"{_W}styleId", ""): style
            for style in document.styles.element.iterchildren(f"{_W}style")
        }
        self.style_hidden: dict[str, bool | None] = {}

    def blocks(self, container: Any, in_cell: bool = False) -> Iterator[str]:
        """The lines of the paragraphs and tables in ``container`` (the body, a cell, a text
        box).  A paragraph whose mark is hidden or deleted runs on into the next one, as
        printed; in a cell, a numbered paragraph shows its label even without text (序号)."""
        joined: list[str] = []  # the text of paragraphs whose mark is not printed
        boxes: list[Any] = []  # text boxes anchored in them and in the current paragraph
        for child in container.iterchildren():
            if child.tag == f"{_W}p":
                text, anchored = self._paragraph(child)
                joined.append(text)
                boxes.extend(anchored)
                if self._mark_dropped(child):
                    continue
                text = "".join(joined).strip()
                label = self.numbering.label(child)
                yield label + text if text or (in_cell and label) else text
                yield from self._boxes(boxes)
                joined, boxes = [], []
            elif child.tag in (f"{_W}tbl", f"{_W}sdt", f"{_W}customXml"):
                if "".join(joined).strip() or boxes:  # no paragraph to run on into
                    yield "".join(joined).strip()
                    yield from self._boxes(boxes)
                    joined, boxes = [], []
                if child.tag == f"{_W}tbl":
                    yield from self._table(child)
                elif child.tag == f"{_W}customXml":  # blocks marked as custom XML
                    yield from self.blocks(child, in_cell)
                elif (content := child.find(f"{_W}sdtContent")) is not None:
                    yield from self.blocks(content, in_cell)  # a content control's blocks
        if "".join(joined).strip() or boxes:
            yield "".join(joined).strip()
            yield from self._boxes(boxes)

    def _boxes(self, boxes: list[Any]) -> Iterator[str]:
        """The lines of text boxes, without empty ones."""
        for box in boxes:
            yield from (line for line in self.blocks(box) if line.strip())

    def _paragraph(self, paragraph: Any) -> tuple[str, list[Any]]:
        """The printed text of a w:p (tabs and breaks as spaces; no deleted, moved-away or
        hidden text) and the text boxes (w:txbxContent) anchored in it."""
        parts: list[str] = []
        boxes: list[Any] = []
        properties = paragraph.find(f"{_W}pPr")
        style = _val(properties, "pStyle") if properties is not None else None
        self._walk(paragraph, style, parts, boxes)
        return "".join(parts).strip(), boxes

    def _walk(self, node: Any, style: str | None, parts: list[str], boxes: list[Any]) -> None:
        for child in node.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:  # also comments in the XML
                continue
            if tag == f"{_W}txbxContent":
                boxes.append(child)
            elif tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in _BLANKS:
                parts.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}sym":  # a symbol from a font; a symbol font's own is dropped
                parts.append(_symbol(child.get(f"{_W}char") or ""))
            elif tag != f"{_W}r" or not self._hidden(child.find(f"{_W}rPr"), style):
                self._walk(child, style, parts, boxes)

    def _mark_dropped(self, paragraph: Any) -> bool:
        """Whether the paragraph's mark is hidden, deleted or moved away (not printed)."""
        properties = paragraph.find(f"{_W}pPr")
        if properties is None:
            return False
        mark = properties.find(f"{_W}rPr")
        if mark is not None and (
            mark.find(f"{_W}del") is not None or mark.find(f"{_W}moveFrom") is not None
        ):
            return True
        return self._hidden(mark, _val(properties, "pStyle"))

    def _hidden(self, properties: Any, paragraph_style: str | None) -> bool:
        """Whether run properties make text hidden (w:vanish): set on the run, else by its
        character style, else by the paragraph's style (and the styles they are based on)."""
        if properties is not None:
            own = _toggle(properties, "vanish")
            if own is not None:
                return own
            by_style = self._style_hides(_val(properties, "rStyle"))
            if by_style is not None:
                return by_style
        return bool(self._style_hides(paragraph_style))

    def _style_hides(self, style_id: str | None) -> bool | None:
        if not style_id:
            return None
        if style_id not in self.style_hidden:
            found, current = None, style_id
            for _ in range(11):  # a style and the styles it is based on
                style = self.styles.get(current)
                if style is None:
                    break
                properties = style.find(f"{_W}rPr")
                found = _toggle(properties, "vanish") if properties is not None else None
                current = _val(style, "basedOn") or ""
                if found is not None or not current:
                    break
            self.style_hidden[style_id] = found
        return self.style_hidden[style_id]

    def _table(self, table: Any) -> Iterator[str]:
        for row in _wrapped(table, f"{_W}tr"):
            cells: list[str] = []
            for cell in _wrapped(row, f"{_W}tc"):
                properties = cell.find(f"{_W}tcPr")
                span = 1
                continued = False
                if properties is not None:
                    grid = properties.find(f"{_W}gridSpan")
                    if grid is not None and (grid.get(f"{_W}val") or "").isdigit():
                        span = max(1, min(int(grid.get(f"{_W}val")), 64))
                    merge = properties.find(f"{_W}vMerge")
                    continued = merge is not None and merge.get(f"{_W}val") != "restart"
                text = "" if continued else self._cell_text(cell)
                cells.append(text)
                cells.extend([""] * (span - 1))
            if any(cells):
                yield "\t".join(cells)

    def _cell_text(self, cell: Any) -> str:
        """A cell's paragraphs (with their list labels, text boxes and nested tables) joined
        by spaces, on one line."""
        lines = self.blocks(cell, in_cell=True)
        return " ".join(line for line in lines if line).replace("\t", " ")


def _wrapped(parent: Any, tag: str) -> Iterator[Any]:
    """The children ``tag`` (rows of a table, cells of a row) of ``parent``, also those
    wrapped in a content control (w:sdt) or custom XML."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == f"{_W}customXml":
            yield from _wrapped(child, tag)
        elif child.tag == f"{_W}sdt" and (content := child.find(f"{_W}sdtContent")) is not None:
            yield from _wrapped(content, tag)


def _symbol(char: str) -> str:
    """The character of a w:sym (its code in hex); nothing for a symbol font's private-use
    character (Wingdings' bullets and such) or a code that is no character."""
    code = int(char, 16) if _HEX.match(char) else 0
    if code <= 0 or 0xD800 <= code <= 0xDFFF or 0xE000 <= code <= 0xF8FF or code > 0x10FFFF:
        return ""
    return chr(code)


def _toggle(properties: Any, name: str) -> bool | None:
    """A toggle property such as w:vanish: True, False, or None where not set."""
    element = properties.find(f"{_W}{name}")
    if element is None:
        return None
    return element.get(f"{_W}val") not in _OFF


def _val(node: Any, name: str) -> str | None:
    child = node.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None
