"""Legacy Word .doc files (Word 97-2003, and what WPS saves in that format): the main
document's text, one paragraph a line, a table row as TAB-separated cells.

Government sites still publish many attachments this way.  The file is an OLE compound file
(opened with olefile); its text lies in pieces listed by the piece table (the Clx of
[MS-DOC] 2.9.38) in the table stream, each piece either 8-bit (Windows-1252, "compressed") or
UTF-16LE.  The main document is read, the first ``ccpText`` characters, and the text boxes
anchored in it; footnotes, headers and comments are left out.  A field's code (between its
begin mark 0x13 and its separator 0x14, e.g. ``HYPERLINK "…"``) is dropped and its shown
result kept.

Table rows: every cell ends with the mark 0x07, and so does the row, whose mark paragraph
carries the property "table terminating paragraph" (sprmPFTtp) in the paragraph properties
(the PapxFkp pages listed by PlcBtePapx).  Those are read to tell an empty last cell from the
end of a row; a file whose properties cannot be read falls back to taking two marks in a row
as the row's end.

A paragraph's properties may also lie in the Data stream, when they are too many for the
page (sprmPHugePapx; Word and LibreOffice do so for the last paragraph of a wide table's row).
Paragraphs of a table nested in a cell end with a paragraph mark marked as an inner cell
(sprmPFInnerTableCell, sprmPFInnerTtp): they become part of the outer cell's text.

Numbers that Word draws itself (automatic list numbering such as 一、 or （一）, also in a
table's 序号 column) are not in the text; they are written out in front of their paragraphs
(read/doc_lists.py), as the .docx reader does.  A text box's text is a story of its own
after the main document; it is written out after the paragraph its shape is anchored in.
Text is taken as printed: a tracked deletion or hidden text is left out, a symbol
(sprmCSymbol) is its character (the character properties of the ChpxFkp pages).

Every size read from the file is checked against the streams before it is used, so that a
damaged or hostile file is refused with a message instead of a traceback or a huge allocation.
"""

from __future__ import annotations

import bisect
import re
import struct
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple, NoReturn

from ..errors import ReadError
from .doc_lists import SPRM_ILFO, SPRM_ILVL, Numbering, sprms

MAX_DOC_BYTES = 100_000_000  # the file itself (images included)
MAX_CHARACTERS = 20_000_000  # the main document's text
_FIB_IDENT = 0xA5EC
# what olefile raises on a damaged compound file besides its own errors (OSError); a
# directory tree nested past the interpreter's limit raises RecursionError
_BROKEN = (OSError, ValueError, IndexError, OverflowError, RecursionError, struct.error)
_CELL = "\x07"
# characters of the text stream that are not text: pictures, drawn objects, footnote and
# comment references, separators, and the optional hyphen
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x06\x08\x1f"))
_BREAKS = frozenset("\r\x0b\x0c\x0e")  # paragraph, line, page or section, column
_SHOWN = {"\x1e": "-", "\xa0": " "}
_RANGE = (ValueError, IndexError, OverflowError, struct.error)  # what a bad offset raises


def extract(path: Path, source: str) -> str:
    """The text of a .doc, one paragraph a line, table rows as TAB-separated cells."""
    word, table, data = _streams(path, source)
    document = _Document(word, table, source, data)
    text, marks = document.read()
    numbering = Numbering(table, document.pair(1), document.pair(73), document.pair(74))
    lines = _lines(text, marks, numbering, document.boxes, document.sections)
    if not any(line.strip() for line in lines):
        raise ReadError(source, "the Word document holds no text; expected a plan")
    return "\n".join(lines)


