"""Word's list numbering in a legacy .doc ([MS-DOC] 2.9.147 PlfLst, 2.9.200 PlfLfo): the label
(一、, （二）, 3.) each numbered paragraph shows, which is drawn by Word and not in the text.

A paragraph names its list instance (an LFO, by sprmPIlfo) and level (sprmPIlvl), directly or
through its paragraph style (the stylesheet STSH, [MS-DOC] 2.9.271, and the styles it is based
on).  An LFO names a list (LSTF, by lsid) whose levels (LVL) give the start number, the number
format (MSONFC, [MS-OSHARED] 2.2.1.3) and the text with placeholders for the numbers of the
levels (xst).  Numbers count on through a list, whichever of its instances a paragraph is in;
a level restarts after a more significant one unless its LVLF says otherwise (fNoRestart,
ilvlRestartLim); an LFO may override a level's start (LFOLVL.fStartAt, numbering restarts at the
first paragraph of that instance) or its whole LVL (LFOLVL.fFormatting).

Everything read is bounded by the table stream; a list structure that does not parse leaves the
document without numbers rather than refusing it.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import NamedTuple

from .numbers import number_label

MAX_START = 0x7FFF  # LVLF.iStartAt: "MUST be less than or equal to 0x7FFF"
NO_STYLE = 0x0FFF  # istdBase of a style based on no other
SPRM_ILFO = 0x460B  # sprmPIlfo: the paragraph's list instance (1-based LFO index; 0: none)
SPRM_ILVL = 0x260A  # sprmPIlvl: its level (0-8)
SPRM_TDEF_TABLE = 0xD608  # sprmTDefTable: a variable operand with a 2-byte size
SPRM_CHG_TABS = 0xC615  # sprmPChgTabs: a size of 255 means "count the parts"
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # operand bytes by spra; 6: variable


class Level(NamedTuple):
    """One level of a list: its LVL."""

    start: int
    text: str  # xst: characters 0-8 stand for the numbers of levels 0-8
    kind: int  # MSONFC
    legal: bool  # fLegal: every number in the text shown in decimal
    restart_limit: int  # restarts after a level above this one (fNoRestart: ilvlRestartLim)


# Word's number formats (MSONFC) by the names of ST_NumberFormat that numbers.number_label reads
_NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    10: "ideographDigital",
    11: "chineseCounting",  # japaneseCounting: the same characters below a hundred
    17: "ideographDigital",  # japaneseDigitalTenThousand
    18: "decimalEnclosedCircle",
    22: "decimalZero",
    23: "bullet",
    26: "decimalEnclosedFullstop",
    27: "decimalEnclosedParen",
    28: "decimalEnclosedCircleChinese",
    30: "ideographTraditional",
    31: "ideographZodiac",
    33: "chineseCounting",  # taiwaneseCounting
    35: "chineseCounting",  # taiwaneseCountingThousand
    36: "ideographDigital",  # taiwaneseDigital
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCounting",  # chineseCountingThousand
    255: "none",
}


def number(value: int, nfc: int) -> str:
    """``value`` written in the MSONFC number format ``nfc``."""
    return number_label(value, _NFC.get(nfc, "decimal"))


class Numbering:
    """The label of each numbered paragraph, from its own list properties or its style's."""

    def __init__(
        self,
        table: bytes,
        stsh: tuple[int, int],
        plf_lst: tuple[int, int],
        plf_lfo: tuple[int, int],
    ) -> None:
        self.styles = Styles(table, *stsh)
        self.lists = Lists(table, plf_lst, plf_lfo)

    def label(self, ilfo: int | None, ilvl: int | None, istd: int) -> str:
        """The label of the next paragraph with these properties and style (counting it)."""
        if ilfo is None or ilvl is None:
            style_ilfo, style_ilvl = self.styles.numbering(istd)
            ilfo = style_ilfo if ilfo is None else ilfo
            ilvl = style_ilvl if ilvl is None else ilvl
        if not ilfo or ilfo < 0:  # 0: not numbered; negative: a Word 6 list, not read
            return ""
        return self.lists.label(ilfo, min(ilvl or 0, 8))


