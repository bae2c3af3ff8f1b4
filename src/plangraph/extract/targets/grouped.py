"""Tables of tasks by area under year groups, pasted one cell per line with ``|``.

A district's letter that hands tasks down to its towns prints a table whose header has two
rows: the area column and one group per deadline (``单位 | 到2025年规划指标(万亩) |
到2030年规划指标(万亩)``), then the indicators of each group (``累计建成高标准农田面积 |
累计改造提升高标准农田面积 | …``, the same ones under each year).  Saved from a web page, each
cell is a line of its own closed by ``|``, and a row ends on a line with more bars, one for
each empty cell the page dropped (``0.80 | ||``).  Each area row then gives one target per
value: the indicator of its column, the unit from its group's brackets, the year its group
names, scoped to the area (a row of the whole area, ``全区``, is the plan's own).

Empty cells are dropped with no trace of where they stood: a row with fewer values than
columns but the same number under each year (``全区 | 5.56 | 0.80 | 5.56 | 0.80`` under two
years of three indicators) gives its values to the first indicators of each group, as readers
of such tables do; a row that cannot be split so gives no target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from .clauses import Draft
from .indicators import IndicatorTable, clean_subject, derived_indicator
from .scopes import Resolver
from .tables import _UNIT_IN_NAME, _YEAR, Row, _unit, row_draft

#: The header cell of the areas' column.
_AREA_HEAD = re.compile(
    r"^(?:单位|地区|区域|地方|乡镇(?:\(街道\))?|县\(市、?区?\)|县市区|区县|市州)$"
)
#: A value cell: a number, nothing else.
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
#: A row of the whole area (全区, 全县, 全市 …).
_WHOLE = re.compile(r"^全[省市区县州旗盟镇乡]$")


def _rows(text: str) -> Iterator[list[Row]]:
    """Runs of rows pasted one cell per line (``cell |``), each row closed by a line with
    more bars; a last bare cell (the page's end) closes the run."""
    run: list[Row] = []
    cells: list[str] = []
    start = pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        head, bar, rest = line.partition("|")
        if bar and len(head.strip()) <= 30 and "\t" not in line:
            if not cells:
                start = pos
            cells.append(head.strip())
            if "|" in rest:  # the row's dropped empty cells
                run.append(Row(start, end, tuple(c for c in cells if c)))
                cells = []
        else:
            if cells and _NUMBER.match(line.strip()):
                cells.append(line.strip())  # the last cell, without its bar
                run.append(Row(start, end, tuple(cells)))
            elif cells and len(cells) > 1:
                run.append(Row(start, pos - 1, tuple(cells)))
            cells = []
            if run:
                yield run
            run = []
        pos = end + 1
    if cells:
        run.append(Row(start, pos - 1, tuple(cells)))
    if run:
        yield run


def grouped_targets(
    text: str, resolve: Resolver, table: IndicatorTable
) -> tuple[list[Draft], list[tuple[int, int]]]:
    """Targets of the tables of tasks by area under year groups in ``text``, and the spans
    of their rows."""
    drafts: list[Draft] = []
    spans: list[tuple[int, int]] = []
    for run in _rows(text):
        for i in range(len(run) - 1):
            groups = _groups(run[i].cells)
            names = run[i + 1].cells
            if not groups or len(names) % len(groups) or any(_NUMBER.match(n) for n in names):
                continue
            width = len(names) // len(groups)
            spans.extend((r.start, r.end) for r in run[i:])
            for row in run[i + 2 :]:
                drafts.extend(_row_targets(row, groups, names, width, resolve, table))
            break
    return drafts, spans


def _groups(cells: tuple[str, ...]) -> list[tuple[int, str]]:
    """The year and the unit of each group a first header row names after its area cell."""
    if len(cells) < 3 or not _AREA_HEAD.match(re.sub(r"\s+", "", cells[0])):
        return []
    groups = []
    for cell in cells[1:]:
        year = _YEAR.search(cell)
        unit = _UNIT_IN_NAME.search(cell)
        if year is None or unit is None:
            return []
        groups.append((int(year.group(1)), cell))
    return groups


def _row_targets(
    row: Row,
    groups: list[tuple[int, str]],
    names: tuple[str, ...],
    width: int,
    resolve: Resolver,
    table: IndicatorTable,
) -> list[Draft]:
    area, values = row.cells[0], row.cells[1:]
    if not values or not all(_NUMBER.match(v) for v in values) or len(values) % len(groups):
        return []
    scope = None if _WHOLE.match(area) else resolve(area)
    if scope is None and not _WHOLE.match(area):
        return []  # 合计, a name that is no place: no area of its own
    each = len(values) // len(groups)
    if each > width:
        return []
    drafts = []
    for g, (year, header) in enumerate(groups):
        unit = _unit(header, "")
        if unit is None:
            continue
        for k in range(each):
            label = clean_subject(names[g * width + k])
            drafts.append(
                row_draft(
                    row,
                    table.match(label) or derived_indicator(label),
                    Decimal(values[g * each + k]),
                    unit,
                    target_year=year,
                    scope=scope,
                )
            )
    return drafts
