"""Legacy Word .doc files (Word 97-2003, and what WPS saves in that format): the main
document's text, one paragraph a line, a table row as TAB-separated cells.

Government sites still publish many attachments this way.  The file is an OLE compound file
(opened with olefile); its text lies in pieces listed by the piece table (the Clx of
[MS-DOC] 2.9.38) in the table stream, each piece either 8-bit (Windows-1252, "compressed") or
UTF-16LE.  Only the main document is read, the first ``ccpText`` characters: footnotes,
headers and comments follow it and are left out.  A field's code (between its begin mark 0x13
and its separator 0x14, e.g. ``HYPERLINK "…"``) is dropped and its shown result kept.

Table rows: every cell ends with the mark 0x07, and so does the row, whose mark paragraph
carries the property "table terminating paragraph" (sprmPFTtp) in the paragraph properties
(the PapxFkp pages listed by PlcBtePapx).  Those are read to tell an empty last cell from the
end of a row; a file whose properties cannot be read falls back to taking two marks in a row
as the row's end.

Numbers that Word draws itself (automatic list numbering such as 一、 or （一）) are not in
the text; they are written out in front of their paragraphs from the list a paragraph's
properties name (sprmPIlfo, sprmPIlvl) and the list definitions (PlfLst, PlfLfo), as the
.docx reader does.  Not read: numbering that comes only from a paragraph's style, and a list
instance's overrides of its start numbers.

Every size read from the file is checked against the streams before it is used, so that a
damaged or hostile file is refused with a message instead of a traceback or a huge allocation.
"""

from __future__ import annotations

import bisect
import re
import struct
from pathlib import Path
from typing import NamedTuple, NoReturn

from ..errors import ReadError
from .docx import number_label

MAX_DOC_BYTES = 100_000_000  # the file itself (images included)
MAX_CHARACTERS = 20_000_000  # the main document's text
_FIB_IDENT = 0xA5EC
# what olefile raises on a damaged compound file besides its own errors (OSError)
_BROKEN = (OSError, ValueError, IndexError, OverflowError, struct.error)
_CELL = "\x07"
# characters of the text stream that are not text: pictures, drawn objects, footnote and
# comment references, separators, and the optional hyphen
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x06\x08\x1f"))
_BREAKS = frozenset("\r\x0b\x0c\x0e")  # paragraph, line, page or section, column
_SHOWN = {"\x1e": "-", "\xa0": " "}


def extract(path: Path, source: str) -> str:
    """The text of a .doc, one paragraph a line, table rows as TAB-separated cells."""
    word, table = _streams(path, source)
    document = _Document(word, table, source)
    text, marks = document.read()
    lines = _lines(text, marks, _Lists(document))
    if not any(line.strip() for line in lines):
        raise ReadError(source, "the Word document holds no text; expected a plan")
    return "\n".join(lines)


def _streams(path: Path, source: str) -> tuple[bytes, bytes]:
    """The WordDocument stream and the table stream it names."""
    import olefile

    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None
    if size > MAX_DOC_BYTES:
        raise ReadError(
            source,
            f"the .doc is {size / 1e6:.0f} MB; expected under {MAX_DOC_BYTES // 1_000_000} MB",
        )
    try:
        ole = olefile.OleFileIO(str(path))
    except _BROKEN as error:  # olefile's own errors are OSError subclasses
        raise ReadError(source, f"a damaged .doc ({error}); expected a Word document") from None
    try:
        if not ole.exists("WordDocument"):
            raise ReadError(
                source,
                "an OLE file that is not a Word document (no WordDocument stream; an Excel "
                "or PowerPoint file?); expected a plan as .doc, .docx, .pdf, .html or .txt",
            )
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x200:
            raise ReadError(source, "a damaged .doc (its WordDocument stream is too short)")
        ident, flags = struct.unpack_from("<H8xH", word, 0)
        if ident != _FIB_IDENT:
            raise ReadError(
                source, "a .doc from before Word 97 (or damaged); save it as .docx or PDF first"
            )
        if flags & 0x0100:
            raise ReadError(source, "an encrypted .doc; save it without a password first")
        name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(name):
            raise ReadError(source, f"a damaged .doc (no {name} stream)")
        table = ole.openstream(name).read()
    except _BROKEN as error:
        raise ReadError(source, f"a damaged .doc ({error}); expected a Word document") from None
    finally:
        ole.close()
    return word, table


