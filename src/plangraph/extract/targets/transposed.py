"""Indicator tables turned on their side, as web pages print them flattened with ``|``.

A page's table of main indicators often puts the header words in its first column and one
indicator per column: a row ``主要指标 | 粮食综合生产能力 | 农业科技进步贡献率 | …``, a row
``2022年目标值 | >6亿吨 | 61.5% | …`` and a row ``属性 | 约束性 | 预期性 | …``, repeated in
blocks when the indicators do not fit one width.  Saved as text, each row is a line of cells
separated by ``|`` (a header cell may sit alone on the line before its cells, and its
characters may be spaced out: ``主 要 指 标 |``).  Each column then gives one target: the
indicator from the 指标 row, the value (with its unit, or a bare ratio such as ``2.5``) and
its comparator (``>`` Above, ``≥`` AtLeast …) from the row of target values, the year from
that row's header (``2022年目标值``), and the firmness from the 属性 row.  The quote is the
value cell.  A row of values for a year before the plan's is a review, not a target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from plangraph import model

from .clauses import Draft
from .indicators import IndicatorTable, clean_subject, derived_indicator
from .numbers import read_items
from .tables import BINDING
from .unit_words import UNITLESS

#: A header cell of the indicators' names (spaces between its characters removed).
_NAMES = re.compile(r"(?:主要|具体|核心)?指标(?:名称)?")
#: A header cell of the target values: 2022年目标值, 2025年预期值, 目标值(2025年).
_TARGETS = re.compile(
    r"(?:(?P<y1>(?:19|20)\d\d)年)?(?:目标值|预期值|规划值|目标)(?:[(（](?P<y2>(?:19|20)\d\d)年?[)）])?"
)
#: A header cell of the firmness (属性: 约束性, 预期性).
_ATTRIBUTE = re.compile(r"(?:指标)?属性")
#: A value cell: a sign, a number, its unit as printed.
_VALUE = re.compile(r"(?P<cmp>>=|<=|≥|≤|>|<)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s|]{0,8})")
_SIGN: dict[str, model.Comparator] = {
    ">": "Above",
    "<": "Below",
    ">=": "AtLeast",
    "≥": "AtLeast",
    "<=": "AtMost",
    "≤": "AtMost",
}


@dataclass(frozen=True, slots=True)
class _Cell:
    start: int
    end: int
    text: str


def _lines(text: str) -> Iterator[tuple[int, int, list[_Cell]]]:
    """Each line with a ``|`` and its cells (offsets into ``text``), empty cells dropped."""
    pos = 0
    for line in text.split("\n"):
        if "|" in line:
            cells, at = [], pos
            for part in line.split("|"):
                stripped = part.strip()
                if stripped:
                    first = at + part.index(stripped)
                    cells.append(_Cell(first, first + len(stripped), stripped))
                at += len(part) + 1
            yield pos, pos + len(line), cells
        pos += len(line) + 1


def _key(cell: _Cell) -> str:
    return re.sub(r"\s+", "", cell.text)


def transposed_targets(
    text: str, plan_year: int | None, table: IndicatorTable
) -> tuple[list[Draft], list[tuple[int, int]]]:
    """Targets of the tables on their side in ``text``, and the spans of their lines."""
    drafts: list[Draft] = []
    spans: list[tuple[int, int]] = []
    names: list[_Cell] = []
    values: list[_Cell] = []
    year: int | None = None
    label: str | None = None  # a header cell alone on its line: its cells follow
    pending: list[Draft] = []
    for start, end, cells in _lines(text):
        if not cells:
            continue
        head = _key(cells[0])
        kind = _kind(head)
        if kind is not None:
            label, rest = kind, cells[1:]
            if kind == "values":
                year = _year(head)
        elif label is not None:
            rest = cells
        else:
            continue
        spans.append((start, end))
        if not rest:
            continue  # the header cell alone: its cells are on the next line
        if label == "names":
            names, values, pending = rest, [], []
        elif label == "values" and names and len(rest) == len(names):
            values = rest
            if year is not None and (plan_year is None or year >= plan_year):
                pending = [d for d in map(_draft, names, values, [table] * len(names)) if d]
                for d in pending:
                    d.target_year = year
                drafts.extend(pending)
        elif label == "binding" and pending and len(rest) == len(names):
            for d, cell in zip(pending, rest, strict=False):
                d.binding = BINDING.get(_key(cell))
        label = None
    return drafts, spans


def _kind(head: str) -> str | None:
    if _NAMES.fullmatch(head):
        return "names"
    if _TARGETS.fullmatch(head) and _year(head) is not None:
        return "values"
    if _ATTRIBUTE.fullmatch(head):
        return "binding"
    return None


def _year(head: str) -> int | None:
    m = _TARGETS.fullmatch(head)
    year = m and (m.group("y1") or m.group("y2"))
    return int(year) if year else None


def _draft(name: _Cell, value: _Cell, table: IndicatorTable) -> Draft | None:
    m = _VALUE.fullmatch(value.text)
    if m is None:
        return None
    printed = m.group("num") + m.group("unit")
    items = read_items(printed, 0)
    if m.group("unit"):
        if len(items) != 1 or items[0].unit is None or items[0].end != len(printed):
            return None  # a unit not known (万元/人 is not 万元): no figure to compare
        item = items[0]
        amount, unit, noun = item.value, item.unit, item.count_noun
    else:
        amount, unit, noun = Decimal(m.group("num")), UNITLESS, None  # a ratio: 2.5
    label = clean_subject(name.text)
    return Draft(
        sentence=0,
        start=value.start,
        end=value.end,
        order=0,
        indicator=table.match(label) or derived_indicator(label),
        value=amount,
        unit=None if unit == UNITLESS else unit,
        count_noun=noun,
        comparator=_SIGN.get(m.group("cmp") or "", "Exactly"),
    )