def _streams(path: Path, source: str) -> tuple[bytes, bytes, bytes]:
    """The WordDocument stream, the table stream it names and the Data stream (or b"")."""
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
        if flags & 0x0100:  # fEncrypted
            raise ReadError(source, "an encrypted .doc; save it without a password first")
        name = "1Table" if flags & 0x0200 else "0Table"  # fWhichTblStm
        if not ole.exists(name):
            raise ReadError(source, f"a damaged .doc (no {name} stream)")
        table = ole.openstream(name).read()
        data = ole.openstream("Data").read() if ole.exists("Data") else b""
    except _BROKEN as error:
        raise ReadError(source, f"a damaged .doc ({error}); expected a Word document") from None
    finally:
        ole.close()
    return word, table, data


class _Document:
    """The piece table and paragraph properties of one WordDocument stream ([MS-DOC] 2.5.1
    Fib: FibBase, csw and FibRgW97, cslw and FibRgLw97, cbRgFcLcb and FibRgFcLcb97)."""

    def __init__(self, word: bytes, table: bytes, source: str, data: bytes = b"") -> None:
        self.word, self.table, self.data, self.source = word, table, data, source
        self.pages: dict[int, tuple[list[int], list[tuple[int, _Paragraph]]]] = {}  # read
        self.bins: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self.character_bins: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self.character_pages: dict[int, list[tuple[int, int, str | None]]] = {}
        self.boxes: dict[int, tuple[str, dict[int, _Paragraph]]] = {}
        self.sections: frozenset[int] = frozenset()  # where section marks (0x0C) end paragraphs
        try:
            csw = self._u16(word, 32)
            lw = 34 + 2 * csw + 2  # FibRgLw97
            cslw = self._u16(word, lw - 2)
            self.ccp_text = self._u32(word, lw + 12)
            self.fc_lcb = lw + 4 * cslw + 2  # FibRgFcLcb97
            self.pairs = self._u16(word, self.fc_lcb - 2)
        except struct.error:
            self._damaged("its file information block is cut short")
        if self.pairs <= 33:
            self._damaged("its file information block lists no piece table")
        if self.ccp_text > MAX_CHARACTERS:
            raise ReadError(
                source,
                f"the .doc declares {self.ccp_text:,} characters; expected at most "
                f"{MAX_CHARACTERS:,}",
            )

    def read(self) -> tuple[str, dict[int, _Paragraph]]:
        """The main document's characters, and the paragraph properties at each paragraph,
        line or cell mark among them; the text boxes anchored in it go to ``self.boxes``."""
        pieces = self._pieces(*self.pair(33))  # the Clx
        self.bins = self._bin_table()
        self.character_bins = self._bin_table(12)
        if self.character_bins and any(a >= b for a, b in pairwise(self.character_bins[0])):
            self.character_bins = None  # not ascending: each piece might walk every page
        text, marks = self._span(pieces, 0, self.ccp_text)
        try:
            self.boxes = self._text_boxes(pieces, text)
            self.sections = self._section_marks(text)
        except _RANGE:  # the text boxes' tables are damaged: the document without them
            self.boxes = {}
        return text, marks

    def _span(
        self, pieces: list[tuple[int, int, int, bool]], start: int, end: int
    ) -> tuple[str, dict[int, _Paragraph]]:
        """The characters ``start`` to ``end`` (character positions) and the properties at
        the marks among them (by index into the characters)."""
        parts: list[str] = []
        marks: dict[int, _Paragraph] = {}
        for cp_start, cp_end, fc, compressed in pieces:
            first, last = max(cp_start, start), min(cp_end, end)
            if first >= last:
                continue
            width = 1 if compressed else 2
            begin = (fc // 2 if compressed else fc) + (first - cp_start) * width
            raw = self.word[begin : begin + (last - first) * width]
            if len(raw) != (last - first) * width:
                self._damaged("a text piece lies beyond the end of the document")
            chunk = raw.decode("cp1252" if compressed else "utf-16-le", "replace")
            if self.character_bins is not None:
                chunk = self._apply_characters(chunk, begin, width)
            if self.bins is not None:
                for found in _MARK.finditer(chunk):
                    at = begin + found.start() * width
                    marks[first - start + found.start()] = self._paragraph_at(self.bins, at)
            parts.append(chunk)
        text = "".join(parts)
        if self.bins is None:  # no paragraph properties to go by: two cell marks end a row
            for index, char in enumerate(text):
                if char == _CELL:
                    marks[index] = _Paragraph(True, index > 0 and text[index - 1] == _CELL)
        return text, marks

    def _section_marks(self, text: str) -> frozenset[int]:
        """The positions of the marks that end sections ([MS-DOC] 2.8.26 PlcfSed: a section
        ends just before each of its CPs after the first): a 0x0C there ends a paragraph, any
        other 0x0C is a page break inside one."""
        fc_sed, lcb_sed = self.pair(6)
        count = (lcb_sed - 4) // 16
        plc = self.table[fc_sed : fc_sed + 4 * (count + 1)]
        if count <= 0 or len(plc) != 4 * (count + 1):
            return frozenset()
        ends = struct.unpack_from(f"<{count}I", plc, 4)
        return frozenset(cp - 1 for cp in ends if 0 < cp <= len(text) and text[cp - 1] == "\x0c")

    def _text_boxes(
        self, pieces: list[tuple[int, int, int, bool]], text: str
    ) -> dict[int, tuple[str, dict[int, _Paragraph]]]:
        """The text of each text box, by the position of its anchor (0x08) in the main text:
        the shapes anchored there (PlcSpaMom: FSPA.spid) and the stories of the text boxes
        document (PlcftxbxTxt: FTXBXS.lid names the shape), [MS-DOC] 2.9.253, 2.9.106."""
        fc_spa, lcb_spa = self.pair(40)
        fc_box, lcb_box = self.pair(56)
        shapes, stories = (lcb_spa - 4) // 30, (lcb_box - 4) // 26
        spa = self.table[fc_spa : fc_spa + lcb_spa]
        box = self.table[fc_box : fc_box + lcb_box]
        if shapes <= 0 or stories <= 1 or len(spa) != 4 + 30 * shapes:
            return {}
        if len(box) != 4 + 26 * stories or len(spa) != lcb_spa or len(box) != lcb_box:
            return {}
        anchors = struct.unpack_from(f"<{shapes + 1}I", spa, 0)
        cps = struct.unpack_from(f"<{stories + 1}I", box, 0)
        story_of: dict[int, tuple[int, int]] = {}  # lid -> its characters
        for index in range(stories - 1):  # the last one is always a spare
            reusable, lid = struct.unpack_from("<H4xi", box, 4 * (stories + 1) + 22 * index + 8)
            if not reusable & 0x0001:
                story_of.setdefault(lid, (cps[index], cps[index + 1]))
        lw = 34 + 2 * self._u16(self.word, 32) + 2
        # the text boxes document follows the main text, footnotes, headers, comments, endnotes
        base = sum(struct.unpack_from("<6I", self.word, lw + 12))
        length = self._u32(self.word, lw + 36)  # ccpTxbx
        boxes: dict[int, tuple[str, dict[int, _Paragraph]]] = {}
        total = 0
        for index in range(shapes):
            cp = anchors[index]
            spid = struct.unpack_from("<i", spa, 4 * (shapes + 1) + 26 * index)[0]
            found = story_of.pop(spid, None)  # a story once, however many shapes name it
            if found is None or cp >= len(text) or text[cp] != "\x08":
                continue
            first, last = found
            total += last - first
            if not 0 <= first < last <= length or total > MAX_CHARACTERS:
                continue
            try:
                boxes[cp] = self._span(pieces, base + first, base + last)
            except ReadError:  # a damaged text box: the document without it
                continue
        return boxes

    def _pieces(self, fc_clx: int, lcb_clx: int) -> list[tuple[int, int, int, bool]]:
        """(first character, end character, file offset, 8-bit?) of each piece of text
        ([MS-DOC] 2.9.38 Clx: Prc structures, then the Pcdt with its PlcPcd)."""
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
        if cps[0] != 0 or any(a > b for a, b in pairwise(cps)):
            self._damaged("its pieces of text are out of order")
        pieces = []
        for index in range(count):
            raw_fc = self._u32(plc, 4 * (count + 1) + 8 * index + 2)  # Pcd.fc
            compressed = bool(raw_fc & 0x40000000)  # FcCompressed.fCompressed
            pieces.append((cps[index], cps[index + 1], raw_fc & 0x3FFFFFFF, compressed))
        return pieces

    def _bin_table(self, index: int = 13) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """Where the paragraph (or, ``index`` 12, character) properties lie ([MS-DOC] 2.8.6
        PlcBtePapx, 2.8.5 PlcBteChpx): the file offset at which each FKP page's runs begin,
        and the page's number; None when the file's properties cannot be read."""
        fc_bte, lcb_bte = self.pair(index)
        plc = self.table[fc_bte : fc_bte + lcb_bte]
        count = (lcb_bte - 4) // 8
        if count <= 0 or len(plc) != lcb_bte or 4 + 8 * count != lcb_bte:
            return None
        fcs = struct.unpack_from(f"<{count + 1}I", plc, 0)
        pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))
        return fcs, tuple(page & 0x3FFFFF for page in pages)  # PnFkpPapx.pn: 22 bits

    def _paragraph_at(self, bins: tuple[tuple[int, ...], tuple[int, ...]], fc: int) -> _Paragraph:
        """The properties of the paragraph holding file offset ``fc``: found in the page the
        bin table names for it, each page read once (so that a file listing a page many
        times costs no more than one listing it once)."""
        fcs, pages = bins
        index = bisect.bisect_right(fcs, fc) - 1
        if not 0 <= index < len(pages):
            return _PLAIN
        number = pages[index]
        if number not in self.pages:
            self.pages[number] = self._page(number)
        starts, runs = self.pages[number]
        at = bisect.bisect_right(starts, fc) - 1
        if at >= 0 and fc < runs[at][0]:
            return runs[at][1]
        return _PLAIN

    def _page(self, number: int) -> tuple[list[int], list[tuple[int, _Paragraph]]]:
        """The paragraphs of one PapxFkp page ([MS-DOC] 2.9.177): their first file offsets,
        and (end, properties) of each; nothing for a page that does not parse."""
        fkp = self.word[number * 512 : number * 512 + 512]
        try:
            crun = fkp[511]
            fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
            found: dict[int, _Paragraph] = {}
            runs = []
            for run in range(crun):
                offset = 2 * fkp[4 * (crun + 1) + 13 * run]  # BxPap.bOffset
                if offset not in found:
                    found[offset] = self._properties(fkp, offset) if offset else _PLAIN
                runs.append((fcs[run], fcs[run + 1], found[offset]))
        except _RANGE:
            return [], []
        runs.sort(key=lambda run: run[0])
        return [run[0] for run in runs], [(run[1], run[2]) for run in runs]

    def _properties(self, fkp: bytes, offset: int) -> _Paragraph:
        """The paragraph properties set by the PapxInFkp at ``offset`` of an FKP page: its
        cb (in words: 2 * cb - 1 bytes follow; 0: the size is in the next byte, 2 * cb')
        and its GrpPrlAndIstd (the style, then the properties)."""
        size = fkp[offset]
        if size == 0:
            start, size = offset + 2, 2 * fkp[offset + 1]
        else:
            start, size = offset + 1, 2 * size - 1
        if size < 2:
            return _PLAIN
        style = int.from_bytes(fkp[start : start + 2], "little")
        grpprl = fkp[start + 2 : start + size]
        for opcode, operand in sprms(grpprl):
            if opcode == _SPRM_HUGE_PAPX and len(operand) == 4:  # the rest, in the Data stream
                at = int.from_bytes(operand, "little")
                cb = int.from_bytes(self.data[at : at + 2], "little")  # PrcData.cbGrpprl
                grpprl += self.data[at + 2 : at + 2 + min(cb, 0x3FA2)]
        return _paragraph(grpprl, style)

    def _apply_characters(self, chunk: str, begin: int, width: int) -> str:
        """``chunk`` (at file offset ``begin``) as printed: text deleted in a tracked change
        or hidden made the dropped 0x01 (a cell mark kept, so that a row keeps its shape),
        a symbol (0x28 with sprmCFSpec and sprmCSymbol) made its character."""
        assert self.character_bins is not None
        fcs, pages = self.character_bins
        end = begin + len(chunk) * width
        chars: list[str] | None = None
        first = max(bisect.bisect_right(fcs, begin) - 1, 0)
        for index in range(first, min(bisect.bisect_left(fcs, end), len(pages))):
            if fcs[index] >= fcs[index + 1]:  # an empty or disordered range
                continue
            if pages[index] not in self.character_pages:
                self.character_pages[pages[index]] = self._character_page(pages[index])
            for run_start, run_end, effect in self.character_pages[pages[index]]:
                low, high = max(run_start, begin, fcs[index]), min(run_end, end, fcs[index + 1])
                if effect is None or low >= high:
                    continue
                chars = list(chunk) if chars is None else chars
                for at in range((low - begin) // width, -(-(high - begin) // width)):
                    if effect == "":  # deleted or hidden
                        chars[at] = chars[at] if chars[at] == _CELL else "\x01"
                    elif chars[at] == "(":
                        chars[at] = effect
        return chunk if chars is None else "".join(chars)

    def _character_page(self, number: int) -> list[tuple[int, int, str | None]]:
        """(start, end, effect) of the runs of one ChpxFkp page ([MS-DOC] 2.9.26) that matter:
        "" for deleted or hidden text, a symbol's character; nothing for a damaged page."""
        fkp = self.word[number * 512 : number * 512 + 512]
        runs: list[tuple[int, int, str | None]] = []
        try:
            crun = fkp[511]
            fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
            for run in range(crun):
                offset = 2 * fkp[4 * (crun + 1) + run]  # rgb
                if offset:
                    grpprl = fkp[offset + 1 : offset + 1 + fkp[offset]]  # Chpx: cb, grpprl
                    runs.append((fcs[run], fcs[run + 1], _character_effect(grpprl)))
        except _RANGE:
            return []
        return runs

    def pair(self, index: int) -> tuple[int, int]:
        """The (offset, size) pair ``index`` of FibRgFcLcb97; (0, 0) if the Fib has fewer."""
        if index >= self.pairs:
            return 0, 0
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
    list_format: int | None = None  # sprmPIlfo: its list instance (1-based LFO; 0: none)
    list_level: int | None = None  # sprmPIlvl
    style: int = 0  # istd: its paragraph style, which may number it


_PLAIN = _Paragraph()


_SPRM_IN_TABLE = (0x2416, 0x244B)  # sprmPFInTable, sprmPFInnerTableCell
_SPRM_TTP = (0x2417, 0x244C)  # sprmPFTtp, sprmPFInnerTtp
_SPRM_HUGE_PAPX = 0x6646  # sprmPHugePapx: an offset of more properties in the Data stream


def _paragraph(grpprl: bytes, style: int) -> _Paragraph:
    """The properties of a paragraph that matter here, from its list of properties."""
    in_table = row_end = False
    list_format: int | None = None
    list_level: int | None = None
    for opcode, operand in sprms(grpprl):
        if opcode in _SPRM_IN_TABLE or opcode in _SPRM_TTP:
            in_table = in_table or operand[:1] == b"\x01"
            row_end = row_end or (opcode == _SPRM_TTP[0] and operand[:1] == b"\x01")
        elif opcode == SPRM_ILFO and len(operand) == 2:
            list_format = int.from_bytes(operand, "little", signed=True)
        elif opcode == SPRM_ILVL and operand:
            list_level = operand[0]
    return _Paragraph(in_table, row_end, list_format, list_level, style)


_ON = (0x01, 0x81)  # a toggle's operand: on, or the opposite of the style's (off)
_SPRM_DELETED = (0x0800, 0x083C)  # sprmCFRMarkDel (a tracked deletion), sprmCFVanish
_SPRM_SPECIAL = 0x0855  # sprmCFSpec: a special character
_SPRM_SYMBOL = 0x6A09  # sprmCSymbol: font, then the symbol's character


def _character_effect(grpprl: bytes) -> str | None:
    """What the character properties ``grpprl`` do to the printed text: "" when they delete
    or hide it, a character for a symbol, None when nothing."""
    special, symbol = False, None
    for opcode, operand in sprms(grpprl):
        if opcode in _SPRM_DELETED and operand[:1] and operand[0] in _ON:
            return ""
        if opcode == _SPRM_SPECIAL:
            special = operand[:1] == b"\x01"
        elif opcode == _SPRM_SYMBOL and len(operand) == 4:
            symbol = chr(int.from_bytes(operand[2:], "little"))
    if special and symbol is not None:
        return "\x01" if "\ue000" <= symbol <= "\uf8ff" else symbol  # a symbol font's: dropped
    return None


def _lines(
    text: str,
    marks: dict[int, _Paragraph],
    numbering: Numbering | None = None,
    boxes: dict[int, tuple[str, dict[int, _Paragraph]]] | None = None,
    sections: frozenset[int] = frozenset(),
) -> list[str]:
    """Paragraph lines; the cells of a table row joined by TABs on one line (a cell's own
    paragraphs joined by spaces); a numbered paragraph's label written in front of it; the
    lines of a text box after the paragraph it is anchored in."""
    lines: list[str] = []
    boxed: list[str] = []  # the lines of text boxes anchored in the current paragraph
    cells: list[str] = []  # the current row's finished cells
    cell: list[str] = []  # the current cell's finished paragraphs
    paragraph: list[str] = []  # the current paragraph's finished lines
    current: list[str] = []  # the current line's characters
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
        elif char == _CELL or char in _BREAKS:
            properties = marks.get(index, _PLAIN)
            paragraph.append("".join(current))
            current = []
            if char == _CELL and properties.row_end:  # its paragraph holds no text
                lines.append("\t".join(cells))
                cells, cell, paragraph = [], [], []
            elif char == _CELL or char == "\r" or index in sections:  # a paragraph's end
                label = _label(numbering, properties)
                if char == _CELL or properties.in_table:
                    shown = " ".join(paragraph)
                    cell.append(label + shown if label or shown.strip() else shown)
                    cell.extend(boxed)
                    if char == _CELL:  # the cell's text on one line, TABs and all as spaces
                        cells.append(" ".join(" ".join(cell).split()))
                        cell = []
                else:
                    filled = [at for at, line in enumerate(paragraph) if line.strip()]
                    if label and filled:  # not on the empty line before a page break
                        paragraph[filled[0]] = label + paragraph[filled[0]]
                    lines.extend(paragraph)
                    lines.extend(boxed)
                paragraph, boxed = [], []
            # else a line, page or column break: a new line of the paragraph (in a cell, the
            # paragraph's lines are joined by spaces)
        elif boxes and index in boxes:  # a shape's anchor, with a text box
            boxed.extend(line for line in _lines(*boxes[index], numbering) if line.strip())
        elif code not in _DROPPED:
            current.append(_SHOWN.get(char, char))
    paragraph.append("".join(current))
    if cells or cell:
        lines.append("\t".join([*cells, *cell]))
    lines.extend(line for line in [*paragraph, *boxed] if line)
    return lines


def _label(numbering: Numbering | None, paragraph: _Paragraph) -> str:
    if numbering is None:
        return ""
    return numbering.label(paragraph.list_format, paragraph.list_level, paragraph.style)