class _Document:
    """The piece table and paragraph properties of one WordDocument stream."""

    def __init__(self, word: bytes, table: bytes, source: str) -> None:
        self.word, self.table, self.source = word, table, source
        try:
            csw = self._u16(word, 32)
            lw = 34 + 2 * csw + 2  # FibRgLw97
            cslw = self._u16(word, lw - 2)
            self.ccp_text = self._u32(word, lw + 12)
            fc_lcb = lw + 4 * cslw + 2  # FibRgFcLcb97
            pairs = self._u16(word, fc_lcb - 2)
        except struct.error:
            self._damaged("its file information block is cut short")
        if pairs <= 33:
            self._damaged("its file information block lists no piece table")
        self.fc_lcb = fc_lcb
        if self.ccp_text > MAX_CHARACTERS:
            raise ReadError(
                source,
                f"the .doc declares {self.ccp_text:,} characters; expected at most "
                f"{MAX_CHARACTERS:,}",
            )

    def read(self) -> tuple[str, dict[int, _Paragraph]]:
        """The main document's characters, and the paragraph properties at each paragraph,
        line or cell mark among them."""
        fc_clx, lcb_clx = self._pair(33)
        pieces = self._pieces(fc_clx, lcb_clx)
        runs = self._paragraph_runs()
        starts = [run[0] for run in runs] if runs is not None else []
        parts: list[str] = []
        marks: dict[int, _Paragraph] = {}
        done = 0
        for cp_start, cp_end, fc, compressed in pieces:
            if cp_start >= self.ccp_text:
                break
            count = min(cp_end, self.ccp_text) - cp_start
            if count <= 0:
                continue
            width = 1 if compressed else 2
            begin = fc // 2 if compressed else fc
            raw = self.word[begin : begin + count * width]
            if len(raw) != count * width:
                self._damaged("a text piece lies beyond the end of the document")
            chunk = raw.decode("cp1252" if compressed else "utf-16-le", "replace")
            if runs is not None:
                for found in _MARK.finditer(chunk):
                    at = begin + found.start() * width
                    marks[done + found.start()] = _flags(runs, starts, at)
            parts.append(chunk)
            done += count
        text = "".join(parts)
        if runs is None:  # no paragraph properties to go by: two cell marks end a row
            for index, char in enumerate(text):
                if char == _CELL:
                    marks[index] = _Paragraph(True, index > 0 and text[index - 1] == _CELL)
        return text, marks

    def _pieces(self, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int, bool]]:
        """(first character, end character, file offset, 8-bit?) of each piece of text."""
        clx = self.table[fc_clx : fc_clx + lcb_clx]
        if len(clx) != lcb_clx or not clx:
            self._damaged("its piece table lies beyond the table stream")
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # Prc: formatting of pieces, skipped
            at += 3 + self._u16(clx, at + 1)
        if at >= len(clx) or clx[at] != 0x02:
            self._damaged("its piece table is not where the file says")
        size = self._u32(clx, at + 1)
        plc = clx[at + 5 : at + 5 + size]
        count = (size - 4) // 12
        if len(plc) != size or count <= 0 or 4 + 12 * count != size:
            self._damaged("its piece table has a wrong size")
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pieces = []
        for index in range(count):
            raw_fc = self._u32(plc, 4 * (count + 1) + 8 * index + 2)
            compressed = bool(raw_fc & 0x40000000)
            pieces.append((cps[index], cps[index + 1], raw_fc & 0x3FFFFFFF, compressed))
        return pieces

    def _paragraph_runs(self) -> list[tuple[int, int, _Paragraph]] | None:
        """(start, end, properties) of every paragraph by file offset, from the PapxFkp
        pages; None when the file's paragraph properties cannot be read."""
        try:
            fc_bte, lcb_bte = self._pair(13)  # PlcBtePapx
            plc = self.table[fc_bte : fc_bte + lcb_bte]
            count = (lcb_bte - 4) // 8
            if count <= 0 or len(plc) != lcb_bte or 4 + 8 * count != lcb_bte:
                return None
            runs: list[tuple[int, int, _Paragraph]] = []
            for index in range(count):
                page = (self._u32(plc, 4 * (count + 1) + 4 * index) & 0x3FFFFF) * 512
                fkp = self.word[page : page + 512]
                if len(fkp) != 512:
                    return None
                crun = fkp[511]
                fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
                for run in range(crun):
                    offset = 2 * fkp[4 * (crun + 1) + 13 * run]
                    found = _properties(fkp, offset) if offset else _PLAIN
                    runs.append((fcs[run], fcs[run + 1], found))
        except (struct.error, IndexError):
            return None
        runs.sort(key=lambda run: run[0])
        return runs

    def _pair(self, index: int) -> tuple[int, int]:
        fc, lcb = struct.unpack_from("<II", self.word, self.fc_lcb + 8 * index)
        return fc, lcb

    def _u16(self, data: bytes, at: int) -> int:
        try:
            return int(struct.unpack_from("<H", data, at)[0])
        except struct.error:
            self._damaged("a structure is cut short")

    def _u32(self, data: bytes, at: int) -> int:
        try:
            return int(struct.unpack_from("<I", data, at)[0])
        except struct.error:
            self._damaged("a structure is cut short")

    def _damaged(self, why: str) -> NoReturn:
        raise ReadError(self.source, f"a damaged .doc ({why}); expected a Word document")