class Styles:
    """The list instance and level each paragraph style gives its paragraphs (STSH)."""

    def __init__(self, table: bytes, fc: int, lcb: int) -> None:
        self.own: dict[int, tuple[int | None, int | None, int]] = {}  # istd -> ilfo, ilvl, base
        self.resolved: dict[int, tuple[int | None, int | None]] = {}
        try:
            self._read(table, fc, lcb)
        except (struct.error, IndexError):
            self.own = {}

    def _read(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 6 or fc + lcb > len(table):
            return
        end = fc + lcb
        cb_stshi = struct.unpack_from("<H", table, fc)[0]
        cstd, cb_base = struct.unpack_from("<HH", table, fc + 2)  # Stshif
        at = fc + 2 + cb_stshi
        for istd in range(cstd):
            if at + 2 > end:
                break
            cb_std = struct.unpack_from("<H", table, at)[0]
            std, at = at + 2, at + 2 + cb_std
            if cb_std < cb_base or at > end:
                continue
            stk_base, cupx_next = struct.unpack_from("<HH", table, std + 2)  # StdfBase
            if stk_base & 0x000F != 1 or cupx_next & 0x000F < 1:  # not a paragraph style
                continue
            name = std + cb_base
            upx = name + 2 + 2 * struct.unpack_from("<H", table, name)[0] + 2  # xstzName
            cb_upx = struct.unpack_from("<H", table, upx)[0]  # LPUpxPapx, then istd
            if upx + 2 + cb_upx > at or cb_upx < 2:
                continue
            ilfo, ilvl = list_properties(table[upx + 4 : upx + 2 + cb_upx])
            self.own[istd] = (ilfo, ilvl, stk_base >> 4)

    def numbering(self, istd: int) -> tuple[int | None, int | None]:
        """The list instance and level of style ``istd``, or what it inherits."""
        if istd in self.resolved:
            return self.resolved[istd]
        key, ilfo, ilvl = istd, None, None
        for _ in range(11):  # styles are based on at most ten others
            found = self.own.get(istd)
            if found is None:
                break
            ilfo = found[0] if ilfo is None else ilfo
            ilvl = found[1] if ilvl is None else ilvl
            if (ilfo is not None and ilvl is not None) or found[2] == NO_STYLE:
                break
            istd = found[2]
        self.resolved[key] = ilfo, ilvl
        return ilfo, ilvl


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(opcode, operand) of each property in a list of properties ([MS-DOC] 2.2.5.1 Sprm: the
    operand's size follows from spra, the opcode's top three bits)."""
    at = 0
    while at + 2 <= len(grpprl):
        opcode = int.from_bytes(grpprl[at : at + 2], "little")
        at += 2
        spra = opcode >> 13
        if spra != 6:
            length = _OPERAND[spra]
        elif opcode == SPRM_TDEF_TABLE and at + 2 <= len(grpprl):  # a 2-byte size, plus one
            length = int.from_bytes(grpprl[at : at + 2], "little") + 1
        elif opcode == SPRM_CHG_TABS and grpprl[at : at + 1] == b"\xff":  # size from its parts
            deleted = grpprl[at + 1] if at + 1 < len(grpprl) else 0
            added = grpprl[at + 2 + 4 * deleted] if at + 2 + 4 * deleted < len(grpprl) else 0
            length = 3 + 4 * deleted + 3 * added
        elif at < len(grpprl):  # the operand's first byte: the size of the rest
            length = grpprl[at] + 1
        else:
            return
        yield opcode, grpprl[at : at + length]
        at += length


def list_properties(grpprl: bytes) -> tuple[int | None, int | None]:
    """sprmPIlfo and sprmPIlvl of a list of paragraph properties, None where not set."""
    ilfo = ilvl = None
    for opcode, operand in sprms(grpprl):
        if opcode == SPRM_ILFO and len(operand) == 2:
            ilfo = int.from_bytes(operand, "little", signed=True)
        elif opcode == SPRM_ILVL and operand:
            ilvl = operand[0]
    return ilfo, ilvl


class Lists:
    """The numbers of a .doc's lists, counted paragraph by paragraph in document order."""

    def __init__(self, table: bytes, plf_lst: tuple[int, int], plf_lfo: tuple[int, int]) -> None:
        self.levels: dict[int, list[Level]] = {}  # lsid -> its levels
        # LFO index - 1 -> (lsid, level -> overriding start, level -> overriding LVL)
        self.instances: list[tuple[int, dict[int, int], dict[int, Level]]] = []
        self.counters: dict[int, dict[int, int]] = {}  # lsid -> level -> current number
        self.started: set[tuple[int, int]] = set()  # (LFO, level) whose start override is used
        try:
            self._read_lists(table, *plf_lst)
            self._read_instances(table, *plf_lfo)
        except (struct.error, IndexError):
            self.levels, self.instances = {}, []

    def _read_lists(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 2 or fc + lcb > len(table):
            return
        count = struct.unpack_from("<h", table, fc)[0]
        if count <= 0 or 2 + 28 * count > lcb:
            return
        at = fc + lcb  # the LVLs follow the PlfLst, list by list
        for index in range(count):
            lstf = fc + 2 + 28 * index
            lsid = struct.unpack_from("<i", table, lstf)[0]
            levels = []
            for depth in range(1 if table[lstf + 26] & 0x01 else 9):  # fSimpleList
                level, at = _level(table, at, depth)
                levels.append(level)
            self.levels.setdefault(lsid, levels)

    def _read_instances(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 4 or fc + lcb > len(table):
            return
        count = struct.unpack_from("<I", table, fc)[0]
        if 4 + 16 * count > lcb:
            return
        at = fc + 4 + 16 * count  # rgLfoData, parallel to rgLfo
        for index in range(count):
            lsid, clfolvl = struct.unpack_from("<i8xB", table, fc + 4 + 16 * index)
            starts: dict[int, int] = {}
            formats: dict[int, Level] = {}
            at += 4  # LFOData.cp
            for _ in range(clfolvl):  # LFOLVL: iStartAt, then iLvl:4 fStartAt:1 fFormatting:1
                start, flags = struct.unpack_from("<iI", table, at)
                at += 8
                depth = flags & 0x0F
                if flags & 0x20:
                    formats[depth], at = _level(table, at, depth)
                if flags & 0x10:
                    starts[depth] = max(0, min(start, MAX_START))
            self.instances.append((lsid, starts, formats))

    def label(self, ilfo: int, ilvl: int) -> str:
        """The label of the next paragraph of list instance ``ilfo`` (1-based) at ``ilvl``."""
        if not 0 < ilfo <= len(self.instances):
            return ""
        lsid, starts, formats = self.instances[ilfo - 1]
        levels = self.levels.get(lsid)
        if not levels or ilvl >= len(levels):
            return ""
        levels = [formats.get(depth, level) for depth, level in enumerate(levels)]
        counters = self.counters.setdefault(lsid, {})
        if ilvl in starts and (ilfo, ilvl) not in self.started:
            self.started.add((ilfo, ilvl))
            counters[ilvl] = starts[ilvl] - 1  # the instance restarts the level
        counters[ilvl] = min(counters.get(ilvl, levels[ilvl].start - 1) + 1, 10 * MAX_START)
        for deeper in [depth for depth in counters if depth > ilvl]:
            if deeper >= len(levels) or ilvl < levels[deeper].restart_limit:
                del counters[deeper]  # a more significant level restarts the deeper ones
        level = levels[ilvl]
        if level.kind == 23:  # a bullet: not a number
            return ""
        shown = []
        for char in level.text:
            depth = ord(char)
            if depth < len(levels):  # the place of that level's number
                value = counters.get(depth, levels[depth].start)
                shown.append(number(value, 0 if level.legal else levels[depth].kind))
            elif depth >= 9:
                shown.append(char)
        return "".join(shown)


def _level(table: bytes, at: int, depth: int) -> tuple[Level, int]:
    """The LVL at ``at`` (LVLF, grpprlPapx, grpprlChpx, xst) and the offset after it."""
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    chpx, papx, limit = table[at + 24], table[at + 25], table[at + 26]
    at += 28 + papx + chpx
    cch = struct.unpack_from("<H", table, at)[0]
    text = table[at + 2 : at + 2 + 2 * cch]
    if len(text) != 2 * cch:
        raise IndexError("a list level is cut short")
    at += 2 + 2 * cch
    restart_limit = min(limit, depth) if flags & 0x08 else depth  # fNoRestart
    level = Level(
        max(0, min(start, MAX_START)),
        text.decode("utf-16-le", "replace"),
        nfc,
        bool(flags & 0x04),
        restart_limit,
    )
    return level, at