_MARK = re.compile("[\r\x07\x0b\x0c\x0e]")


class _Paragraph(NamedTuple):
    """What the paragraph properties of a .doc say of one paragraph."""

    in_table: bool = False
    row_end: bool = False  # the mark that ends a table row
    list_format: int = 0  # the list it is numbered in (1-based index of an LFO; 0: none)
    list_level: int = 0


_PLAIN = _Paragraph()


def _flags(runs: list[tuple[int, int, _Paragraph]], starts: list[int], fc: int) -> _Paragraph:
    """The properties of the paragraph holding file offset ``fc``."""
    at = bisect.bisect_right(starts, fc) - 1
    if at >= 0 and runs[at][0] <= fc < runs[at][1]:
        return runs[at][2]
    return _PLAIN


_SPRM_IN_TABLE = (0x2416, 0x244B)  # sprmPFInTable, sprmPFInnerTableCell
_SPRM_TTP = (0x2417, 0x244C)  # sprmPFTtp, sprmPFInnerTtp
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # bytes by spra; 6: variable


def _properties(fkp: bytes, offset: int) -> _Paragraph:
    """The paragraph properties set by the PapxInFkp at ``offset`` of an FKP page."""
    size = fkp[offset]
    if size == 0:
        start, size = offset + 2, 2 * fkp[offset + 1]
    else:
        start, size = offset + 1, 2 * size - 1
    grpprl = fkp[start + 2 : start + size]  # after the style index
    in_table = row_end = False
    list_format = list_level = 0
    at = 0
    while at + 2 <= len(grpprl):
        opcode = int.from_bytes(grpprl[at : at + 2], "little")
        at += 2
        spra = opcode >> 13
        if spra == 6:
            if opcode == 0xD608 and at + 2 <= len(grpprl):  # sprmTDefTable: a 2-byte size
                length = int.from_bytes(grpprl[at : at + 2], "little") + 1
            elif at < len(grpprl):
                length = grpprl[at] + 1
            else:
                break
        else:
            length = _OPERAND[spra]
        operand = grpprl[at : at + length]
        if opcode in _SPRM_IN_TABLE or opcode in _SPRM_TTP:
            in_table = in_table or operand[:1] == b"\x01"
            row_end = row_end or (opcode in _SPRM_TTP and operand[:1] == b"\x01")
        elif opcode == _SPRM_ILFO and len(operand) == 2:
            list_format = int.from_bytes(operand, "little", signed=True)
        elif opcode == _SPRM_ILVL and operand:
            list_level = operand[0]
        at += length
    return _Paragraph(in_table, row_end, max(list_format, 0), min(list_level, 8))


class _Lists:
    """Word's list numbering in a .doc: the label (一、, （二）, 3.) each numbered paragraph
    shows, from the list definitions (PlfLst with their LVLs) and list instances (PlfLfo)
    of the table stream; numbers count on through a list, a level restarting the deeper ones
    unless the deeper level says it does not."""

    def __init__(self, document: _Document) -> None:
        self.levels: dict[int, list[tuple[int, str, bool, str]]] = {}  # lsid -> levels
        self.lists: list[int] = []  # LFO index - 1 -> lsid
        self.counters: dict[int, dict[int, int]] = {}
        try:
            self._read(document)
        except (struct.error, IndexError, ValueError):
            self.levels, self.lists = {}, []

    def _read(self, document: _Document) -> None:
        table = document.table
        fc_lst, lcb_lst = document._pair(73)  # PlfLst
        fc_lfo, lcb_lfo = document._pair(74)  # PlfLfo
        if not lcb_lst or not lcb_lfo:
            return
        count = struct.unpack_from("<H", table, fc_lst)[0]
        if 2 + 28 * count > lcb_lst:
            return
        at = fc_lst + lcb_lst  # the LVLs follow the PlfLst, list by list
        for index in range(count):
            lstf = fc_lst + 2 + 28 * index
            lsid = struct.unpack_from("<i", table, lstf)[0]
            simple = table[lstf + 26] & 0x01
            levels = []
            for _ in range(1 if simple else 9):
                start, nfc, flags = struct.unpack_from("<iBB", table, at)
                chpx, papx = table[at + 24], table[at + 25]
                at += 28 + papx + chpx
                cch = struct.unpack_from("<H", table, at)[0]
                xst = table[at + 2 : at + 2 + 2 * cch].decode("utf-16-le", "replace")
                at += 2 + 2 * cch
                kind = "decimal" if flags & 0x04 else _NFC.get(nfc, "decimal")  # fLegal
                levels.append((start, xst, not flags & 0x08, kind))  # fNoRestart
            self.levels[lsid] = levels
        instances = struct.unpack_from("<I", table, fc_lfo)[0]
        if 4 + 16 * instances > lcb_lfo:
            return
        self.lists = [
            struct.unpack_from("<i", table, fc_lfo + 4 + 16 * index)[0]
            for index in range(instances)
        ]

    def label(self, paragraph: _Paragraph) -> str:
        if not 0 < paragraph.list_format <= len(self.lists):
            return ""
        lsid = self.lists[paragraph.list_format - 1]
        levels = self.levels.get(lsid)
        level = paragraph.list_level
        if not levels or level >= len(levels):
            return ""
        counters = self.counters.setdefault(lsid, {})
        counters[level] = counters.get(level, levels[level][0] - 1) + 1
        for deeper in [k for k in counters if k > level]:
            if levels[deeper][2] if deeper < len(levels) else True:
                del counters[deeper]  # a higher level restarts the lower ones
        _, text, _, kind = levels[level]
        if kind == "bullet":
            return ""
        shown = []
        for char in text:
            k = ord(char)
            if k < 9:  # the place of level k's number
                value = counters.get(k, levels[k][0] if k < len(levels) else 1)
                shown.append(number_label(value, levels[k][3] if k < len(levels) else kind))
            else:
                shown.append(char)
        return "".join(shown)


_SPRM_ILFO = 0x460B  # sprmPIlfo: the paragraph's list instance
_SPRM_ILVL = 0x260A  # sprmPIlvl: its level
# Word's number formats (MSONFC) by the names Word 2007 gives them, as docx.number_label reads
_NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    10: "ideographDigital",
    14: "decimal",
    18: "decimalEnclosedCircle",
    22: "decimalZero",
    23: "bullet",
    28: "decimalEnclosedCircleChinese",
    33: "chineseCounting",
    35: "chineseCounting",
    36: "ideographDigital",
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCountingThousand",
    255: "none",
}  # fmt: skip  (33, 35: Taiwanese counting, the same characters below a thousand)


def _lines(text: str, marks: dict[int, _Paragraph], lists: _Lists | None = None) -> list[str]:
    """Paragraph lines; the cells of a table row joined by TABs on one line (a cell's own
    paragraphs joined by spaces)."""
    lines: list[str] = []
    current: list[str] = []
    cells: list[str] = []
    fields: list[bool] = []  # open fields: True once past the separator (the shown result)
    for index, char in enumerate(text):
        code = ord(char)
        if code == 0x13:
            fields.append(False)
        elif code == 0x14:
            if fields:
                fields[-1] = True
        elif code == 0x15:
            if fields:
                fields.pop()
        elif fields and not all(fields):
            continue
        elif char == _CELL:
            if marks.get(index, _PLAIN).row_end:
                lines.append("\t".join(cells))
                cells = []
            else:
                cells.append(" ".join("".join(current).split()))
            current = []
        elif char in _BREAKS:
            paragraph = marks.get(index, _PLAIN)
            if paragraph.in_table:
                current.append(" ")
            else:
                label = lists.label(paragraph) if lists and char == "\r" and current else ""
                lines.append(label + "".join(current))
                current = []
        elif code not in _DROPPED:
            current.append(_SHOWN.get(char, char))
    if cells:
        lines.append("\t".join(cells))
    if current:
        lines.append("".join(current))
    return lines
